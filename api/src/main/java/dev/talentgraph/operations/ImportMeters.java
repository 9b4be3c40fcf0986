package dev.talentgraph.operations;

import dev.talentgraph.importers.Progress;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Import progress as gauges: {@code talentgraph.import.rows} (rows done) and {@code
 * talentgraph.import.expected} (rows expected, 0 when unknown), tagged by source. Imports run
 * before the web server starts ({@code serve --demo}, {@code serve --import-all}), so the gauges
 * live on Micrometer's global registry, which Spring Boot's registries join when they start.
 */
public final class ImportMeters {
  private static final Map<String, AtomicLong[]> SOURCES = new ConcurrentHashMap<>();

  private ImportMeters() {}

  /** Records that {@code source} has done {@code done} of {@code expected} rows. */
  public static void record(String source, long done, long expected) {
    AtomicLong[] v = SOURCES.computeIfAbsent(source, ImportMeters::register);
    v[0].set(done);
    v[1].set(Math.max(0, expected));
  }

  /** {@code delegate}, also feeding the gauges, tagged with each started task's name. */
  public static Progress wrap(Progress delegate) {
    return new Progress() {
      String source = "import";
      long expected;

      @Override
      public void start(String task, long expected) {
        this.source = task;
        this.expected = expected;
        record(source, 0, expected);
        delegate.start(task, expected);
      }

      @Override
      public void update(long done) {
        record(source, done, expected);
        delegate.update(done);
      }

      @Override
      public void finish(long done) {
        record(source, done, Math.max(expected, done));
        delegate.finish(done);
      }
    };
  }

  private static AtomicLong[] register(String source) {
    AtomicLong done = new AtomicLong();
    AtomicLong expected = new AtomicLong();
    MeterRegistry global = Metrics.globalRegistry;
    Gauge.builder("talentgraph.import.rows", done, AtomicLong::get)
        .description("Rows imported so far")
        .tag("source", source)
        .register(global);
    Gauge.builder("talentgraph.import.expected", expected, AtomicLong::get)
        .description("Rows the import expects (0: unknown)")
        .tag("source", source)
        .register(global);
    return new AtomicLong[] {done, expected};
  }
}
