package dev.talentgraph.retention;

import java.time.Period;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;

/**
 * {@code talent.retention.*}: how long a rejected or withdrawn candidate's personal data and
 * interview feedback are kept, from the day their last application closed. {@code default} applies
 * to every country without an entry in {@code countries} (keyed by the country as stored on the
 * candidate, e.g. {@code Germany}; case-insensitive). {@code cron}: when {@code serve} runs the job
 * (Spring cron, default daily at 02:30 UTC).
 */
@ConfigurationProperties("talent.retention")
public record RetentionSettings(
    @Name("default") Period defaultPeriod, Map<String, Period> countries, String cron) {
  public static final Period DEFAULT = Period.ofDays(180);

  public RetentionSettings {
    if (defaultPeriod == null) defaultPeriod = DEFAULT;
    Map<String, Period> byCountry = new TreeMap<>();
    if (countries != null)
      countries.forEach((k, v) -> byCountry.put(k.toLowerCase(Locale.ROOT), v));
    countries = Map.copyOf(byCountry);
    if (cron == null || cron.isBlank()) cron = "0 30 2 * * *";
    if (defaultPeriod.isNegative() || defaultPeriod.isZero())
      throw new IllegalArgumentException("talent.retention.default must be positive");
    for (var e : countries.entrySet())
      if (e.getValue().isNegative() || e.getValue().isZero())
        throw new IllegalArgumentException(
            "talent.retention.countries." + e.getKey() + " must be positive");
  }

  /** The period of a country (null or unknown: the default). */
  public Period periodFor(String country) {
    if (country == null) return defaultPeriod;
    return countries.getOrDefault(country.toLowerCase(Locale.ROOT), defaultPeriod);
  }
}
