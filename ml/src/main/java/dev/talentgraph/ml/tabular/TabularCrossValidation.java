package dev.talentgraph.ml.tabular;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.talentgraph.ml.eval.BinaryMetrics;
import dev.talentgraph.ml.eval.Fairness;
import dev.talentgraph.ml.eval.StratifiedKFold;
import dev.talentgraph.ml.eval.Summary;
import dev.talentgraph.ml.eval.SvgPlots;
import dev.talentgraph.ml.features.FeatureEncoder;
import dev.talentgraph.ml.model.EncodedModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Stratified k-fold cross-validation of a binary classifier on any labelled CSV, with two baselines
 * in the same folds (majority class: the training prior for everyone; best single feature), the
 * fairness of the model's decisions per protected column, and a calibration table. Every statistic
 * of the encoding is fitted on the training folds only.
 */
public final class TabularCrossValidation {
  private TabularCrossValidation() {}

  /** The report plus the out-of-fold predictions it was computed from (for plots). */
  public record Result(
      TabularReport report,
      boolean[] labels,
      double[] model,
      double[] majority,
      double[] bestFeature) {}

  public static Result run(CsvTable table, TabularOptions o, Consumer<String> progress) {
    TabularData d = TabularData.prepare(table, o);
    List<StratifiedKFold.Fold> folds;
    try {
      folds = StratifiedKFold.split(d.labels, o.folds(), o.trainer().seed());
    } catch (IllegalArgumentException e) {
      throw new TabularInputException(table.file() + ": " + e.getMessage());
    }
    int n = d.size();
    double[] oofModel = new double[n], oofMajority = new double[n], oofBest = new double[n];
    double[][] m = new double[4][o.folds()],
        mj = new double[4][o.folds()],
        bf = new double[4][o.folds()];
    List<String> chosen = new ArrayList<>();
    Map<String, Double> weightSum = new TreeMap<>();
    for (StratifiedKFold.Fold f : folds) {
      FeatureEncoder enc = FeatureEncoder.fit(d.features, d.rows, f.train());
      EncodedModel model =
          EncodedModel.trainClassifier(
              o.trainer(),
              enc,
              d.rows,
              f.train(),
              d.labels,
              table.file().getFileName() + " fold " + (f.index() + 1) + "/" + o.folds());
      double[] p = model.predict(d.rows, f.test());
      int pos = 0;
      for (int r : f.train()) if (d.labels[r]) pos++;
      double prior = (double) pos / f.train().length;
      SingleFeatureBaseline sfb =
          SingleFeatureBaseline.fit(d.features, d.rows, f.train(), d.labels);
      chosen.add(sfb.name);
      double[] pm = new double[f.test().length], pb = new double[f.test().length];
      boolean[] y = new boolean[f.test().length];
      for (int i = 0; i < f.test().length; i++) {
        int r = f.test()[i];
        y[i] = d.labels[r];
        pm[i] = prior;
        pb[i] = sfb.probability(d.rows.get(r));
        oofModel[r] = p[i];
        oofMajority[r] = prior;
        oofBest[r] = pb[i];
      }
      metrics(p, y, o.threshold(), m, f.index());
      metrics(pm, y, o.threshold(), mj, f.index());
      metrics(pb, y, o.threshold(), bf, f.index());
      if (!o.trainer().algorithm().factorization()) {
        double[] w = model.linearWeights();
        String[] names = enc.featureNames();
        for (int i = 0; i < w.length; i++) weightSum.merge(names[i], w[i], Double::sum);
      }
      progress.accept(
          String.format(
              Locale.ROOT,
              "fold %d/%d: AUC %.4f (majority %.4f, best feature %s %.4f)",
              f.index() + 1,
              o.folds(),
              m[0][f.index()],
              mj[0][f.index()],
              sfb.name,
              bf[0][f.index()]));
    }
    List<TabularReport.CalibrationRow> calibration =
        BinaryMetrics.calibration(oofModel, d.labels, 10).stream()
            .map(
                b ->
                    new TabularReport.CalibrationRow(
                        b.lower(),
                        b.upper(),
                        b.count(),
                        nan(b.meanPredicted()),
                        nan(b.observedRate())))
            .toList();
    List<TabularReport.FairnessRow> fairness = new ArrayList<>();
    boolean[] decisions = new boolean[n];
    for (int i = 0; i < n; i++) decisions[i] = oofModel[i] >= o.threshold();
    for (Map.Entry<String, String[]> e : d.protectedGroups.entrySet()) {
      Fairness.Report fr = Fairness.evaluate(e.getKey(), e.getValue(), decisions, d.labels);
      fairness.add(
          new TabularReport.FairnessRow(
              fr.attribute(),
              fr.demographicParityDifference(),
              nan(fr.equalOpportunityDifference()),
              fr.groups().stream()
                  .map(
                      g ->
                          new TabularReport.GroupRow(
                              g.group(),
                              g.count(),
                              g.positives(),
                              g.selectionRate(),
                              nan(g.truePositiveRate())))
                  .toList()));
    }
    List<String> top =
        weightSum.entrySet().stream()
            .sorted(
                Comparator.comparingDouble((Map.Entry<String, Double> e) -> -Math.abs(e.getValue()))
                    .thenComparing(Map.Entry::getKey))
            .limit(10)
            .map(e -> String.format(Locale.ROOT, "%s %+.3f", e.getKey(), e.getValue() / o.folds()))
            .toList();
    TabularReport.DataInfo info =
        new TabularReport.DataInfo(
            table.file().getFileName().toString(),
            n,
            d.labelColumn,
            d.positiveValue,
            d.positives(),
            (double) d.positives() / n,
            d.features.stream().map(FeatureEncoder.Column::name).toList(),
            role(d, "dropped"),
            role(d, "protected"),
            role(d, "constant"),
            d.columns());
    TabularReport report =
        new TabularReport(
            info,
            o.trainer().hyperparameters(),
            o.folds(),
            o.trainer().seed(),
            o.threshold(),
            Summary.of(m[0]),
            Summary.of(m[1]),
            Summary.of(m[2]),
            Summary.of(m[3]),
            BinaryMetrics.auc(oofModel, d.labels),
            calibration,
            fairness,
            new TabularReport.Baselines(
                new TabularReport.BaselineResult(
                    "majority class",
                    Summary.of(mj[0]),
                    Summary.of(mj[1]),
                    Summary.of(mj[2]),
                    Summary.of(mj[3]),
                    List.of()),
                new TabularReport.BaselineResult(
                    "best single feature",
                    Summary.of(bf[0]),
                    Summary.of(bf[1]),
                    Summary.of(bf[2]),
                    Summary.of(bf[3]),
                    chosen)),
            top,
            Map.of());
    return new Result(report, d.labels, oofModel, oofMajority, oofBest);
  }

  /**
   * Every model family of {@link TabularFamilies} in the same stratified folds as {@link #run}
   * (same seed), each tuned by inner cross-validation inside the training folds.
   */
  public static TabularFamilies.Result families(
      CsvTable table, TabularOptions o, Consumer<String> progress) {
    TabularData d = TabularData.prepare(table, o);
    List<StratifiedKFold.Fold> folds;
    try {
      folds = StratifiedKFold.split(d.labels, o.folds(), o.trainer().seed());
    } catch (IllegalArgumentException e) {
      throw new TabularInputException(table.file() + ": " + e.getMessage());
    }
    return TabularFamilies.run(
        d, folds, o.trainer().seed(), o.trainer().learningRate(), o.trainer().epochs(), progress);
  }

  private static List<String> role(TabularData d, String role) {
    return d.columns().stream()
        .filter(c -> c.role().equals(role))
        .map(TabularData.ColumnInfo::name)
        .toList();
  }

  private static Double nan(double v) {
    return Double.isNaN(v) ? null : v;
  }

  private static void metrics(double[] p, boolean[] y, double threshold, double[][] out, int fold) {
    out[0][fold] = BinaryMetrics.auc(p, y);
    out[1][fold] = BinaryMetrics.accuracy(p, y, threshold);
    out[2][fold] = BinaryMetrics.logLoss(p, y);
    out[3][fold] = BinaryMetrics.brier(p, y);
  }

  /**
   * Writes {@code <base>.json}, {@code <base>.txt}, {@code <base>-roc.svg} and {@code
   * <base>-calibration.svg} into the directory, and returns the report naming those files.
   */
  public static TabularReport writeFiles(Result r, Path dir, String base) throws IOException {
    Files.createDirectories(dir);
    Path roc = dir.resolve(base + "-roc.svg");
    Path cal = dir.resolve(base + "-calibration.svg");
    Path json = dir.resolve(base + ".json");
    Path txt = dir.resolve(base + ".txt");
    SvgPlots.write(
        roc,
        "ROC, out-of-fold: " + r.report().data().file(),
        "false positive rate",
        "true positive rate",
        List.of(
            rocSeries("model", "#1f77b4", r.model(), r.labels()),
            rocSeries("best single feature", "#ff7f0e", r.bestFeature(), r.labels()),
            rocSeries("majority class", "#7f7f7f", r.majority(), r.labels())));
    SvgPlots.write(
        cal,
        "Calibration, out-of-fold: " + r.report().data().file(),
        "mean predicted probability",
        "observed positive rate",
        List.of(
            calSeries("model", "#1f77b4", r.model(), r.labels()),
            calSeries("best single feature", "#ff7f0e", r.bestFeature(), r.labels())));
    Map<String, String> files = new LinkedHashMap<>();
    files.put("json", json.toString());
    files.put("text", txt.toString());
    files.put("roc", roc.toString());
    files.put("calibration", cal.toString());
    TabularReport withFiles = r.report().withFiles(files);
    Files.writeString(json, toJson(withFiles));
    Files.writeString(txt, toText(withFiles));
    return withFiles;
  }

  private static SvgPlots.Series rocSeries(String name, String colour, double[] p, boolean[] y) {
    List<BinaryMetrics.RocPoint> pts = BinaryMetrics.roc(p, y);
    int step = Math.max(1, pts.size() / 400);
    List<BinaryMetrics.RocPoint> kept =
        IntStream.range(0, pts.size())
            .filter(i -> i % step == 0 || i == pts.size() - 1)
            .mapToObj(pts::get)
            .toList();
    return new SvgPlots.Series(
        String.format(Locale.ROOT, "%s (AUC %.3f)", name, BinaryMetrics.auc(p, y)),
        colour,
        kept.stream().mapToDouble(BinaryMetrics.RocPoint::falsePositiveRate).toArray(),
        kept.stream().mapToDouble(BinaryMetrics.RocPoint::truePositiveRate).toArray(),
        false);
  }

  private static SvgPlots.Series calSeries(String name, String colour, double[] p, boolean[] y) {
    List<BinaryMetrics.CalibrationBin> bins =
        BinaryMetrics.calibration(p, y, 10).stream().filter(b -> b.count() > 0).toList();
    return new SvgPlots.Series(
        name,
        colour,
        bins.stream().mapToDouble(BinaryMetrics.CalibrationBin::meanPredicted).toArray(),
        bins.stream().mapToDouble(BinaryMetrics.CalibrationBin::observedRate).toArray(),
        true);
  }

  public static String toJson(TabularReport r) {
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(r)
          + "\n";
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The human-readable report. */
  public static String toText(TabularReport r) {
    StringBuilder s = new StringBuilder();
    TabularReport.DataInfo d = r.data();
    s.append("Tabular cross-validation: ").append(d.file()).append('\n');
    s.append(
        String.format(
            Locale.ROOT,
            "rows %d, label %s, positive '%s': %d (%.1f%%)%n",
            d.rows(),
            d.label(),
            d.positive(),
            d.positives(),
            100 * d.positiveRate()));
    s.append("features (")
        .append(d.features().size())
        .append("): ")
        .append(String.join(", ", d.features()))
        .append('\n');
    s.append("dropped: ")
        .append(list(d.dropped()))
        .append("; protected, excluded from features: ")
        .append(list(d.protectedColumns()))
        .append("; constant, ignored: ")
        .append(list(d.constant()))
        .append('\n');
    s.append("model: ").append(r.model()).append('\n');
    s.append(
        String.format(
            Locale.ROOT,
            "%d stratified folds, seed %d, decision threshold %.2f%n%n",
            r.folds(),
            r.seed(),
            r.threshold()));
    s.append(
        String.format(
            Locale.ROOT,
            "%-22s %-17s %-17s %-17s %-17s%n",
            "",
            "AUC mean ± sd",
            "accuracy",
            "log loss",
            "Brier"));
    row(s, "model", r.auc(), r.accuracy(), r.logLoss(), r.brier());
    TabularReport.BaselineResult mj = r.baselines().majority(), bf = r.baselines().bestFeature();
    row(s, "majority class", mj.auc(), mj.accuracy(), mj.logLoss(), mj.brier());
    row(s, "best single feature", bf.auc(), bf.accuracy(), bf.logLoss(), bf.brier());
    s.append("  best single feature per fold: ")
        .append(String.join(", ", bf.chosenFeatures()))
        .append('\n');
    s.append(
        String.format(
            Locale.ROOT,
            "  model AUC over folds: min %.4f, max %.4f; pooled out-of-fold AUC %.4f%n",
            r.auc().min(),
            r.auc().max(),
            r.pooledAuc()));
    s.append(
        String.format(
            Locale.ROOT,
            "  AUC gain over best single feature: %+.4f; over majority class: %+.4f%n",
            r.auc().mean() - bf.auc().mean(),
            r.auc().mean() - mj.auc().mean()));
    s.append(
        "\nCalibration (model, out-of-fold)\n  bin        count  mean predicted  observed rate\n");
    for (TabularReport.CalibrationRow c : r.calibration()) {
      s.append(
          String.format(
              Locale.ROOT,
              "  %.1f-%.1f  %6d  %14s  %13s%n",
              c.lower(),
              c.upper(),
              c.count(),
              fmt(c.meanPredicted()),
              fmt(c.observedRate())));
    }
    s.append(
        String.format(
            Locale.ROOT,
            "%nFairness of decisions (probability >= %.2f, out-of-fold)%n",
            r.threshold()));
    if (r.fairness().isEmpty()) s.append("  no protected columns in the data\n");
    for (TabularReport.FairnessRow f : r.fairness()) {
      s.append(
          String.format(
              Locale.ROOT,
              "  %s: demographic parity difference %.4f, equal opportunity difference %s%n",
              f.attribute(),
              f.demographicParityDifference(),
              fmt(f.equalOpportunityDifference())));
      for (TabularReport.GroupRow g : f.groups()) {
        s.append(
            String.format(
                Locale.ROOT,
                "    %-20s n=%-6d positives=%-6d selection rate %.4f  true positive rate %s%n",
                g.group(),
                g.count(),
                g.positives(),
                g.selectionRate(),
                fmt(g.truePositiveRate())));
      }
    }
    if (!r.topFeatures().isEmpty()) {
      s.append("\nLargest mean weights on the log-odds (standardised features)\n");
      for (String t : r.topFeatures()) s.append("  ").append(t).append('\n');
    }
    if (!r.files().isEmpty()) {
      s.append("\nFiles: ").append(String.join(", ", r.files().values())).append('\n');
    }
    return s.toString();
  }

  private static void row(
      StringBuilder s, String name, Summary auc, Summary acc, Summary ll, Summary br) {
    s.append(
        String.format(
            Locale.ROOT,
            "%-22s %-17s %-17s %-17s %-17s%n",
            name,
            pm(auc),
            pm(acc),
            pm(ll),
            pm(br)));
  }

  private static String pm(Summary x) {
    return String.format(Locale.ROOT, "%.4f ± %.4f", x.mean(), x.std());
  }

  private static String fmt(Double v) {
    return v == null ? "-" : String.format(Locale.ROOT, "%.4f", v);
  }

  private static String list(List<String> l) {
    return l.isEmpty() ? "-" : String.join(", ", l);
  }
}
