package dev.talentgraph.analyst;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.neo4j.driver.summary.Plan;
import org.neo4j.driver.summary.QueryType;
import org.neo4j.driver.summary.ResultSummary;

/**
 * The plan check on hand-built plans, shaped like the ones Neo4j 5.26 returns (copied from real
 * {@code EXPLAIN} output): fast, and each rule and each lexer corner on its own. The real planner's
 * plans are covered by {@code CypherGuardIT}.
 */
class CypherGuardTests {
  final CypherGuard guard = new CypherGuard(AnalystSettings.defaults(), "neo4j");

  record FakePlan(
      String operatorType,
      Map<String, Value> arguments,
      List<String> identifiers,
      List<FakePlan> children)
      implements Plan {}

  static FakePlan op(String type, String details, List<String> ids, FakePlan... children) {
    return new FakePlan(
        type + "@neo4j",
        details == null ? Map.of() : Map.of("Details", Values.value(details)),
        ids,
        List.of(children));
  }

  static FakePlan root(FakePlan child) {
    return op("ProduceResults", "x", List.of("x"), child);
  }

  static ResultSummary summary(QueryType type, Plan plan) {
    return (ResultSummary)
        Proxy.newProxyInstance(
            ResultSummary.class.getClassLoader(),
            new Class<?>[] {ResultSummary.class},
            (p, m, a) ->
                switch (m.getName()) {
                  case "queryType" -> type;
                  case "plan" -> plan;
                  case "hasPlan" -> plan != null;
                  default -> throw new UnsupportedOperationException(m.getName());
                });
  }

  Optional<CypherRefusal> check(FakePlan plan) {
    return guard.check(summary(QueryType.READ_ONLY, plan));
  }

  @Nested
  class Reach {
    @Test
    void labelledScansAndTypedExpansionsInBothDirectionsPass() {
      var plan =
          root(
              op(
                  "Filter",
                  "h.level >= $min AND e:Expert",
                  List.of("e", "h", "s"),
                  op(
                      "Expand(All)",
                      "(s)<-[h:HAS_SKILL]-(e)",
                      List.of("e", "h", "s"),
                      op("NodeByLabelScan", "s:Skill", List.of("s")))));
      assertThat(check(plan)).isEmpty();
    }

    @Test
    void untypedExpansionIsRefused() {
      var plan =
          root(
              op(
                  "Expand(All)",
                  "(e)-[anon_0]->(p)",
                  List.of("e", "p"),
                  op("NodeByLabelScan", "e:Expert", List.of("e"))));
      assertThat(check(plan))
          .get()
          .extracting(CypherRefusal::code)
          .isEqualTo("untyped_relationship");
    }

    @Test
    void labelExpressionOnATypeIsRefused() {
      var plan =
          root(
              op(
                  "Expand(All)",
                  "(e)-[r:!HAS_SKILL]->(p)",
                  List.of("e", "p"),
                  op("NodeByLabelScan", "e:Expert", List.of("e"))));
      assertThat(check(plan))
          .get()
          .extracting(CypherRefusal::code)
          .isEqualTo("untyped_relationship");
    }

    @Test
    void typedVariableLengthPasses() {
      var plan =
          root(
              op(
                  "VarLengthExpand(All)",
                  "(e)-[anon_0:COLLABORATED_WITH*..3]-(x)",
                  List.of("e", "x"),
                  op("NodeByLabelScan", "e:Expert", List.of("e"))));
      assertThat(check(plan)).isEmpty();
    }

    @Test
    void allNodesScanIsRefused() {
      assertThat(check(root(op("AllNodesScan", "n", List.of("n")))))
          .get()
          .satisfies(r -> assertThat(r.code()).isEqualTo("unlabelled_scan"))
          .satisfies(r -> assertThat(r.operator()).isEqualTo("AllNodesScan"));
    }

    @Test
    void idSeekNeedsAPublicLabelCheckRightAbove() {
      var labelled =
          root(
              op(
                  "Filter",
                  "e:Expert",
                  List.of("e"),
                  op("NodeByIdSeek", "e WHERE id(e) = $id", List.of("e"))));
      assertThat(check(labelled)).isEmpty();
      var throughApply =
          root(
              op(
                  "Filter",
                  "e:Expert",
                  List.of("e"),
                  op(
                      "Apply",
                      null,
                      List.of("e"),
                      op(
                          "ProcedureCall",
                          "gds.pageRank.stream($g) :: (nodeId :: INTEGER)",
                          List.of("nodeId")),
                      op("NodeByIdSeek", "e WHERE id(e) = nodeId", List.of("nodeId", "e")))));
      assertThat(check(throughApply)).isEmpty();
      var protectedLabel =
          root(
              op(
                  "Filter",
                  "e:PersonalData",
                  List.of("e"),
                  op("NodeByIdSeek", "e WHERE id(e) = $id", List.of("e"))));
      assertThat(check(protectedLabel)).isPresent();
      var evaluatedFirst =
          root(
              op(
                  "Filter",
                  "e:Expert",
                  List.of("e"),
                  op(
                      "Projection",
                      "e.email AS m",
                      List.of("e"),
                      op("NodeByIdSeek", "e WHERE id(e) = $id", List.of("e")))));
      assertThat(check(evaluatedFirst))
          .get()
          .extracting(CypherRefusal::code)
          .isEqualTo("unlabelled_scan");
      var otherVariable =
          root(
              op(
                  "Filter",
                  "a:Expert",
                  List.of("a", "e"),
                  op("NodeByIdSeek", "e WHERE id(e) = $id", List.of("a", "e"))));
      assertThat(check(otherVariable)).isPresent();
    }

    @Test
    void protectedNamesInLabelPositionsAreRefusedButNotAsMapKeysOrAliases() {
      assertThat(check(root(op("UnionNodeByLabelsScan", "n:Skill|PersonalData", List.of("n")))))
          .get()
          .extracting(CypherRefusal::subject)
          .isEqualTo("PersonalData");
      assertThat(
              check(
                  root(
                      op(
                          "Projection",
                          "getDegree((e)-[:HAS_PERSONAL_DATA]->()) > 0 AS x",
                          List.of("x")))))
          .get()
          .extracting(CypherRefusal::subject)
          .isEqualTo("HAS_PERSONAL_DATA");
      assertThat(
              check(
                  root(
                      op(
                          "Projection",
                          "$autoint_0 AS User, {User: $autoint_1} AS m, 1 AS `n:User`",
                          List.of("x")))))
          .isEmpty();
    }

    @Test
    void dynamicLabelsAreRefused() {
      assertThat(
              check(
                  root(
                      op(
                          "Filter",
                          "n:$all($l)",
                          List.of("n"),
                          op("NodeByLabelScan", "n:Skill", List.of("n"))))))
          .get()
          .extracting(CypherRefusal::code)
          .isEqualTo("dynamic_label");
    }
  }

  @Nested
  class Routines {
    @Test
    void proceduresAreCheckedAgainstTheAllowListCaseInsensitively() {
      assertThat(
              check(
                  root(op("ProcedureCall", "db.labels() :: (label :: STRING)", List.of("label")))))
          .isEmpty();
      assertThat(
              check(
                  root(
                      op(
                          "ProcedureCall",
                          "APOC.LOAD.JSON($autostring_0) :: (value :: MAP)",
                          List.of("value")))))
          .get()
          .satisfies(r -> assertThat(r.code()).isEqualTo("procedure"))
          .satisfies(r -> assertThat(r.subject()).isEqualTo("APOC.LOAD.JSON"));
      assertThat(
              check(
                  root(
                      op(
                          "ProcedureCall",
                          "gds.pageRank.stream($g) :: (nodeId :: INTEGER)",
                          List.of("nodeId")))))
          .isEmpty();
      assertThat(
              check(
                  root(
                      op(
                          "ProcedureCall",
                          "gds.pageRank.write($g, {}) :: (x :: INTEGER)",
                          List.of("x")))))
          .isPresent();
      assertThat(
              check(
                  root(
                      op(
                          "ProcedureCall",
                          "gds.pageRank.write.estimate($g, {}) :: (x :: INTEGER)",
                          List.of("x")))))
          .as("estimates of writes are refused too: the deny list wins")
          .isPresent();
    }

    @Test
    void functionsInAnyExpressionAreChecked() {
      assertThat(
              check(
                  root(
                      op(
                          "Projection",
                          "apoc.text.capitalize(e.name) AS `apoc.cypher.run(x)`",
                          List.of("x")))))
          .isEmpty();
      assertThat(
              check(
                  root(
                      op(
                          "Filter",
                          "apoc.cypher.runFirstColumnSingle($q, {}) IS NOT NULL",
                          List.of("x")))))
          .get()
          .satisfies(r -> assertThat(r.subject()).isEqualTo("apoc.cypher.runFirstColumnSingle"))
          .satisfies(r -> assertThat(r.operator()).isEqualTo("Filter"));
      assertThat(
              check(
                  root(
                      op("Projection", "`apoc.cypher.runFirstColumn`($q, {}) AS x", List.of("x")))))
          .isPresent();
      assertThat(check(root(op("Projection", "apoc.map.fromNodes($l, $p) AS m", List.of("m")))))
          .isPresent();
      assertThat(
              check(
                  root(
                      op(
                          "Projection",
                          "date.truncate($u, date()) AS t, point.distance(a, b) AS d",
                          List.of("t")))))
          .isEmpty();
      assertThat(check(root(op("Projection", "'apoc.cypher.run(' AS s", List.of("s")))))
          .as("inside a string")
          .isEmpty();
    }
  }

  @Nested
  class WritesAndCommands {
    @Test
    void writeOperatorsAndQueryTypesAreRefused() {
      var create = root(op("Create", "(n:X)", List.of("n")));
      assertThat(guard.check(summary(QueryType.READ_WRITE, create)))
          .get()
          .satisfies(r -> assertThat(r.code()).isEqualTo("operator"))
          .satisfies(r -> assertThat(r.operator()).isEqualTo("Create"));
      var harmlessLooking = root(op("NodeByLabelScan", "n:Skill", List.of("n")));
      assertThat(guard.check(summary(QueryType.WRITE_ONLY, harmlessLooking)))
          .get()
          .extracting(CypherRefusal::code)
          .isEqualTo("not_read_only");
    }

    @Test
    void loadCsvTransactionsShowAndOtherDatabasesAreRefused() {
      assertThat(check(root(op("LoadCSV", "row", List.of("row")))))
          .get()
          .extracting(CypherRefusal::code)
          .isEqualTo("load_csv");
      assertThat(check(root(op("TransactionForeach", "IN TRANSACTIONS OF $n ROWS", List.of()))))
          .get()
          .extracting(CypherRefusal::code)
          .isEqualTo("in_transactions");
      assertThat(check(root(op("ShowSettings", "allSettings", List.of()))))
          .get()
          .extracting(CypherRefusal::code)
          .isEqualTo("operator");
      var system = new FakePlan("ProduceResults@system", Map.of(), List.of(), List.of());
      assertThat(check(system)).get().extracting(CypherRefusal::code).isEqualTo("other_database");
    }
  }

  @Test
  void lexerKeepsQuotedNamesAndStringsWhole() {
    var tokens =
        PlanText.lex("n.name AS `weird``name`, 'it''s (x)' AS s, apoc.text.join($l, ',') AS j");
    assertThat(tokens).extracting(PlanText.Token::text).contains("weird`name", "apoc", "join");
    assertThat(PlanText.calls(tokens))
        .extracting(PlanText.Call::name)
        .containsExactly("apoc.text.join");
  }
}
