package dev.talentgraph.analyst;

import dev.talentgraph.schema.Labels;
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
    List<String> gdsProperties) {

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
          Labels.CONTEST);

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
          RelTypes.CONCERNS);

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
        null, null, null, null, null, null, null, null, null, null, null, null);
  }
}
