package dev.talentgraph.ml.collab;

import java.util.Arrays;

/**
 * Ranking metrics of link prediction: positives (pairs that did link) against one shared sample of
 * negatives (pairs that did not).
 *
 * <p>Hits@K is the OGB link-prediction definition (Hu et al., "Open Graph Benchmark: Datasets for
 * Machine Learning on Graphs", NeurIPS 2020; {@code ogb.linkproppred.Evaluator._eval_hits}): the
 * share of positives scored <em>strictly</em> above the K-th highest negative score, so a positive
 * tied with that score does not count; with fewer than K negatives every positive counts. MRR ranks
 * each positive among all the negatives the OGB way (mean of the optimistic and pessimistic rank,
 * so ties cost half). AUC is the Mann-Whitney probability that a positive outscores a negative,
 * ties counting one half.
 */
final class LinkPredictionMetrics {
  private LinkPredictionMetrics() {}

  /** OGB Hits@K. */
  public static double hitsAtK(double[] positives, double[] negatives, int k) {
    if (k < 1) throw new IllegalArgumentException("K must be >= 1, was " + k);
    check(positives, negatives);
    if (negatives.length < k) return 1.0;
    double[] sorted = negatives.clone();
    Arrays.sort(sorted);
    double kth = sorted[sorted.length - k];
    int hits = 0;
    for (double p : positives) if (p > kth) hits++;
    return (double) hits / positives.length;
  }

  /**
   * Mean reciprocal rank of each positive among all negatives, rank = 1 + (#neg > p + #neg >= p) /
   * 2.
   */
  public static double mrr(double[] positives, double[] negatives) {
    check(positives, negatives);
    double[] sorted = negatives.clone();
    Arrays.sort(sorted);
    double sum = 0;
    for (double p : positives) {
      int above = sorted.length - upperBound(sorted, p); // neg > p
      int atLeast = sorted.length - lowerBound(sorted, p); // neg >= p
      sum += 1.0 / (1.0 + 0.5 * (above + atLeast));
    }
    return sum / positives.length;
  }

  /** Area under the ROC curve: P(positive > negative) + P(tie) / 2. */
  public static double auc(double[] positives, double[] negatives) {
    check(positives, negatives);
    double[] sorted = negatives.clone();
    Arrays.sort(sorted);
    double sum = 0;
    for (double p : positives) {
      int below = lowerBound(sorted, p);
      int ties = upperBound(sorted, p) - below;
      sum += below + 0.5 * ties;
    }
    return sum / ((double) positives.length * sorted.length);
  }

  private static void check(double[] positives, double[] negatives) {
    if (positives.length == 0) throw new IllegalArgumentException("no positives to evaluate");
    if (negatives.length == 0) throw new IllegalArgumentException("no negatives to evaluate");
    for (double p : positives)
      if (Double.isNaN(p)) throw new IllegalArgumentException("NaN positive score");
    for (double p : negatives)
      if (Double.isNaN(p)) throw new IllegalArgumentException("NaN negative score");
  }

  /** First index with a[i] >= x. */
  static int lowerBound(double[] a, double x) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** First index with a[i] > x. */
  static int upperBound(double[] a, double x) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
