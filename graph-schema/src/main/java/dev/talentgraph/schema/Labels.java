package dev.talentgraph.schema;

/**
 * Node labels of the talent graph. Every module refers to these constants, never to literals of its
 * own, so that a rename is one change and a grep finds every use.
 */
public final class Labels {
  private Labels() {}

  /** A person whose skills the graph knows: an employee, an author, a learner. */
  public static final String EXPERT = "Expert";

  /** A skill or knowledge area; taxonomy concepts (ESCO, O*NET) and ad-hoc skills alike. */
  public static final String SKILL = "Skill";

  /** A group of skills in a taxonomy (ESCO skill groups, UNSPSC classes); also labelled Skill. */
  public static final String SKILL_GROUP = "SkillGroup";

  public static final String COURSE = "Course";
  public static final String PROJECT = "Project";
  public static final String PUBLICATION = "Publication";
  public static final String TEAM = "Team";
  public static final String JOB_OPENING = "JobOpening";

  /**
   * A person applying for an opening (from a resume or the API); an Expert may also be a Candidate.
   */
  public static final String CANDIDATE = "Candidate";

  public static final String OCCUPATION = "Occupation";
  public static final String PERFORMANCE_REVIEW = "PerformanceReview";
  public static final String PROMOTION = "Promotion";
  public static final String TRAINING_RECORD = "TrainingRecord";
  public static final String APPLICATION = "Application";

  /** One move of an Application between stages, with who, when and why (docs/adr/0006). */
  public static final String STAGE_CHANGE = "StageChange";

  /** A skill assessment of an applicant: measured levels per skill. */
  public static final String ASSESSMENT = "Assessment";

  /** One interview round of an Application; its written feedback is personal data. */
  public static final String INTERVIEW = "Interview";

  /** A person's objection to an inferred skill or a model score, kept with its resolution. */
  public static final String CONTEST = "Contest";

  /** A Q&A community: one Stack Exchange site ({@code se:<site>}), or the organisation's own. */
  public static final String COMMUNITY = "Community";

  /** A question asked in a community, with its title, text, tags, score and date. */
  public static final String QUESTION = "Question";

  /** An answer to a question; its score and acceptance make it evidence of its author's skills. */
  public static final String ANSWER = "Answer";

  /** A community's tag ({@code se:<site>:tag/<name>}), linked to the skills it denotes. */
  public static final String TAG = "Tag";

  /**
   * A community of practice found by community detection over collaboration, co-answer and
   * shared-skill ties (docs/adr/0010); not a Q&amp;A {@link #COMMUNITY}. Replaced by each refresh.
   */
  public static final String PRACTICE_COMMUNITY = "PracticeCommunity";

  /** The last community detection run: its date, method, weights and modularity (one node). */
  public static final String COMMUNITY_RUN = "CommunityRun";

  /**
   * A mentorship asked for, accepted or ended, with its dates; an accepted one is also a {@link
   * RelTypes#MENTORS} edge.
   */
  public static final String MENTORSHIP = "Mentorship";

  /** A trained model version with its provenance and serialised bytes (see the ml module). */
  public static final String MODEL = "Model";

  public static final String SCORE = "Score";

  /** A login of the application (local users); holds a password hash, never a password. */
  public static final String USER = "User";

  public static final String API_TOKEN = "ApiToken";
  public static final String AUDIT_EVENT = "AuditEvent";

  /** Personal data kept apart from the public Expert node (see the security issue). */
  public static final String PERSONAL_DATA = "PersonalData";

  /** Bookkeeping of applied schema migrations. */
  public static final String MIGRATION = "__Migration";

  /**
   * Bookkeeping of a loaded data set ({@code name}, e.g. "demo"; {@code state} "loading" or
   * "complete"), so a load that was interrupted is resumed instead of mistaken for a full graph.
   */
  public static final String DATASET = "__Dataset";

  /**
   * A learning path assigned to (or taken by) an Expert: its courses in order, a due date, who
   * assigned it and when.
   */
  public static final String LEARNING_ASSIGNMENT = "LearningAssignment";

  /**
   * One evaluation of a registered Model on the outcomes that arrived after its training window:
   * metrics, calibration, the population stability of each input and whether it raised a drift
   * alert.
   */
  public static final String MODEL_CHECK = "ModelCheck";

  /**
   * A person's consent to one purpose of processing ({@code recruiting}, {@code
   * fairness_monitoring}): when given and, once withdrawn, when.
   */
  public static final String CONSENT = "Consent";
}
