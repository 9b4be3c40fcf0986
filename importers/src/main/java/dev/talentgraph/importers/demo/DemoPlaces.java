package dev.talentgraph.importers.demo;

import dev.talentgraph.schema.places.Places;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The places of the demo graph: the IANA time zone of every demo city, and the remote rules, visa
 * sponsorship, salary bands and work authorisations derived from an id's hash (never from the
 * generator's random streams, so adding them changed no other draw and no count).
 */
final class DemoPlaces {
  private DemoPlaces() {}

  static final Map<String, String> ZONE_BY_CITY =
      Map.ofEntries(
          Map.entry("Berlin", "Europe/Berlin"),
          Map.entry("Munich", "Europe/Berlin"),
          Map.entry("Hamburg", "Europe/Berlin"),
          Map.entry("Paris", "Europe/Paris"),
          Map.entry("Lyon", "Europe/Paris"),
          Map.entry("London", "Europe/London"),
          Map.entry("Manchester", "Europe/London"),
          Map.entry("Edinburgh", "Europe/London"),
          Map.entry("Madrid", "Europe/Madrid"),
          Map.entry("Barcelona", "Europe/Madrid"),
          Map.entry("Warsaw", "Europe/Warsaw"),
          Map.entry("Kraków", "Europe/Warsaw"),
          Map.entry("Wrocław", "Europe/Warsaw"),
          Map.entry("Amsterdam", "Europe/Amsterdam"),
          Map.entry("Rotterdam", "Europe/Amsterdam"),
          Map.entry("New York", "America/New_York"),
          Map.entry("San Francisco", "America/Los_Angeles"),
          Map.entry("Seattle", "America/Los_Angeles"),
          Map.entry("Austin", "America/Chicago"),
          Map.entry("Toronto", "America/Toronto"),
          Map.entry("Montreal", "America/Toronto"),
          Map.entry("Vancouver", "America/Vancouver"),
          Map.entry("São Paulo", "America/Sao_Paulo"),
          Map.entry("Recife", "America/Recife"),
          Map.entry("Bangalore", "Asia/Kolkata"),
          Map.entry("Pune", "Asia/Kolkata"),
          Map.entry("Hyderabad", "Asia/Kolkata"),
          Map.entry("Singapore", "Asia/Singapore"),
          Map.entry("Tokyo", "Asia/Tokyo"),
          Map.entry("Osaka", "Asia/Tokyo"),
          Map.entry("Sydney", "Australia/Sydney"),
          Map.entry("Melbourne", "Australia/Melbourne"));

  /** The demo's EU countries: their citizens may work in each other's. */
  static final List<String> EU = List.of("DE", "FR", "ES", "PL", "NL");

  static String zone(String city) {
    return city == null ? null : ZONE_BY_CITY.get(city);
  }

  static String code(String country) {
    return Places.countryCode(country);
  }

  /** 0..99, stable for an id and a salt. */
  static int bucket(String id, int salt) {
    return Math.floorMod(id.hashCode() * 31 + salt * 0x9E3779B9, 100);
  }

  static DemoTables.Country country(String name) {
    for (DemoTables.Country c : DemoTables.COUNTRIES) if (c.name().equals(name)) return c;
    return null;
  }

  /** A candidate's city: one of their country's demo cities. */
  static String candidateCity(String id, String country) {
    DemoTables.Country c = country(country);
    if (c == null) return null;
    return c.cities().get(bucket(id, 1) % c.cities().size());
  }

  /** EU citizens may work across the EU; one in ten others also holds a UK or US permit. */
  static List<String> workAuthorization(String id, String countryCode) {
    List<String> out = new ArrayList<>();
    if (EU.contains(countryCode)) for (String c : EU) if (!c.equals(countryCode)) out.add(c);
    int b = bucket(id, 2);
    if (b < 5 && !"GB".equals(countryCode)) out.add("GB");
    else if (b < 10 && !"US".equals(countryCode)) out.add("US");
    return out;
  }

  /** One expert in seven prefers remote work. */
  static String expertPreference(String id) {
    return bucket(id, 3) < 14 ? "remote" : null;
  }

  /** The demo countries of a region (allowed countries of a remote opening). */
  static List<String> regionCountries(String region) {
    return DemoTables.COUNTRIES.stream()
        .filter(c -> c.region().equals(region))
        .map(c -> code(c.name()))
        .toList();
  }
}
