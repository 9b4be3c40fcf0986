package dev.talentgraph.db;

import java.nio.file.Path;

/** The embedded store is locked by another process: say which directory and what to do instead. */
public class StoreInUseException extends RuntimeException {
  private final Path dataDir;

  public StoreInUseException(Path dataDir, Throwable cause) {
    super(
        "The data directory "
            + dataDir.toAbsolutePath().normalize()
            + " is in use by another process"
            + " (a running 'talentgraph serve' or another Neo4j). Only one process may open an embedded store."
            + " Either stop that process, or reach its database over Bolt with --uri bolt://localhost:7687"
            + " --user neo4j --password ..., or use another --data-dir.",
        cause);
    this.dataDir = dataDir;
  }

  public Path dataDir() {
    return dataDir;
  }
}
