package dev.talentgraph.ml.tabular;

/**
 * Bad input to a tabular run (missing file or column, single-class label, too few rows): exit code
 * 2.
 */
public class TabularInputException extends RuntimeException {
  public TabularInputException(String message) {
    super(message);
  }
}
