package dev.talentgraph.ml.courses;

/** Runs the leave-one-out protocol of {@link LeaveOneOutSplit} for one recommender and one draw. */
final class Evaluator {
  private Evaluator() {}

  /**
   * Ranks, for every evaluated learner, every course not in the learner's training history and
   * records the rank of the held-out course. The recommender must already be fitted on {@code
   * split.train()} when {@code fit} is false.
   */
  public static RankingMetrics evaluate(ItemRecommender rec, LeaveOneOutSplit split, boolean fit) {
    Interactions train = split.train();
    if (fit) {
      rec.fit(train);
    }
    int[] tie = RankingMetrics.tieOrder(train.numItems(), split.seed());
    boolean[] excluded = new boolean[train.numItems()];
    RankingMetrics m = new RankingMetrics();
    for (int e = 0; e < split.evalUsers().length; e++) {
      int[] history = train.userItems()[split.evalUsers()[e]];
      int target = split.heldOut()[e];
      for (int h : history) {
        if (h == target) {
          throw new IllegalStateException("held-out item " + target + " leaked into training");
        }
        excluded[h] = true;
      }
      double[] scores = rec.score(history);
      m.add(RankingMetrics.rankOf(scores, target, excluded, tie));
      for (int h : history) {
        excluded[h] = false;
      }
    }
    return m;
  }
}
