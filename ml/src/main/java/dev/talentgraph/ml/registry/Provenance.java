package dev.talentgraph.ml.registry;

import java.time.Instant;
import java.util.Map;

/**
 * What made a model, stored with it so that any score can be traced back.
 *
 * @param outcome words for what the model's score means ("attrition risk"), used in explanations
 * @param data what it was trained on (source, query, row counts, as-of date), free-form
 * @param featureSet the declared feature definitions (name, version and each definition), free-form
 * @param hyperparameters algorithm settings, including the seed
 * @param seed the seed; the same seed on the same data gives the same model
 * @param trainedAt when training finished
 * @param metrics evaluation figures (e.g. cross-validated AUC), name to value
 * @param window the dates and row count of the training data, stored as properties of its own
 */
public record Provenance(
    String outcome,
    Map<String, Object> data,
    Map<String, Object> featureSet,
    Map<String, Object> hyperparameters,
    long seed,
    Instant trainedAt,
    Map<String, Double> metrics,
    DataWindow window) {

  public Provenance {
    data = data == null ? Map.of() : Map.copyOf(data);
    featureSet = featureSet == null ? Map.of() : Map.copyOf(featureSet);
    hyperparameters = hyperparameters == null ? Map.of() : Map.copyOf(hyperparameters);
    metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
    if (trainedAt == null) throw new IllegalArgumentException("trainedAt is required");
    if (window == null) throw new IllegalArgumentException("the training data window is required");
  }
}
