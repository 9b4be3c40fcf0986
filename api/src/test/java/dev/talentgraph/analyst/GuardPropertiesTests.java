package dev.talentgraph.analyst;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talentgraph.analyst.CypherGuardTests.FakePlan;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.neo4j.driver.summary.QueryType;
import org.neo4j.graphdb.ExecutionPlanDescription;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.QueryExecutionType;

/**
 * Generated Cypher the guard must refuse, planned by a real Neo4j (embedded, no server): writes in
 * any case, with comments and whitespace, inside subqueries; and reads of what analysts may not
 * reach (protected or unknown labels and types, personal properties, every property at once, keys
 * chosen at run time, open types without a label), each disguised by case, comments, back-quotes
 * and unicode escapes.
 */
class GuardPropertiesTests {
  static DatabaseManagementService dbms;
  static GraphDatabaseService db;
  final CypherGuard guard = new CypherGuard(AnalystSettings.defaults(), "neo4j");

  @BeforeContainer
  static void start() throws Exception {
    dbms =
        new DatabaseManagementServiceBuilder(Files.createTempDirectory("guard-properties")).build();
    db = dbms.database("neo4j");
  }

  @AfterContainer
  static void stop() {
    if (dbms != null) dbms.shutdown();
  }

  Optional<CypherRefusal> check(String query, Map<String, Object> params) {
    try (var tx = db.beginTx()) {
      var result = tx.execute("EXPLAIN " + query, params);
      FakePlan plan = convert(result.getExecutionPlanDescription());
      QueryExecutionType.QueryType t = result.getQueryExecutionType().queryType();
      QueryType type =
          switch (t) {
            case READ_ONLY -> QueryType.READ_ONLY;
            case READ_WRITE -> QueryType.READ_WRITE;
            case WRITE -> QueryType.WRITE_ONLY;
            case SCHEMA_WRITE -> QueryType.SCHEMA_WRITE;
            default -> QueryType.READ_WRITE;
          };
      return guard.check(CypherGuardTests.summary(type, plan));
    }
  }

  static FakePlan convert(ExecutionPlanDescription d) {
    Map<String, Value> args = new HashMap<>();
    d.getArguments()
        .forEach(
            (k, v) -> {
              try {
                args.put(k, Values.value(v));
              } catch (RuntimeException e) {
                args.put(k, Values.value(String.valueOf(v)));
              }
            });
    List<FakePlan> children = new ArrayList<>();
    for (var c : d.getChildren()) children.add(convert(c));
    return new FakePlan(d.getName() + "@neo4j", args, List.copyOf(d.getIdentifiers()), children);
  }

  // ------------------------------------------------------------------ disguises

  /** A keyword in random case. */
  static Arbitrary<String> kw(String keyword) {
    return Arbitraries.integers()
        .between(0, (1 << Math.min(keyword.length(), 10)) - 1)
        .map(
            mask -> {
              StringBuilder b = new StringBuilder();
              for (int i = 0; i < keyword.length(); i++) {
                char c = keyword.charAt(i);
                b.append(
                    i < 10 && (mask & (1 << i)) != 0
                        ? Character.toLowerCase(c)
                        : Character.toUpperCase(c));
              }
              return b.toString();
            });
  }

  /** Whitespace or a comment. */
  static Arbitrary<String> gap() {
    return Arbitraries.of(" ", "  ", "\n", "\t", " /* x */ ", " // c\n", "/**/ ");
  }

  /** A name as written plainly, back-quoted, or back-quoted with a unicode escape. */
  static Arbitrary<String> name(String n) {
    String escaped = "`\\u" + String.format("%04x", (int) n.charAt(0)) + n.substring(1) + "`";
    return Arbitraries.of(n, "`" + n + "`", escaped);
  }

  // ------------------------------------------------------------------ writes

  @Provide
  Arbitrary<String> writes() {
    Arbitrary<String> write =
        Arbitraries.oneOf(
            Combinators.combine(kw("CREATE"), gap(), name("Skill"))
                .as((c, g, l) -> c + g + "(n:" + l + " {id: 'evil'}) RETURN n"),
            Combinators.combine(kw("MATCH"), gap(), name("Skill"), kw("SET"))
                .as((m, g, l, s) -> m + g + "(n:" + l + ")" + g + s + " n.name = 'owned'"),
            Combinators.combine(kw("MERGE"), gap(), name("Expert"))
                .as((m, g, l) -> m + g + "(n:" + l + " {id: 'x'})"),
            Combinators.combine(kw("MATCH"), gap(), name("Expert"), kw("DETACH"), kw("DELETE"))
                .as((m, g, l, d, x) -> m + " (n:" + l + ")" + g + d + " " + x + " n"),
            Combinators.combine(kw("MATCH"), gap(), name("Skill"), kw("REMOVE"))
                .as((m, g, l, r) -> m + " (n:" + l + ")" + g + r + " n:" + l),
            Combinators.combine(kw("FOREACH"), gap(), kw("CREATE"))
                .as((f, g, c) -> f + g + "(x IN [1] | " + c + " (:Skill {id: 'e'}))"),
            Combinators.combine(kw("MATCH"), gap(), kw("CALL"), kw("CREATE"))
                .as(
                    (m, g, c, cr) ->
                        m + " (e:Expert)" + g + c + " (e) { " + cr + " (:Skill) } RETURN count(*)"),
            Combinators.combine(kw("CREATE"), gap(), kw("INDEX"))
                .as((c, g, i) -> c + g + i + " evil FOR (n:Expert) ON (n.evil)"));
    return write;
  }

  @Property(tries = 150)
  void everyWriteIsRefused(@ForAll("writes") String query) {
    assertThat(check(query, Map.of())).as(query).isPresent();
  }

  // ------------------------------------------------------------------ reads beyond reach

  static final List<String> UNREADABLE_LABELS =
      List.of(
          "PersonalData",
          "User",
          "ApiToken",
          "AuditEvent",
          "PerformanceReview",
          "Score",
          "Promotion",
          "Candidate",
          "Contest",
          "Application",
          "Interview",
          "Mentorship",
          "SalaryBand");

  static final List<String> UNREADABLE_TYPES =
      List.of(
          "HAS_PERSONAL_DATA",
          "HAS_REVIEW",
          "HAS_SCORE",
          "BY_MODEL",
          "PROMOTED",
          "APPLIED",
          "CONTESTED",
          "HAS_MENTEE",
          "PAID");

  static final List<String> PERSONAL_PROPERTIES =
      List.of("grade", "status", "departureReason", "departedAt");

  @Provide
  Arbitrary<String> unreachable() {
    Arbitrary<String> label = Arbitraries.of(UNREADABLE_LABELS).flatMap(GuardPropertiesTests::name);
    Arbitrary<String> type = Arbitraries.of(UNREADABLE_TYPES).flatMap(GuardPropertiesTests::name);
    Arbitrary<String> personal =
        Arbitraries.of(PERSONAL_PROPERTIES).flatMap(GuardPropertiesTests::name);
    return Arbitraries.oneOf(
        Combinators.combine(kw("MATCH"), gap(), label, kw("RETURN"))
            .as((m, g, l, r) -> m + g + "(x:" + l + ")" + g + r + " x"),
        Combinators.combine(kw("MATCH"), gap(), label, kw("RETURN"))
            .as((m, g, l, r) -> m + g + "(x:Skill|" + l + ")" + g + r + " count(x)"),
        Combinators.combine(kw("MATCH"), gap(), type, kw("RETURN"))
            .as((m, g, t, r) -> m + g + "(e:Expert)-[:" + t + "]->(x)" + g + r + " x.id"),
        Combinators.combine(kw("MATCH"), gap(), type, kw("RETURN"))
            .as((m, g, t, r) -> m + g + "(e:Expert)<-[:" + t + "]-(x)" + g + r + " x.id"),
        Combinators.combine(kw("RETURN"), gap(), label)
            .as((r, g, l) -> r + g + "COUNT { (:" + l + ") } AS n"),
        Combinators.combine(kw("MATCH"), gap(), label, kw("WHERE"))
            .as(
                (m, g, l, w) ->
                    m + " (e:Expert)" + g + w + " EXISTS { (e)--(:" + l + ") } RETURN e.id"),
        Combinators.combine(kw("MATCH"), gap(), personal, kw("RETURN"))
            .as((m, g, p, r) -> m + g + "(e:Expert)" + g + r + " e." + p),
        Combinators.combine(kw("MATCH"), gap(), personal, kw("WHERE"))
            .as(
                (m, g, p, w) ->
                    m + g + "(e:Expert)" + g + w + " e." + p + " IS NOT NULL RETURN count(e)"),
        Combinators.combine(kw("MATCH"), gap(), kw("RETURN"))
            .as((m, g, r) -> m + g + "(e:Expert)" + g + r + " properties(e)"),
        Combinators.combine(kw("MATCH"), gap(), kw("RETURN"))
            .as((m, g, r) -> m + g + "(e:Expert)" + g + r + " e{.*}"),
        Combinators.combine(kw("MATCH"), gap(), personal, kw("RETURN"))
            .as((m, g, p, r) -> m + g + "(e:Expert)" + g + r + " e['" + p.replace("`", "") + "']"),
        Combinators.combine(kw("MATCH"), gap(), kw("RETURN"))
            .as((m, g, r) -> m + g + "(s:Skill)<-[:HAS_SKILL]-(c)" + g + r + " c.name"),
        Combinators.combine(kw("MATCH"), gap(), kw("RETURN"))
            .as((m, g, r) -> m + g + "(n)" + g + r + " n.name"));
  }

  @Property(tries = 300)
  void whatAnalystsMayNotReachIsRefused(@ForAll("unreachable") String query) {
    assertThat(check(query, Map.of())).as(query).isPresent();
  }

  @Property(tries = 50)
  void ordinaryReadsStillPass(@ForAll("ordinary") String query) {
    assertThat(check(query, Map.of())).as(query).isEmpty();
  }

  @Provide
  Arbitrary<String> ordinary() {
    return Combinators.combine(kw("MATCH"), gap(), kw("RETURN"), Arbitraries.of("name", "id"))
        .as(
            (m, g, r, p) ->
                m + g + "(e:Expert)-[h:HAS_SKILL]->(s:Skill)" + g + r + " s." + p + ", count(e)");
  }
}
