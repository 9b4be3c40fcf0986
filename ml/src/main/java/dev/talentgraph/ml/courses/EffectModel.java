package dev.talentgraph.ml.courses;

import java.util.List;
import java.util.Map;

/**
 * Where the course ranking gets a course's expected gain for a learner: the registry's active
 * {@code training-effect} model (see {@code dev.talentgraph.ml.scoring.TrainingEffectEstimator}).
 * When it has no answer for a course, the measured average gain (shrunk towards the mean) is used
 * and said so.
 */
public interface EffectModel {
  /** Expected level gain per course id for this expert; courses it cannot estimate are left out. */
  Map<String, Double> expectedGains(String expertId, List<String> courseIds);

  /** Which model answered, e.g. "training-effect v3", or null when none is active. */
  String name();
}
