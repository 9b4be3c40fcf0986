package dev.talentgraph.ml.courses;

/**
 * A top-N recommender over implicit feedback that scores every item for a learner given only the
 * learner's enrolment history: fitted once, then asked per learner. Scoring from the history (and
 * not from a learner id) lets the same model serve a learner it has not been trained on, which is
 * what the product needs for new employees.
 */
interface ItemRecommender {

  /** Short name shown in the evaluation table. */
  String name();

  /** Learns from the training interactions; called once before {@link #score}. */
  void fit(Interactions train);

  /**
   * Scores of all items for a learner who enrolled in {@code history} (sorted item ids). Higher is
   * better; items in the history are ranked by the caller's exclusion, not here.
   */
  double[] score(int[] history);
}
