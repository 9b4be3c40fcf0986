/**
 * Expert scoring with Tribuo: a model kind is a declaration ({@link
 * dev.talentgraph.ml.model.ModelKind}: a row query with labels, a feature set, an algorithm);
 * {@link dev.talentgraph.ml.GraphTrainer} reads it from the graph, cross-validates it against a
 * baseline, checks the fairness of its decisions and registers the final model; {@link
 * dev.talentgraph.ml.model.EncodedModel} pairs a Tribuo model with its fitted encoder and explains
 * each prediction in a recruiter's words.
 *
 * <p>Sub-packages: {@code features} (declared features and their extraction), {@code registry}
 * (models on {@code :Model} nodes), {@code scoring} (batch scores on the graph), {@code eval}
 * (metrics shared with the recommenders), {@code tabular} (cross-validation on any labelled CSV).
 */
package dev.talentgraph.ml;
