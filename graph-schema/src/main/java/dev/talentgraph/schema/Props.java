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

  /** Strength of a tie (community membership, a bridge), a sum of edge weights. */
  public static final String WEIGHT = "weight";

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

  /**
   * Career grade of an Expert, 1 (junior) to 6 (principal / director); Promotion.fromGrade/toGrade.
   */
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

  /**
   * Stage of an Application: applied, screened, assessment, interview, offer, hired, rejected,
   * withdrawn.
   */
  public static final String STAGE = "stage";

  public static final String APPLIED_AT = "appliedAt";

  /**
   * Current interview round of an Application (stage interview); the round of an Interview or
   * StageChange.
   */
  public static final String ROUND = "round";

  /**
   * JobOpening: number of interview rounds (absent = 2), hires wanted (absent = 1), where and how
   * remote.
   */
  public static final String INTERVIEW_ROUNDS = "interviewRounds";

  public static final String HEADCOUNT = "headcount";
  public static final String LOCATION = "location";
  public static final String REMOTE_POLICY = "remotePolicy";
  public static final String CLOSED_AT = "closedAt";

  /**
   * Years of work experience of a Candidate (resume, job-change data) and of an applicant when
   * applying (Application).
   */
  public static final String EXPERIENCE_YEARS = "experienceYears";

  /** StageChange: order within its Application, who moved it and why. */
  public static final String SEQ = "seq";

  public static final String ACTOR = "actor";
  public static final String REASON = "reason";

  /** Assessment / Interview. */
  public static final String METHOD = "method";

  public static final String ASSESSOR = "assessor";
  public static final String OVERALL = "overall";
  public static final String COMPETENCIES = "competencies";
  public static final String SCORES = "scores";
  public static final String RECOMMENDATION = "recommendation";

  /**
   * Interview feedback: a FieldCipher ciphertext on the Interview's PersonalData node, bound to
   * "<interviewId>/feedback".
   */
  public static final String FEEDBACK = "feedback";

  /** Contest; and {@code contested: true} on the HAS_SKILL or Score it concerns. */
  public static final String FACT_TYPE = "factType";

  public static final String FACT_KEY = "factKey";
  public static final String RESOLVED_AT = "resolvedAt";
  public static final String RESOLVED_BY = "resolvedBy";
  public static final String RESOLUTION = "resolution";
  public static final String CONTESTED = "contested";

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

  /**
   * The data window a Model was trained on: the first and last date its rows cover (the first may
   * be absent: all history up to the last) and how many rows or pairs it learned from.
   */
  public static final String TRAINED_FROM = "trainedFrom";

  public static final String TRAINED_UNTIL = "trainedUntil";
  public static final String TRAINING_ROWS = "trainingRows";
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

  /** Questions and answers (also createdAt, score): the plain text, the tags, the site. */
  public static final String TEXT = "text";

  public static final String TAGS = "tags";
  public static final String SITE = "site";

  /**
   * On an Answer: whether the asker accepted it, and its weight as skill evidence (see
   * StackExchangeImporter).
   */
  public static final String ACCEPTED = "accepted";

  public static final String STRENGTH = "strength";

  // The learning loop: assignments and the life of an enrolment (ENROLLED).
  /** LearningAssignment: who assigned it, when, by when, for what and how many hours. */
  public static final String ASSIGNED_BY = "assignedBy";

  public static final String ASSIGNED_AT = "assignedAt";
  public static final String DUE_DATE = "dueDate";
  public static final String TARGET = "target";
  public static final String POSITION = "position";

  /** ENROLLED: percent done (0-100) and when it was last reported. */
  public static final String PROGRESS = "progress";

  public static final String PROGRESS_AT = "progressAt";
  public static final String WITHDRAWN_AT = "withdrawnAt";

  /** ENROLLED: the assessed skills of a completion with their levels before and after. */
  public static final String ASSESSED_SKILLS = "assessedSkills";

  public static final String ASSESSED_BEFORE = "assessedBefore";
  public static final String ASSESSED_AFTER = "assessedAfter";

  /** ENROLLED: the learner's rating (1-5) and words about the course. */
  public static final String FEEDBACK_RATING = "feedbackRating";

  public static final String FEEDBACK_TEXT = "feedbackText";
  public static final String FEEDBACK_AT = "feedbackAt";

  /** ModelCheck: the outcomes window it evaluated and whether the drift rule fired. */
  public static final String CHECKED_AT = "checkedAt";

  public static final String ALERT = "alert";
  public static final String ALERTS = "alerts";
  public static final String PSI = "psi";
  public static final String CALIBRATION = "calibration";

  /**
   * Model: the champion/challenger decision that registered it (JSON: metric, both figures on the
   * held-out rows, the held-out rule, the decision).
   */
  public static final String CHALLENGE = "challenge";

  public static final String CHALLENGED_AT = "challengedAt";

  /**
   * On a JobOpening: reviewers (not HR) see no names, contact data or demographics of its
   * applicants until the offer stage.
   */
  public static final String BLIND_REVIEW = "blindReview";
}
