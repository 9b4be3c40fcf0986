package dev.talentgraph.ml.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.talentgraph.ml.GdsHarness;
import dev.talentgraph.ml.GraphFixtures;
import dev.talentgraph.ml.SyntheticWorkforce;
import dev.talentgraph.schema.MigrationRunner;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.harness.Neo4j;

/**
 * The GDS PageRank feature against the reference power iteration on the synthetic company plus an
 * isolated expert, a self-loop and a skewed random network: the same values within a tolerance,
 * hence the same ranking, and no projection left behind in the catalog.
 */
class PageRankIT {
  static Neo4j neo4j;
  static Driver driver;

  @BeforeAll
  static void start() {
    neo4j = GdsHarness.start();
    driver = GraphDatabase.driver(neo4j.boltURI(), AuthTokens.none());
    new MigrationRunner(driver, "neo4j").migrate();
    SyntheticWorkforce.generate(
        driver, "neo4j", new GraphFixtures.TestCipher(), 240, 11, GraphFixtures.AS_OF, s -> {});
    try (Session s = driver.session()) {
      // a skewed random collaboration network on top, so the ranks spread
      java.util.Random rnd = new java.util.Random(5);
      List<Map<String, Object>> pairs = new java.util.ArrayList<>();
      for (int i = 0; i < 700; i++)
        pairs.add(
            Map.of(
                "a", rnd.nextInt(240), "b", (int) Math.floor(240 * Math.pow(rnd.nextDouble(), 3))));
      s.run(
              "MATCH (e:Expert) WITH e ORDER BY e.id WITH collect(e) AS es UNWIND $pairs AS p WITH es[p.a] AS a, es[p.b] AS b"
                  + " WHERE a <> b CREATE (a)-[:COLLABORATED_WITH {count: 1}]->(b)",
              Map.of("pairs", pairs))
          .consume();
      s.run("CREATE (:Expert {id: 'loner'})").consume();
      s.run(
              "MATCH (e:Expert) WITH e ORDER BY e.id LIMIT 1 CREATE (e)-[:COLLABORATED_WITH {count: 1}]->(e)")
          .consume();
    }
  }

  @AfterAll
  static void stop() {
    driver.close();
    neo4j.close();
  }

  @Test
  void gdsPageRankEqualsThePowerIterationAndRanksTheSame() {
    Map<String, Double> reference = PowerIterationPageRank.compute(driver, "neo4j");
    Map<String, Double> gds = PageRank.compute(driver, "neo4j");
    assertThat(gds.keySet()).isEqualTo(reference.keySet()).hasSize(241);
    assertThat(reference.values().stream().distinct().count())
        .isGreaterThan(20); // not a flat vector
    for (String id : reference.keySet())
      assertThat(gds.get(id)).as(id).isCloseTo(reference.get(id), within(1e-6));
    // every pair the reference tells apart is ordered the same way by GDS
    List<String> ids = List.copyOf(reference.keySet());
    long compared = 0;
    for (String a : ids) {
      for (String b : ids) {
        if (reference.get(a) - reference.get(b) > 1e-5) {
          assertThat(gds.get(a)).as(a + " above " + b).isGreaterThan(gds.get(b));
          compared++;
        }
      }
    }
    assertThat(compared).isGreaterThan(10_000);
    assertThat(gds.get("loner")).isLessThan(1.0);
    try (Session s = driver.session()) {
      assertThat(
              s.run("CALL gds.graph.list() YIELD graphName RETURN count(*) AS n")
                  .single()
                  .get("n")
                  .asLong())
          .isZero();
    }
  }
}
