package dev.talentgraph.ml.eval;

/**
 * Metrics of a regression model: errors in the target's own unit and the share of variance
 * explained.
 */
public final class RegressionMetrics {
  private RegressionMetrics() {}

  public static double rmse(double[] predicted, double[] actual) {
    check(predicted, actual);
    double s = 0;
    for (int i = 0; i < actual.length; i++)
      s += (predicted[i] - actual[i]) * (predicted[i] - actual[i]);
    return Math.sqrt(s / actual.length);
  }

  public static double mae(double[] predicted, double[] actual) {
    check(predicted, actual);
    double s = 0;
    for (int i = 0; i < actual.length; i++) s += Math.abs(predicted[i] - actual[i]);
    return s / actual.length;
  }

  /** Coefficient of determination: 1 - SSE/SST; 0 for predicting the mean, negative when worse. */
  public static double r2(double[] predicted, double[] actual) {
    check(predicted, actual);
    double mean = 0;
    for (double a : actual) mean += a;
    mean /= actual.length;
    double sse = 0, sst = 0;
    for (int i = 0; i < actual.length; i++) {
      sse += (predicted[i] - actual[i]) * (predicted[i] - actual[i]);
      sst += (actual[i] - mean) * (actual[i] - mean);
    }
    return sst == 0 ? (sse == 0 ? 1 : 0) : 1 - sse / sst;
  }

  private static void check(double[] p, double[] a) {
    if (p.length != a.length)
      throw new IllegalArgumentException("lengths differ: " + p.length + " vs " + a.length);
    if (p.length == 0) throw new IllegalArgumentException("no rows to evaluate");
  }
}
