package dev.talentgraph.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the versioned Cypher migrations in order and records each on a {@code :__Migration} node
 * with its checksum, in the style of neo4j-migrations (which this machine's registry cannot serve).
 *
 * <p>Rules: migrations run in version order; each statement runs in its own transaction (schema
 * statements cannot share one with writes), so statements must be idempotent ({@code IF NOT
 * EXISTS}, {@code MERGE}); an applied migration whose checksum changed stops startup with a message
 * naming the file, because a silent divergence between environments is worse than a failed start.
 */
public final class MigrationRunner {
  private static final Logger log = LoggerFactory.getLogger(MigrationRunner.class);

  /**
   * Classpath folder of the migrations, and the index that lists them (a jar cannot be listed
   * portably).
   */
  public static final String LOCATION = "db/migrations/";

  public static final String INDEX = LOCATION + "migrations.idx";

  private final Driver driver;
  private final String database;

  public MigrationRunner(Driver driver, String database) {
    this.driver = driver;
    this.database = database;
  }

  /** The migrations shipped on the classpath, in version order. */
  public static List<Migration> classpathMigrations() {
    ClassLoader cl = MigrationRunner.class.getClassLoader();
    List<Migration> out = new ArrayList<>();
    for (String name : read(cl, INDEX).split("\n")) {
      name = name.strip();
      if (name.isEmpty() || name.startsWith("#")) continue;
      out.add(Migration.of(name, read(cl, LOCATION + name)));
    }
    out.sort(Comparator.comparingInt(Migration::version));
    for (int i = 1; i < out.size(); i++) {
      if (out.get(i).version() == out.get(i - 1).version()) {
        throw new MigrationException(
            "two migrations share version "
                + out.get(i).version()
                + ": "
                + out.get(i - 1).fileName()
                + " and "
                + out.get(i).fileName());
      }
    }
    return out;
  }

  private static String read(ClassLoader cl, String resource) {
    try (InputStream in = cl.getResourceAsStream(resource)) {
      if (in == null) throw new MigrationException("missing classpath resource " + resource);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Applies the classpath migrations; returns how many were newly applied. */
  public int migrate() {
    return migrate(classpathMigrations());
  }

  /** Applies the given migrations; returns how many were newly applied. */
  public int migrate(List<Migration> migrations) {
    SessionConfig cfg = GraphSessions.write(driver, database);
    Map<Integer, Map<String, Object>> applied = new HashMap<>();
    try (var session = driver.session(cfg)) {
      session
          .run(
              "MATCH (m:"
                  + Labels.MIGRATION
                  + ") RETURN m.version AS v, m.checksum AS c, m.file AS f")
          .list()
          .forEach(
              r ->
                  applied.put(
                      r.get("v").asInt(),
                      Map.of("checksum", r.get("c").asString(), "file", r.get("f").asString())));
    }
    int count = 0;
    for (Migration m : migrations) {
      Map<String, Object> done = applied.get(m.version());
      if (done != null) {
        if (!done.get("checksum").equals(m.checksum())) {
          throw new MigrationException(
              "migration "
                  + m.fileName()
                  + " was changed after it was applied to this"
                  + " database (recorded checksum "
                  + abbreviate(done.get("checksum"))
                  + ", file now "
                  + abbreviate(m.checksum())
                  + "). Applied migrations are immutable: revert the edit and add a new"
                  + " migration V"
                  + String.format("%04d", nextVersion(migrations))
                  + "__... instead.");
        }
        continue;
      }
      long t0 = System.nanoTime();
      try (var session = driver.session(cfg)) {
        for (String statement : m.statements()) {
          try {
            session.run(statement).consume();
          } catch (RuntimeException e) {
            throw new MigrationException(
                "migration "
                    + m.fileName()
                    + " failed at statement:\n"
                    + statement
                    + "\n"
                    + e.getMessage(),
                e);
          }
        }
        session
            .run(
                "MERGE (m:"
                    + Labels.MIGRATION
                    + " {version: $version}) "
                    + "SET m.file = $file, m.description = $description, m.checksum = $checksum, m.appliedAt = $at",
                Map.of(
                    "version",
                    m.version(),
                    "file",
                    m.fileName(),
                    "description",
                    m.description(),
                    "checksum",
                    m.checksum(),
                    "at",
                    ZonedDateTime.now()))
            .consume();
      }
      log.info("Applied migration {} in {} ms", m.fileName(), (System.nanoTime() - t0) / 1_000_000);
      count++;
    }
    return count;
  }

  private static int nextVersion(List<Migration> migrations) {
    return migrations.stream().mapToInt(Migration::version).max().orElse(0) + 1;
  }

  private static String abbreviate(Object checksum) {
    String s = String.valueOf(checksum);
    return s.length() > 12 ? s.substring(0, 12) : s;
  }
}
