package dev.talentgraph.schema;

/** Relationship types of the talent graph, with the direction each is stored in. */
public final class RelTypes {
  private RelTypes() {}

  /** (Expert|Candidate)-[:HAS_SKILL {level 1-5, evidence, source, since}]->(Skill). */
  public static final String HAS_SKILL = "HAS_SKILL";

  /** (narrower:Skill)-[:BROADER]->(broader:Skill). */
  public static final String BROADER = "BROADER";

  /** (Skill)-[:RELATED_TO]->(Skill); read undirected. */
  public static final String RELATED_TO = "RELATED_TO";

  /**
   * (Skill)-[:SAME_AS]->(Skill): the same concept in two taxonomies (an O*NET technology and an
   * ESCO skill).
   */
  public static final String SAME_AS = "SAME_AS";

  /** (Course)-[:TEACHES {level}]->(Skill). */
  public static final String TEACHES = "TEACHES";

  /** (Project|JobOpening|Occupation)-[:REQUIRES {level, required}]->(Skill). */
  public static final String REQUIRES = "REQUIRES";

  /** (prerequisite:Course)-[:PREREQUISITE_OF]->(Course). */
  public static final String PREREQUISITE_OF = "PREREQUISITE_OF";

  /** (Expert)-[:WORKED_ON {role, from, to}]->(Project). */
  public static final String WORKED_ON = "WORKED_ON";

  /** (Expert)-[:AUTHORED]->(Publication). */
  public static final String AUTHORED = "AUTHORED";

  /** (Publication)-[:ABOUT]->(Skill). */
  public static final String ABOUT = "ABOUT";

  /**
   * (Expert)-[:COLLABORATED_WITH {count, firstYear, lastYear}]->(Expert); stored once, read
   * undirected.
   */
  public static final String COLLABORATED_WITH = "COLLABORATED_WITH";

  /** (Expert)-[:ENROLLED {status, score, completedAt, levelBefore, levelAfter}]->(Course). */
  public static final String ENROLLED = "ENROLLED";

  /** (Expert)-[:MEMBER_OF {since}]->(Team). */
  public static final String MEMBER_OF = "MEMBER_OF";

  /** (Expert)-[:MANAGES]->(Team). */
  public static final String MANAGES = "MANAGES";

  /**
   * (mentor:Expert)-[:MENTORS {since, until, mentorship}]->(mentee:Expert); {@code until} is set
   * when the mentorship ends, {@code mentorship} names the Mentorship it was accepted from.
   */
  public static final String MENTORS = "MENTORS";

  /** (Mentorship)-[:HAS_MENTOR]->(Expert) and (Mentorship)-[:HAS_MENTEE]->(Expert). */
  public static final String HAS_MENTOR = "HAS_MENTOR";

  public static final String HAS_MENTEE = "HAS_MENTEE";

  /** (Expert)-[:PRACTICES_IN]->(PracticeCommunity): membership found by community detection. */
  public static final String PRACTICES_IN = "PRACTICES_IN";

  /**
   * (Expert)-[:BRIDGES_TO {weight, ties}]->(PracticeCommunity): a member of another community with
   * strong ties into this one.
   */
  public static final String BRIDGES_TO = "BRIDGES_TO";

  /** (Expert)-[:HAS_REVIEW]->(PerformanceReview). */
  public static final String HAS_REVIEW = "HAS_REVIEW";

  /** (Expert)-[:PROMOTED]->(Promotion). */
  public static final String PROMOTED = "PROMOTED";

  /** (Expert)-[:HAS_PERSONAL_DATA]->(PersonalData). */
  public static final String HAS_PERSONAL_DATA = "HAS_PERSONAL_DATA";

  /**
   * (Occupation)-[:BROADER]->(Occupation) uses BROADER too;
   * (JobOpening)-[:FOR_OCCUPATION]->(Occupation).
   */
  public static final String FOR_OCCUPATION = "FOR_OCCUPATION";

  /** (Candidate|Expert)-[:APPLIED]->(Application)-[:TO]->(JobOpening). */
  public static final String APPLIED = "APPLIED";

  public static final String TO = "TO";

  /** (JobOpening)-[:HIRES_FOR]->(Team): the team a hire joins. */
  public static final String HIRES_FOR = "HIRES_FOR";

  /** (Expert)-[:ON_HIRING_TEAM {role hiring_manager|interviewer|recruiter}]->(JobOpening). */
  public static final String ON_HIRING_TEAM = "ON_HIRING_TEAM";

  /** (Application)-[:MOVED]->(StageChange): the move history. */
  public static final String MOVED = "MOVED";

  /** (Application)-[:HAS_ASSESSMENT]->(Assessment)-[:MEASURED {level}]->(Skill). */
  public static final String HAS_ASSESSMENT = "HAS_ASSESSMENT";

  public static final String MEASURED = "MEASURED";

  /** (Application)-[:HAS_INTERVIEW]->(Interview)-[:INTERVIEWED_BY]->(Expert). */
  public static final String HAS_INTERVIEW = "HAS_INTERVIEW";

  public static final String INTERVIEWED_BY = "INTERVIEWED_BY";

  /** (Expert)-[:CONTESTED]->(Contest)-[:CONCERNS]->(Skill|Score). */
  public static final String CONTESTED = "CONTESTED";

  public static final String CONCERNS = "CONCERNS";

  /** (Expert)-[:HAS_SCORE]->(Score)-[:BY_MODEL]->(Model). */
  public static final String HAS_SCORE = "HAS_SCORE";

  public static final String BY_MODEL = "BY_MODEL";

  /** (Expert|Question|Tag)-[:IN_COMMUNITY]->(Community). */
  public static final String IN_COMMUNITY = "IN_COMMUNITY";

  /** (Expert)-[:ASKED]->(Question). */
  public static final String ASKED = "ASKED";

  /** (Expert)-[:ANSWERED]->(Answer). */
  public static final String ANSWERED = "ANSWERED";

  /** (Answer)-[:ANSWER_TO]->(Question). */
  public static final String ANSWER_TO = "ANSWER_TO";

  /** (Question)-[:ACCEPTED_ANSWER]->(Answer): the answer the asker accepted. */
  public static final String ACCEPTED_ANSWER = "ACCEPTED_ANSWER";

  /** (Question)-[:TAGGED]->(Tag). */
  public static final String TAGGED = "TAGGED";

  /**
   * (Tag)-[:DENOTES {via}]->(Skill): the skill a tag stands for (its whole name, a part of it, or
   * an emerging skill).
   */
  public static final String DENOTES = "DENOTES";

  /** (Question)-[:LINKS_TO {kind: duplicate|linked}]->(Question). */
  public static final String LINKS_TO = "LINKS_TO";

  /** (User)-[:IS]->(Expert): a login linked to its person. */
  public static final String IS = "IS";

  /** (Expert)-[:ASSIGNED]->(LearningAssignment). */
  public static final String ASSIGNED = "ASSIGNED";

  /** (LearningAssignment)-[:INCLUDES {position}]->(Course). */
  public static final String INCLUDES = "INCLUDES";

  /** (Model)-[:CHECKED]->(ModelCheck). */
  public static final String CHECKED = "CHECKED";

  /** (Candidate|Expert)-[:GAVE_CONSENT]->(Consent). */
  public static final String GAVE_CONSENT = "GAVE_CONSENT";
}
