package dev.talentgraph.ml.tabular;

import dev.talentgraph.ml.eval.BinaryMetrics;
import dev.talentgraph.ml.features.FeatureEncoder;
import dev.talentgraph.ml.features.FeatureType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The "best single feature" baseline: on the training rows, every input column is turned into one
 * score (a number as is, a category as its smoothed positive rate), the column whose score ranks
 * the training rows best (largest |AUC - 0.5|) is chosen, and a one-variable logistic regression
 * maps that score to a probability. A model that does not beat it has learnt nothing beyond one
 * column.
 */
final class SingleFeatureBaseline {
  /** Weight of the prior in the smoothed category rate (an m-estimate; Cestnik, ECAI 1990). */
  private static final double M = 10;

  final int column;
  final String name;
  private final Map<String, Double> rates;
  private final double prior;
  private final double mean;
  private final double a, b;

  private SingleFeatureBaseline(
      int column,
      String name,
      Map<String, Double> rates,
      double prior,
      double mean,
      double a,
      double b) {
    this.column = column;
    this.name = name;
    this.rates = rates;
    this.prior = prior;
    this.mean = mean;
    this.a = a;
    this.b = b;
  }

  static SingleFeatureBaseline fit(
      List<FeatureEncoder.Column> columns, List<Object[]> rows, int[] train, boolean[] labels) {
    int pos = 0;
    for (int r : train) if (labels[r]) pos++;
    double prior = (double) pos / train.length;
    boolean[] y = new boolean[train.length];
    for (int i = 0; i < train.length; i++) y[i] = labels[train[i]];
    int best = -1;
    double bestStrength = -1;
    Map<String, Double> bestRates = null;
    double bestMean = 0;
    double[] bestScores = null;
    for (int c = 0; c < columns.size(); c++) {
      Map<String, Double> rates = null;
      double mean = 0;
      if (columns.get(c).type() == FeatureType.CATEGORICAL) {
        Map<String, double[]> n = new HashMap<>();
        for (int r : train) {
          double[] k =
              n.computeIfAbsent(FeatureEncoder.category(rows.get(r)[c]), x -> new double[2]);
          k[0]++;
          if (labels[r]) k[1]++;
        }
        rates = new HashMap<>();
        for (Map.Entry<String, double[]> e : n.entrySet()) {
          rates.put(e.getKey(), (e.getValue()[1] + M * prior) / (e.getValue()[0] + M));
        }
      } else {
        int k = 0;
        for (int r : train) {
          Object v = rows.get(r)[c];
          if (v != null) {
            mean += ((Number) v).doubleValue();
            k++;
          }
        }
        mean = k == 0 ? 0 : mean / k;
      }
      double[] s = new double[train.length];
      for (int i = 0; i < train.length; i++) s[i] = raw(rows.get(train[i])[c], rates, prior, mean);
      double strength = Math.abs(BinaryMetrics.auc(s, y) - 0.5);
      if (strength > bestStrength) {
        bestStrength = strength;
        best = c;
        bestRates = rates;
        bestMean = mean;
        bestScores = s;
      }
    }
    // one-variable logistic regression on the standardised score, by Newton's method
    double mu = 0, sd = 0;
    for (double v : bestScores) mu += v;
    mu /= bestScores.length;
    for (double v : bestScores) sd += (v - mu) * (v - mu);
    sd = Math.sqrt(sd / bestScores.length);
    if (sd == 0) sd = 1;
    double a = Math.log(prior / (1 - prior)), b = 0;
    for (int it = 0; it < 50; it++) {
      double g0 = 0, g1 = 0, h00 = 0, h01 = 0, h11 = 0;
      for (int i = 0; i < bestScores.length; i++) {
        double z = (bestScores[i] - mu) / sd;
        double p = 1 / (1 + Math.exp(-(a + b * z)));
        double d = (y[i] ? 1 : 0) - p;
        double w = p * (1 - p) + 1e-9;
        g0 += d;
        g1 += d * z;
        h00 += w;
        h01 += w * z;
        h11 += w * z * z;
      }
      double det = h00 * h11 - h01 * h01;
      if (det <= 0) break;
      double da = (h11 * g0 - h01 * g1) / det, db = (h00 * g1 - h01 * g0) / det;
      a += da;
      b += db;
      if (Math.abs(da) + Math.abs(db) < 1e-10) break;
    }
    // fold the standardisation into the coefficients
    double b2 = b / sd, a2 = a - b * mu / sd;
    return new SingleFeatureBaseline(
        best, columns.get(best).name(), bestRates, prior, bestMean, a2, b2);
  }

  private static double raw(Object v, Map<String, Double> rates, double prior, double mean) {
    if (rates != null) return rates.getOrDefault(FeatureEncoder.category(v), prior);
    return v == null ? mean : ((Number) v).doubleValue();
  }

  double probability(Object[] row) {
    double s = raw(row[column], rates, prior, mean);
    return 1 / (1 + Math.exp(-(a + b * s)));
  }
}
