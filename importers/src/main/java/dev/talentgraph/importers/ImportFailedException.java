package dev.talentgraph.importers;

/**
 * An import that stopped: a fatal file problem (missing, empty, wrong header, bad mapping), or the
 * first row problem of a {@code --strict} import. Nothing of the failing source was written when
 * this is thrown before the write pass, which is always the case for strict imports.
 */
public class ImportFailedException extends RuntimeException {
  private final transient Problem problem;

  public ImportFailedException(Problem problem) {
    super(problem.toString());
    this.problem = problem;
  }

  public ImportFailedException(String message, Throwable cause) {
    super(message, cause);
    this.problem = null;
  }

  /** The problem that stopped the import, or null when the database failed. */
  public Problem problem() {
    return problem;
  }
}
