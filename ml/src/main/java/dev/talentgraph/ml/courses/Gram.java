package dev.talentgraph.ml.courses;

/** Small dense linear algebra for item-item models (a few hundred items). */
final class Gram {
  private Gram() {}

  /** {@code X^T X} of the binary user-item matrix: co-enrolment counts, counts on the diagonal. */
  static double[][] cooccurrence(Interactions data) {
    int n = data.numItems();
    double[][] g = new double[n][n];
    for (int[] items : data.userItems()) {
      for (int a : items) {
        double[] row = g[a];
        for (int b : items) {
          row[b]++;
        }
      }
    }
    return g;
  }

  /**
   * Inverse of a symmetric positive-definite matrix through its Cholesky factorisation {@code A = L
   * L^T}; throws if {@code a} is not positive definite.
   */
  static double[][] spdInverse(double[][] a) {
    int n = a.length;
    double[][] l = new double[n][n];
    for (int j = 0; j < n; j++) {
      double d = a[j][j];
      for (int k = 0; k < j; k++) {
        d -= l[j][k] * l[j][k];
      }
      if (!(d > 0)) {
        throw new IllegalArgumentException("matrix is not positive definite (pivot " + j + ")");
      }
      double ljj = Math.sqrt(d);
      l[j][j] = ljj;
      for (int i = j + 1; i < n; i++) {
        double s = a[i][j];
        for (int k = 0; k < j; k++) {
          s -= l[i][k] * l[j][k];
        }
        l[i][j] = s / ljj;
      }
    }
    // inverse of L (lower triangular), then A^-1 = L^-T L^-1
    double[][] li = new double[n][n];
    for (int i = 0; i < n; i++) {
      li[i][i] = 1.0 / l[i][i];
      for (int j = 0; j < i; j++) {
        double s = 0;
        for (int k = j; k < i; k++) {
          s -= l[i][k] * li[k][j];
        }
        li[i][j] = s / l[i][i];
      }
    }
    double[][] inv = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double s = 0;
        for (int k = i; k < n; k++) {
          s += li[k][i] * li[k][j];
        }
        inv[i][j] = s;
        inv[j][i] = s;
      }
    }
    return inv;
  }
}
