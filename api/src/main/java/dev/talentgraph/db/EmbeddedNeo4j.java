package dev.talentgraph.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.graphdb.config.Setting;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Neo4j 5.26 DBMS in this process, reached over its Bolt connector on localhost exactly as a
 * remote server would be: callers get a {@code bolt://} URI and credentials, never the embedded
 * API. That keeps one code path for the embedded default, a server and a cluster.
 *
 * <p>Bolt requires a password (user {@code neo4j}): {@code TALENT_BOLT_PASSWORD} when set, else one
 * generated at first start, printed once and kept in {@code <data-dir>/.talentgraph/bolt-password}
 * readable by the owner only (the app itself needs it to connect).
 */
public final class EmbeddedNeo4j implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4j.class);
  public static final String BOLT_USER = "neo4j";
  public static final String ENV_BOLT_PASSWORD = "TALENT_BOLT_PASSWORD";

  private final DatabaseManagementService dbms;
  private final Path home;
  private final boolean temporary;
  private final URI boltUri;
  private final String password;

  private EmbeddedNeo4j(
      DatabaseManagementService dbms, Path home, boolean temporary, URI boltUri, String password) {
    this.dbms = dbms;
    this.home = home;
    this.temporary = temporary;
    this.boltUri = boltUri;
    this.password = password;
  }

  /**
   * Starts with the process environment; a newly generated Bolt password is announced on standard
   * error (stdout stays clean for --json).
   */
  public static EmbeddedNeo4j start(EmbeddedNeo4jSettings settings) {
    return start(settings, List.of());
  }

  /**
   * Starts with the process environment, registering the APOC/GDS routines the product, the
   * settings and these demands call.
   */
  public static EmbeddedNeo4j start(EmbeddedNeo4jSettings settings, List<RoutineDemand> demands) {
    return start(settings, demands, System.getenv(), System.err::println);
  }

  /**
   * Starts the DBMS.
   *
   * @param announce receives the one-time message with a newly generated password (never the
   *     logger)
   * @throws StoreInUseException when another process holds the store
   */
  public static EmbeddedNeo4j start(
      EmbeddedNeo4jSettings settings, Map<String, String> env, Consumer<String> announce) {
    return start(settings, List.of(), env, announce);
  }

  private static EmbeddedNeo4j start(
      EmbeddedNeo4jSettings settings,
      List<RoutineDemand> demands,
      Map<String, String> env,
      Consumer<String> announce) {
    long t0 = System.nanoTime();
    boolean temporary = settings.dataDir() == null;
    Path home;
    try {
      home =
          temporary
              ? Files.createTempDirectory("talentgraph-neo4j")
              : settings.dataDir().toAbsolutePath().normalize();
      Files.createDirectories(home);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data directory " + settings.dataDir(), e);
    }
    var builder = new DatabaseManagementServiceBuilder(home);
    setZero(builder, GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period);
    DatabaseManagementService dbms;
    try {
      dbms =
          builder
              .setConfig(BoltConnector.enabled, true)
              .setConfig(
                  BoltConnector.listen_address,
                  new SocketAddress(settings.boltHost(), settings.boltPort()))
              .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
              .setConfig(HttpConnector.enabled, false)
              .setConfig(HttpsConnector.enabled, false)
              // Neo4j 5.26 was built on Netty 4.1; Boot 4 brings 4.2, whose loops refuse the in-JVM
              // "local" channel.
              .setConfig(BoltConnectorInternalSettings.enable_local_connector, false)
              .setConfig(
                  GraphDatabaseInternalSettings.netty_server_shutdown_timeout,
                  Duration.ofSeconds(1))
              .setConfig(GraphDatabaseSettings.auth_enabled, true)
              .setConfig(
                  GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(settings.pageCache()))
              .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("apoc.*", "gds.*"))
              .build();
    } catch (RuntimeException e) {
      if (isLockFailure(e)) throw new StoreInUseException(home, e);
      throw e;
    }
    try {
      long t1 = System.nanoTime();
      GraphDatabaseAPI db =
          (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
      var registered =
          ProcedureRegistrar.registerAll(
              db, settings.procedurePackages(), settings.demands(demands));
      long t2 = System.nanoTime();
      String password = resolvePassword(settings, env, home, temporary, announce);
      setBoltPassword(dbms, password);
      var bolt =
          db.getDependencyResolver()
              .resolveDependency(ConnectorPortRegister.class)
              .getLocalAddress(ConnectorType.BOLT);
      URI uri = URI.create("bolt://" + bolt.getHost() + ":" + bolt.getPort());
      long t3 = System.nanoTime();
      StartupPhases.record("embedded Neo4j DBMS", (t1 - t0) / 1_000_000);
      StartupPhases.record(
          "APOC/GDS registration (" + registered.classes() + " classes)", (t2 - t1) / 1_000_000);
      StartupPhases.record("Bolt password", (t3 - t2) / 1_000_000);
      log.info(
          "Embedded Neo4j started in {} ms (+{} ms registering {} APOC/GDS classes, {} skipped as"
              + " nothing calls them; +{} ms setting the Bolt password), Bolt at {}, store {}",
          (t1 - t0) / 1_000_000,
          (t2 - t1) / 1_000_000,
          registered.classes(),
          registered.skipped(),
          (t3 - t2) / 1_000_000,
          uri,
          temporary ? "(temporary)" : home);
      return new EmbeddedNeo4j(dbms, home, temporary, uri, password);
    } catch (RuntimeException e) {
      dbms.shutdown();
      throw e;
    }
  }

  private static boolean isLockFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String name = t.getClass().getName();
      String msg = String.valueOf(t.getMessage());
      if (name.endsWith("FileLockException")
          || msg.contains("locked by another process")
          || t instanceof java.nio.channels.OverlappingFileLockException) {
        return true;
      }
    }
    return false;
  }

  private static String resolvePassword(
      EmbeddedNeo4jSettings settings,
      Map<String, String> env,
      Path home,
      boolean temporary,
      Consumer<String> announce) {
    if (settings.boltPassword() != null && !settings.boltPassword().isBlank())
      return settings.boltPassword();
    String fromEnv = env.get(ENV_BOLT_PASSWORD);
    if (temporary) return fromEnv != null && !fromEnv.isBlank() ? fromEnv : generatePassword();
    Path file = home.resolve(".talentgraph").resolve("bolt-password");
    try {
      if (fromEnv != null && !fromEnv.isBlank()) {
        // kept like a generated one, so that a later start without the variable keeps the same
        // password
        Files.deleteIfExists(file);
        SecretFiles.writeNew(file, fromEnv + "\n");
        return fromEnv;
      }
      if (Files.exists(file)) return Files.readString(file).strip();
      String generated = generatePassword();
      SecretFiles.writeNew(file, generated + "\n");
      announce.accept(
          """
          ============================================================
           Bolt (neo4j://) user 'neo4j' password, generated once:
             %s
           Kept for this app in %s (owner-only). Set %s to choose your own.
          ============================================================"""
              .formatted(generated, file, ENV_BOLT_PASSWORD));
      return generated;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write " + file, e);
    }
  }

  static String generatePassword() {
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The embedded API bypasses Bolt auth; set the password of the built-in user on every start. */
  private static void setBoltPassword(DatabaseManagementService dbms, String password) {
    var system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
    try {
      system.executeTransactionally(
          "ALTER USER " + BOLT_USER + " SET PASSWORD $pw CHANGE NOT REQUIRED",
          Map.of("pw", password));
    } catch (RuntimeException e) {
      // Neo4j refuses to "change" a password to the one it already has: that is the normal restart
      // case.
      if (!String.valueOf(e.getMessage())
          .contains("Old password and new password cannot be the same")) throw e;
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void setZero(DatabaseManagementServiceBuilder builder, Setting setting) {
    builder.setConfig(
        setting, setting.defaultValue() instanceof Duration ? Duration.ZERO : (Object) 0);
  }

  public URI boltUri() {
    return boltUri;
  }

  public AuthToken authToken() {
    return AuthTokens.basic(BOLT_USER, password);
  }

  public String password() {
    return password;
  }

  public Path home() {
    return home;
  }

  /** A driver to this DBMS over Bolt, for code that runs without Spring (CLI commands). */
  public Driver newDriver() {
    return GraphDatabase.driver(
        boltUri,
        authToken(),
        Config.builder().withLogging(org.neo4j.driver.Logging.none()).build());
  }

  /**
   * The page cache's counters of this DBMS, when the kernel exposes them (Neo4j Community has no
   * metrics extension; the counters are read from the database's dependencies).
   */
  public java.util.Optional<PageCache> pageCacheCounters() {
    try {
      GraphDatabaseAPI db =
          (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
      var resolver = db.getDependencyResolver();
      for (Class<? extends org.neo4j.io.pagecache.monitoring.PageCacheCounters> type :
          List.of(
              org.neo4j.io.pagecache.monitoring.PageCacheCounters.class,
              org.neo4j.io.pagecache.tracing.PageCacheTracer.class)) {
        if (resolver.containsDependency(type)) {
          return java.util.Optional.of(new PageCache(resolver.resolveDependency(type)));
        }
      }
    } catch (RuntimeException e) {
      log.debug("no page cache counters: {}", e.toString());
    }
    return java.util.Optional.empty();
  }

  /** Live page cache counters (hits, faults, evictions since start). */
  public static final class PageCache {
    private final org.neo4j.io.pagecache.monitoring.PageCacheCounters counters;

    PageCache(org.neo4j.io.pagecache.monitoring.PageCacheCounters counters) {
      this.counters = counters;
    }

    public double hits() {
      return counters.hits();
    }

    public double faults() {
      return counters.faults();
    }

    public double evictions() {
      return counters.evictions();
    }

    public double hitRatio() {
      return counters.hitRatio();
    }
  }

  @Override
  public void close() {
    long t0 = System.nanoTime();
    dbms.shutdown();
    if (temporary) {
      try (var files = Files.walk(home)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        log.warn("could not delete temporary store {}: {}", home, e.toString());
      }
    }
    log.info("Embedded Neo4j stopped in {} ms", (System.nanoTime() - t0) / 1_000_000);
  }
}
