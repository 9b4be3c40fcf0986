package dev.talentgraph.ml.tabular;

import dev.talentgraph.ml.eval.Summary;
import java.util.List;
import java.util.Map;

/**
 * The result of a tabular cross-validation, shaped for JSON ({@code auc.mean} is the model's mean
 * AUC over folds). Holds no timings, so two runs with the same seed produce identical reports.
 */
public record TabularReport(
    DataInfo data,
    Map<String, Object> model,
    int folds,
    long seed,
    double threshold,
    Summary auc,
    Summary accuracy,
    Summary logLoss,
    Summary brier,
    double pooledAuc,
    List<CalibrationRow> calibration,
    List<FairnessRow> fairness,
    Baselines baselines,
    List<String> topFeatures,
    Map<String, String> files) {

  public record DataInfo(
      String file,
      int rows,
      String label,
      String positive,
      int positives,
      double positiveRate,
      List<String> features,
      List<String> dropped,
      List<String> protectedColumns,
      List<String> constant,
      List<TabularData.ColumnInfo> columns) {}

  public record CalibrationRow(
      double lower, double upper, int count, Double meanPredicted, Double observedRate) {}

  public record GroupRow(
      String group, int count, int positives, double selectionRate, Double truePositiveRate) {}

  public record FairnessRow(
      String attribute,
      double demographicParityDifference,
      Double equalOpportunityDifference,
      List<GroupRow> groups) {}

  public record BaselineResult(
      String name,
      Summary auc,
      Summary accuracy,
      Summary logLoss,
      Summary brier,
      List<String> chosenFeatures) {}

  public record Baselines(BaselineResult majority, BaselineResult bestFeature) {}

  public TabularReport withFiles(Map<String, String> f) {
    return new TabularReport(
        data,
        model,
        folds,
        seed,
        threshold,
        auc,
        accuracy,
        logLoss,
        brier,
        pooledAuc,
        calibration,
        fairness,
        baselines,
        topFeatures,
        f);
  }
}
