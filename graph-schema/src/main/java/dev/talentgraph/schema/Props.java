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

  // Models and scores (written by the ml module's registry and batch scorer).
  /** Model kind ("attrition", "high-potential"); a Model's id is kind + ':' + version. */
  public static final String KIND = "kind";
  public static final String VERSION = "version";
  /** True on the one Model version per kind that scores. */
  public static final String ACTIVE = "active";
  public static final String TRAINED_AT = "trainedAt";
  public static final String ALGORITHM = "algorithm";
  public static final String SEED = "seed";
  /** Serialisation format of a Model's bytes ("tribuo-protobuf") and its version. */
  public static final String FORMAT = "format";
  public static final String FORMAT_VERSION = "formatVersion";
  /** The serialised model (byte array). */
  public static final String BYTES = "bytes";
  /** JSON documents of a Model's provenance. */
  public static final String ENCODER = "encoder";
  public static final String FEATURE_SET = "featureSet";
  public static final String HYPERPARAMETERS = "hyperparameters";
  public static final String DATA = "data";
  public static final String METRICS = "metrics";
  /** Words for what a model's score measures ("attrition risk"), used in explanations. */
  public static final String OUTCOME = "outcome";
  /** On a Score: the model kind, the value, when it was computed and why (recruiter sentences). */
  public static final String MODEL = "model";
  public static final String VALUE = "value";
  public static final String AT = "at";
  public static final String EXPLANATION = "explanation";
  public static final String EXPLANATION_FEATURES = "explanationFeatures";
  public static final String EXPLANATION_CONTRIBUTIONS = "explanationContributions";
}
