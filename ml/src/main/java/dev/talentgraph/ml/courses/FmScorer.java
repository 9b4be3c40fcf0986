package dev.talentgraph.ml.courses;

import org.tribuo.ImmutableFeatureMap;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.fm.FMClassificationModel;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.DenseVector;

/**
 * Scores every course of a fixed catalogue for one learner in {@code O(#courses x factors)}, from
 * the parameters of a trained {@link FMClassificationModel}. It computes exactly the logit
 * difference {@code s(enrolled) - s(not-enrolled)} that the model's softmax turns into P(enrolled),
 * minus terms that depend on the learner alone (equal for every course, so the ranking is
 * unchanged): the FM decomposes into a learner part, a course part and the inner product of their
 * factor sums. {@code FmScorerTests} checks it against {@code model.predict}.
 */
final class FmScorer {
  private final int factors;
  private final double[][] wDiff; // [feature] linear weight, positive minus negative
  private final double[][][] v; // [output][feature][factor]
  private final int pos;
  private final int neg;
  private final ImmutableFeatureMap fmap;
  private final double[] courseTerm; // [item]: per output diff of linear + intra-course pairs
  private final double[][][] courseSum; // [output][item][factor]

  /**
   * @param courseFeatureIds per catalogue item, the feature ids (-1 when unknown to the model)
   * @param courseFeatureValues per catalogue item, the matching values
   */
  FmScorer(FMClassificationModel model, int[][] courseFeatureIds, double[][] courseFeatureValues) {
    fmap = model.getFeatureIDMap();
    pos = model.getOutputIDInfo().getID(new Label(CourseFeatures.POSITIVE));
    neg = model.getOutputIDInfo().getID(new Label(CourseFeatures.NEGATIVE));
    DenseMatrix w = model.getLinearWeightsCopy();
    DenseVector bias = model.getBiasesCopy();
    var f = model.getFactorsCopy();
    int nf = fmap.size();
    factors = ((DenseMatrix) f[0]).getDimension1Size();
    wDiff = new double[1][nf];
    v = new double[2][nf][factors];
    int[] outs = {pos, neg};
    for (int j = 0; j < nf; j++) {
      wDiff[0][j] = w.get(pos, j) - w.get(neg, j);
      for (int o = 0; o < 2; o++) {
        DenseMatrix fo = (DenseMatrix) f[outs[o]];
        for (int k = 0; k < factors; k++) {
          v[o][j][k] = fo.get(k, j);
        }
      }
    }
    int items = courseFeatureIds.length;
    courseTerm = new double[items];
    courseSum = new double[2][items][factors];
    for (int i = 0; i < items; i++) {
      double t = bias.get(pos) - bias.get(neg);
      int[] ids = courseFeatureIds[i];
      double[] vals = courseFeatureValues[i];
      for (int a = 0; a < ids.length; a++) {
        if (ids[a] >= 0) {
          t += wDiff[0][ids[a]] * vals[a];
        }
      }
      for (int o = 0; o < 2; o++) {
        double sign = o == 0 ? 1 : -1;
        double[] sum = courseSum[o][i];
        double sq = 0;
        for (int a = 0; a < ids.length; a++) {
          if (ids[a] < 0) {
            continue;
          }
          for (int k = 0; k < factors; k++) {
            double x = v[o][ids[a]][k] * vals[a];
            sum[k] += x;
            sq += x * x;
          }
        }
        double dot = 0;
        for (int k = 0; k < factors; k++) {
          dot += sum[k] * sum[k];
        }
        t += sign * 0.5 * (dot - sq);
      }
      courseTerm[i] = t;
    }
  }

  int featureId(String name) {
    return fmap.getID(name);
  }

  /**
   * Scores of every catalogue item for a learner whose features (history, skills) are {@code ids}
   * with {@code vals}; the candidate course itself must not be among them.
   */
  double[] score(int[] ids, double[] vals) {
    double[][] user = new double[2][factors];
    for (int o = 0; o < 2; o++) {
      for (int a = 0; a < ids.length; a++) {
        if (ids[a] < 0) {
          continue;
        }
        double[] vf = v[o][ids[a]];
        for (int k = 0; k < factors; k++) {
          user[o][k] += vf[k] * vals[a];
        }
      }
    }
    double[] s = new double[courseTerm.length];
    for (int i = 0; i < s.length; i++) {
      double dp = 0;
      double dn = 0;
      double[] cp = courseSum[0][i];
      double[] cn = courseSum[1][i];
      for (int k = 0; k < factors; k++) {
        dp += user[0][k] * cp[k];
        dn += user[1][k] * cn[k];
      }
      s[i] = courseTerm[i] + dp - dn;
    }
    return s;
  }

  /** The learner part left out by {@link #score}: linear terms and pairs among learner features. */
  double learnerTerm(int[] ids, double[] vals) {
    double t = 0;
    for (int a = 0; a < ids.length; a++) {
      if (ids[a] >= 0) {
        t += wDiff[0][ids[a]] * vals[a];
      }
    }
    for (int o = 0; o < 2; o++) {
      double sign = o == 0 ? 1 : -1;
      double sq = 0;
      double[] sum = new double[factors];
      for (int a = 0; a < ids.length; a++) {
        if (ids[a] < 0) {
          continue;
        }
        for (int k = 0; k < factors; k++) {
          double x = v[o][ids[a]][k] * vals[a];
          sum[k] += x;
          sq += x * x;
        }
      }
      double dot = 0;
      for (int k = 0; k < factors; k++) {
        dot += sum[k] * sum[k];
      }
      t += sign * 0.5 * (dot - sq);
    }
    return t;
  }
}
