package dev.talentgraph.schema.recruiting;

/**
 * Property names of what a {@code :JobOpening} publishes on job boards (docs/adr/0016): the
 * employment type, the end of the posting, the salary (with whether it is internal only) and the
 * opening's text in other languages, as parallel lists (language i has title i and description i).
 */
public final class Posting {
  private Posting() {}

  /** schema.org employmentType: FULL_TIME, PART_TIME, CONTRACTOR, TEMPORARY, INTERN. */
  public static final String EMPLOYMENT_TYPE = "employmentType";

  /** The last day the posting is shown (a date). */
  public static final String VALID_THROUGH = "validThrough";

  public static final String SALARY_MIN = "salaryMin";
  public static final String SALARY_MAX = "salaryMax";

  /** ISO 4217, e.g. EUR. */
  public static final String SALARY_CURRENCY = "salaryCurrency";

  /** HOUR, DAY, WEEK, MONTH or YEAR. */
  public static final String SALARY_UNIT = "salaryUnit";

  /** True: the salary band is for the hiring team only and is never published. */
  public static final String SALARY_INTERNAL = "salaryInternal";

  /** The language (BCP 47, e.g. en) of the opening's own title and description. */
  public static final String LANGUAGE = "language";

  public static final String TRANSLATION_LANGUAGES = "translationLanguages";
  public static final String TRANSLATION_TITLES = "translationTitles";
  public static final String TRANSLATION_DESCRIPTIONS = "translationDescriptions";
}
