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

  public static final String CREATED_AT = "createdAt";
  public static final String UPDATED_AT = "updatedAt";

  /** Skill levels run from 1 (aware) to 5 (expert). */
  public static final int MIN_LEVEL = 1;
  public static final int MAX_LEVEL = 5;
}
