package dev.talentgraph.schema;

/** A migration that cannot be applied, or an applied one that was changed afterwards. */
public class MigrationException extends RuntimeException {
  public MigrationException(String message) {
    super(message);
  }

  public MigrationException(String message, Throwable cause) {
    super(message, cause);
  }
}
