package dev.talentgraph.recruiting;

import dev.talentgraph.graphql.UserError;
import dev.talentgraph.schema.places.Places;
import dev.talentgraph.schema.recruiting.Posting;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.IllformedLocaleException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The place and posting parts of the opening and candidate inputs (docs/adr/0016): validation into
 * {@link UserError}s and the node properties they set. A null field leaves the property as it is;
 * on an opening a {@code country} name without a {@code countryCode} also sets the code when it
 * names a country.
 */
final class OpeningInputs {
  private OpeningInputs() {}

  static final int MAX_TEXT = 20_000, MAX_NAME = 200;
  static final Set<String> EMPLOYMENT_TYPES =
      Set.of("FULL_TIME", "PART_TIME", "CONTRACTOR", "TEMPORARY", "INTERN");
  static final Set<String> SALARY_UNITS = Set.of("HOUR", "DAY", "WEEK", "MONTH", "YEAR");

  record OpeningPlaceInput(
      String countryCode,
      String timeZone,
      List<String> remoteCountries,
      Integer minOverlapHours,
      Boolean visaSponsorship) {}

  record SalaryInput(Double min, Double max, String currency, String unit, Boolean internal) {}

  record TranslationInput(String language, String title, String description) {}

  record PostingInput(
      String language,
      String employmentType,
      String validThrough,
      SalaryInput salary,
      List<TranslationInput> translations) {}

  record PersonPlaceInput(
      String countryCode,
      String city,
      String timeZone,
      String remotePolicy,
      List<String> workAuthorization) {}

  /** Properties of an opening's place; {@code country} is the input's country name, if any. */
  static Map<String, Object> openingPlace(
      List<UserError> errors, OpeningPlaceInput in, String country) {
    Map<String, Object> props = new HashMap<>();
    String code = in == null ? null : in.countryCode();
    if (code != null)
      props.put(Places.COUNTRY_CODE, countryCode(errors, "place.countryCode", code));
    else if (country != null && Places.countryCode(country) != null)
      props.put(Places.COUNTRY_CODE, Places.countryCode(country));
    if (in == null) return props;
    if (in.timeZone() != null)
      props.put(Places.TIME_ZONE, zone(errors, "place.timeZone", in.timeZone()));
    if (in.remoteCountries() != null)
      props.put(
          Places.REMOTE_COUNTRIES,
          countryCodes(errors, "place.remoteCountries", in.remoteCountries()));
    if (in.minOverlapHours() != null) {
      if (in.minOverlapHours() < 0 || in.minOverlapHours() > 8)
        errors.add(UserError.outOfRange("place.minOverlapHours", in.minOverlapHours(), 0, 8));
      props.put(Places.MIN_OVERLAP_HOURS, in.minOverlapHours());
    }
    if (in.visaSponsorship() != null) props.put(Places.VISA_SPONSORSHIP, in.visaSponsorship());
    return props;
  }

  static Map<String, Object> posting(List<UserError> errors, PostingInput in) {
    Map<String, Object> props = new HashMap<>();
    if (in == null) return props;
    if (in.language() != null)
      props.put(Posting.LANGUAGE, language(errors, "posting.language", in.language()));
    if (in.employmentType() != null) {
      if (!EMPLOYMENT_TYPES.contains(in.employmentType()))
        errors.add(UserError.invalid("posting.employmentType", "one of " + EMPLOYMENT_TYPES));
      props.put(Posting.EMPLOYMENT_TYPE, in.employmentType());
    }
    if (in.validThrough() != null) {
      try {
        props.put(Posting.VALID_THROUGH, LocalDate.parse(in.validThrough()));
      } catch (DateTimeParseException e) {
        errors.add(UserError.invalid("posting.validThrough", "a date such as 2027-01-31"));
      }
    }
    SalaryInput s = in.salary();
    if (s != null) {
      if (s.min() == null && s.max() == null)
        errors.add(UserError.invalid("posting.salary", "give min, max or both"));
      if (s.min() != null && s.max() != null && s.min() > s.max())
        errors.add(UserError.invalid("posting.salary", "min is above max"));
      if ((s.min() != null && s.min() < 0) || (s.max() != null && s.max() < 0))
        errors.add(UserError.invalid("posting.salary", "amounts are not negative"));
      String currency = s.currency() == null ? null : s.currency().strip().toUpperCase(Locale.ROOT);
      try {
        if (currency == null) throw new IllegalArgumentException();
        Currency.getInstance(currency);
      } catch (IllegalArgumentException e) {
        errors.add(UserError.invalid("posting.salary.currency", "an ISO 4217 code such as EUR"));
      }
      String unit = s.unit() == null ? "YEAR" : s.unit();
      if (!SALARY_UNITS.contains(unit))
        errors.add(UserError.invalid("posting.salary.unit", "one of " + SALARY_UNITS));
      props.put(Posting.SALARY_MIN, s.min());
      props.put(Posting.SALARY_MAX, s.max());
      props.put(Posting.SALARY_CURRENCY, currency);
      props.put(Posting.SALARY_UNIT, unit);
      props.put(Posting.SALARY_INTERNAL, Boolean.TRUE.equals(s.internal()));
    }
    if (in.translations() != null) {
      List<String> langs = new ArrayList<>(), titles = new ArrayList<>(), texts = new ArrayList<>();
      for (TranslationInput t : in.translations()) {
        String lang = language(errors, "posting.translations.language", t.language());
        if (langs.contains(lang))
          errors.add(UserError.invalid("posting.translations", "language " + lang + " twice"));
        if (t.title() == null || t.title().isBlank() || t.title().length() > MAX_NAME)
          errors.add(
              UserError.invalid("posting.translations.title", "1 to " + MAX_NAME + " characters"));
        if (t.description() != null && t.description().length() > MAX_TEXT)
          errors.add(
              UserError.invalid(
                  "posting.translations.description", "at most " + MAX_TEXT + " characters"));
        langs.add(lang);
        titles.add(t.title() == null ? "" : t.title().strip());
        texts.add(t.description() == null ? "" : t.description());
      }
      props.put(Posting.TRANSLATION_LANGUAGES, langs);
      props.put(Posting.TRANSLATION_TITLES, titles);
      props.put(Posting.TRANSLATION_DESCRIPTIONS, texts);
    }
    return props;
  }

  static Map<String, Object> personPlace(List<UserError> errors, PersonPlaceInput in) {
    Map<String, Object> props = new HashMap<>();
    if (in == null) return props;
    if (in.countryCode() != null) {
      String code = countryCode(errors, "place.countryCode", in.countryCode());
      props.put(Places.COUNTRY_CODE, code);
      props.put(dev.talentgraph.schema.Props.COUNTRY, Places.countryName(code));
    }
    if (in.city() != null) {
      if (in.city().length() > MAX_NAME) errors.add(UserError.invalid("place.city", "too long"));
      props.put(dev.talentgraph.schema.Props.CITY, in.city().strip());
    }
    if (in.timeZone() != null)
      props.put(Places.TIME_ZONE, zone(errors, "place.timeZone", in.timeZone()));
    if (in.remotePolicy() != null)
      props.put(
          dev.talentgraph.schema.Props.REMOTE_POLICY, in.remotePolicy().toLowerCase(Locale.ROOT));
    if (in.workAuthorization() != null)
      props.put(
          Places.WORK_AUTHORIZATION,
          countryCodes(errors, "place.workAuthorization", in.workAuthorization()));
    return props;
  }

  private static String countryCode(List<UserError> errors, String field, String in) {
    String code = in == null ? null : in.strip().toUpperCase(Locale.ROOT);
    if (code == null || code.length() != 2 || Places.countryCode(code) == null) {
      errors.add(
          UserError.invalid(field, "an ISO 3166-1 alpha-2 code such as DE (was '" + in + "')"));
      return in;
    }
    return code;
  }

  private static List<String> countryCodes(List<UserError> errors, String field, List<String> in) {
    Set<String> out = new LinkedHashSet<>();
    for (String c : in) out.add(countryCode(errors, field, c));
    return List.copyOf(out);
  }

  private static String zone(List<UserError> errors, String field, String in) {
    if (!Places.validZone(in))
      errors.add(
          UserError.invalid(field, "an IANA time zone such as Europe/Berlin (was '" + in + "')"));
    return in.strip();
  }

  private static String language(List<UserError> errors, String field, String in) {
    try {
      String tag =
          new Locale.Builder().setLanguageTag(in == null ? "" : in.strip()).build().toLanguageTag();
      if (in == null || in.isBlank() || tag.equals("und")) throw new IllformedLocaleException();
      return tag;
    } catch (IllformedLocaleException e) {
      errors.add(UserError.invalid(field, "a BCP 47 language tag such as en or pt-BR"));
      return in;
    }
  }
}
