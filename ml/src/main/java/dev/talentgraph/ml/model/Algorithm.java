package dev.talentgraph.ml.model;

/**
 * The learning algorithms a model kind can use, all trained by stochastic gradient descent in
 * Tribuo.
 */
public enum Algorithm {
  /**
   * Binary logistic regression (softmax over two labels), AdaGrad (Duchi, Hazan and Singer, JMLR
   * 12, 2011).
   */
  LOGISTIC_REGRESSION(true, false),
  /**
   * Factorization machine classifier (Rendle, ICDM 2010): pairwise feature interactions through
   * low-rank factors.
   */
  FM_CLASSIFICATION(true, true),
  /** Linear regression with squared loss. */
  LINEAR_REGRESSION(false, false),
  /** Factorization machine regression (Rendle, ICDM 2010). */
  FM_REGRESSION(false, true);

  private final boolean classification;
  private final boolean factorization;

  Algorithm(boolean classification, boolean factorization) {
    this.classification = classification;
    this.factorization = factorization;
  }

  public boolean classification() {
    return classification;
  }

  /**
   * True for factorization machines, whose explanations are computed by perturbation rather than
   * read from weights.
   */
  public boolean factorization() {
    return factorization;
  }

  /**
   * Parses "logistic", "lr", "fm", "fm-classification", "linear", "fm-regression" and the enum
   * names.
   */
  public static Algorithm parse(String s) {
    String k = s.trim().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    return switch (k) {
      case "logistic", "lr", "logistic-regression" -> LOGISTIC_REGRESSION;
      case "fm", "fm-classification" -> FM_CLASSIFICATION;
      case "linear", "linear-regression" -> LINEAR_REGRESSION;
      case "fm-regression" -> FM_REGRESSION;
      default ->
          throw new IllegalArgumentException(
              "unknown algorithm '" + s + "'; use logistic, fm, linear or fm-regression");
    };
  }
}
