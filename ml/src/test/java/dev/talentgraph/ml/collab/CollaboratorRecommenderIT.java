package dev.talentgraph.ml.collab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talentgraph.ml.collab.CollaboratorRecommender.ReasonKind;
import dev.talentgraph.ml.collab.CollaboratorRecommender.Recommendation;
import dev.talentgraph.schema.MigrationRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/**
 * The whole product path against a real (in-process) Neo4j: a fixture graph written with Cypher,
 * loaded into the index through the driver, the ranker trained on the graph's own past, and
 * recommendations whose reasons are checked against the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CollaboratorRecommenderIT {
  Neo4j neo4j;
  Driver driver;
  CollabGraph source;

  @BeforeAll
  void start() {
    neo4j =
        Neo4jBuilders.newInProcessBuilder()
            .withDisabledServer()
            .withConfig(BoltConnectorInternalSettings.enable_local_connector, false)
            .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
            .withConfig(
                GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(1))
            .build();
    driver = GraphDatabase.driver(neo4j.boltURI(), AuthTokens.none());
    new MigrationRunner(driver, "neo4j").migrate();
    source = SyntheticCollabGraph.generate(240, 6, 5).graphUpTo(SyntheticCollabGraph.LAST_YEAR);
    writeFixture(source);
  }

  @AfterAll
  void stop() {
    driver.close();
    neo4j.close();
  }

  /**
   * Writes the graph the way the importers do: experts, COLLABORATED_WITH once per pair, HAS_SKILL,
   * teams, projects.
   */
  void writeFixture(CollabGraph g) {
    List<Map<String, Object>> experts = new ArrayList<>();
    List<Map<String, Object>> edges = new ArrayList<>();
    List<Map<String, Object>> skills = new ArrayList<>();
    for (int u = 0; u < g.size(); u++) {
      experts.add(
          Map.of(
              "id", g.id(u), "name", g.name(u), "team", g.groupName(g.groupAt(g.groupStart(u)))));
      for (int i = g.adjStart(u); i < g.adjEnd(u); i++) {
        int v = g.neighbourAt(i);
        if (v > u) {
          edges.add(
              Map.of(
                  "a",
                  g.id(u),
                  "b",
                  g.id(v),
                  "count",
                  g.countAt(i),
                  "first",
                  g.firstYearAt(i),
                  "last",
                  g.lastYearAt(i)));
        }
      }
      for (int s : g.skills(u))
        skills.add(Map.of("e", g.id(u), "s", g.skillId(s), "name", g.skillName(s)));
    }
    try (var s = driver.session()) {
      s.run(
              "UNWIND $rows AS row MERGE (e:Expert {id: row.id}) SET e.name = row.name "
                  + "MERGE (t:Team {id: row.team}) SET t.name = row.team MERGE (e)-[:MEMBER_OF]->(t)",
              Map.of("rows", experts))
          .consume();
      s.run(
              "UNWIND $rows AS row MATCH (a:Expert {id: row.a}), (b:Expert {id: row.b}) "
                  + "MERGE (a)-[c:COLLABORATED_WITH]->(b) SET c.count = row.count, c.firstYear = row.first, c.lastYear = row.last",
              Map.of("rows", edges))
          .consume();
      s.run(
              "UNWIND $rows AS row MATCH (e:Expert {id: row.e}) MERGE (k:Skill {id: row.s}) SET k.name = row.name "
                  + "MERGE (e)-[h:HAS_SKILL]->(k) SET h.level = 3",
              Map.of("rows", skills))
          .consume();
      // a taxonomy parent of the first expert's first skill
      s.run(
              "MATCH (k:Skill {id: $k}) MERGE (p:Skill {id: 'parent-skill'}) SET p.name = 'parent skill' "
                  + "MERGE (k)-[:BROADER]->(p)",
              Map.of("k", g.skillId(g.skills(0)[0])))
          .consume();
      CollabGraph.Project p = g.project("project-0").orElseThrow();
      List<String> req = new ArrayList<>();
      for (int k : p.requiredSkills()) req.add(g.skillId(k));
      List<String> mem = new ArrayList<>();
      for (int m : p.members()) mem.add(g.id(m));
      s.run(
              "MERGE (p:Project {id: 'project-0'}) SET p.name = 'Project zero' WITH p "
                  + "UNWIND $req AS r MATCH (k:Skill {id: r}) MERGE (p)-[:REQUIRES]->(k)",
              Map.of("req", req))
          .consume();
      s.run(
              "MATCH (p:Project {id: 'project-0'}) UNWIND $mem AS m MATCH (e:Expert {id: m}) MERGE (e)-[:WORKED_ON]->(p)",
              Map.of("mem", mem))
          .consume();
    }
  }

  @Test
  void loadsTheIndexFromTheGraphAndRecommendsWithReasonsTheDatabaseConfirms() {
    CollabGraph g = new Neo4jCollabGraphLoader(driver, "neo4j").load(m -> {});
    assertThat(g.size()).isEqualTo(source.size());
    assertThat(g.edgeCount()).isEqualTo(source.edgeCount());
    assertThat(g.referenceYear()).isEqualTo(SyntheticCollabGraph.LAST_YEAR);
    assertThat(g.project("project-0")).isPresent();
    int parent = g.skillIndexOf("parent-skill").orElseThrow();
    assertThat(g.hasSkill(g.indexOf(source.id(0)).orElseThrow(), parent)).isTrue();

    CollaboratorTraining.Result trained =
        CollaboratorTraining.fromGraph(
            driver, "neo4j", 2, CollaboratorRanker.Settings.defaults(1), m -> {});
    assertThat(trained.snapshotYear()).isEqualTo(SyntheticCollabGraph.LAST_YEAR - 2);
    assertThat(trained.positives()).isPositive();

    CollaboratorRecommender rec = new CollaboratorRecommender(g, trained.ranker());
    int u = 0;
    for (int x = 0; x < g.size(); x++) if (g.degree(x) > g.degree(u)) u = x;
    String expert = g.id(u);
    var out = rec.recommend(expert, 10, null);
    assertThat(out.items()).hasSize(10);
    try (var s = driver.session()) {
      for (Recommendation item : out.items()) {
        long linked =
            s.run(
                    "MATCH (:Expert {id: $a})-[:COLLABORATED_WITH]-(:Expert {id: $b}) RETURN count(*) AS n",
                    Map.of("a", expert, "b", item.expertId()))
                .single()
                .get("n")
                .asLong();
        assertThat(linked).as("%s already collaborates with %s", item.expertId(), expert).isZero();
        assertThat(item.reasons()).isNotEmpty();
        for (var reason : item.reasons()) {
          if (reason.kind() == ReasonKind.SHARED_COLLABORATOR) {
            for (String w : reason.refs()) {
              var r =
                  s.run(
                          "MATCH (:Expert {id: $a})-[:COLLABORATED_WITH]-(w:Expert {id: $w})-[:COLLABORATED_WITH]-"
                              + "(:Expert {id: $b}) RETURN w.name AS name",
                          Map.of("a", expert, "w", w, "b", item.expertId()))
                      .single();
              assertThat(reason.text()).contains(r.get("name").asString());
            }
          }
          if (reason.kind() == ReasonKind.SHARED_SKILL) {
            for (String k : reason.refs()) {
              long both =
                  s.run(
                          "MATCH (:Expert {id: $a})-[:HAS_SKILL]->(k:Skill {id: $k})<-[:HAS_SKILL]-(:Expert {id: $b}) "
                              + "RETURN count(*) AS n",
                          Map.of("a", expert, "k", k, "b", item.expertId()))
                      .single()
                      .get("n")
                      .asLong();
              assertThat(both).isEqualTo(1);
            }
          }
        }
      }
    }
    assertThat(out.items())
        .anyMatch(
            i -> i.reasons().stream().anyMatch(r -> r.kind() == ReasonKind.SHARED_COLLABORATOR));

    CollabGraph.Project p = g.project("project-0").orElseThrow();
    var forProject = rec.recommend(g.id(p.members()[0]), 5, "project-0");
    assertThat(forProject.items()).isNotEmpty();
    assertThat(forProject.items().get(0).reasons())
        .anyMatch(r -> r.kind() == ReasonKind.FILLS_PROJECT_SKILL);
  }
}
