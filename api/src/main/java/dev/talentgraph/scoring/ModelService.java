package dev.talentgraph.scoring;

import dev.talentgraph.db.DatabaseConfiguration.SchemaMigrations;
import dev.talentgraph.graphql.UserError;
import dev.talentgraph.ml.GraphTrainer;
import dev.talentgraph.ml.ModelKinds;
import dev.talentgraph.ml.collab.CollabDataException;
import dev.talentgraph.ml.collab.CollaboratorModels;
import dev.talentgraph.ml.collab.CollaboratorRanker;
import dev.talentgraph.ml.courses.CourseRankerModels;
import dev.talentgraph.ml.courses.FmSettings;
import dev.talentgraph.ml.model.ModelKind;
import dev.talentgraph.ml.model.TrainerSpec;
import dev.talentgraph.ml.registry.ModelInfo;
import dev.talentgraph.ml.registry.ModelNotFoundException;
import dev.talentgraph.ml.registry.ModelRegistry;
import dev.talentgraph.ml.scoring.BatchScorer;
import dev.talentgraph.schema.FieldCipher;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Training, scoring and activation of every model kind, one path for all: train from the graph,
 * register on a {@code :Model} node, activate, and tell the server's in-memory models ({@link
 * ActiveModels}) before answering. The scoring kinds of {@link ModelKinds} are cross-validated and
 * then score their experts; the two rankers ({@value CollaboratorModels#KIND}, {@value
 * CourseRankerModels#KIND}) are read by the collaboration and learning services. Blocking: callers
 * run it off the event loop.
 */
@Service
class ModelService {
  private static final Logger log = LoggerFactory.getLogger(ModelService.class);

  /** A model, or why there is none. */
  public record Outcome(ModelInfo model, List<UserError> errors) {
    static Outcome of(ModelInfo m) {
      return new Outcome(m, List.of());
    }

    static Outcome error(UserError e) {
      return new Outcome(null, List.of(e));
    }
  }

  /** What scoring did. */
  public record Scored(ModelInfo model, int scored, List<UserError> errors) {}

  private final Driver driver;
  private final String database;
  private final FieldCipher cipher;
  private final ActiveModels active;

  ModelService(Driver driver, SchemaMigrations schema, FieldCipher cipher, ActiveModels active) {
    this.driver = driver;
    this.database = schema.database();
    this.cipher = cipher;
    this.active = active;
  }

  /** Every kind {@code trainModel} accepts. */
  public static List<String> kinds() {
    List<String> all = new ArrayList<>(ModelKinds.names());
    all.add(CollaboratorModels.KIND);
    all.add(CourseRankerModels.KIND);
    return all;
  }

  public List<ModelInfo> list(String kind) {
    return new ModelRegistry(driver, database)
        .list().stream().filter(i -> kind == null || kind.equals(i.kind())).toList();
  }

  /** Trains a kind on the graph as it is now, registers it as the active version and loads it. */
  public Outcome train(String kind, int seed, int folds) {
    if (folds < 2 || folds > 20) return Outcome.error(UserError.outOfRange("folds", folds, 2, 20));
    try {
      if (CollaboratorModels.KIND.equals(kind)) {
        log.info("training {} (seed {})", kind, seed);
        ModelInfo m =
            CollaboratorModels.train(
                    driver,
                    database,
                    CollaboratorModels.DEFAULT_WINDOW,
                    CollaboratorRanker.Settings.defaults(seed),
                    true,
                    msg -> log.debug("{}: {}", kind, msg))
                .info();
        active.check();
        return Outcome.of(m);
      }
      if (CourseRankerModels.KIND.equals(kind)) {
        log.info("training {} (seed {})", kind, seed);
        ModelInfo m =
            CourseRankerModels.train(driver, database, FmSettings.defaults(seed), true).info();
        active.check();
        return Outcome.of(m);
      }
      Optional<ModelKind> k = ModelKinds.byName(kind);
      if (k.isEmpty()) return Outcome.error(unknownKind(kind));
      log.info("training {} (seed {}, {} folds)", kind, seed, folds);
      GraphTrainer.Result r =
          new GraphTrainer(driver, database, cipher)
              .train(
                  k.get(),
                  new GraphTrainer.Options(
                      TrainerSpec.defaults(k.get().algorithm(), seed),
                      folds,
                      Set.of(),
                      LocalDate.now(),
                      true,
                      0.5),
                  s -> {});
      if (k.get().scoreQuery() != null) {
        new BatchScorer(driver, database, cipher)
            .score(k.get(), LocalDate.now(), Instant.now(), 5, s -> {});
      }
      active.check();
      return Outcome.of(r.model());
    } catch (IllegalArgumentException | CollabDataException e) {
      return Outcome.error(UserError.invalid("kind", e.getMessage()));
    }
  }

  /** Scores the experts (or open applications) with a scoring kind's active model. */
  public Scored score(String kind) {
    Optional<ModelKind> k = ModelKinds.byName(kind);
    if (k.isEmpty()) {
      return new Scored(
          null,
          0,
          List.of(
              kinds().contains(kind)
                  ? UserError.invalid(
                      "kind",
                      "'"
                          + kind
                          + "' ranks and does not score; scoring kinds: "
                          + String.join(", ", ModelKinds.names()))
                  : unknownKind(kind)));
    }
    try {
      BatchScorer.Result r =
          new BatchScorer(driver, database, cipher)
              .score(k.get(), LocalDate.now(), Instant.now(), 5, s -> {});
      ModelInfo info = new ModelRegistry(driver, database).active(k.get().name()).orElseThrow();
      return new Scored(info, r.scored(), List.of());
    } catch (ModelNotFoundException | IllegalArgumentException e) {
      return new Scored(
          null, 0, List.of(new UserError("kind", e.getMessage(), UserError.Code.NOT_FOUND)));
    }
  }

  /** Makes one registered version the active one of its kind and loads it. */
  public Outcome activate(String kind, Integer version) {
    if (kind == null || kind.isBlank()) return Outcome.error(UserError.required("kind"));
    ModelRegistry registry = new ModelRegistry(driver, database);
    try {
      registry.activate(kind, version);
    } catch (ModelNotFoundException e) {
      return Outcome.error(UserError.notFound("version", "model", kind + ":" + version));
    }
    active.check();
    return Outcome.of(registry.info(kind, version).orElseThrow());
  }

  private static UserError unknownKind(String kind) {
    return UserError.invalid(
        "kind", "unknown model kind '" + kind + "'; known kinds: " + String.join(", ", kinds()));
  }
}
