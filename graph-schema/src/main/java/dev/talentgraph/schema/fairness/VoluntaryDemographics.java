package dev.talentgraph.schema.fairness;

import java.util.List;

/**
 * Demographics a candidate chooses to give for equal-opportunity monitoring. They are personal data
 * (ADR 0002): fields of the person's {@code PersonalData} node, each value sealed with {@code
 * FieldCipher} under {@code "<personId>/<field>"}, beside the purpose and the date they were given.
 * They are kept apart from the HR record's {@code gender}: that was not given for this purpose.
 * Withdrawing removes every field listed here.
 */
public final class VoluntaryDemographics {
  private VoluntaryDemographics() {}

  /** Self-described gender, e.g. female, male, non-binary. */
  public static final String GENDER = "voluntaryGender";

  /** Self-described race or ethnicity (the categories a local audit uses). */
  public static final String ETHNICITY = "voluntaryEthnicity";

  /** Age band, e.g. under-40, 40-and-over. */
  public static final String AGE_BAND = "voluntaryAgeBand";

  /** Why they are held, stored with them (sealed like the values). */
  public static final String PURPOSE_FIELD = "demographicsPurpose";

  /** When they were given (ISO date-time, sealed). */
  public static final String GIVEN_AT = "demographicsGivenAt";

  /** The attribute fields, in the order of {@code DemographicAttribute}. */
  public static final List<String> ATTRIBUTES = List.of(GENDER, ETHNICITY, AGE_BAND);

  /** Every field a withdrawal removes. */
  public static final List<String> ALL =
      List.of(GENDER, ETHNICITY, AGE_BAND, PURPOSE_FIELD, GIVEN_AT);

  /** The consent purpose under which they are held. */
  public static final String CONSENT_PURPOSE = "fairness_monitoring";

  /** The consent purpose of processing an application at all. */
  public static final String RECRUITING_PURPOSE = "recruiting";

  /** The documented purpose, stored with the values and shown to the candidate. */
  public static final String PURPOSE =
      "Equal-opportunity monitoring: aggregate selection rates per stage by group (four-fifths"
          + " rule); never shown to reviewers, never a model feature, withdrawable at any time.";

  /** Graph field of a GraphQL attribute name (GENDER, ETHNICITY, AGE_BAND). */
  public static String field(String attribute) {
    return switch (attribute == null ? "GENDER" : attribute) {
      case "ETHNICITY" -> ETHNICITY;
      case "AGE_BAND" -> AGE_BAND;
      default -> GENDER;
    };
  }
}
