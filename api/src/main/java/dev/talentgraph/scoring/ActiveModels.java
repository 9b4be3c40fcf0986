package dev.talentgraph.scoring;

import dev.talentgraph.db.DatabaseConfiguration.SchemaMigrations;
import dev.talentgraph.db.StartupPhases;
import dev.talentgraph.ml.collab.CollaboratorModels;
import dev.talentgraph.ml.courses.CourseRankerModels;
import dev.talentgraph.schema.GraphSessions;
import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.Props;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Which version of each model kind is active, as the registry says, announced as {@link
 * ModelActivated} events: every kind once when the server is ready (that is when the in-memory
 * models load), then each change. Changes made by this server ({@code trainModel}, {@code
 * activateModel}) are announced before the mutation answers; changes made by another process on the
 * same database (a {@code train} command over Bolt) are found by a check every {@code
 * talent.models.refresh-interval} (default 30 s, 0 to switch the check off), one small read of the
 * active {@code :Model} ids.
 */
@Component
class ActiveModels implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(ActiveModels.class);
  private static final String ACTIVE =
      "MATCH (m:"
          + Labels.MODEL
          + " {"
          + Props.ACTIVE
          + ": true}) RETURN m."
          + Props.KIND
          + " AS kind, m."
          + Props.VERSION
          + " AS version";

  private final Driver driver;
  private final String database;
  private final ApplicationEventPublisher events;
  private final Duration interval;
  private final Map<String, Integer> known = new HashMap<>();
  private volatile boolean ready;

  /** False until the first check has announced every kind. */
  private boolean announced;

  private volatile Disposable polling;

  ActiveModels(
      Driver driver,
      SchemaMigrations schema,
      ApplicationEventPublisher events,
      @Value("${talent.models.refresh-interval:30s}") Duration interval) {
    this.driver = driver;
    this.database = schema.database();
    this.events = events;
    this.interval = interval;
  }

  /** Loads the active models once the application is up (no request waits for a training). */
  @EventListener(ApplicationReadyEvent.class)
  void onReady() {
    ready = true;
    long t0 = System.nanoTime();
    check();
    long ms = (System.nanoTime() - t0) / 1_000_000;
    StartupPhases.record(StartupPhases.AFTER_REFRESH + "active models", ms);
    log.info("Active models loaded in {} ms", ms);
  }

  /**
   * Reads the active versions and announces every kind whose version changed since the last check
   * (all of them on the first). Listeners run on the caller's thread.
   */
  public synchronized void check() {
    if (!ready) return;
    Map<String, Integer> now = new HashMap<>();
    try (var s = driver.session(GraphSessions.read(driver, database))) {
      s.executeRead(
          tx -> {
            tx.run(ACTIVE)
                .forEachRemaining(r -> now.put(r.get("kind").asString(), r.get("version").asInt()));
            return null;
          });
    }
    Map<String, Integer> changed = new HashMap<>();
    now.forEach(
        (k, v) -> {
          if (!Objects.equals(known.get(k), v)) changed.put(k, v);
        });
    known.keySet().stream().filter(k -> !now.containsKey(k)).forEach(k -> changed.put(k, 0));
    boolean first = !announced;
    announced = true;
    known.clear();
    known.putAll(now);
    // the rankers are announced on the first check even without an active version: their services
    // then build the fallback at start instead of on the first request
    if (first) {
      changed.putIfAbsent(CollaboratorModels.KIND, 0);
      changed.putIfAbsent(CourseRankerModels.KIND, 0);
    }
    changed.forEach((k, v) -> events.publishEvent(new ModelActivated(k, v)));
  }

  @Override
  public void start() {
    if (interval.isZero() || interval.isNegative()) return;
    polling =
        Flux.interval(interval, interval, Schedulers.boundedElastic())
            .subscribe(
                t -> {
                  try {
                    check();
                  } catch (RuntimeException e) {
                    log.warn("could not check the active models: {}", e.getMessage());
                  }
                });
  }

  @Override
  public void stop() {
    Disposable p = polling;
    if (p != null) p.dispose();
    polling = null;
  }

  @Override
  public boolean isRunning() {
    return polling != null;
  }
}
