package dev.talentgraph.graphql.score;

import dev.talentgraph.db.DatabaseConfiguration.SchemaMigrations;
import dev.talentgraph.graphql.CypherGateway;
import dev.talentgraph.graphql.RoundTrips;
import dev.talentgraph.graphql.UserError;
import dev.talentgraph.profiles.ExpertNode;
import dev.talentgraph.ml.GraphTrainer;
import dev.talentgraph.ml.ModelKind;
import dev.talentgraph.ml.ModelKinds;
import dev.talentgraph.ml.TrainerSpec;
import dev.talentgraph.ml.registry.ModelInfo;
import dev.talentgraph.ml.registry.ModelNotFoundException;
import dev.talentgraph.ml.registry.ModelRegistry;
import dev.talentgraph.ml.scoring.BatchScorer;
import dev.talentgraph.schema.FieldCipher;
import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.Props;
import dev.talentgraph.schema.RelTypes;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dataloader.BatchLoaderEnvironment;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code Expert.scores}, {@code models} and the admin mutations that train, score and activate models.
 * Scores of all experts of a request are read in one round trip; training and scoring run on a worker
 * thread (they are long, blocking jobs of the ml module).
 */
@Controller
class ScoreController {
  record Metric(String name, double value) {}

  record ModelView(String id, String kind, int version, boolean active, String trainedAt, String algorithm, String outcome,
      List<Metric> metrics) {
    static ModelView of(ModelInfo i) {
      List<Metric> m = new ArrayList<>();
      i.metrics().forEach((k, v) -> m.add(new Metric(k, v)));
      m.sort(java.util.Comparator.comparing(Metric::name));
      return new ModelView(i.id(), i.kind(), i.version(), i.active(), i.trainedAt().toString(), i.algorithm(), i.outcome(), m);
    }
  }

  record ModelPayload(ModelView model, List<UserError> errors) {}

  record ScorePayload(ModelView model, int scored, List<UserError> errors) {}

  record TrainModelInput(String kind, Integer seed, Integer folds) {}

  record ScoreModelInput(String kind) {}

  record ActivateModelInput(String kind, Integer version) {}

  private final CypherGateway cypher;
  private final Driver driver;
  private final String database;
  private final FieldCipher cipher;

  ScoreController(CypherGateway cypher, Driver driver, SchemaMigrations schema, FieldCipher cipher) {
    this.cypher = cypher;
    this.driver = driver;
    this.database = schema.database();
    this.cipher = cipher;
  }

  @BatchMapping(typeName = "Expert")
  // who may read scores is decided by the @personal rule on the field (dev.talentgraph.security.FieldAccessRules)
  Mono<Map<ExpertNode, List<ScoreView>>> scores(List<ExpertNode> experts, BatchLoaderEnvironment env) {
    List<String> ids = experts.stream().map(ExpertNode::id).distinct().toList();
    String statement = "UNWIND $ids AS id MATCH (e:" + Labels.EXPERT + " {" + Props.ID + ": id})-[:" + RelTypes.HAS_SCORE
        + "]->(s:" + Labels.SCORE + ") WITH id, s ORDER BY s." + Props.MODEL + " RETURN id, collect(s {." + Props.MODEL + ", ."
        + Props.VERSION + ", ." + Props.VALUE + ", ." + Props.AT + ", ." + Props.EXPLANATION + ", ." + Props.EXPLANATION_FEATURES
        + ", ." + Props.EXPLANATION_CONTRIBUTIONS + "}) AS scores";
    return cypher.read(RoundTrips.of(env), statement, Map.of("ids", ids)).map(rows -> {
      Map<String, List<ScoreView>> byId = new HashMap<>();
      rows.forEach(r -> byId.put(r.get("id").asString(), r.get("scores").asList(ScoreView::from)));
      Map<ExpertNode, List<ScoreView>> out = new HashMap<>();
      for (ExpertNode e : experts) out.put(e, byId.getOrDefault(e.id(), List.of()));
      return out;
    });
  }

  @QueryMapping
  @PreAuthorize("hasAnyRole('ADMIN', 'HR', 'ANALYST')")
  Mono<List<ModelView>> models(@Argument String kind) {
    return Mono.fromCallable(() -> new ModelRegistry(driver, database).list().stream()
        .filter(i -> kind == null || kind.equals(i.kind())).map(ModelView::of).toList()).subscribeOn(Schedulers.boundedElastic());
  }

  @MutationMapping
  @PreAuthorize("hasRole('ADMIN')")
  Mono<ModelPayload> trainModel(@Argument TrainModelInput input) {
    Optional<ModelKind> kind = ModelKinds.byName(input.kind());
    if (kind.isEmpty()) return Mono.just(new ModelPayload(null, List.of(unknownKind(input.kind()))));
    int folds = input.folds() == null ? 5 : input.folds();
    if (folds < 2 || folds > 20) return Mono.just(new ModelPayload(null, List.of(UserError.outOfRange("folds", folds, 2, 20))));
    long seed = input.seed() == null ? 1 : input.seed();
    return Mono.fromCallable(() -> {
      try {
        GraphTrainer.Result r = new GraphTrainer(driver, database, cipher).train(kind.get(), new GraphTrainer.Options(
            TrainerSpec.defaults(kind.get().algorithm(), seed), folds, Set.of(), LocalDate.now(), true, 0.5), s -> {});
        if (kind.get().scoreQuery() != null) {
          new BatchScorer(driver, database, cipher).score(kind.get(), LocalDate.now(), Instant.now(), 5, s -> {});
        }
        return new ModelPayload(ModelView.of(r.model()), List.of());
      } catch (IllegalArgumentException e) {
        return new ModelPayload(null, List.of(UserError.invalid("kind", e.getMessage())));
      }
    }).subscribeOn(Schedulers.boundedElastic());
  }

  @MutationMapping
  @PreAuthorize("hasRole('ADMIN')")
  Mono<ScorePayload> scoreModel(@Argument ScoreModelInput input) {
    Optional<ModelKind> kind = ModelKinds.byName(input.kind());
    if (kind.isEmpty()) return Mono.just(new ScorePayload(null, 0, List.of(unknownKind(input.kind()))));
    return Mono.fromCallable(() -> {
      try {
        BatchScorer.Result r = new BatchScorer(driver, database, cipher).score(kind.get(), LocalDate.now(), Instant.now(), 5, s -> {});
        ModelInfo info = new ModelRegistry(driver, database).active(kind.get().name()).orElseThrow();
        return new ScorePayload(ModelView.of(info), r.scored(), List.of());
      } catch (ModelNotFoundException | IllegalArgumentException e) {
        return new ScorePayload(null, 0, List.of(new UserError("kind", e.getMessage(), UserError.Code.NOT_FOUND)));
      }
    }).subscribeOn(Schedulers.boundedElastic());
  }

  @MutationMapping
  @PreAuthorize("hasRole('ADMIN')")
  Mono<ModelPayload> activateModel(@Argument ActivateModelInput input) {
    if (input.kind() == null || input.kind().isBlank()) return Mono.just(new ModelPayload(null, List.of(UserError.required("kind"))));
    return Mono.fromCallable(() -> {
      ModelRegistry registry = new ModelRegistry(driver, database);
      try {
        registry.activate(input.kind(), input.version());
        return new ModelPayload(ModelView.of(registry.info(input.kind(), input.version()).orElseThrow()), List.of());
      } catch (ModelNotFoundException e) {
        return new ModelPayload(null, List.of(UserError.notFound("version", "model", input.kind() + ":" + input.version())));
      }
    }).subscribeOn(Schedulers.boundedElastic());
  }

  private static UserError unknownKind(String kind) {
    return UserError.invalid("kind", "unknown model kind '" + kind + "'; known kinds: " + String.join(", ", ModelKinds.names()));
  }
}
