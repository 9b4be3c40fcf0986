package dev.talentgraph.collaboration;

import dev.talentgraph.db.DatabaseConfiguration.SchemaMigrations;
import dev.talentgraph.graphql.nodes.ExpertNode;
import dev.talentgraph.ml.collab.CollabGraph;
import dev.talentgraph.ml.collab.CollaboratorModels;
import dev.talentgraph.ml.collab.CollaboratorRecommender;
import dev.talentgraph.ml.collab.Neo4jCollabGraphLoader;
import dev.talentgraph.privacy.ExpertErased;
import dev.talentgraph.scoring.ModelActivated;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The collaborator recommender of the running server: the in-memory collaboration index read from
 * the graph and the registry's active {@value CollaboratorModels#KIND}. Both are loaded when the
 * server starts and again whenever a ranker version is activated ({@link ModelActivated}); a
 * request never trains. Without an active ranker, candidates are ranked by the Adamic-Adar index
 * and the answer's {@code method} says so.
 */
@Service
public class CollaboratorService {
  private static final Logger log = LoggerFactory.getLogger(CollaboratorService.class);

  /** A loaded recommender and how it ranks. */
  record Built(CollaboratorRecommender recommender, String model, String method) {}

  private final Driver driver;
  private final String database;
  private final AtomicReference<Mono<Built>> current = new AtomicReference<>();

  CollaboratorService(Driver driver, SchemaMigrations schema) {
    this.driver = driver;
    this.database = schema.database();
  }

  @EventListener
  void onActivation(ModelActivated e) {
    if (!CollaboratorModels.KIND.equals(e.kind())) return;
    Mono<Built> next = load();
    current.set(next);
    next.subscribe(b -> {}, err -> {});
  }

  /** The index holds names and reasons: an erased person must leave it at once. */
  @EventListener
  void onErasure(ExpertErased e) {
    refresh();
  }

  /**
   * Drops the loaded index and ranker; the next request reads both from the graph again, so it
   * knows the experts and collaborations written since (by an import or a fixture, say).
   */
  public void refresh() {
    current.set(null);
  }

  private Mono<Built> recommender() {
    Mono<Built> m = current.get();
    if (m == null) {
      current.compareAndSet(null, load());
      m = current.get();
    }
    return m;
  }

  /**
   * The recommendations for one expert, as {@code recommendCollaborators} and the talent profile
   * serve them.
   */
  public Mono<CollaboratorRecommendations> recommend(
      String expertId, int first, String forProject) {
    return recommender()
        .publishOn(Schedulers.parallel())
        .map(
            built -> {
              var r = built.recommender().recommend(expertId, first, forProject);
              List<CollaboratorRecommendations.CollaboratorRecommendation> items =
                  r.items().stream()
                      .map(
                          i ->
                              new CollaboratorRecommendations.CollaboratorRecommendation(
                                  new ExpertNode(
                                      i.expertId(),
                                      i.name(),
                                      null,
                                      null,
                                      null,
                                      null,
                                      null,
                                      null,
                                      null,
                                      null,
                                      Map.of()),
                                  Math.round(i.score() * 10_000) / 10_000.0,
                                  i.reasons()))
                      .toList();
              return new CollaboratorRecommendations(
                  r.expertId(), r.projectId(), items, r.notes(), built.model(), built.method());
            });
  }

  /**
   * Reads the index and the active ranker from the graph; a failure is retried on the next request.
   */
  private Mono<Built> load() {
    return Mono.fromCallable(
            () -> {
              long t0 = System.nanoTime();
              Optional<CollaboratorModels.Loaded> ranker =
                  CollaboratorModels.loadActive(driver, database);
              CollabGraph graph = new Neo4jCollabGraphLoader(driver, database).load(message -> {});
              Built built =
                  ranker
                      .map(
                          l ->
                              new Built(
                                  new CollaboratorRecommender(graph, l.ranker()),
                                  l.info().id()
                                      + " ("
                                      + l.info().algorithm()
                                      + ", trained on "
                                      + l.info().trainingRows()
                                      + " pairs up to "
                                      + l.info().trainedUntil()
                                      + ")",
                                  "learned ranker"))
                      .orElseGet(
                          () ->
                              new Built(
                                  new CollaboratorRecommender(graph, null),
                                  "none",
                                  CollaboratorRecommender.HEURISTIC
                                      + " heuristic: no active "
                                      + CollaboratorModels.KIND
                                      + " model"));
              log.info(
                  "Collaborator recommender loaded in {} ms: {}",
                  Duration.ofNanos(System.nanoTime() - t0).toMillis(),
                  built.method());
              return built;
            })
        .subscribeOn(Schedulers.boundedElastic())
        .doOnError(e -> current.set(null))
        .cache();
  }
}
