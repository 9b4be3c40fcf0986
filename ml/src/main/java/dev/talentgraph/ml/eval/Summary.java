package dev.talentgraph.ml.eval;

/**
 * Mean and spread of a metric over cross-validation folds. The spread is the sample standard
 * deviation (n-1), the usual figure reported next to a k-fold mean.
 */
public record Summary(double mean, double std, double min, double max, int n) {

  public static Summary of(double[] values) {
    if (values.length == 0) throw new IllegalArgumentException("no values to summarise");
    double mean = 0, min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      mean += v;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    mean /= values.length;
    double ss = 0;
    for (double v : values) ss += (v - mean) * (v - mean);
    double std = values.length > 1 ? Math.sqrt(ss / (values.length - 1)) : 0;
    return new Summary(mean, std, min, max, values.length);
  }
}
