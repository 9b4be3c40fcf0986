package dev.talentgraph.ml.features;

/** How a raw value becomes model input. */
public enum FeatureType {
  /**
   * A number, standardised to mean 0 and unit variance over the training rows; missing values are
   * imputed with the mean and flagged.
   */
  NUMERIC,
  /**
   * A category, one-hot encoded over the categories seen in training; unseen categories encode as
   * all zeros.
   */
  CATEGORICAL
}
