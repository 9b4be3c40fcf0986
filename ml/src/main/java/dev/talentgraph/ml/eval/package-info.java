/**
 * Evaluation metrics shared by every model of the platform: binary classification (ROC AUC, log
 * loss, accuracy, calibration), regression (RMSE, MAE, R²), fairness of decisions (demographic
 * parity and equal opportunity differences) and fold summaries. Plain static functions over arrays,
 * so recommenders and evaluation protocols in other packages reuse them without adapters.
 */
package dev.talentgraph.ml.eval;
