package dev.talentgraph.recommend;

import dev.talentgraph.db.DatabaseConfiguration.SchemaMigrations;
import dev.talentgraph.profiles.ExpertNode;
import dev.talentgraph.ml.collab.CollabGraph;
import dev.talentgraph.ml.collab.CollaboratorRanker;
import dev.talentgraph.ml.collab.CollaboratorRecommender;
import dev.talentgraph.ml.collab.CollaboratorTraining;
import dev.talentgraph.ml.collab.Neo4jCollabGraphLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The collaborator recommender of the running server: the in-memory collaboration index loaded once from
 * the graph, and a ranker trained on it (features from the graph {@value #WINDOW} years back, labels = the
 * pairs new since). Built on first use, off the request threads; {@link #rebuild()} after an import.
 */
@Service
public class CollaboratorService {
  private static final Logger log = LoggerFactory.getLogger(CollaboratorService.class);
  static final int WINDOW = 2;
  static final long SEED = 1;

  /** A built recommender and what it was built from. */
  public record Built(CollaboratorRecommender recommender, String model, Instant builtAt) {}

  private final Driver driver;
  private final String database;
  private final AtomicReference<Mono<Built>> current = new AtomicReference<>();

  CollaboratorService(Driver driver, SchemaMigrations schema) {
    this.driver = driver;
    this.database = schema.database();
  }

  public Mono<Built> recommender() {
    Mono<Built> m = current.get();
    if (m == null) {
      current.compareAndSet(null, build());
      m = current.get();
    }
    return m;
  }

  /** The recommendations for one expert, as {@code recommendCollaborators} serves them (built on first use). */
  public Mono<CollaboratorRecommendations> recommend(String expertId, int first, String forProject) {
    return recommender().publishOn(Schedulers.parallel()).map(built -> {
      var r = built.recommender().recommend(expertId, first, forProject);
      List<CollaboratorRecommendations.CollaboratorRecommendation> items = r.items().stream()
          .map(i -> new CollaboratorRecommendations.CollaboratorRecommendation(
              new ExpertNode(i.expertId(), i.name(), null, null, null, null, null, null, null, null),
              Math.round(i.score() * 10_000) / 10_000.0, i.reasons()))
          .toList();
      return new CollaboratorRecommendations(r.expertId(), r.projectId(), items, r.notes(), built.model());
    });
  }

  /** Drops the index and model; the next request loads and trains again from the graph as it is now. */
  public Mono<Built> rebuild() {
    current.set(build());
    return current.get();
  }

  private Mono<Built> build() {
    return Mono.fromCallable(() -> {
      long t0 = System.nanoTime();
      CollaboratorTraining.Result trained = CollaboratorTraining.fromGraph(driver, database, WINDOW,
          CollaboratorRanker.Settings.defaults(SEED), message -> log.debug("collaborators: {}", message));
      CollabGraph latest = new Neo4jCollabGraphLoader(driver, database).load(message -> { });
      var built = new Built(new CollaboratorRecommender(latest, trained.ranker()),
          "learned ranker trained on " + trained.description(), Instant.now());
      log.info("Collaborator recommender ready in {} ms ({})",
          Duration.ofNanos(System.nanoTime() - t0).toMillis(), built.model());
      return built;
    }).subscribeOn(Schedulers.boundedElastic())
        .doOnError(e -> current.set(null)) // a failed build (e.g. empty graph) is retried on the next request
        .cache();
  }
}
