package dev.talentgraph.ml.hiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talentgraph.ml.GraphFixtures;
import dev.talentgraph.ml.GraphTrainer;
import dev.talentgraph.ml.ModelKinds;
import dev.talentgraph.ml.model.Algorithm;
import dev.talentgraph.ml.model.TrainerSpec;
import dev.talentgraph.ml.scoring.BatchScorer;
import dev.talentgraph.schema.MigrationRunner;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/**
 * The hire kind end to end on a graph of applications in the ADR 0006 shape with a planted signal
 * ({@link HireFixtures}): training rows are the hired and the rejected-after-screening
 * applications, the model registers with AUC, calibration and a fairness report, and scoring
 * attaches a Score to each open Application.
 */
class HireModelIT {
  static Neo4j neo4j;
  static Driver driver;
  static final GraphFixtures.TestCipher CIPHER = new GraphFixtures.TestCipher();

  @BeforeAll
  static void start() {
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
    HireFixtures.generate(driver, CIPHER, 300, 12, 7);
  }

  @AfterAll
  static void stop() {
    driver.close();
    neo4j.close();
  }

  static List<Record> query(String cypher) {
    try (Session s = driver.session()) {
      return s.run(cypher).list();
    }
  }

  @Test
  void
      hireTrainsOnClosedApplicationsRegistersWithAucCalibrationAndFairnessAndScoresOpenApplications() {
    long expectedRows =
        query(
                "MATCH (a:Application) WHERE a.stage = 'hired' OR (a.stage = 'rejected' AND "
                    + "EXISTS { (a)-[:MOVED]->(:StageChange {to: 'screened'}) }) RETURN count(a)")
            .get(0)
            .get(0)
            .asLong();
    long screenedOut =
        query(
                "MATCH (a:Application {stage: 'rejected'}) WHERE NOT EXISTS { (a)-[:MOVED]->(:StageChange {to: 'screened'}) } "
                    + "RETURN count(a)")
            .get(0)
            .get(0)
            .asLong();
    assertThat(screenedOut)
        .as("the fixture has applications rejected at screening, which are not training rows")
        .isPositive();

    GraphTrainer.Result r =
        new GraphTrainer(driver, "neo4j", CIPHER)
            .train(
                ModelKinds.HIRE,
                new GraphTrainer.Options(
                    TrainerSpec.defaults(Algorithm.LOGISTIC_REGRESSION, 1),
                    5,
                    Set.of(),
                    GraphFixtures.AS_OF,
                    true,
                    0.5),
                System.out::println);
    assertThat(r.rows()).isEqualTo(expectedRows);
    assertThat(r.model().id()).isEqualTo("hire:1");
    assertThat(r.model().active()).isTrue();
    assertThat(r.features()).containsAll(HireFeatures.COLUMNS).doesNotContain("gender", "age");
    assertThat(r.protectedExcluded()).contains("gender");
    System.out.println("hire metrics: " + r.metrics());
    assertThat(r.metrics().get("auc.mean")).as("the planted signal is learnt").isGreaterThan(0.7);
    assertThat(r.calibration()).isNotEmpty();
    assertThat(r.calibration().stream().mapToInt(b -> b.count()).sum()).isEqualTo(r.rows());
    assertThat(r.metrics()).containsKey("brier.oof");
    // fairness over what is known: internal applicants' gender; candidates without one are
    // counted apart, never compared as a group of their own
    assertThat(r.fairness()).extracting(f -> f.attribute()).contains("gender");
    assertThat(r.fairness().get(0).groups())
        .extracting(g -> g.group())
        .contains("female", "male")
        .doesNotContain("(missing)");
    assertThat(r.fairness().get(0).unknown()).isPositive();

    BatchScorer.Result scored =
        new BatchScorer(driver, "neo4j", CIPHER)
            .score(ModelKinds.HIRE, GraphFixtures.AS_OF, Instant.now(), 3, s -> {});
    assertThat(scored.scored()).isEqualTo(12);
    List<Record> scores =
        query(
            "MATCH (a:Application)-[:HAS_SCORE]->(s:Score)-[:BY_MODEL]->(m:Model) "
                + "RETURN a.stage AS stage, s.id AS id, s.value AS v, s.explanation AS why, m.id AS model");
    assertThat(scores)
        .hasSize(12)
        .allSatisfy(
            x -> {
              assertThat(x.get("stage").asString()).isEqualTo("interview");
              assertThat(x.get("model").asString()).isEqualTo("hire:1");
              assertThat(x.get("id").asString()).endsWith("/hire");
              assertThat(x.get("v").asDouble()).isBetween(0.0, 1.0);
              assertThat(x.get("why").asList(v -> v.asString()))
                  .hasSize(3)
                  .allMatch(t -> t.contains("hire likelihood"));
            });
    assertThat(
            query("MATCH (e:Expert)-[:HAS_SCORE]->(:Score {model: 'hire'}) RETURN count(*)")
                .get(0)
                .get(0)
                .asLong())
        .isZero();
    // re-scoring replaces, it does not add
    new BatchScorer(driver, "neo4j", CIPHER)
        .score(ModelKinds.HIRE, GraphFixtures.AS_OF, Instant.now(), 3, s -> {});
    assertThat(
            query("MATCH (:Application)-[:HAS_SCORE]->(s:Score) RETURN count(s)")
                .get(0)
                .get(0)
                .asLong())
        .isEqualTo(12);

    // on demand (rankCandidates): the same value as the batch score of an open application, and a
    // person who has not applied
    Record open =
        query(
                "MATCH (p)-[:APPLIED]->(a:Application {stage: 'interview'})-[:TO]->(j:JobOpening), (a)-[:HAS_SCORE]->(s:Score) "
                    + "RETURN a.id AS a, p.id AS p, j.id AS j, s.value AS v ORDER BY a.id LIMIT 1")
            .get(0);
    HireScorer scorer = new HireScorer(driver, "neo4j", CIPHER, ModelKinds.HIRE);
    assertThat(scorer.activeModel()).contains("hire:1");
    var pairs =
        List.of(
            new HireFeatures.Pair(
                "open",
                open.get("p").asString(),
                open.get("j").asString(),
                open.get("a").asString()),
            new HireFeatures.Pair("new", "hx-e4", "hx-j2", null));
    var onDemand =
        scorer.score(
            HireFeatures.compute(driver, "neo4j", pairs, GraphFixtures.AS_OF),
            GraphFixtures.AS_OF,
            3);
    assertThat(onDemand.get("open").value())
        .isCloseTo(open.get("v").asDouble(), org.assertj.core.api.Assertions.within(1e-9));
    assertThat(onDemand.get("new").value()).isBetween(0.0, 1.0);
    assertThat(onDemand.get("new").reasons()).hasSize(3);
  }

  @Test
  void featuresOfAPairCoverTheOpeningThroughTheTaxonomy() {
    // a person who has not applied: no assessment or interview columns, coverage from their skills
    var f =
        HireFeatures.compute(
                driver,
                "neo4j",
                List.of(new HireFeatures.Pair("row", "hx-e0", "hx-j0", null)),
                GraphFixtures.AS_OF)
            .get("row");
    assertThat(f.internal()).isTrue();
    assertThat(f.cols())
        .containsEntry("internal", 1.0)
        .containsEntry("assessmentOverall", null)
        .containsEntry("roundsPassed", null);
    assertThat((Double) f.cols().get("tenure")).isPositive();
    assertThat(f.coverage().matches()).hasSize(3);
    assertThat(f.coverage().matches().get(0).requirement().skillName()).isEqualTo("Java");
    // an application: its assessment and interviews are read
    var g =
        HireFeatures.compute(
                driver,
                "neo4j",
                List.of(new HireFeatures.Pair("a", "hx-c1", "hx-j1", "hx-a1")),
                GraphFixtures.AS_OF)
            .get("a");
    Map<String, Object> cols = g.cols();
    assertThat(g.internal()).isFalse();
    assertThat(cols.get("tenure")).isNull();
    assertThat(cols.get("assessmentOverall")).isNotNull();
  }
}
