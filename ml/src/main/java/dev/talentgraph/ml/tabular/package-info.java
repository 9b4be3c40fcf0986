/**
 * Evaluation on any labelled CSV ({@code bin/talentgraph train tabular}): the same encoder,
 * trainers and metrics as the graph models, with stratified k-fold cross-validation, a
 * majority-class and a best-single-feature baseline in the same folds, calibration, and fairness
 * per protected column.
 */
package dev.talentgraph.ml.tabular;
