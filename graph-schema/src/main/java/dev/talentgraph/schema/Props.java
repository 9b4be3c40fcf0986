package dev.talentgraph.schema;

/** Property keys shared across modules. */
public final class Props {
  private Props() {}

  /** Stable, unique, caller-visible id of every business node (MERGE key). */
  public static final String ID = "id";
  public static final String NAME = "name";
  public static final String TITLE = "title";
  public static final String DESCRIPTION = "description";
  /** Alternative names of a skill (list of strings); covered by the full-text index. */
  public static final String ALIASES = "aliases";
  /** Where a node or fact came from: "demo", "esco", "onet", "aan", "api", ... */
  public static final String SOURCE = "source";
  /** External identifier in its source (ESCO concept URI, O*NET code, AAN paper id). */
  public static final String URI = "uri";

  public static final String COUNTRY = "country";
  public static final String REGION = "region";
  public static final String HOURS = "hours";
  public static final String YEAR = "year";

  public static final String LEVEL = "level";
  public static final String EVIDENCE = "evidence";
  public static final String SINCE = "since";
  public static final String ROLE = "role";
  public static final String FROM = "from";
  public static final String TO = "to";
  public static final String COUNT = "count";
  public static final String FIRST_YEAR = "firstYear";
  public static final String LAST_YEAR = "lastYear";
  public static final String STATUS = "status";
  public static final String SCORE = "score";
  public static final String COMPLETED_AT = "completedAt";
  public static final String LEVEL_BEFORE = "levelBefore";
  public static final String LEVEL_AFTER = "levelAfter";
  public static final String REQUIRED = "required";

  // Careers, reviews and recruiting (written by the demo generator; read by ML and the API).
  /** Department of a Team or Expert ("Engineering", "Data", ...). */
  public static final String DEPARTMENT = "department";
  public static final String CITY = "city";
  /** Career grade of an Expert, 1 (junior) to 6 (principal / director); Promotion.fromGrade/toGrade. */
  public static final String GRADE = "grade";
  public static final String FROM_GRADE = "fromGrade";
  public static final String TO_GRADE = "toGrade";
  public static final String HIRED_AT = "hiredAt";
  /** Set when an Expert has left; {@link #STATUS} is then "departed". */
  public static final String DEPARTED_AT = "departedAt";
  public static final String DEPARTURE_REASON = "departureReason";
  /** PerformanceReview rating, 1 (below expectations) to 5 (outstanding). */
  public static final String RATING = "rating";
  public static final String DATE = "date";
  public static final String STARTED_AT = "startedAt";
  /** The skill an ENROLLED record's levelBefore/levelAfter refer to (the course's main skill). */
  public static final String SKILL_ID = "skillId";
  public static final String PROVIDER = "provider";
  public static final String VENUE = "venue";
  public static final String POSTED_AT = "postedAt";
  /** Stage of an Application: applied, screening, assessment, interview, offer, hired, rejected, withdrawn. */
  public static final String STAGE = "stage";
  public static final String APPLIED_AT = "appliedAt";

  public static final String CREATED_AT = "createdAt";
  public static final String UPDATED_AT = "updatedAt";

  /** Skill levels run from 1 (aware) to 5 (expert). */
  public static final int MIN_LEVEL = 1;
  public static final int MAX_LEVEL = 5;
}
