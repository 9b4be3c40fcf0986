package dev.talentgraph.cli;

/**
 * An expected failure of a command: printed as one clear line, with its exit code, no stack trace.
 */
public class CliException extends RuntimeException {
  private final int exitCode;

  public CliException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
