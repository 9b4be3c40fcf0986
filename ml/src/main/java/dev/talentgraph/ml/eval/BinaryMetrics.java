package dev.talentgraph.ml.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Metrics of a binary classifier from its scores (probability of the positive class) and the true
 * labels. All methods are pure and deterministic; ties are handled exactly.
 */
public final class BinaryMetrics {
  private BinaryMetrics() {}

  /** Probabilities are clipped to [EPS, 1-EPS] before taking logarithms, as scikit-learn does. */
  public static final double EPS = 1e-15;

  /**
   * Area under the ROC curve: the probability that a random positive is scored above a random
   * negative, ties counting one half (Mann-Whitney U statistic; Hanley and McNeil, Radiology 143,
   * 1982). O(n log n) by ranking with average ranks for ties.
   *
   * @throws IllegalArgumentException if the labels hold only one class or the lengths differ
   */
  public static double auc(double[] scores, boolean[] labels) {
    check(scores, labels);
    int n = scores.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) order[i] = i;
    Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
    double rankSumPos = 0;
    long pos = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) j++;
      double avgRank = (i + j) / 2.0 + 1.0;
      for (int k = i; k <= j; k++) {
        if (labels[order[k]]) {
          rankSumPos += avgRank;
          pos++;
        }
      }
      i = j + 1;
    }
    long neg = n - pos;
    if (pos == 0 || neg == 0) {
      throw new IllegalArgumentException(
          "AUC needs both classes; got " + pos + " positives and " + neg + " negatives");
    }
    return (rankSumPos - pos * (pos + 1) / 2.0) / ((double) pos * neg);
  }

  /** Mean negative log-likelihood of the labels under the predicted probabilities (natural log). */
  public static double logLoss(double[] probabilities, boolean[] labels) {
    check(probabilities, labels);
    double sum = 0;
    for (int i = 0; i < labels.length; i++) {
      double p = Math.min(1 - EPS, Math.max(EPS, probabilities[i]));
      sum -= labels[i] ? Math.log(p) : Math.log(1 - p);
    }
    return sum / labels.length;
  }

  /** Share of rows whose decision {@code p >= threshold} equals the label. */
  public static double accuracy(double[] probabilities, boolean[] labels, double threshold) {
    check(probabilities, labels);
    int right = 0;
    for (int i = 0; i < labels.length; i++) {
      if ((probabilities[i] >= threshold) == labels[i]) right++;
    }
    return (double) right / labels.length;
  }

  /**
   * Mean squared difference between probability and outcome (Brier, Monthly Weather Review 78,
   * 1950).
   */
  public static double brier(double[] probabilities, boolean[] labels) {
    check(probabilities, labels);
    double sum = 0;
    for (int i = 0; i < labels.length; i++) {
      double d = probabilities[i] - (labels[i] ? 1 : 0);
      sum += d * d;
    }
    return sum / labels.length;
  }

  /** One bin of a reliability diagram: predicted probabilities in [lower, upper). */
  public record CalibrationBin(
      double lower, double upper, int count, double meanPredicted, double observedRate) {}

  /**
   * Reliability table with {@code bins} equal-width bins over [0, 1] (DeGroot and Fienberg, The
   * Statistician 32, 1983). Empty bins are reported with count 0 and NaN rates.
   */
  public static List<CalibrationBin> calibration(
      double[] probabilities, boolean[] labels, int bins) {
    check(probabilities, labels);
    if (bins < 1) throw new IllegalArgumentException("bins must be >= 1, got " + bins);
    int[] count = new int[bins];
    double[] sumP = new double[bins];
    int[] pos = new int[bins];
    for (int i = 0; i < labels.length; i++) {
      int b = Math.min(bins - 1, Math.max(0, (int) Math.floor(probabilities[i] * bins)));
      count[b]++;
      sumP[b] += probabilities[i];
      if (labels[i]) pos[b]++;
    }
    List<CalibrationBin> out = new ArrayList<>(bins);
    for (int b = 0; b < bins; b++) {
      out.add(
          new CalibrationBin(
              (double) b / bins,
              (double) (b + 1) / bins,
              count[b],
              count[b] == 0 ? Double.NaN : sumP[b] / count[b],
              count[b] == 0 ? Double.NaN : (double) pos[b] / count[b]));
    }
    return out;
  }

  /** A point of the ROC curve: false and true positive rates at a score threshold. */
  public record RocPoint(double threshold, double falsePositiveRate, double truePositiveRate) {}

  /** The ROC curve, one point per distinct score, from (0,0) to (1,1). */
  public static List<RocPoint> roc(double[] scores, boolean[] labels) {
    check(scores, labels);
    int n = scores.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) order[i] = i;
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
    long pos = 0;
    for (boolean l : labels) if (l) pos++;
    long neg = n - pos;
    List<RocPoint> out = new ArrayList<>();
    out.add(new RocPoint(Double.POSITIVE_INFINITY, 0, 0));
    long tp = 0, fp = 0;
    int i = 0;
    while (i < n) {
      double s = scores[order[i]];
      while (i < n && scores[order[i]] == s) {
        if (labels[order[i]]) tp++;
        else fp++;
        i++;
      }
      out.add(new RocPoint(s, neg == 0 ? 0 : (double) fp / neg, pos == 0 ? 0 : (double) tp / pos));
    }
    return out;
  }

  private static void check(double[] values, boolean[] labels) {
    if (values.length != labels.length) {
      throw new IllegalArgumentException(
          "scores and labels differ in length: " + values.length + " vs " + labels.length);
    }
    if (values.length == 0) throw new IllegalArgumentException("no rows to evaluate");
  }
}
