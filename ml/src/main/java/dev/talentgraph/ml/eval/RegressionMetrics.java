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

  /**
   * Spearman's rank correlation: the Pearson correlation of the ranks, ties given their average
   * rank; 0 when either side is constant (no ranking to agree with).
   */
  public static double spearman(double[] predicted, double[] actual) {
    check(predicted, actual);
    double[] a = ranks(predicted), b = ranks(actual);
    double ma = 0, mb = 0;
    for (int i = 0; i < a.length; i++) {
      ma += a[i];
      mb += b[i];
    }
    ma /= a.length;
    mb /= b.length;
    double cov = 0, va = 0, vb = 0;
    for (int i = 0; i < a.length; i++) {
      cov += (a[i] - ma) * (b[i] - mb);
      va += (a[i] - ma) * (a[i] - ma);
      vb += (b[i] - mb) * (b[i] - mb);
    }
    return va == 0 || vb == 0 ? 0 : cov / Math.sqrt(va * vb);
  }

  /** 1-based ranks, ties sharing their average rank. */
  static double[] ranks(double[] v) {
    Integer[] order = new Integer[v.length];
    for (int i = 0; i < v.length; i++) order[i] = i;
    java.util.Arrays.sort(order, (x, y) -> Double.compare(v[x], v[y]));
    double[] r = new double[v.length];
    int i = 0;
    while (i < v.length) {
      int j = i;
      while (j + 1 < v.length && v[order[j + 1]] == v[order[i]]) j++;
      double avg = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) r[order[k]] = avg;
      i = j + 1;
    }
    return r;
  }

  private static void check(double[] p, double[] a) {
    if (p.length != a.length)
      throw new IllegalArgumentException("lengths differ: " + p.length + " vs " + a.length);
    if (p.length == 0) throw new IllegalArgumentException("no rows to evaluate");
  }
}
