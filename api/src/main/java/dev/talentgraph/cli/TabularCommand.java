package dev.talentgraph.cli;

import dev.talentgraph.ml.model.Algorithm;
import dev.talentgraph.ml.model.TrainerSpec;
import dev.talentgraph.ml.tabular.CsvTable;
import dev.talentgraph.ml.tabular.TabularCrossValidation;
import dev.talentgraph.ml.tabular.TabularFamilies;
import dev.talentgraph.ml.tabular.TabularInputException;
import dev.talentgraph.ml.tabular.TabularOptions;
import dev.talentgraph.ml.tabular.TabularReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code talentgraph train tabular} (also {@code eval tabular}): stratified k-fold cross-validation
 * of a binary classifier on any labelled CSV, with baselines, calibration and fairness. Reads no
 * graph and writes nothing to it; the report goes to stdout and, with the ROC and calibration
 * plots, to {@code --out}. Timings go to stderr so that two runs with one seed print identical
 * reports.
 */
@Command(
    name = "tabular",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Cross-validate a classifier on a labelled CSV and print a report: AUC (mean and spread over folds),",
      "accuracy, log loss, calibration, fairness per protected column, and the same metrics for two baselines",
      "(majority class; best single feature). Columns named like gender, age, marital status or nationality",
      "are protected: never features, but reported for fairness."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:report printed",
      "1:failure",
      "2:bad input (file, column, label, too few rows, bad setting)"
    })
class TabularCommand implements Callable<Integer> {

  @Option(
      names = "--csv",
      required = true,
      paramLabel = "FILE",
      description = "The labelled CSV (header row first).")
  Path csv;

  @Option(
      names = "--label",
      required = true,
      paramLabel = "COLUMN",
      description = "The column to predict.")
  String label;

  @Option(
      names = "--positive",
      paramLabel = "VALUE",
      description =
          "The label value that is positive (default: 1/yes/true, or the rarer of two values).")
  String positive;

  @Option(
      names = "--drop",
      split = ",",
      paramLabel = "COLS",
      description = "Columns to ignore (ids, leaks).")
  List<String> drop = List.of();

  @Option(
      names = "--protected",
      split = ",",
      paramLabel = "COLS",
      description =
          "More protected columns, besides those whose names say gender, age, marital status or nationality.")
  List<String> protectedColumns = List.of();

  @Option(
      names = "--categorical",
      split = ",",
      paramLabel = "COLS",
      description = "Columns to one-hot encode even if numeric (codes).")
  List<String> categorical = List.of();

  @Option(
      names = "--folds",
      defaultValue = "5",
      description = "Stratified folds (default: ${DEFAULT-VALUE}).")
  int folds;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Seed for folds and training (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--algorithm",
      defaultValue = "logistic",
      description =
          "logistic (logistic regression, SGD) or fm (factorization machine) (default: ${DEFAULT-VALUE}).")
  String algorithm;

  @Option(names = "--epochs", description = "Passes over the data (default: 10).")
  Integer epochs;

  @Option(
      names = "--learning-rate",
      description = "AdaGrad learning rate (default: 0.1 logistic, 0.02 fm).")
  Double learningRate;

  @Option(names = "--minibatch", description = "Minibatch size (default: 16 logistic; fm needs 1).")
  Integer minibatch;

  @Option(names = "--factors", description = "Factorization machine factor size (default: 4).")
  Integer factors;

  @Option(
      names = "--threshold",
      defaultValue = "0.5",
      description =
          "Decision threshold on the probability, for accuracy and fairness (default: ${DEFAULT-VALUE}).")
  double threshold;

  @Option(
      names = "--out",
      defaultValue = "reports",
      paramLabel = "DIR",
      description =
          "Where the report, ROC curve and calibration plot (SVG) are written (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--families",
      description =
          "Also cross-validate every model family in the same folds: logistic regression as given, with"
              + " interaction features, a factorization machine, gradient-boosted trees (XGBoost), an"
              + " L2-penalised logistic regression on engineered features (bins, logs, ratios, parsed"
              + " numbers, frequencies) and its mean with the trees, each"
              + " tuned by inner cross-validation in the training folds, and the family the inner"
              + " cross-validation chooses per fold (text, after the report; also <base>-families.txt).")
  boolean families;

  @Option(
      names = "--json",
      description = "Print the report as JSON (the model's mean AUC is auc.mean).")
  boolean json;

  @Override
  public Integer call() {
    TrainerSpec spec;
    TabularOptions options;
    try {
      Algorithm alg = Algorithm.parse(algorithm);
      if (!alg.classification())
        throw new IllegalArgumentException("--algorithm must be logistic or fm for a classifier");
      TrainerSpec d = TrainerSpec.defaults(alg, seed);
      spec =
          new TrainerSpec(
              alg,
              epochs != null ? epochs : d.epochs(),
              learningRate != null ? learningRate : d.learningRate(),
              minibatch != null ? minibatch : d.minibatchSize(),
              factors != null ? factors : d.factors(),
              d.variance(),
              seed);
      options =
          new TabularOptions(
              label, positive, drop, protectedColumns, categorical, folds, threshold, spec);
    } catch (IllegalArgumentException | TabularInputException e) {
      throw new CliException(e.getMessage(), TalentGraphCli.EXIT_USAGE);
    }
    long t0 = System.nanoTime();
    TabularCrossValidation.Result result;
    try {
      result = TabularCrossValidation.run(CsvTable.read(csv), options, s -> System.err.println(s));
    } catch (TabularInputException e) {
      throw new CliException(e.getMessage(), TalentGraphCli.EXIT_USAGE);
    }
    long t1 = System.nanoTime();
    String base =
        csv.getFileName().toString().replaceAll("\\.[^.]*$", "") + "-" + label + "-seed" + seed;
    TabularReport report;
    try {
      report = TabularCrossValidation.writeFiles(result, out, base);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the report to " + out + ": " + e.getMessage(), e);
    }
    System.out.print(
        json ? TabularCrossValidation.toJson(report) : TabularCrossValidation.toText(report));
    if (families) {
      long f0 = System.nanoTime();
      TabularFamilies.Result fr;
      try {
        fr = TabularCrossValidation.families(CsvTable.read(csv), options, System.err::println);
      } catch (TabularInputException e) {
        throw new CliException(e.getMessage(), TalentGraphCli.EXIT_USAGE);
      }
      String text = fr.toText();
      try {
        java.nio.file.Files.writeString(out.resolve(base + "-families.txt"), text);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot write the report to " + out + ": " + e.getMessage(), e);
      }
      System.out.print(json ? "" : "\n" + text);
      if (json) System.err.print(text);
      System.err.printf(
          Locale.ROOT, "model families took %.1f s%n", (System.nanoTime() - f0) / 1e9);
    }
    System.err.printf(
        Locale.ROOT,
        "cross-validation of %d rows x %d folds took %.1f s (read, %d trainings, baselines)%n",
        report.data().rows(),
        folds,
        (t1 - t0) / 1e9,
        folds);
    return 0;
  }
}
