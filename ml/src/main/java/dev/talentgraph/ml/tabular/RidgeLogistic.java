package dev.talentgraph.ml.tabular;

/**
 * Logistic regression with an L2 penalty, fitted exactly by Newton's method (iteratively reweighted
 * least squares): minimises the summed log loss plus {@code lambda / 2 * |w|^2}, the intercept
 * unpenalised. Deterministic, and fast for the few hundred dense features of a table; the penalty
 * is the one hyperparameter, chosen by inner cross-validation.
 */
final class RidgeLogistic {
  private RidgeLogistic() {}

  static final int MAX_ITERATIONS = 30;

  /** Weights, the intercept last. */
  static double[] fit(double[][] x, boolean[] y, double lambda) {
    int n = x.length, p = n == 0 ? 0 : x[0].length, q = p + 1;
    double[] w = new double[q];
    double pos = 0;
    for (boolean b : y) if (b) pos++;
    double prior = Math.min(Math.max(pos / Math.max(1, n), 1e-6), 1 - 1e-6);
    w[p] = Math.log(prior / (1 - prior));
    int[][] nz = new int[n][];
    for (int i = 0; i < n; i++) {
      int c = 0;
      int[] idx = new int[p];
      for (int j = 0; j < p; j++) if (x[i][j] != 0) idx[c++] = j;
      nz[i] = java.util.Arrays.copyOf(idx, c);
    }
    double[][] h = new double[q][q];
    double[] g = new double[q];
    for (int it = 0; it < MAX_ITERATIONS; it++) {
      for (double[] row : h) java.util.Arrays.fill(row, 0);
      java.util.Arrays.fill(g, 0);
      for (int i = 0; i < n; i++) {
        double[] xi = x[i];
        double z = w[p];
        int[] idx = nz[i];
        for (int j : idx) z += w[j] * xi[j];
        double mu = 1 / (1 + Math.exp(-z));
        double r = mu - (y[i] ? 1 : 0);
        double s = Math.max(mu * (1 - mu), 1e-10);
        for (int a = 0; a < idx.length; a++) {
          int j = idx[a];
          double xj = xi[j];
          g[j] += r * xj;
          double sx = s * xj;
          double[] hj = h[j];
          for (int b = 0; b <= a; b++) hj[idx[b]] += sx * xi[idx[b]];
          h[p][j] += sx;
        }
        g[p] += r;
        h[p][p] += s;
      }
      for (int j = 0; j < p; j++) {
        g[j] += lambda * w[j];
        h[j][j] += lambda;
      }
      for (int j = 0; j < q; j++) for (int k = 0; k < j; k++) h[k][j] = h[j][k];
      for (int j = 0; j < p; j++) h[j][p] = h[p][j];
      h[p][p] += 1e-9;
      double[] step = solve(h, g);
      double change = 0;
      for (int j = 0; j < q; j++) {
        w[j] -= step[j];
        change = Math.max(change, Math.abs(step[j]));
      }
      if (change < 1e-6) break;
    }
    return w;
  }

  static double[] predict(double[] w, double[][] x) {
    int p = w.length - 1;
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      double z = w[p];
      for (int j = 0; j < p; j++) z += w[j] * x[i][j];
      out[i] = 1 / (1 + Math.exp(-z));
    }
    return out;
  }

  /** Solves the symmetric positive definite system a x = b by Cholesky decomposition. */
  private static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] l = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double s = a[i][j];
        double[] li = l[i], lj = l[j];
        for (int k = 0; k < j; k++) s -= li[k] * lj[k];
        if (i == j) li[i] = Math.sqrt(Math.max(s, 1e-12));
        else li[j] = s / lj[j];
      }
    }
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      double s = b[i];
      for (int k = 0; k < i; k++) s -= l[i][k] * z[k];
      z[i] = s / l[i][i];
    }
    double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double s = z[i];
      for (int k = i + 1; k < n; k++) s -= l[k][i] * x[k];
      x[i] = s / l[i][i];
    }
    return x;
  }
}
