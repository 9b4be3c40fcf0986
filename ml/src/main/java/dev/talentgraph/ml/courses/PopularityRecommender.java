package dev.talentgraph.ml.courses;

/** Ranks courses by their number of enrolments in the training data, the same for everyone. */
final class PopularityRecommender implements ItemRecommender {
  private double[] counts;

  @Override
  public String name() {
    return "popularity";
  }

  @Override
  public void fit(Interactions train) {
    counts = new double[train.numItems()];
    for (int[] items : train.userItems()) {
      for (int i : items) {
        counts[i]++;
      }
    }
  }

  @Override
  public double[] score(int[] history) {
    return counts.clone();
  }
}
