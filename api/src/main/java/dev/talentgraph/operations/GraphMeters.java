package dev.talentgraph.operations;

import dev.talentgraph.db.EmbeddedNeo4j;
import dev.talentgraph.schema.GraphSessions;
import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.Props;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gauges read from the graph and the embedded store: the active model of each kind ({@code
 * talentgraph.models.active}, 1 with tags {@code kind} and {@code version}) and how many versions
 * are registered, the store's size on disk, and the embedded page cache's hits, faults and
 * evictions. The graph is read at most once a minute (on a scrape), never per request.
 */
final class GraphMeters implements MeterBinder {
  private static final Logger log = LoggerFactory.getLogger(GraphMeters.class);
  static final String MODELS =
      "MATCH (m:"
          + Labels.MODEL
          + ") RETURN m."
          + Props.KIND
          + " AS kind, toString(m."
          + Props.VERSION
          + ") AS version, coalesce(m."
          + Props.ACTIVE
          + ", false) AS active";
  private static final long REFRESH_NANOS = 60_000_000_000L;

  private final Driver driver;
  private final String database;
  private final EmbeddedNeo4j embedded;
  private final AtomicLong registered = new AtomicLong();
  private MultiGauge active;
  private volatile long refreshedAt = Long.MIN_VALUE;

  GraphMeters(Driver driver, String database, EmbeddedNeo4j embedded) {
    this.driver = driver;
    this.database = database;
    this.embedded = embedded;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    active =
        MultiGauge.builder("talentgraph.models.active")
            .description("The active model of each kind (1), tagged with its version")
            .register(registry);
    Gauge.builder("talentgraph.models.registered", this, m -> m.refreshed().registered.get())
        .description("Model versions registered in the graph")
        .register(registry);
    if (embedded != null) {
      Path home = embedded.home();
      Gauge.builder("talentgraph.store.size", home, GraphMeters::sizeOnDisk)
          .description("Bytes of the embedded store on disk")
          .baseUnit("bytes")
          .register(registry);
      embedded
          .pageCacheCounters()
          .ifPresent(
              c -> {
                Gauge.builder("neo4j.page_cache.hits", c, EmbeddedNeo4j.PageCache::hits)
                    .register(registry);
                Gauge.builder("neo4j.page_cache.faults", c, EmbeddedNeo4j.PageCache::faults)
                    .register(registry);
                Gauge.builder("neo4j.page_cache.evictions", c, EmbeddedNeo4j.PageCache::evictions)
                    .register(registry);
                Gauge.builder("neo4j.page_cache.hit_ratio", c, EmbeddedNeo4j.PageCache::hitRatio)
                    .register(registry);
              });
    }
    refreshed();
  }

  /** Reads the models when the last read is older than a minute. */
  private synchronized GraphMeters refreshed() {
    long now = System.nanoTime();
    if (refreshedAt != Long.MIN_VALUE && now - refreshedAt < REFRESH_NANOS) return this;
    refreshedAt = now;
    try (var session = driver.session(GraphSessions.read(driver, database))) {
      List<MultiGauge.Row<?>> rows = new ArrayList<>();
      long n = 0;
      for (var r : session.executeRead(tx -> tx.run(MODELS).list())) {
        n++;
        if (r.get("active").asBoolean() && !r.get("kind").isNull()) {
          rows.add(
              MultiGauge.Row.of(
                  Tags.of(
                      "kind", r.get("kind").asString(), "version", r.get("version").asString("")),
                  1));
        }
      }
      registered.set(n);
      active.register(rows, true);
    } catch (RuntimeException e) {
      log.debug("model gauges not refreshed: {}", e.toString());
    }
    return this;
  }

  static double sizeOnDisk(Path home) {
    try (Stream<Path> files = Files.walk(home)) {
      return files
          .filter(Files::isRegularFile)
          .mapToLong(
              p -> {
                try {
                  return Files.size(p);
                } catch (IOException e) {
                  return 0;
                }
              })
          .sum();
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }
}
