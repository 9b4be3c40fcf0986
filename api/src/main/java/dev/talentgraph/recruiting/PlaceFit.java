package dev.talentgraph.recruiting;

import dev.talentgraph.schema.places.Places;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a person's place fits an opening's (docs/adr/0016). Hard filters, which take a person out of
 * a ranking: a remote opening's allowed countries, a remote opening's minimum overlap of working
 * hours, and the right to work in an onsite or hybrid opening's country (own country, work
 * authorisation, or a visa the opening sponsors). Preferences, which scale the score: the hours of
 * overlap with the team for remote work ({@code 0.85 + 0.15 x overlap / 8}), relocation for onsite
 * and hybrid work (0.95), a visa to sponsor (0.95) and a person wanting remote work where the
 * opening is onsite (0.9). What is unknown (a person without a country or time zone, an opening
 * without a policy) neither filters nor scales, and the text says so.
 */
record PlaceFit(
    String policy,
    boolean eligible,
    Double overlapHours,
    Boolean needsSponsorship,
    double factor,
    String text) {

  static final double REMOTE_BASE = 0.85, REMOTE_OVERLAP = 0.15;
  static final double RELOCATION = 0.95, SPONSORSHIP = 0.95, WANTS_REMOTE = 0.9;

  /** No place rule applies: the score is unchanged. */
  static final PlaceFit NONE = new PlaceFit(null, true, null, null, 1.0, null);

  /** An opening's place; {@code remoteCountries} empty means anywhere. */
  record OpeningPlace(
      String countryCode,
      String city,
      String timeZone,
      String remotePolicy,
      List<String> remoteCountries,
      Integer minOverlapHours,
      boolean visaSponsorship) {}

  /** A person's place; {@code remotePolicy} is what they want (null: no preference). */
  record PersonPlace(
      String countryCode,
      String city,
      String timeZone,
      String remotePolicy,
      List<String> workAuthorization) {}

  static PlaceFit of(OpeningPlace o, PersonPlace p, LocalDate day) {
    if (o == null || o.remotePolicy() == null) return NONE;
    String policy = o.remotePolicy().toLowerCase(Locale.ROOT);
    if (p == null) p = new PersonPlace(null, null, null, null, List.of());
    Double overlap = overlap(o.timeZone(), p.timeZone(), day);
    List<String> words = new ArrayList<>();
    double factor = 1.0;
    if (policy.equals("remote")) {
      words.add("remote");
      if (!o.remoteCountries().isEmpty()) {
        if (p.countryCode() == null) {
          words.add("country unknown (allowed: " + String.join(", ", o.remoteCountries()) + ")");
        } else if (!o.remoteCountries().contains(p.countryCode())) {
          return excluded(
              policy,
              overlap,
              null,
              "remote from "
                  + p.countryCode()
                  + " not allowed (only "
                  + String.join(", ", o.remoteCountries())
                  + ")");
        } else {
          words.add("from " + p.countryCode() + " (allowed)");
        }
      }
      if (overlap == null) {
        words.add("time zone unknown");
      } else {
        if (o.minOverlapHours() != null && overlap < o.minOverlapHours()) {
          return excluded(
              policy,
              overlap,
              null,
              "remote, "
                  + hours(overlap)
                  + " overlap with the team, opening needs "
                  + o.minOverlapHours()
                  + " h");
        }
        words.add(hours(overlap) + " overlap with the team");
        factor *=
            REMOTE_BASE + REMOTE_OVERLAP * Math.min(overlap, Places.WORK_HOURS) / Places.WORK_HOURS;
      }
      return new PlaceFit(policy, true, overlap, null, factor, String.join(", ", words));
    }
    // onsite or hybrid: the person must be allowed to work in the opening's country
    words.add(
        policy
            + (o.city() != null ? " in " + o.city() : "")
            + (o.countryCode() != null ? " (" + o.countryCode() + ")" : ""));
    Boolean needsVisa = null;
    if (o.countryCode() != null && p.countryCode() != null) {
      needsVisa =
          !o.countryCode().equals(p.countryCode())
              && !p.workAuthorization().contains(o.countryCode());
      if (needsVisa && !o.visaSponsorship()) {
        return excluded(
            policy, overlap, true, words.get(0) + ", needs sponsorship, opening offers none");
      }
      if (needsVisa) {
        words.add("needs sponsorship, opening offers it");
        factor *= SPONSORSHIP;
      } else if (!o.countryCode().equals(p.countryCode())) {
        words.add("authorised to work in " + o.countryCode());
      }
      boolean sameCity =
          o.countryCode().equals(p.countryCode())
              && o.city() != null
              && o.city().equalsIgnoreCase(p.city() == null ? "" : p.city());
      if (!sameCity) {
        words.add(
            "would relocate from " + (p.city() != null ? p.city() + ", " : "") + p.countryCode());
        factor *= RELOCATION;
      } else {
        words.add("lives there");
      }
    } else {
      words.add("location unknown");
    }
    if ("remote".equalsIgnoreCase(p.remotePolicy()) && policy.equals("onsite")) {
      words.add("wants remote work");
      factor *= WANTS_REMOTE;
    }
    return new PlaceFit(policy, true, overlap, needsVisa, factor, String.join(", ", words));
  }

  private static PlaceFit excluded(String policy, Double overlap, Boolean visa, String text) {
    return new PlaceFit(policy, false, overlap, visa, 0.0, text);
  }

  static Double overlap(String zoneA, String zoneB, LocalDate day) {
    if (!Places.validZone(zoneA) || !Places.validZone(zoneB)) return null;
    return Places.overlapHours(ZoneId.of(zoneA.strip()), ZoneId.of(zoneB.strip()), day);
  }

  static String hours(double h) {
    return (h == Math.rint(h) ? String.valueOf((long) h) : String.format(Locale.ROOT, "%.1f", h))
        + " h";
  }
}
