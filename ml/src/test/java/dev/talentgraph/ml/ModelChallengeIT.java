package dev.talentgraph.ml;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.talentgraph.ml.model.Algorithm;
import dev.talentgraph.ml.model.TrainerSpec;
import dev.talentgraph.ml.registry.ModelRegistry;
import dev.talentgraph.schema.MigrationRunner;
import java.util.Map;
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
 * Champion and challenger on a synthetic workforce: a champion trained while every departure label
 * was inverted loses to a challenger trained on the true labels, which is activated; a second
 * challenger on the same data with the same seed only ties the new champion, which stays active.
 * Both decisions keep both figures on the challenger's node.
 */
class ModelChallengeIT {
  static Neo4j neo4j;
  static Driver driver;
  static final GraphFixtures.TestCipher CIPHER = new GraphFixtures.TestCipher();
  static final String FLIP =
      "MATCH (e:Expert) WHERE e.status IN ['departed', 'active'] "
          + "SET e.status = CASE e.status WHEN 'departed' THEN 'active' ELSE 'departed' END";

  @BeforeAll
  static void start() {
    neo4j = GdsHarness.start();
    driver = GraphDatabase.driver(neo4j.boltURI(), AuthTokens.none());
    new MigrationRunner(driver, "neo4j").migrate();
    SyntheticWorkforce.generate(driver, "neo4j", CIPHER, 400, 13, GraphFixtures.AS_OF, s -> {});
  }

  @AfterAll
  static void stop() {
    driver.close();
    neo4j.close();
  }

  static GraphTrainer.Options options() {
    return new GraphTrainer.Options(
        TrainerSpec.defaults(Algorithm.LOGISTIC_REGRESSION, 1),
        3,
        Set.of(),
        GraphFixtures.AS_OF,
        true,
        0.5);
  }

  @Test
  void aBetterChallengerIsPromotedAndAnEqualOneIsNot() throws Exception {
    try (Session s = driver.session()) {
      s.run(FLIP).consume();
    }
    var champion =
        new GraphTrainer(driver, "neo4j", CIPHER).train(ModelKinds.ATTRITION, options(), s -> {});
    try (Session s = driver.session()) {
      s.run(FLIP).consume();
    }
    ModelChallenge challenge = new ModelChallenge(driver, "neo4j", CIPHER);
    ModelRegistry registry = new ModelRegistry(driver, "neo4j");

    ModelChallenge.Decision first =
        challenge.challenge(
            ModelKinds.ATTRITION, options(), ModelChallenge.DEFAULT_HOLDOUT, s -> {});
    assertThat(first.promoted()).isTrue();
    assertThat(first.championId()).isEqualTo(champion.model().id());
    assertThat(first.championFigure()).isLessThan(0.5);
    assertThat(first.challengerFigure()).isGreaterThan(0.6);
    assertThat(first.heldOutRows()).isBetween(50, 110);
    assertThat(first.trainingRows()).isEqualTo(400 - first.heldOutRows());
    assertThat(registry.active("attrition").orElseThrow().id()).isEqualTo(first.challenger().id());
    Map<?, ?> stored =
        new ObjectMapper()
            .readValue(challenge.stored(first.challenger().id()).orElseThrow(), Map.class);
    assertThat(stored.get("decision")).isEqualTo("promoted");
    assertThat(stored.get("metric")).isEqualTo("auc");
    assertThat(((Number) stored.get("championFigure")).doubleValue())
        .isEqualTo(first.championFigure());
    assertThat(((Number) stored.get("challengerFigure")).doubleValue())
        .isEqualTo(first.challengerFigure());

    ModelChallenge.Decision second =
        challenge.challenge(
            ModelKinds.ATTRITION, options(), ModelChallenge.DEFAULT_HOLDOUT, s -> {});
    assertThat(second.promoted()).isFalse();
    assertThat(second.championId()).isEqualTo(first.challenger().id());
    assertThat(second.challengerFigure()).isEqualTo(second.championFigure());
    assertThat(second.challengerFigure()).isEqualTo(first.challengerFigure());
    assertThat(registry.active("attrition").orElseThrow().id()).isEqualTo(first.challenger().id());
    assertThat(second.challenger().active()).isFalse();
    Map<?, ?> kept =
        new ObjectMapper()
            .readValue(challenge.stored(second.challenger().id()).orElseThrow(), Map.class);
    assertThat(kept.get("decision")).isEqualTo("kept");
    assertThat(kept.get("champion")).isEqualTo(first.challenger().id());
    assertThat(((Number) kept.get("championFigure")).doubleValue())
        .isEqualTo(second.championFigure());
    assertThat(challenge.stored(champion.model().id())).isEmpty();
  }

  @Test
  void theHeldOutRowsDependOnTheSeedAndIdOnly() {
    int held = 0;
    for (int i = 0; i < 10_000; i++) {
      String id = SyntheticWorkforce.id(i);
      boolean h = ModelChallenge.heldOut(id, 7, 0.2);
      assertThat(ModelChallenge.heldOut(id, 7, 0.2)).isEqualTo(h);
      if (h) held++;
    }
    assertThat(held).isBetween(1800, 2200);
    int differ = 0;
    for (int i = 0; i < 1000; i++)
      if (ModelChallenge.heldOut(SyntheticWorkforce.id(i), 7, 0.2)
          != ModelChallenge.heldOut(SyntheticWorkforce.id(i), 8, 0.2)) differ++;
    assertThat(differ).isGreaterThan(100);
  }
}
