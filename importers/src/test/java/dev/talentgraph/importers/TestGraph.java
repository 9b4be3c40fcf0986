package dev.talentgraph.importers;

import dev.talentgraph.schema.FieldCipher;
import dev.talentgraph.schema.MigrationRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/**
 * One in-process Neo4j (neo4j-harness) for the whole test JVM, reached over Bolt like a server,
 * with the project's migrations applied. Tests call {@link #reset()} to start from an empty graph.
 */
public final class TestGraph {
  private static Neo4j neo4j;
  private static Driver driver;

  private TestGraph() {}

  public static synchronized Driver driver() {
    if (driver == null) {
      neo4j =
          Neo4jBuilders.newInProcessBuilder()
              .withDisabledServer()
              .withConfig(BoltConnectorInternalSettings.enable_local_connector, false)
              .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
              .withConfig(
                  GraphDatabaseInternalSettings.netty_server_shutdown_timeout,
                  Duration.ofSeconds(1))
              .withConfig(GraphDatabaseSettings.allow_file_urls, true)
              .withConfig(
                  GraphDatabaseSettings.load_csv_file_url_root, Path.of("/").toAbsolutePath())
              .build();
      driver = GraphDatabase.driver(neo4j.boltURI(), AuthTokens.none());
      new MigrationRunner(driver, "neo4j").migrate();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    driver.close();
                    neo4j.close();
                  }));
    }
    return driver;
  }

  /** Deletes all data but the schema and the migration records. */
  public static void reset() {
    try (var s = driver().session()) {
      s.run(
              "MATCH (n) WHERE NOT n:__Migration CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS")
          .consume();
    }
  }

  public static ImportContext context(ImportOptions options) {
    return new ImportContext(driver(), "neo4j", options, new TestCipher());
  }

  public static ImportContext context() {
    return context(ImportOptions.defaults());
  }

  public static List<Record> query(String cypher, Map<String, Object> params) {
    try (var s = driver().session()) {
      return s.run(cypher, params).list();
    }
  }

  public static List<Record> query(String cypher) {
    return query(cypher, Map.of());
  }

  public static long count(String cypher) {
    return query(cypher).get(0).get(0).asLong();
  }

  /** Node and relationship counts: equal before and after means nothing was written. */
  public static Map<String, Long> counts() {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("nodes", count("MATCH (n) WHERE NOT n:__Migration RETURN count(n)"));
    m.put("relationships", count("MATCH ()-[r]->() RETURN count(r)"));
    m.put("properties", count("MATCH (n) WHERE NOT n:__Migration RETURN sum(size(keys(n)))"));
    return m;
  }

  public static Path datasets() {
    String env = System.getenv("TALENT_DATASETS");
    String dir =
        env != null && !env.isBlank()
            ? env
            : System.getProperty("talent.datasets.default", "../../shared/data");
    return Path.of(dir);
  }

  public static boolean hasDatasets() {
    return Files.isDirectory(datasets().resolve("esco"));
  }

  /**
   * A reversible stand-in for the API's AES-GCM cipher: tests check where values go, not
   * cryptography.
   */
  public static final class TestCipher implements FieldCipher {
    @Override
    public String encrypt(String plaintext, String associatedData) {
      return PREFIX
          + Base64.getEncoder()
              .encodeToString(
                  (associatedData + "\u0000" + plaintext).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String decrypt(String ciphertext, String associatedData) {
      if (!ciphertext.startsWith(PREFIX))
        throw new IllegalArgumentException("not sealed: " + ciphertext);
      String s =
          new String(
              Base64.getDecoder().decode(ciphertext.substring(PREFIX.length())),
              StandardCharsets.UTF_8);
      int i = s.indexOf('\u0000');
      if (!s.substring(0, i).equals(associatedData))
        throw new IllegalArgumentException("wrong associated data");
      return s.substring(i + 1);
    }
  }
}
