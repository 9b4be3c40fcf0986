package dev.talentgraph.ml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talentgraph.ml.model.Algorithm;
import dev.talentgraph.ml.model.TrainerSpec;
import dev.talentgraph.schema.MigrationRunner;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.harness.Neo4j;

/**
 * A model that watches itself: checked on an unchanged graph it reports its metrics, calibration
 * and a PSI near 0 for every input and raises no alert; after one input is shifted, the check names
 * that input and raises the alert; both checks are stored on the model.
 */
class ModelMonitorIT {
  static Neo4j neo4j;
  static Driver driver;
  static final GraphFixtures.TestCipher CIPHER = new GraphFixtures.TestCipher();

  @BeforeAll
  static void start() {
    neo4j = GdsHarness.start();
    driver = GraphDatabase.driver(neo4j.boltURI(), AuthTokens.none());
    new MigrationRunner(driver, "neo4j").migrate();
    SyntheticWorkforce.generate(driver, "neo4j", CIPHER, 240, 11, GraphFixtures.AS_OF, s -> {});
  }

  @AfterAll
  static void stop() {
    driver.close();
    neo4j.close();
  }

  @Test
  void aShiftedInputRaisesTheDriftAlertAndAnUnchangedGraphDoesNot() {
    new GraphTrainer(driver, "neo4j", CIPHER)
        .train(
            ModelKinds.ATTRITION,
            new GraphTrainer.Options(
                TrainerSpec.defaults(Algorithm.LOGISTIC_REGRESSION, 1),
                5,
                Set.of(),
                GraphFixtures.AS_OF,
                true,
                0.5),
            s -> {});
    ModelMonitor monitor = new ModelMonitor(driver, "neo4j", CIPHER);

    ModelMonitor.Check calm =
        monitor.check(
            ModelKinds.ATTRITION,
            ModelMonitor.DriftRule.DEFAULT,
            GraphFixtures.AS_OF,
            Instant.now());
    assertThat(calm.metrics()).containsKeys("auc", "logLoss", "brier");
    assertThat(calm.calibration()).isNotEmpty();
    assertThat(calm.psi()).containsKeys("grade", "tenure");
    assertThat(calm.psi().values()).allSatisfy(v -> assertThat(v).isLessThan(0.01));
    assertThat(calm.alerts()).isEmpty();

    try (Session s = driver.session()) {
      s.run("MATCH (e:Expert) WHERE e.grade IS NOT NULL SET e.grade = e.grade + 3").consume();
    }
    ModelMonitor.Check shifted =
        monitor.check(
            ModelKinds.ATTRITION,
            ModelMonitor.DriftRule.DEFAULT,
            GraphFixtures.AS_OF,
            Instant.now());
    assertThat(shifted.psi().get("grade")).isGreaterThan(0.25);
    assertThat(shifted.psi().get("tenure")).isLessThan(0.01);
    assertThat(shifted.alert()).isTrue();
    assertThat(shifted.alerts()).anySatisfy(a -> assertThat(a).contains("input grade shifted"));

    try (Session s = driver.session()) {
      var r =
          s.run(
                  "MATCH (m:Model {id: $id})-[:CHECKED]->(c:ModelCheck) RETURN count(c) AS n, sum(CASE WHEN c.alert THEN 1 ELSE 0 END) AS alerts",
                  java.util.Map.of("id", calm.modelId()))
              .single();
      assertThat(r.get("n").asLong()).isEqualTo(2);
      assertThat(r.get("alerts").asLong()).isEqualTo(1);
    }
  }
}
