package dev.talentgraph.ml.courses;

/**
 * Item-based k-nearest-neighbours over co-enrolment (Sarwar et al., WWW 2001; Deshpande &amp;
 * Karypis, TOIS 2004): the similarity of two courses is the cosine of their binary enrolment
 * vectors, {@code |U_i ∩ U_j| / sqrt(|U_i| |U_j|)}, and a learner's score for a course is the sum
 * of its similarities to the courses in the learner's history. With ~219 courses every neighbour is
 * kept (no top-k truncation), which is the strongest setting on this data in our runs.
 */
final class ItemKnnRecommender implements ItemRecommender {
  private double[][] sim;

  @Override
  public String name() {
    return "item-kNN";
  }

  @Override
  public void fit(Interactions train) {
    int n = train.numItems();
    double[][] co = Gram.cooccurrence(train);
    sim = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i != j && co[i][i] > 0 && co[j][j] > 0) {
          sim[i][j] = co[i][j] / Math.sqrt(co[i][i] * co[j][j]);
        }
      }
    }
  }

  /** The cosine similarity of items {@code i} and {@code j} (0 on the diagonal). */
  public double similarity(int i, int j) {
    return sim[i][j];
  }

  @Override
  public double[] score(int[] history) {
    double[] s = new double[sim.length];
    for (int h : history) {
      double[] row = sim[h];
      for (int j = 0; j < s.length; j++) {
        s[j] += row[j];
      }
    }
    return s;
  }
}
