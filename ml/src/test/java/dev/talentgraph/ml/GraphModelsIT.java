package dev.talentgraph.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.talentgraph.ml.features.FeatureDefinition;
import dev.talentgraph.ml.features.FeatureSet;
import dev.talentgraph.ml.features.FeatureSource;
import dev.talentgraph.ml.features.GraphFeatureExtractor;
import dev.talentgraph.ml.features.GraphMeasure;
import dev.talentgraph.ml.model.Algorithm;
import dev.talentgraph.ml.model.TrainerSpec;
import dev.talentgraph.ml.registry.ModelFormatException;
import dev.talentgraph.ml.registry.ModelInfo;
import dev.talentgraph.ml.registry.ModelNotFoundException;
import dev.talentgraph.ml.registry.ModelRegistry;
import dev.talentgraph.ml.registry.StoredModel;
import dev.talentgraph.ml.scoring.BatchScorer;
import dev.talentgraph.schema.MigrationRunner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.harness.Neo4j;

/**
 * Graph features, training from the graph, the model registry and batch scoring against a real
 * in-process Neo4j holding a small synthetic company ({@link SyntheticWorkforce}) and a
 * hand-checkable trio ({@link GraphFixtures}). The tests run in order: later ones use the versions
 * registered by earlier ones.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GraphModelsIT {
  static Neo4j neo4j;
  static Driver driver;
  static final GraphFixtures.TestCipher CIPHER = new GraphFixtures.TestCipher();
  static ModelRegistry registry;

  @BeforeAll
  static void start() {
    neo4j = GdsHarness.start();
    driver = GraphDatabase.driver(neo4j.boltURI(), AuthTokens.none());
    new MigrationRunner(driver, "neo4j").migrate();
    GraphFixtures.trio(driver, CIPHER);
    SyntheticWorkforce.generate(driver, "neo4j", CIPHER, 240, 11, GraphFixtures.AS_OF, s -> {});
    registry = new ModelRegistry(driver, "neo4j");
  }

  @AfterAll
  static void stop() {
    driver.close();
    neo4j.close();
  }

  static GraphTrainer.Options options(long seed) {
    return new GraphTrainer.Options(
        TrainerSpec.defaults(Algorithm.LOGISTIC_REGRESSION, seed),
        5,
        Set.of(),
        GraphFixtures.AS_OF,
        true,
        0.5);
  }

  static long count(String cypher) {
    try (Session s = driver.session()) {
      return s.run(cypher).single().get(0).asLong();
    }
  }

  @Test
  @Order(1)
  void graphMeasuresPropertiesDatesAndPersonalFieldsReadTheGraph() {
    List<FeatureDefinition> defs = new ArrayList<>();
    for (GraphMeasure m : GraphMeasure.values()) defs.add(FeatureDefinition.measure(m));
    defs.add(
        FeatureDefinition.numeric(
            "tenure", "years at the company", new FeatureSource.YearsSince("hiredAt")));
    defs.add(FeatureDefinition.numeric("grade", "grade", new FeatureSource.Property("grade")));
    defs.add(
        FeatureDefinition.numeric("age", "age", new FeatureSource.Personal("birthDate", true)));
    defs.add(
        FeatureDefinition.categorical(
            "gender", "gender", new FeatureSource.Personal("gender", false)));
    FeatureSet fs = new FeatureSet("probe", 1, defs);
    GraphFeatureExtractor ex = new GraphFeatureExtractor(driver, "neo4j", CIPHER);
    List<GraphFeatureExtractor.Row> rows =
        List.of(
            new GraphFeatureExtractor.Row("x1", "x1", null, Map.of()),
            new GraphFeatureExtractor.Row("x2", "x2", null, Map.of()),
            new GraphFeatureExtractor.Row("x3", "x3", null, Map.of()));
    List<Object[]> x = ex.features(fs, rows, GraphFixtures.AS_OF);
    Map<String, Object> x1 = new java.util.HashMap<>();
    for (int i = 0; i < defs.size(); i++) x1.put(defs.get(i).name(), x.get(0)[i]);
    assertThat(((Number) x1.get("skillCount")).intValue()).isEqualTo(2);
    assertThat(((Number) x1.get("meanSkillLevel")).doubleValue()).isEqualTo(3.0);
    assertThat(((Number) x1.get("expertSkillCount")).intValue()).isEqualTo(1);
    assertThat(((Number) x1.get("collaborators")).intValue()).isEqualTo(2);
    assertThat(((Number) x1.get("collaborations")).intValue()).isEqualTo(4);
    assertThat((Double) x1.get("yearsSinceCollaboration")).isEqualTo(2.0); // 2026 - 2024
    assertThat(((Number) x1.get("coursesCompleted")).intValue()).isEqualTo(1);
    assertThat(((Number) x1.get("teamSize")).intValue()).isEqualTo(2);
    assertThat(((Number) x1.get("reviewCount")).intValue()).isEqualTo(2);
    assertThat(((Number) x1.get("meanRating")).doubleValue()).isEqualTo(4.0);
    assertThat(((Number) x1.get("lastRating")).intValue()).isEqualTo(5);
    assertThat(((Number) x1.get("promotions")).intValue()).isEqualTo(1);
    assertThat((Double) x1.get("yearsSincePromotion")).isCloseTo(3.0, within(0.01));
    assertThat((Double) x1.get("tenure")).isCloseTo(10.0, within(0.01));
    assertThat((Double) x1.get("age")).isCloseTo(40.0, within(0.01));
    assertThat(x1.get("gender")).isEqualTo("female");
    assertThat(((Number) x1.get("grade")).intValue()).isEqualTo(3);
    // degree: 2 skills, 2 collaborations, 2 enrolments, 1 team, 2 reviews, 1 promotion (not the
    // personal data node)
    assertThat(((Number) x1.get("degree")).intValue()).isEqualTo(10);
    // x1 is the hub of the star x2 - x1 - x3, so its PageRank is above its leaves'
    int pr = defs.indexOf(FeatureDefinition.measure(GraphMeasure.PAGERANK));
    assertThat((Double) x.get(0)[pr]).isGreaterThan((Double) x.get(1)[pr]);
    assertThat((Double) x.get(1)[pr]).isCloseTo((Double) x.get(2)[pr], within(1e-9));
    // x2 has no personal data and no skills: missing, not an error
    assertThat(x.get(1)[defs.size() - 1]).isNull();
    // a row's own as-of date (a leaver's departure) replaces the run's for every years-since
    // feature
    List<Object[]> then =
        ex.features(
            fs,
            List.of(
                new GraphFeatureExtractor.Row(
                    "x1", "x1", null, Map.of(), java.time.LocalDate.of(2021, 1, 1))),
            GraphFixtures.AS_OF);
    int tenure = defs.size() - 4;
    assertThat((Double) then.get(0)[tenure]).isCloseTo(5.0, within(0.01));
    assertThat((Double) then.get(0)[defs.size() - 2]).isCloseTo(35.0, within(0.01)); // age then
  }

  @Test
  @Order(2)
  void trainingAttritionRegistersAnActiveVersionWithProvenanceAndWithoutProtectedFeatures() {
    GraphTrainer.Result r =
        new GraphTrainer(driver, "neo4j", CIPHER).train(ModelKinds.ATTRITION, options(1), s -> {});
    assertThat(r.model().id()).isEqualTo("attrition:1");
    assertThat(r.model().active()).isTrue();
    assertThat(r.rows()).isEqualTo(240); // the trio has no status: unlabelled
    assertThat(r.features())
        .contains("tenure", "skillCount", "pageRank", "lastRating", "salary", "country")
        .doesNotContain("gender", "age", "maritalStatus", "nationality", "status");
    assertThat(r.protectedExcluded()).contains("gender", "age");
    assertThat(r.metrics().get("auc.mean")).isGreaterThan(0.75);
    assertThat(r.fairness()).extracting(f -> f.attribute()).containsExactly("gender", "age");
    assertThat(r.metrics())
        .containsKeys(
            "fairness.gender.demographicParityDifference",
            "fairness.age.equalOpportunityDifference");
    ModelInfo info = registry.info("attrition", 1).orElseThrow();
    assertThat(info.featureSetJson())
        .contains("\"protectedExcluded\"")
        .contains("measure:PAGERANK")
        .doesNotContain("personal:gender");
    assertThat(info.hyperparametersJson()).contains("\"seed\":1");
    assertThat(info.dataJson()).contains("\"asOf\":\"2026-01-01\"");
    assertThat(info.format()).isEqualTo(ModelRegistry.FORMAT);
    assertThat(info.sizeBytes()).isGreaterThan(100);
    assertThat(info.metrics()).containsKey("auc.mean");
  }

  @Test
  @Order(3)
  void
      retrainingWithTheSameSeedGivesAnIdenticalModelAsANewActiveVersionAndTheOldOneStaysLoadable() {
    GraphTrainer.Result r =
        new GraphTrainer(driver, "neo4j", CIPHER).train(ModelKinds.ATTRITION, options(1), s -> {});
    assertThat(r.model().id()).isEqualTo("attrition:2");
    assertThat(registry.active("attrition").orElseThrow().version()).isEqualTo(2);
    assertThat(registry.info("attrition", 1).orElseThrow().active()).isFalse();
    StoredModel v1 = registry.load("attrition", 1), v2 = registry.load("attrition", 2);
    assertThat(v1.info().metrics()).isEqualTo(v2.info().metrics());
    GraphFeatureExtractor ex = new GraphFeatureExtractor(driver, "neo4j", CIPHER);
    FeatureSet fs = FeatureSet.fromDescription(readJson(v1.info().featureSetJson()));
    List<GraphFeatureExtractor.Row> rows = ex.rows(ModelKinds.ATTRITION.scoreQuery(), Map.of());
    List<Object[]> x = ex.features(fs, rows, GraphFixtures.AS_OF);
    for (Object[] row : x) assertThat(v1.model().predict(row)).isEqualTo(v2.model().predict(row));
  }

  @Test
  @Order(4)
  void batchScoringWritesScoresWithModelVersionTimeAndExplanations() {
    BatchScorer scorer = new BatchScorer(driver, "neo4j", CIPHER);
    BatchScorer.Result r =
        scorer.score(
            ModelKinds.ATTRITION,
            GraphFixtures.AS_OF,
            Instant.parse("2026-01-02T00:00:00Z"),
            5,
            s -> {});
    long candidates =
        count("MATCH (e:Expert) WHERE coalesce(e.status, '') <> 'departed' RETURN count(e)");
    assertThat(r.scored()).isEqualTo((int) candidates);
    assertThat(
            count("MATCH (:Expert)-[:HAS_SCORE]->(s:Score {model: 'attrition'}) RETURN count(s)"))
        .isEqualTo(candidates);
    try (Session s = driver.session()) {
      Record rec =
          s.run(
                  "MATCH (e:Expert {id: 'e0000001'})-[:HAS_SCORE]->(s:Score {model: 'attrition'})-[:BY_MODEL]->(m:Model) "
                      + "RETURN s, m.id AS model")
              .single();
      var score = rec.get("s");
      assertThat(rec.get("model").asString()).isEqualTo("attrition:2");
      assertThat(score.get("version").asInt()).isEqualTo(2);
      assertThat(score.get("value").asDouble()).isBetween(0.0, 1.0);
      assertThat(score.get("at").asZonedDateTime().toInstant())
          .isEqualTo(Instant.parse("2026-01-02T00:00:00Z"));
      List<String> why = score.get("explanation").asList(v -> v.asString());
      assertThat(why).hasSizeGreaterThanOrEqualTo(3);
      assertThat(why.get(0))
          .containsAnyOf("raises the attrition risk", "lowers the attrition risk");
      assertThat(score.get("explanationFeatures").size()).isEqualTo(why.size());
      assertThat(score.get("explanationContributions").size()).isEqualTo(why.size());
    }
    // a re-run replaces, never duplicates
    scorer.score(
        ModelKinds.ATTRITION,
        GraphFixtures.AS_OF,
        Instant.parse("2026-01-03T00:00:00Z"),
        5,
        s -> {});
    assertThat(
            count("MATCH (:Expert)-[:HAS_SCORE]->(s:Score {model: 'attrition'}) RETURN count(s)"))
        .isEqualTo(candidates);
    // activating the old version and re-scoring moves every score to it
    registry.activate("attrition", 1);
    scorer.score(
        ModelKinds.ATTRITION,
        GraphFixtures.AS_OF,
        Instant.parse("2026-01-04T00:00:00Z"),
        5,
        s -> {});
    assertThat(
            count(
                "MATCH (s:Score {model: 'attrition'})-[:BY_MODEL]->(m:Model {id: 'attrition:1'}) RETURN count(s)"))
        .isEqualTo(candidates);
    assertThat(count("MATCH (s:Score {model: 'attrition'})-[r:BY_MODEL]->() RETURN count(r)"))
        .isEqualTo(candidates);
    assertThat(count("MATCH (s:Score {model: 'attrition'}) WHERE s.version <> 1 RETURN count(s)"))
        .isZero();
  }

  @Test
  @Order(5)
  void unreadableModelsAreRefusedAndTheRegistryIsLeftAsItWas() {
    long models = count("MATCH (m:Model) RETURN count(m)");
    try (Session s = driver.session()) {
      s.run("MATCH (m:Model {id: 'attrition:2'}) SET m.formatVersion = 99").consume();
    }
    assertThatThrownBy(() -> registry.load("attrition", 2))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("attrition:2")
        .hasMessageContaining("version 99");
    try (Session s = driver.session()) {
      s.run(
              "MATCH (m:Model {id: 'attrition:2'}) SET m.formatVersion = 1, m.bytes = $b",
              Map.of("b", new byte[] {1, 2, 3}))
          .consume();
    }
    assertThatThrownBy(() -> registry.load("attrition", 2))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("bytes Tribuo cannot read");
    assertThatThrownBy(() -> registry.activate("attrition", 7))
        .isInstanceOf(ModelNotFoundException.class);
    assertThatThrownBy(() -> registry.loadActive("no-such-kind"))
        .isInstanceOf(ModelNotFoundException.class)
        .hasMessageContaining("train one first");
    assertThat(registry.active("attrition").orElseThrow().version()).isEqualTo(1);
    assertThat(count("MATCH (m:Model) RETURN count(m)")).isEqualTo(models);
  }

  @Test
  @Order(6)
  void aKindWithoutLabelledRowsFailsWithoutWriting() {
    long models = count("MATCH (m:Model) RETURN count(m)");
    assertThatThrownBy(
            () ->
                new GraphTrainer(driver, "neo4j", CIPHER)
                    .train(ModelKinds.JOB_CHANGE, options(1), s -> {}))
        .hasMessageContaining("no labelled rows for job-change");
    assertThat(count("MATCH (m:Model) RETURN count(m)")).isEqualTo(models);
  }

  @Test
  @Order(7)
  void highPotentialAndTrainingEffectTrainOnTheSameMechanism() {
    GraphTrainer t = new GraphTrainer(driver, "neo4j", CIPHER);
    GraphTrainer.Result hp = t.train(ModelKinds.HIGH_POTENTIAL, options(1), s -> {});
    assertThat(hp.model().id()).isEqualTo("high-potential:1");
    assertThat(hp.features()).doesNotContain("lastRating", "meanRating");
    assertThat(hp.metrics().get("auc.mean")).isGreaterThan(0.6);
    GraphTrainer.Result te =
        t.train(
            ModelKinds.TRAINING_EFFECT,
            new GraphTrainer.Options(
                TrainerSpec.defaults(Algorithm.LINEAR_REGRESSION, 1),
                5,
                Set.of(),
                GraphFixtures.AS_OF,
                true,
                0.5),
            s -> {});
    assertThat(te.model().id()).isEqualTo("training-effect:1");
    assertThat(te.metrics()).containsKeys("rmse.mean", "r2.mean", "meanBaseline.rmse");
    assertThat(te.rows()).isEqualTo(241); // 240 completed enrolments with levels, plus x1's
  }

  /**
   * The scores written by one run must not become features of the next (degree counted HAS_SCORE).
   */
  @Test
  @Order(8)
  void scoresOnTheGraphDoNotLeakIntoTheNextTraining() {
    assertThat(
            count("MATCH (:Expert)-[:HAS_SCORE]->(s:Score {model: 'attrition'}) RETURN count(s)"))
        .isPositive();
    GraphTrainer.Result again =
        new GraphTrainer(driver, "neo4j", CIPHER).train(ModelKinds.ATTRITION, options(1), s -> {});
    assertThat(again.metrics()).isEqualTo(registry.info("attrition", 1).orElseThrow().metrics());
  }

  /**
   * Rows streamed in many small batches (features read and scores written per batch, PageRank
   * computed once for all of them) give the same scores as one batch, one per expert and kind.
   */
  @Test
  @Order(9)
  void scoringInSmallBatchesGivesTheScoresOfOneBatch() {
    new BatchScorer(driver, "neo4j", CIPHER)
        .score(
            ModelKinds.ATTRITION,
            GraphFixtures.AS_OF,
            Instant.parse("2026-01-05T00:00:00Z"),
            5,
            s -> {});
    Map<String, Object> one = scores();
    List<String> progress = new java.util.ArrayList<>();
    BatchScorer.Result r =
        new BatchScorer(driver, "neo4j", CIPHER, 7)
            .score(
                ModelKinds.ATTRITION,
                GraphFixtures.AS_OF,
                Instant.parse("2026-01-06T00:00:00Z"),
                5,
                progress::add);
    long candidates =
        count("MATCH (e:Expert) WHERE coalesce(e.status, '') <> 'departed' RETURN count(e)");
    assertThat(r.scored()).isEqualTo((int) candidates);
    assertThat(progress).hasSize((int) ((candidates + 6) / 7));
    assertThat(scores()).isEqualTo(one).hasSize((int) candidates);
    assertThat(count("MATCH (s:Score {model: 'attrition'})-[r:BY_MODEL]->() RETURN count(r)"))
        .isEqualTo(candidates);
    assertThat(
            count(
                "MATCH (s:Score {model: 'attrition'}) WHERE s.at <> datetime('2026-01-06T00:00:00Z') RETURN count(s)"))
        .isZero();
  }

  /** Expert id to its attrition score and explanation. */
  static Map<String, Object> scores() {
    try (Session s = driver.session()) {
      Map<String, Object> out = new java.util.TreeMap<>();
      s.run(
              "MATCH (e:Expert)-[:HAS_SCORE]->(s:Score {model: 'attrition'}) "
                  + "RETURN e.id AS id, [s.value, s.explanation, s.explanationContributions] AS v")
          .forEachRemaining(rec -> out.put(rec.get("id").asString(), rec.get("v").asObject()));
      return out;
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> readJson(String s) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readValue(s, Map.class);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
