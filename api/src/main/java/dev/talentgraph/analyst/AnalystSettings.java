package dev.talentgraph.analyst;

import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.Props;
import dev.talentgraph.schema.RelTypes;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code talent.analyst.*}: the guarded Cypher endpoint. The defaults make the embedded run safe
 * untouched.
 *
 * @param timeout transaction time limit of one analyst query (Neo4j terminates the transaction)
 * @param maxRows rows returned at most; the rest is not read and the result says {@code truncated}
 * @param maxConcurrent analyst queries running at once; more are refused (429) instead of queueing
 * @param protectedLabels node labels the plan may never mention and results may never contain:
 *     personal data and the system's own secrets. Add every new label that holds personal data.
 * @param protectedTypes relationship types likewise; include every type that connects a protected
 *     node, because a typed expansion over it would reach the node without naming its label
 * @param allowedProcedures procedures an analyst may call; {@code *} matches any characters (dots
 *     too)
 * @param allowedFunctions namespaced functions an analyst may call (built-in functions without a
 *     namespace are always allowed: none of them reads the graph beyond what the query already
 *     matched)
 * @param deniedRoutines procedures or functions refused even if an allow pattern matches (defence
 *     in depth)
 * @param gdsMaxGraphs GDS graphs analysts may hold in the catalog at once
 * @param gdsMaxElements nodes plus relationships one analyst projection may hold
 * @param gdsTtl how long an analyst projection lives before it is dropped
 * @param gdsProperties the only property keys an analyst projection may load (numeric, public facts
 *     such as a skill level); deny by default, since the plan cannot show them
 * @param readableLabels the only labels a plan may name (deny by default): a label missing here,
 *     such as a new one holding personal data, is refused until someone decides it is public
 * @param readableTypes the only relationship types a plan may name, likewise
 * @param openTypes readable types that also connect a label that is not readable (HAS_SKILL links
 *     Candidates as well as Experts): a node reached over one must be checked against a readable
 *     label in the same query, e.g. {@code (s:Skill)<-[:HAS_SKILL]-(e:Expert)}
 * @param personalProperties property keys that are personal wherever they live (an Expert's grade,
 *     status and departure): no plan may read them, nor every property at once ({@code
 *     properties(n)}, {@code n{.*}}, a key chosen at run time); nodes in results come back without
 *     them
 * @param maxResultBytes the approximate size of one result at most; reading stops there and the
 *     result says {@code truncated}
 */
@ConfigurationProperties("talent.analyst")
record AnalystSettings(
    Duration timeout,
    Integer maxRows,
    Integer maxConcurrent,
    List<String> protectedLabels,
    List<String> protectedTypes,
    List<String> allowedProcedures,
    List<String> allowedFunctions,
    List<String> deniedRoutines,
    Integer gdsMaxGraphs,
    Long gdsMaxElements,
    Duration gdsTtl,
    List<String> gdsProperties,
    List<String> readableLabels,
    List<String> readableTypes,
    List<String> openTypes,
    List<String> personalProperties,
    Long maxResultBytes) {

  /** Public facts about skills, work, learning, communities and models. */
  public static final List<String> DEFAULT_READABLE_LABELS =
      List.of(
          Labels.EXPERT,
          Labels.SKILL,
          Labels.SKILL_GROUP,
          Labels.COURSE,
          Labels.PROJECT,
          Labels.PUBLICATION,
          Labels.TEAM,
          Labels.JOB_OPENING,
          Labels.OCCUPATION,
          Labels.COMMUNITY,
          Labels.QUESTION,
          Labels.ANSWER,
          Labels.TAG,
          Labels.PRACTICE_COMMUNITY,
          Labels.COMMUNITY_RUN,
          Labels.MODEL);

  /** The types between readable labels (HAS_SKILL also reaches Candidates: see openTypes). */
  public static final List<String> DEFAULT_READABLE_TYPES =
      List.of(
          RelTypes.HAS_SKILL,
          RelTypes.BROADER,
          RelTypes.RELATED_TO,
          RelTypes.SAME_AS,
          RelTypes.TEACHES,
          RelTypes.REQUIRES,
          RelTypes.PREREQUISITE_OF,
          RelTypes.WORKED_ON,
          RelTypes.AUTHORED,
          RelTypes.ABOUT,
          RelTypes.COLLABORATED_WITH,
          RelTypes.ENROLLED,
          RelTypes.MEMBER_OF,
          RelTypes.MANAGES,
          RelTypes.MENTORS,
          RelTypes.PRACTICES_IN,
          RelTypes.BRIDGES_TO,
          RelTypes.FOR_OCCUPATION,
          RelTypes.HIRES_FOR,
          RelTypes.ON_HIRING_TEAM,
          RelTypes.IN_COMMUNITY,
          RelTypes.ASKED,
          RelTypes.ANSWERED,
          RelTypes.ANSWER_TO,
          RelTypes.ACCEPTED_ANSWER,
          RelTypes.TAGGED,
          RelTypes.DENOTES,
          RelTypes.LINKS_TO);

  public static final List<String> DEFAULT_OPEN_TYPES = List.of(RelTypes.HAS_SKILL);

  /** An Expert's career and departure: HR data, kept off the analyst endpoint. */
  public static final List<String> DEFAULT_PERSONAL_PROPERTIES =
      List.of(Props.GRADE, Props.STATUS, Props.DEPARTED_AT, Props.DEPARTURE_REASON);

  /** Public numeric facts: skill levels, collaboration weights and counts, years, citations. */
  public static final List<String> DEFAULT_GDS_PROPERTIES =
      List.of("level", "weight", "count", "year", "citations", "hours", "strength");

  /**
   * Personal data (contact/HR fields, performance ratings, model scores, applications with their
   * stage history, assessments and interviews, contests) and the system's own secrets and
   * bookkeeping.
   */
  public static final List<String> DEFAULT_PROTECTED_LABELS =
      List.of(
          Labels.PERSONAL_DATA,
          Labels.PERFORMANCE_REVIEW,
          Labels.SCORE,
          Labels.APPLICATION,
          Labels.USER,
          Labels.API_TOKEN,
          Labels.AUDIT_EVENT,
          Labels.MIGRATION,
          Labels.STAGE_CHANGE,
          Labels.ASSESSMENT,
          Labels.INTERVIEW,
          Labels.CONTEST,
          Labels.PROMOTION,
          Labels.CANDIDATE,
          Labels.TRAINING_RECORD,
          Labels.LEARNING_ASSIGNMENT,
          Labels.MENTORSHIP,
          Labels.MODEL_CHECK,
          Labels.DATASET);

  /** Every type that connects a protected node (the recruiting ones of docs/adr/0006 included). */
  public static final List<String> DEFAULT_PROTECTED_TYPES =
      List.of(
          RelTypes.HAS_PERSONAL_DATA,
          RelTypes.HAS_REVIEW,
          RelTypes.HAS_SCORE,
          RelTypes.APPLIED,
          RelTypes.IS,
          RelTypes.TO,
          RelTypes.MOVED,
          RelTypes.HAS_ASSESSMENT,
          RelTypes.MEASURED,
          RelTypes.HAS_INTERVIEW,
          RelTypes.INTERVIEWED_BY,
          RelTypes.CONTESTED,
          RelTypes.CONCERNS,
          RelTypes.BY_MODEL,
          RelTypes.PROMOTED,
          RelTypes.HAS_MENTOR,
          RelTypes.HAS_MENTEE,
          RelTypes.ASSIGNED,
          RelTypes.INCLUDES,
          RelTypes.CHECKED);

  /** Read-only procedures: schema names, counts, and GDS algorithms in their non-writing modes. */
  public static final List<String> DEFAULT_PROCEDURES =
      List.of(
          "db.labels",
          "db.relationshipTypes",
          "db.propertyKeys",
          "db.schema.visualization",
          "apoc.meta.stats",
          "gds.version",
          "gds.list",
          "gds.graph.list",
          "gds.graph.exists",
          "gds.graph.project",
          "gds.graph.drop",
          "gds.*.stream",
          "gds.*.stats",
          "gds.*.estimate");

  /** Pure value functions of APOC plus the built-in temporal/spatial/vector namespaces. */
  public static final List<String> DEFAULT_FUNCTIONS =
      List.of(
          "date",
          "date.*",
          "datetime",
          "datetime.*",
          "localdatetime",
          "localdatetime.*",
          "localtime",
          "localtime.*",
          "time",
          "time.*",
          "duration",
          "duration.*",
          "point",
          "point.*",
          "vector.similarity.*",
          "apoc.coll.*",
          "apoc.text.*",
          "apoc.math.*",
          "apoc.map.*",
          "apoc.number.*",
          "apoc.convert.*",
          "apoc.date.*",
          "apoc.temporal.*",
          "apoc.agg.*",
          "apoc.scoring.*",
          "apoc.meta.cypher.*",
          "gds.similarity.*",
          "gds.util.NaN",
          "gds.util.infinity",
          "gds.util.isFinite",
          "gds.util.isInfinite");

  /**
   * Reads the graph by a label or query given as a string (so the plan cannot see what they touch),
   * runs other Cypher, or touches files, the network or the DBMS.
   */
  public static final List<String> DEFAULT_DENIED =
      List.of(
          "apoc.map.fromNodes",
          "apoc.convert.toJson",
          "apoc.convert.toMap",
          "apoc.convert.toSortedJsonMap",
          "apoc.convert.toNode*",
          "apoc.convert.toRelationship*",
          "apoc.map.*",
          "apoc.text.repeat",
          "apoc.text.lpad",
          "apoc.text.rpad",
          "apoc.text.format",
          "apoc.coll.fill",
          "apoc.cypher.*",
          "apoc.periodic.*",
          "apoc.load.*",
          "apoc.export.*",
          "apoc.import.*",
          "apoc.util.*",
          "apoc.trigger.*",
          "apoc.schema.*",
          "apoc.math.regr",
          "dbms.*",
          "gds.util.asNode",
          "gds.util.asNodes",
          "gds.graph.project.cypher*",
          "gds.*.write*",
          "gds.*.mutate*",
          "gds.graph.export*");

  public AnalystSettings {
    if (timeout == null) timeout = Duration.ofSeconds(30);
    if (maxRows == null) maxRows = 1000;
    if (maxConcurrent == null) maxConcurrent = 4;
    if (protectedLabels == null) protectedLabels = DEFAULT_PROTECTED_LABELS;
    if (protectedTypes == null) protectedTypes = DEFAULT_PROTECTED_TYPES;
    if (allowedProcedures == null) allowedProcedures = DEFAULT_PROCEDURES;
    if (allowedFunctions == null) allowedFunctions = DEFAULT_FUNCTIONS;
    if (deniedRoutines == null) deniedRoutines = DEFAULT_DENIED;
    if (gdsMaxGraphs == null) gdsMaxGraphs = 4;
    if (gdsMaxElements == null) gdsMaxElements = 20_000_000L;
    if (gdsTtl == null) gdsTtl = Duration.ofMinutes(30);
    if (gdsProperties == null) gdsProperties = DEFAULT_GDS_PROPERTIES;
    if (readableLabels == null) readableLabels = DEFAULT_READABLE_LABELS;
    if (readableTypes == null) readableTypes = DEFAULT_READABLE_TYPES;
    if (openTypes == null) openTypes = DEFAULT_OPEN_TYPES;
    if (personalProperties == null) personalProperties = DEFAULT_PERSONAL_PROPERTIES;
    if (maxResultBytes == null) maxResultBytes = 8L * 1024 * 1024;
    if (maxResultBytes < 1024)
      throw new IllegalArgumentException("talent.analyst.max-result-bytes must be at least 1024");
    if (timeout.isNegative() || timeout.isZero())
      throw new IllegalArgumentException("talent.analyst.timeout must be positive");
    if (maxRows < 1)
      throw new IllegalArgumentException("talent.analyst.max-rows must be at least 1");
    if (maxConcurrent < 1)
      throw new IllegalArgumentException("talent.analyst.max-concurrent must be at least 1");
    if (gdsMaxGraphs < 0)
      throw new IllegalArgumentException("talent.analyst.gds-max-graphs must not be negative");
    if (gdsMaxElements < 1)
      throw new IllegalArgumentException("talent.analyst.gds-max-elements must be at least 1");
    if (gdsTtl.isNegative() || gdsTtl.isZero())
      throw new IllegalArgumentException("talent.analyst.gds-ttl must be positive");
  }

  /** The defaults, for code that runs without Spring (tests of the guard). */
  public static AnalystSettings defaults() {
    return new AnalystSettings(
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null);
  }
}
