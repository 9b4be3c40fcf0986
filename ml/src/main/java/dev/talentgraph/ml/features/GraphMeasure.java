package dev.talentgraph.ml.features;

import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.Props;
import dev.talentgraph.schema.RelTypes;

/**
 * Measures computed on the graph around an Expert. Each is one fixed Cypher query over a batch of
 * expert ids ({@code $ids}), returning {@code id} and {@code value}; PageRank is computed in Java
 * over the collaboration edges (see {@link PageRank}). Years-since measures return a date or a year
 * and are turned into years before the as-of date by the extractor.
 */
public enum GraphMeasure {
  SKILL_COUNT("skillCount", "number of skills",
      "COUNT { (e)-[:" + RelTypes.HAS_SKILL + "]->(:" + Labels.SKILL + ") }", Post.RAW),
  MEAN_SKILL_LEVEL("meanSkillLevel", "average skill level (1-5)",
      "COLLECT { MATCH (e)-[r:" + RelTypes.HAS_SKILL + "]->(:" + Labels.SKILL + ") RETURN avg(r." + Props.LEVEL + ") }[0]", Post.RAW),
  EXPERT_SKILLS("expertSkillCount", "number of skills at level 4 or 5",
      "COUNT { (e)-[r:" + RelTypes.HAS_SKILL + "]->(:" + Labels.SKILL + ") WHERE r." + Props.LEVEL + " >= 4 }", Post.RAW),
  DEGREE("degree", "number of connections in the talent graph", "COUNT { (e)--() }", Post.RAW),
  COLLABORATORS("collaborators", "number of distinct collaborators",
      "COUNT { MATCH (e)-[:" + RelTypes.COLLABORATED_WITH + "]-(o:" + Labels.EXPERT + ") RETURN DISTINCT o }", Post.RAW),
  COLLABORATIONS("collaborations", "number of joint works with colleagues",
      "COLLECT { MATCH (e)-[r:" + RelTypes.COLLABORATED_WITH + "]-(:" + Labels.EXPERT + ") RETURN sum(coalesce(r." + Props.COUNT
          + ", 1)) }[0]", Post.RAW),
  YEARS_SINCE_COLLABORATION("yearsSinceCollaboration", "years since the last collaboration",
      "COLLECT { MATCH (e)-[r:" + RelTypes.COLLABORATED_WITH + "]-(:" + Labels.EXPERT + ") RETURN max(r." + Props.LAST_YEAR
          + ") }[0]", Post.YEARS_SINCE),
  COURSES_COMPLETED("coursesCompleted", "number of courses completed",
      "COUNT { (e)-[r:" + RelTypes.ENROLLED + "]->(:" + Labels.COURSE + ") WHERE r." + Props.STATUS + " = 'completed' OR r."
          + Props.COMPLETED_AT + " IS NOT NULL }", Post.RAW),
  TEAM_SIZE("teamSize", "size of the person's team",
      "COLLECT { MATCH (e)-[:" + RelTypes.MEMBER_OF + "]->(t:" + Labels.TEAM + ")<-[:" + RelTypes.MEMBER_OF + "]-(o:"
          + Labels.EXPERT + ") RETURN count(DISTINCT o) }[0]", Post.RAW),
  MENTEES("mentees", "number of people mentored",
      "COUNT { (e)-[:" + RelTypes.MENTORS + "]->(:" + Labels.EXPERT + ") }", Post.RAW),
  REVIEW_COUNT("reviewCount", "number of performance reviews",
      "COUNT { (e)-[:" + RelTypes.HAS_REVIEW + "]->(:" + Labels.PERFORMANCE_REVIEW + ") }", Post.RAW),
  MEAN_RATING("meanRating", "average performance rating (1-5)",
      "COLLECT { MATCH (e)-[:" + RelTypes.HAS_REVIEW + "]->(r:" + Labels.PERFORMANCE_REVIEW + ") RETURN avg(r.rating) }[0]", Post.RAW),
  LAST_RATING("lastRating", "latest performance rating (1-5)",
      "COLLECT { MATCH (e)-[:" + RelTypes.HAS_REVIEW + "]->(r:" + Labels.PERFORMANCE_REVIEW + ") RETURN r.rating AS v "
          + "ORDER BY coalesce(toString(r.date), toString(r." + Props.YEAR + ")) DESC LIMIT 1 }[0]", Post.RAW),
  PROMOTIONS("promotions", "number of promotions",
      "COUNT { (e)-[:" + RelTypes.PROMOTED + "]->(:" + Labels.PROMOTION + ") }", Post.RAW),
  YEARS_SINCE_PROMOTION("yearsSincePromotion", "years since the last promotion",
      "COLLECT { MATCH (e)-[:" + RelTypes.PROMOTED + "]->(p:" + Labels.PROMOTION + ") RETURN max(coalesce(p.date, p." + Props.YEAR
          + ")) }[0]", Post.YEARS_SINCE),
  PAGERANK("pageRank", "influence in the collaboration network (PageRank)", null, Post.RAW);

  /** How the query's value becomes the feature. */
  enum Post { RAW, YEARS_SINCE }

  private final String featureName;
  private final String description;
  private final String expression;
  final Post post;

  GraphMeasure(String featureName, String description, String expression, Post post) {
    this.featureName = featureName;
    this.description = description;
    this.expression = expression;
    this.post = post;
  }

  public String featureName() {
    return featureName;
  }

  public String description() {
    return description;
  }

  /** The batch query, or null for measures computed in Java. */
  String query() {
    if (expression == null) return null;
    return "UNWIND $ids AS id MATCH (e:" + Labels.EXPERT + " {" + Props.ID + ": id}) RETURN id, " + expression + " AS value";
  }
}
