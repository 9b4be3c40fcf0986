package dev.talentgraph.cli;

import dev.talentgraph.db.EmbeddedNeo4j;
import dev.talentgraph.db.EmbeddedNeo4jSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import picocli.CommandLine.Option;

/**
 * Where a command finds the graph: {@code --data-dir DIR} (an embedded store this process opens;
 * only one process may open a store) or {@code --uri bolt://...} with {@code --user}/{@code
 * --password} (a server, a cluster, or a running {@code talentgraph serve}'s Bolt port). Mixed into
 * every command that touches the graph.
 */
public class GraphOptions {
  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      defaultValue = "${env:TALENT_DATA_DIR:-./data}",
      description = "Embedded database store (default: ${DEFAULT-VALUE}). Never input files.")
  Path dataDir;

  @Option(
      names = "--uri",
      paramLabel = "URI",
      description =
          "Use a running Neo4j instead of the embedded store, e.g. bolt://localhost:7687 or neo4j://host (cluster).")
  URI uri;

  @Option(
      names = "--user",
      defaultValue = "neo4j",
      description = "Bolt user with --uri (default: ${DEFAULT-VALUE}).")
  String user;

  @Option(
      names = "--password",
      defaultValue = "${env:TALENT_BOLT_PASSWORD}",
      arity = "0..1",
      interactive = true,
      description =
          "Bolt password with --uri (default: $TALENT_BOLT_PASSWORD; prompts when given without a value).")
  String password;

  @Option(
      names = "--database",
      defaultValue = "neo4j",
      description = "Database name (default: ${DEFAULT-VALUE}).")
  String database;

  public Path dataDir() {
    return dataDir;
  }

  public boolean remote() {
    return uri != null;
  }

  /** Opens the graph; the caller closes it. */
  public GraphConnection open() {
    return open(EmbeddedNeo4jSettings.of(dataDir, 0));
  }

  /**
   * Opens the graph for a command that calls no APOC or GDS procedure (a loader): an embedded store
   * then starts without registering them, which takes longer than the start itself. {@code
   * pageCache}: the embedded store's page cache (e.g. {@code 1g}), null for the default.
   */
  public GraphConnection openWithoutProcedures(String pageCache) {
    EmbeddedNeo4jSettings s = EmbeddedNeo4jSettings.of(dataDir, 0);
    return open(
        new EmbeddedNeo4jSettings(
            s.enabled(),
            s.dataDir(),
            s.boltHost(),
            s.boltPort(),
            s.boltPassword(),
            pageCache == null ? s.pageCache() : pageCache,
            List.of(),
            s.procedures()));
  }

  private GraphConnection open(EmbeddedNeo4jSettings settings) {
    if (uri != null) {
      Driver driver =
          GraphDatabase.driver(
              uri,
              password == null ? AuthTokens.none() : AuthTokens.basic(user, password),
              Config.builder().withLogging(Logging.none()).build());
      try {
        driver.verifyConnectivity();
      } catch (RuntimeException e) {
        driver.close();
        throw new CliException("cannot reach Neo4j at " + uri + ": " + e.getMessage(), 1);
      }
      return new GraphConnection(driver, database, null);
    }
    // Bolt on a free localhost port: this process's own connection, not a service for others.
    EmbeddedNeo4j embedded = EmbeddedNeo4j.start(settings);
    try {
      return new GraphConnection(embedded.newDriver(), database, embedded);
    } catch (RuntimeException e) {
      embedded.close();
      throw e;
    }
  }
}
