package dev.talentgraph.ml.courses;

import java.util.Arrays;
import java.util.List;

/**
 * EASE^R, the embarrassingly shallow autoencoder of Steck ("Embarrassingly Shallow Autoencoders for
 * Sparse Data", WWW 2019): an item-item weight matrix {@code B} minimising {@code ||X - XB||^2 +
 * lambda ||B||^2} subject to {@code diag(B) = 0}, with the closed form {@code P = (X^T X + lambda
 * I)^-1}, {@code B_ij = -P_ij / P_jj} for {@code i != j}. A learner's scores are {@code x_u B}.
 *
 * <p>The regularisation {@code lambda} is chosen by {@link #fitWithValidation}: each candidate is
 * fitted on a validation split carved out of the training data and the one with the best NDCG@10 on
 * the validation hold-outs wins; the final model is then refitted on all training data. The test
 * hold-outs are never looked at.
 */
final class EaseRecommender implements ItemRecommender {
  /** Candidate lambdas, spanning the range Steck reports useful (hundreds to thousands). */
  public static final List<Double> LAMBDA_GRID =
      List.of(1.0, 5.0, 10.0, 25.0, 50.0, 100.0, 200.0, 500.0, 1000.0, 2000.0);

  private double lambda;
  private final boolean chooseLambda;
  private final long validationSeed;
  private double[][] b;
  private double[] validationNdcg;

  /** EASE with a fixed {@code lambda}. */
  public EaseRecommender(double lambda) {
    if (!(lambda > 0)) {
      throw new IllegalArgumentException("lambda must be positive, was " + lambda);
    }
    this.lambda = lambda;
    this.chooseLambda = false;
    this.validationSeed = 0;
  }

  /**
   * EASE that picks lambda from {@link #LAMBDA_GRID} at {@link #fit}, on a validation split drawn
   * from the training data with {@code validationSeed}.
   */
  public static EaseRecommender validated(long validationSeed) {
    return new EaseRecommender(validationSeed, true);
  }

  private EaseRecommender(long validationSeed, boolean choose) {
    this.lambda = Double.NaN;
    this.chooseLambda = choose;
    this.validationSeed = validationSeed;
  }

  @Override
  public String name() {
    return "EASE";
  }

  /** The lambda in use (after {@link #fit} when it is chosen on validation). */
  public double lambda() {
    return lambda;
  }

  /** Validation NDCG@10 per grid entry of the last selection, or null if lambda was fixed. */
  public double[] validationNdcg() {
    return validationNdcg == null ? null : validationNdcg.clone();
  }

  @Override
  public void fit(Interactions train) {
    if (chooseLambda) {
      fitWithValidation(train, validationSeed);
    } else {
      b = weights(Gram.cooccurrence(train), lambda);
    }
  }

  /**
   * Chooses lambda on a leave-one-out validation split drawn from {@code train} with {@code seed},
   * then fits on all of {@code train}.
   */
  public void fitWithValidation(Interactions train, long seed) {
    LeaveOneOutSplit val = LeaveOneOutSplit.draw(train, seed * 1_000_003L + 17);
    double[][] gram = Gram.cooccurrence(val.train());
    validationNdcg = new double[LAMBDA_GRID.size()];
    double best = -1;
    for (int g = 0; g < LAMBDA_GRID.size(); g++) {
      double l = LAMBDA_GRID.get(g);
      EaseRecommender candidate = new EaseRecommender(l);
      candidate.b = weights(gram, l);
      double ndcg = Evaluator.evaluate(candidate, val, false).ndcg10();
      validationNdcg[g] = ndcg;
      if (ndcg > best) {
        best = ndcg;
        lambda = l;
      }
    }
    b = weights(Gram.cooccurrence(train), lambda);
  }

  /** The EASE weight matrix for Gram matrix {@code gram} (not modified) and {@code lambda}. */
  static double[][] weights(double[][] gram, double lambda) {
    int n = gram.length;
    double[][] g = new double[n][];
    for (int i = 0; i < n; i++) {
      g[i] = Arrays.copyOf(gram[i], n);
      g[i][i] += lambda;
    }
    double[][] p = Gram.spdInverse(g);
    double[][] w = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        w[i][j] = i == j ? 0 : -p[i][j] / p[j][j];
      }
    }
    return w;
  }

  /** Weight {@code B_ij}: how much enrolling in {@code i} speaks for {@code j}. */
  public double weight(int i, int j) {
    return b[i][j];
  }

  @Override
  public double[] score(int[] history) {
    double[] s = new double[b.length];
    for (int h : history) {
      double[] row = b[h];
      for (int j = 0; j < s.length; j++) {
        s[j] += row[j];
      }
    }
    return s;
  }
}
