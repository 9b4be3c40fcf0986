package dev.talentgraph.ml.tabular;

import dev.talentgraph.ml.model.TrainerSpec;
import java.util.List;

/**
 * What to learn from a CSV and how to evaluate it.
 *
 * @param label the column to predict
 * @param positive the label value that counts as positive; null to infer it from a two-valued label
 *     (1, yes, true, or else the rarer value)
 * @param drop columns to ignore entirely (identifiers, leaks)
 * @param protectedColumns columns to treat as protected in addition to those whose names say so
 * @param categorical columns to one-hot encode even if their values look numeric (codes)
 * @param folds number of stratified folds
 * @param threshold decision threshold on the positive probability, for accuracy and fairness
 */
public record TabularOptions(
    String label,
    String positive,
    List<String> drop,
    List<String> protectedColumns,
    List<String> categorical,
    int folds,
    double threshold,
    TrainerSpec trainer) {

  public TabularOptions {
    if (label == null || label.isBlank())
      throw new TabularInputException("a label column is required");
    drop = drop == null ? List.of() : List.copyOf(drop);
    protectedColumns = protectedColumns == null ? List.of() : List.copyOf(protectedColumns);
    categorical = categorical == null ? List.of() : List.copyOf(categorical);
    if (folds < 2) throw new TabularInputException("folds must be at least 2, got " + folds);
    if (!(threshold > 0 && threshold < 1))
      throw new TabularInputException("threshold must be in (0, 1), got " + threshold);
    if (trainer == null) throw new TabularInputException("a trainer is required");
    if (!trainer.algorithm().classification()) {
      throw new TabularInputException(
          "tabular evaluation is binary classification; "
              + trainer.algorithm()
              + " is a regression");
    }
  }
}
