package dev.talentgraph.scoring;

import dev.talentgraph.graphql.CypherGateway;
import dev.talentgraph.graphql.RoundTrips;
import dev.talentgraph.graphql.UserError;
import dev.talentgraph.graphql.nodes.ExpertNode;
import dev.talentgraph.ml.registry.ModelInfo;
import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.Props;
import dev.talentgraph.schema.RelTypes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dataloader.BatchLoaderEnvironment;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code Expert.scores}, {@code models} and the admin mutations that train, score and activate
 * models (decided by {@link ModelService}). Scores of all experts of a request are read in one
 * round trip; training and scoring run on a worker thread (they are long, blocking jobs of the ml
 * module).
 */
@Controller
class ScoreController {
  record Metric(String name, double value) {}

  record ModelView(
      String id,
      ModelKindName kind,
      int version,
      boolean active,
      String trainedAt,
      String algorithm,
      String outcome,
      List<Metric> metrics,
      String trainedFrom,
      String trainedUntil,
      Long trainingRows) {
    static ModelView of(ModelInfo i) {
      if (i == null) return null;
      List<Metric> m = new ArrayList<>();
      i.metrics().forEach((k, v) -> m.add(new Metric(k, v)));
      m.sort(java.util.Comparator.comparing(Metric::name));
      ModelKindName kind =
          ModelKindName.ofRegistryName(i.kind())
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "model kind '" + i.kind() + "' has no ModelKind value"));
      return new ModelView(
          i.id(),
          kind,
          i.version(),
          i.active(),
          i.trainedAt().toString(),
          i.algorithm(),
          i.outcome(),
          m,
          i.trainedFrom() == null ? null : i.trainedFrom().toString(),
          i.trainedUntil() == null ? null : i.trainedUntil().toString(),
          i.trainedUntil() == null ? null : i.trainingRows());
    }
  }

  record ModelPayload(ModelView model, List<UserError> errors) {
    static ModelPayload of(ModelService.Outcome o) {
      return new ModelPayload(ModelView.of(o.model()), o.errors());
    }
  }

  record ScorePayload(ModelView model, int scored, List<UserError> errors) {}

  /** {@code input ModelWhere}. */
  record ModelWhere(ModelKindName kind, Boolean active) {}

  record TrainModelInput(ModelKindName kind, Integer seed, Integer folds) {}

  record ScoreModelInput(ModelKindName kind) {}

  record ActivateModelInput(ModelKindName kind, Integer version) {}

  record EvaluateModelInput(ModelKindName kind) {}

  record ModelCheckPayload(ModelChecks.CheckView check, List<UserError> errors) {}

  private final CypherGateway cypher;
  private final ModelService models;
  private final ModelChecks checks;

  ScoreController(CypherGateway cypher, ModelService models, ModelChecks checks) {
    this.cypher = cypher;
    this.models = models;
    this.checks = checks;
  }

  @org.springframework.graphql.data.method.annotation.SchemaMapping(
      typeName = "Model",
      field = "checks")
  Mono<List<ModelChecks.CheckView>> checks(ModelView model, @Argument Integer first) {
    int n = first == null ? 5 : Math.max(1, Math.min(100, first));
    return Mono.fromCallable(() -> checks.checks(model.id(), n))
        .subscribeOn(Schedulers.boundedElastic());
  }

  @MutationMapping
  @PreAuthorize("hasRole('ADMIN')")
  Mono<ModelCheckPayload> evaluateModel(
      @Argument EvaluateModelInput input, graphql.schema.DataFetchingEnvironment env) {
    dev.talentgraph.security.RequestAccess access =
        env.getGraphQlContext().get(dev.talentgraph.security.RequestAccess.class);
    String actor =
        access == null || access.principal() == null ? "anonymous" : access.principal().username();
    return Mono.fromCallable(
            () -> {
              ModelChecks.Outcome o =
                  checks.evaluate(ModelKindName.registryNameOf(input.kind()), actor);
              return new ModelCheckPayload(o.check(), o.errors());
            })
        .subscribeOn(Schedulers.boundedElastic());
  }

  @BatchMapping(typeName = "Expert")
  // who may read scores is decided by the @personal rule on the field
  // (dev.talentgraph.security.FieldAccessRules)
  Mono<Map<ExpertNode, List<ScoreView>>> scores(
      List<ExpertNode> experts, BatchLoaderEnvironment env) {
    List<String> ids = experts.stream().map(ExpertNode::id).distinct().toList();
    String statement =
        "UNWIND $ids AS id MATCH (e:"
            + Labels.EXPERT
            + " {"
            + Props.ID
            + ": id})-[:"
            + RelTypes.HAS_SCORE
            + "]->(s:"
            + Labels.SCORE
            + ") WITH id, s ORDER BY s."
            + Props.MODEL
            + " RETURN id, collect(s {."
            + Props.MODEL
            + ", ."
            + Props.VERSION
            + ", ."
            + Props.VALUE
            + ", ."
            + Props.AT
            + ", ."
            + Props.EXPLANATION
            + ", ."
            + Props.EXPLANATION_FEATURES
            + ", ."
            + Props.EXPLANATION_CONTRIBUTIONS
            + "}) AS scores";
    return cypher
        .read(RoundTrips.of(env), statement, Map.of("ids", ids))
        .map(
            rows -> {
              Map<String, List<ScoreView>> byId = new HashMap<>();
              rows.forEach(
                  r -> byId.put(r.get("id").asString(), r.get("scores").asList(ScoreView::from)));
              Map<ExpertNode, List<ScoreView>> out = new HashMap<>();
              for (ExpertNode e : experts) out.put(e, byId.getOrDefault(e.id(), List.of()));
              return out;
            });
  }

  @QueryMapping
  @PreAuthorize("hasAnyRole('ADMIN', 'HR', 'ANALYST')")
  Mono<List<ModelView>> models(@Argument ModelWhere where) {
    ModelKindName kind = where == null ? null : where.kind();
    Boolean active = where == null ? null : where.active();
    return Mono.fromCallable(
            () ->
                models.list(ModelKindName.registryNameOf(kind)).stream()
                    .filter(i -> active == null || i.active() == active)
                    .map(ModelView::of)
                    .toList())
        .subscribeOn(Schedulers.boundedElastic());
  }

  @MutationMapping
  @PreAuthorize("hasRole('ADMIN')")
  Mono<ModelPayload> trainModel(@Argument TrainModelInput input) {
    int seed = input.seed() == null ? 1 : input.seed();
    int folds = input.folds() == null ? 5 : input.folds();
    return Mono.fromCallable(
            () ->
                ModelPayload.of(
                    models.train(ModelKindName.registryNameOf(input.kind()), seed, folds)))
        .subscribeOn(Schedulers.boundedElastic());
  }

  @MutationMapping
  @PreAuthorize("hasRole('ADMIN')")
  Mono<ScorePayload> scoreModel(@Argument ScoreModelInput input) {
    return Mono.fromCallable(
            () -> {
              ModelService.Scored r = models.score(ModelKindName.registryNameOf(input.kind()));
              return new ScorePayload(ModelView.of(r.model()), r.scored(), r.errors());
            })
        .subscribeOn(Schedulers.boundedElastic());
  }

  @MutationMapping
  @PreAuthorize("hasRole('ADMIN')")
  Mono<ModelPayload> activateModel(@Argument ActivateModelInput input) {
    return Mono.fromCallable(
            () ->
                ModelPayload.of(
                    models.activate(ModelKindName.registryNameOf(input.kind()), input.version())))
        .subscribeOn(Schedulers.boundedElastic());
  }
}
