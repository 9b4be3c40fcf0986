package dev.talentgraph.schema.places;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where people and openings are: the property names on {@code :Expert}, {@code :Candidate} and
 * {@code :JobOpening} nodes and the pure rules over them (ISO 3166 country codes, IANA time zones,
 * working-hour overlap). {@code country} keeps the display name the importers write; {@code
 * countryCode} is the ISO 3166-1 alpha-2 code matching compares.
 */
public final class Places {
  private Places() {}

  /** ISO 3166-1 alpha-2, upper case. */
  public static final String COUNTRY_CODE = "countryCode";

  /** An IANA time zone id, e.g. Europe/Berlin. */
  public static final String TIME_ZONE = "timeZone";

  /** Countries (ISO codes) a person may work in without a visa, besides their own. */
  public static final String WORK_AUTHORIZATION = "workAuthorization";

  /** On an opening: countries (ISO codes) a remote hire may work from; empty means anywhere. */
  public static final String REMOTE_COUNTRIES = "remoteCountries";

  /** On an opening: hours of working-day overlap with the team a remote hire must have. */
  public static final String MIN_OVERLAP_HOURS = "minOverlapHours";

  /** On an opening: whether it sponsors a work visa. */
  public static final String VISA_SPONSORSHIP = "visaSponsorship";

  /** The working day every overlap is computed on, in each side's local time. */
  public static final LocalTime WORK_START = LocalTime.of(9, 0), WORK_END = LocalTime.of(17, 0);

  /** Length of the working day in hours (the most two people can overlap). */
  public static final double WORK_HOURS = 8.0;

  private static final Set<String> ISO = Set.of(Locale.getISOCountries());
  private static final Map<String, String> BY_NAME = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

  static {
    for (String code : ISO) {
      BY_NAME.put(new Locale("", code).getDisplayCountry(Locale.ENGLISH), code);
    }
    BY_NAME.put("USA", "US");
    BY_NAME.put("UK", "GB");
  }

  /**
   * The ISO 3166-1 alpha-2 code of a code or an English country name ("de", "Germany", "United
   * Kingdom"), or null when it is neither.
   */
  public static String countryCode(String codeOrName) {
    if (codeOrName == null || codeOrName.isBlank()) return null;
    String s = codeOrName.strip();
    if (s.length() == 2 && ISO.contains(s.toUpperCase(Locale.ROOT)))
      return s.toUpperCase(Locale.ROOT);
    return BY_NAME.get(s);
  }

  /** The English name of an ISO code ("DE" to "Germany"), or the input when it is not one. */
  public static String countryName(String code) {
    if (code == null || !ISO.contains(code)) return code;
    return new Locale("", code).getDisplayCountry(Locale.ENGLISH);
  }

  /** Whether {@code id} is a time zone java.time knows (IANA ids such as Asia/Tokyo). */
  public static boolean validZone(String id) {
    if (id == null || id.isBlank()) return false;
    try {
      ZoneId.of(id.strip());
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  /**
   * Hours two people working 9 to 17 in their own zones share, on {@code day} in zone {@code a}:
   * {@code b}'s working days of the day before, the day itself and the day after are tried (across
   * the date line, Tokyo's Tuesday meets San Francisco's Monday) and the largest overlap counts.
   * Daylight saving time applies as on that date.
   */
  public static double overlapHours(ZoneId a, ZoneId b, LocalDate day) {
    Instant aStart = day.atTime(WORK_START).atZone(a).toInstant();
    Instant aEnd = day.atTime(WORK_END).atZone(a).toInstant();
    long best = 0;
    for (int d = -1; d <= 1; d++) {
      LocalDate other = day.plusDays(d);
      Instant bStart = other.atTime(WORK_START).atZone(b).toInstant();
      Instant bEnd = other.atTime(WORK_END).atZone(b).toInstant();
      Instant from = aStart.isAfter(bStart) ? aStart : bStart;
      Instant to = aEnd.isBefore(bEnd) ? aEnd : bEnd;
      if (to.isAfter(from)) best = Math.max(best, Duration.between(from, to).toMinutes());
    }
    return best / 60.0;
  }
}
