package dev.talentgraph.importers;

/**
 * Thrown while mapping one row to reject it; importers catch it and call {@link RowSink#reject}.
 */
public class RowException extends RuntimeException {
  private final transient Problem problem;

  public RowException(Problem problem) {
    super(problem.toString(), null, false, false);
    this.problem = problem;
  }

  public RowException(Problem.Kind kind, Location at, String message) {
    this(Problem.of(kind, at, message));
  }

  public Problem problem() {
    return problem;
  }
}
