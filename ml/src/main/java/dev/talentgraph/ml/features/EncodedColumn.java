package dev.talentgraph.ml.features;

import java.util.List;

/**
 * The fitted encoding of one input column, part of a model's provenance: for a numeric column the
 * training mean and standard deviation and whether a missing-value flag exists; for a categorical
 * column the categories seen in training.
 *
 * @param name the column or feature-definition name
 * @param description words a recruiter understands ("years at the company"), used in explanations
 */
public record EncodedColumn(
    String name,
    String description,
    FeatureType type,
    double mean,
    double std,
    boolean missingFlag,
    List<String> categories) {

  public EncodedColumn {
    categories = categories == null ? List.of() : List.copyOf(categories);
    if (description == null || description.isBlank()) description = name;
  }

  /** Name of the flag feature that is 1 when the numeric value was missing. */
  public String missingFeature() {
    return name + " missing";
  }

  /** Name of the one-hot feature of a category. */
  public String categoryFeature(String category) {
    return name + "=" + category;
  }
}
