package dev.talentgraph.ml.features;

import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.Props;
import dev.talentgraph.schema.RelTypes;

/**
 * Measures computed on the graph around an Expert. Each is one fixed Cypher subquery from a bound
 * expert {@code e}, returning {@code value} (the extractor runs all of a feature set's in one
 * statement per batch of experts); PageRank is computed by GDS over the whole collaboration graph
 * (see {@link PageRank}). Years-since measures return a date or a year and are turned into years
 * before the as-of date by the extractor.
 */
public enum GraphMeasure {
  SKILL_COUNT(
      "skillCount",
      "number of skills",
      "RETURN COUNT { (e)-[:" + RelTypes.HAS_SKILL + "]->(:" + Labels.SKILL + ") } AS value",
      Post.RAW),
  MEAN_SKILL_LEVEL(
      "meanSkillLevel",
      "average skill level (1-5)",
      "MATCH (e)-[r:"
          + RelTypes.HAS_SKILL
          + "]->(:"
          + Labels.SKILL
          + ") RETURN avg(r."
          + Props.LEVEL
          + ") AS value",
      Post.RAW),
  EXPERT_SKILLS(
      "expertSkillCount",
      "number of skills at level 4 or 5",
      "RETURN COUNT { (e)-[r:"
          + RelTypes.HAS_SKILL
          + "]->(:"
          + Labels.SKILL
          + ") WHERE r."
          + Props.LEVEL
          + " >= 4 } AS value",
      Post.RAW),
  /**
   * Relationships to the talent graph; the expert's own scores and personal-data node are not
   * connections (counting scores would feed the last scoring run back into the next training).
   */
  DEGREE(
      "degree",
      "number of connections in the talent graph",
      "RETURN COUNT { (e)-[r]-() WHERE NOT type(r) IN ['"
          + RelTypes.HAS_SCORE
          + "', '"
          + RelTypes.HAS_PERSONAL_DATA
          + "'] } AS value",
      Post.RAW),
  COLLABORATORS(
      "collaborators",
      "number of distinct collaborators",
      "MATCH (e)-[:"
          + RelTypes.COLLABORATED_WITH
          + "]-(o:"
          + Labels.EXPERT
          + ") RETURN count(DISTINCT o) AS value",
      Post.RAW),
  COLLABORATIONS(
      "collaborations",
      "number of joint works with colleagues",
      "MATCH (e)-[r:"
          + RelTypes.COLLABORATED_WITH
          + "]-(:"
          + Labels.EXPERT
          + ") RETURN sum(coalesce(r."
          + Props.COUNT
          + ", 1)) AS value",
      Post.RAW),
  YEARS_SINCE_COLLABORATION(
      "yearsSinceCollaboration",
      "years since the last collaboration",
      "MATCH (e)-[r:"
          + RelTypes.COLLABORATED_WITH
          + "]-(:"
          + Labels.EXPERT
          + ") RETURN max(r."
          + Props.LAST_YEAR
          + ") AS value",
      Post.YEARS_SINCE),
  COURSES_COMPLETED(
      "coursesCompleted",
      "number of courses completed",
      "RETURN COUNT { (e)-[r:"
          + RelTypes.ENROLLED
          + "]->(:"
          + Labels.COURSE
          + ") WHERE r."
          + Props.STATUS
          + " = 'completed' OR r."
          + Props.COMPLETED_AT
          + " IS NOT NULL } AS value",
      Post.RAW),
  TEAM_SIZE(
      "teamSize",
      "size of the person's team",
      "MATCH (e)-[:"
          + RelTypes.MEMBER_OF
          + "]->(t:"
          + Labels.TEAM
          + ") MATCH (t)<-[:"
          + RelTypes.MEMBER_OF
          + "]-(o:"
          + Labels.EXPERT
          + ") RETURN count(DISTINCT o) AS value",
      Post.RAW),
  MENTEES(
      "mentees",
      "number of people mentored",
      "RETURN COUNT { (e)-[:" + RelTypes.MENTORS + "]->(:" + Labels.EXPERT + ") } AS value",
      Post.RAW),
  REVIEW_COUNT(
      "reviewCount",
      "number of performance reviews",
      "RETURN COUNT { (e)-[:"
          + RelTypes.HAS_REVIEW
          + "]->(:"
          + Labels.PERFORMANCE_REVIEW
          + ") } AS value",
      Post.RAW),
  MEAN_RATING(
      "meanRating",
      "average performance rating (1-5)",
      "MATCH (e)-[:"
          + RelTypes.HAS_REVIEW
          + "]->(r:"
          + Labels.PERFORMANCE_REVIEW
          + ") RETURN avg(r.rating) AS value",
      Post.RAW),
  LAST_RATING(
      "lastRating",
      "latest performance rating (1-5)",
      "MATCH (e)-[:"
          + RelTypes.HAS_REVIEW
          + "]->(r:"
          + Labels.PERFORMANCE_REVIEW
          + ") WITH r ORDER BY coalesce(toString(r.date), "
          + "toString(r."
          + Props.YEAR
          + ")) DESC LIMIT 1 RETURN r.rating AS value",
      Post.RAW),
  PROMOTIONS(
      "promotions",
      "number of promotions",
      "RETURN COUNT { (e)-[:" + RelTypes.PROMOTED + "]->(:" + Labels.PROMOTION + ") } AS value",
      Post.RAW),
  YEARS_SINCE_PROMOTION(
      "yearsSincePromotion",
      "years since the last promotion",
      "MATCH (e)-[:"
          + RelTypes.PROMOTED
          + "]->(p:"
          + Labels.PROMOTION
          + ") RETURN max(coalesce(p.date, p."
          + Props.YEAR
          + ")) AS value",
      Post.YEARS_SINCE),
  PAGERANK("pageRank", "influence in the collaboration network (PageRank)", null, Post.RAW);

  /** How the query's value becomes the feature. */
  enum Post {
    RAW,
    YEARS_SINCE
  }

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

  /**
   * The subquery body run from a bound expert {@code e}, returning {@code value}; null for
   * PageRank, which is computed over the whole graph.
   */
  String expression() {
    return expression;
  }
}
