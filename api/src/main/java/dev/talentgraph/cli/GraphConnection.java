package dev.talentgraph.cli;

import dev.talentgraph.db.EmbeddedNeo4j;
import dev.talentgraph.schema.MigrationRunner;
import org.neo4j.driver.Driver;

/**
 * An open graph for a command: a driver over Bolt to either an embedded store this process started,
 * or a server given by {@code --uri}. Migrations are applied before the caller gets it.
 */
public final class GraphConnection implements AutoCloseable {
  private final Driver driver;
  private final String database;
  private final EmbeddedNeo4j embedded;

  GraphConnection(Driver driver, String database, EmbeddedNeo4j embedded) {
    this.driver = driver;
    this.database = database;
    this.embedded = embedded;
    new MigrationRunner(driver, database).migrate();
  }

  public Driver driver() {
    return driver;
  }

  public String database() {
    return database;
  }

  /** The embedded DBMS, or null when connected to a server. */
  public EmbeddedNeo4j embedded() {
    return embedded;
  }

  @Override
  public void close() {
    driver.close();
    if (embedded != null) embedded.close();
  }
}
