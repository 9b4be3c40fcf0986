package dev.talentgraph.ml.tabular;

import dev.talentgraph.ml.eval.BinaryMetrics;
import dev.talentgraph.ml.eval.StratifiedKFold;
import dev.talentgraph.ml.eval.Summary;
import dev.talentgraph.ml.features.FeatureEncoder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.fm.FMClassificationTrainer;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.xgboost.XGBoostTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Model families side by side in the folds of {@link TabularCrossValidation}: plain logistic
 * regression (the settings given, untuned), logistic regression over pairwise interaction features,
 * a factorization machine (Rendle, ICDM 2010), gradient-boosted trees (XGBoost: Chen and Guestrin,
 * KDD 2016, through Tribuo), an L2-penalised logistic regression on {@link EngineeredFeatures}, and
 * the mean of the last two's probabilities (each with its own inner choice; the inner folds score
 * the mean the same way). Each family's hyperparameters are chosen by an inner stratified
 * cross-validation inside each outer training fold (nested cross-validation: Varma and Simon, BMC
 * Bioinformatics 2006), so the reported folds never take part in a choice. The "chosen" row is, in
 * each outer fold, the family whose best setting had the highest inner AUC.
 */
public final class TabularFamilies {
  private TabularFamilies() {}

  /** Inner folds per outer training fold. */
  static final int INNER_FOLDS = 3;

  /** Encoded features whose pairwise products the interaction family adds. */
  static final int INTERACTION_FEATURES = 16;

  /** L2 penalties of the logistic regression on engineered features, chosen by inner folds. */
  static final double[] RIDGE_PENALTIES = {1, 3, 10, 30, 100, 300};

  static final String RIDGE = "logistic regression, engineered features";

  /** One hyperparameter setting of one family. */
  record Setting(String family, String description, Fitter fitter, boolean engineered) {
    Setting(String family, String description, Fitter fitter) {
      this(family, description, fitter, false);
    }
  }

  /** Fits on encoded training rows and returns positive probabilities of the test rows. */
  @FunctionalInterface
  interface Fitter {
    double[] fitPredict(double[][] xTrain, boolean[] yTrain, double[][] xTest, long seed);
  }

  /** One family's outer-fold AUCs and the setting its inner cross-validation chose per fold. */
  public record FamilyResult(String family, Summary auc, List<String> chosen) {}

  /** Every family's result, then the per-fold choice between them. */
  public record Result(List<FamilyResult> families, FamilyResult chosen, double seconds) {

    public String toText() {
      StringBuilder s = new StringBuilder();
      s.append("Model families (hyperparameters by ")
          .append(INNER_FOLDS)
          .append("-fold inner cross-validation inside each training fold)\n");
      s.append(
          String.format(
              Locale.ROOT, "  %-42s %-17s %s%n", "family", "AUC mean ± sd", "chosen per fold"));
      for (FamilyResult f : families) row(s, f);
      row(s, chosen);
      s.append(String.format(Locale.ROOT, "  (%.1f s)%n", seconds));
      return s.toString();
    }

    private static void row(StringBuilder s, FamilyResult f) {
      s.append(
          String.format(
              Locale.ROOT,
              "  %-42s %.4f ± %.4f  %s%n",
              f.family(),
              f.auc().mean(),
              f.auc().std(),
              String.join("; ", f.chosen())));
    }
  }

  static List<List<Setting>> families(long seed, double lrLearningRate, int lrEpochs) {
    List<List<Setting>> out = new ArrayList<>();
    out.add(
        List.of(
            new Setting(
                "logistic regression (as given)",
                String.format(Locale.ROOT, "lr %.2g, %d epochs", lrLearningRate, lrEpochs),
                (x, y, t, sd) ->
                    tribuo(
                        new LinearSGDTrainer(
                            new LogMulticlass(),
                            new AdaGrad(lrLearningRate, 0.1),
                            lrEpochs,
                            -1,
                            16,
                            sd),
                        x,
                        y,
                        t))));
    List<Setting> inter = new ArrayList<>();
    for (double lr : new double[] {0.02, 0.1}) {
      for (int epochs : new int[] {10, 30}) {
        inter.add(
            new Setting(
                "logistic regression + interactions",
                String.format(Locale.ROOT, "lr %.2g, %d epochs", lr, epochs),
                (x, y, t, sd) -> {
                  int[] top = topFeatures(x, y, INTERACTION_FEATURES);
                  return tribuo(
                      new LinearSGDTrainer(
                          new LogMulticlass(), new AdaGrad(lr, 0.1), epochs, -1, 16, sd),
                      interactions(x, top),
                      y,
                      interactions(t, top));
                }));
      }
    }
    out.add(inter);
    List<Setting> fm = new ArrayList<>();
    for (int factors : new int[] {2, 8}) {
      for (double lr : new double[] {0.01, 0.05}) {
        fm.add(
            new Setting(
                "factorization machine",
                String.format(Locale.ROOT, "%d factors, lr %.2g", factors, lr),
                (x, y, t, sd) ->
                    tribuo(
                        new FMClassificationTrainer(
                            new LogMulticlass(),
                            new AdaGrad(lr, 0.1),
                            10,
                            -1,
                            1,
                            sd,
                            factors,
                            0.01),
                        x,
                        y,
                        t)));
      }
    }
    out.add(fm);
    // histogram splits (256 bins per feature) and one native thread: the exact greedy split search
    // made the inner grid of 12 fits per outer fold too slow on 19,000 rows, and OpenMP threads
    // spin on a shared machine
    List<Setting> gbt = new ArrayList<>();
    for (int depth : new int[] {2, 4}) {
      for (int trees : new int[] {100, 300}) {
        gbt.add(
            new Setting(
                TREES,
                String.format(Locale.ROOT, "%d trees, depth %d", trees, depth),
                (x, y, t, sd) ->
                    tribuo(
                        new XGBoostClassificationTrainer(
                            XGBoostTrainer.BoosterType.GBTREE,
                            XGBoostTrainer.TreeMethod.HIST,
                            trees,
                            0.05,
                            0,
                            depth,
                            1,
                            0.8,
                            0.8,
                            1,
                            0,
                            1,
                            XGBoostTrainer.LoggingVerbosity.SILENT,
                            sd),
                        x,
                        y,
                        t)));
      }
    }
    out.add(gbt);
    List<Setting> ridge = new ArrayList<>();
    for (double lambda : RIDGE_PENALTIES) {
      ridge.add(
          new Setting(
              RIDGE,
              String.format(Locale.ROOT, "L2 %.3g", lambda),
              (x, y, t, sd) -> RidgeLogistic.predict(RidgeLogistic.fit(x, y, lambda), t),
              true));
    }
    out.add(ridge);
    return out;
  }

  /**
   * Runs every family in the given outer folds.
   *
   * @param encoderFor the encoder fitted on an outer fold's training rows
   */
  static Result run(
      TabularData d,
      List<StratifiedKFold.Fold> folds,
      long seed,
      double lrLearningRate,
      int lrEpochs,
      Consumer<String> progress) {
    return run(d, folds, seed, families(seed, lrLearningRate, lrEpochs), progress);
  }

  /**
   * Runs the given families (the first untuned or tuned alike) in the given outer folds; the
   * ensemble row averages the engineered logistic regression and the trees.
   */
  static Result run(
      TabularData d,
      List<StratifiedKFold.Fold> folds,
      long seed,
      List<List<Setting>> fams,
      Consumer<String> progress) {
    long t0 = System.nanoTime();
    int nf = fams.size();
    int nr = nf + 1; // the families, then their ensemble
    double[][] auc = new double[nr][folds.size()];
    double[] chosenAuc = new double[folds.size()];
    List<List<String>> chosen = new ArrayList<>();
    for (int f = 0; f < nr; f++) chosen.add(new ArrayList<>());
    List<String> chosenFamily = new ArrayList<>();
    int ridge = index(fams, RIDGE), trees = index(fams, TREES);
    for (StratifiedKFold.Fold fold : folds) {
      FeatureEncoder enc = FeatureEncoder.fit(d.features, d.rows, fold.train());
      EngineeredFeatures eng = EngineeredFeatures.fit(d, fold.train());
      double[][][] train = {encode(enc, d, fold.train()), eng.matrix(d.rows, fold.train())};
      double[][][] test = {encode(enc, d, fold.test()), eng.matrix(d.rows, fold.test())};
      boolean[] yTrain = labels(d, fold.train());
      boolean[] yTest = labels(d, fold.test());
      List<StratifiedKFold.Fold> inner = StratifiedKFold.split(yTrain, INNER_FOLDS, seed + 17);
      double[][][] innerPred = new double[nr][][];
      double[][] outerPred = new double[nr][];
      double[] innerScore = new double[nr];
      for (int f = 0; f < nf; f++) {
        List<Setting> grid = fams.get(f);
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        // every setting is scored on the inner folds, the untuned plain model too: its inner AUC
        // takes part in the choice between families
        for (int g = 0; g < grid.size(); g++) {
          Setting st = grid.get(g);
          double[][] xt = train[st.engineered() ? 1 : 0];
          double[][] preds = new double[inner.size()][];
          double sum = 0;
          for (StratifiedKFold.Fold in : inner) {
            preds[in.index()] =
                st.fitter()
                    .fitPredict(
                        rows(xt, in.train()), sub(yTrain, in.train()), rows(xt, in.test()), seed);
            sum += BinaryMetrics.auc(preds[in.index()], sub(yTrain, in.test()));
          }
          double score = sum / inner.size();
          if (score > bestScore) {
            bestScore = score;
            best = g;
            innerPred[f] = preds;
          }
        }
        Setting st = grid.get(best);
        int input = st.engineered() ? 1 : 0;
        outerPred[f] = st.fitter().fitPredict(train[input], yTrain, test[input], seed);
        innerScore[f] = bestScore;
        auc[f][fold.index()] = BinaryMetrics.auc(outerPred[f], yTest);
        chosen.get(f).add(st.description());
        progress(progress, fold, folds.size(), st.family(), st.description(), bestScore, auc[f]);
      }
      // the ensemble: mean of the two families' probabilities, each with its inner choice
      double sum = 0;
      for (StratifiedKFold.Fold in : inner)
        sum +=
            BinaryMetrics.auc(
                mean(innerPred[ridge][in.index()], innerPred[trees][in.index()]),
                sub(yTrain, in.test()));
      innerScore[nf] = sum / inner.size();
      outerPred[nf] = mean(outerPred[ridge], outerPred[trees]);
      auc[nf][fold.index()] = BinaryMetrics.auc(outerPred[nf], yTest);
      chosen
          .get(nf)
          .add(chosen.get(ridge).get(fold.index()) + " + " + chosen.get(trees).get(fold.index()));
      progress(progress, fold, folds.size(), ENSEMBLE, "", innerScore[nf], auc[nf]);
      int bestFamily = 0;
      for (int f = 1; f < nr; f++) if (innerScore[f] > innerScore[bestFamily]) bestFamily = f;
      chosenAuc[fold.index()] = BinaryMetrics.auc(outerPred[bestFamily], yTest);
      chosenFamily.add(bestFamily == nf ? ENSEMBLE : fams.get(bestFamily).get(0).family());
    }
    List<FamilyResult> out = new ArrayList<>();
    for (int f = 0; f < nr; f++)
      out.add(
          new FamilyResult(
              f == nf ? ENSEMBLE : fams.get(f).get(0).family(), Summary.of(auc[f]), chosen.get(f)));
    return new Result(
        out,
        new FamilyResult("chosen by inner cross-validation", Summary.of(chosenAuc), chosenFamily),
        (System.nanoTime() - t0) / 1e9);
  }

  static final String ENSEMBLE = "mean of engineered logistic and trees";

  static final String TREES = "gradient-boosted trees (XGBoost)";

  private static int index(List<List<Setting>> fams, String family) {
    for (int f = 0; f < fams.size(); f++) if (fams.get(f).get(0).family().equals(family)) return f;
    throw new IllegalArgumentException("no family " + family);
  }

  private static void progress(
      Consumer<String> progress,
      StratifiedKFold.Fold fold,
      int folds,
      String family,
      String setting,
      double inner,
      double[] outer) {
    progress.accept(
        String.format(
            Locale.ROOT,
            "fold %d/%d: %s (%s): inner AUC %.4f, outer AUC %.4f",
            fold.index() + 1,
            folds,
            family,
            setting,
            inner,
            outer[fold.index()]));
  }

  private static double[] mean(double[] a, double[] b) {
    double[] m = new double[a.length];
    for (int i = 0; i < a.length; i++) m[i] = (a[i] + b[i]) / 2;
    return m;
  }

  private static double[][] encode(FeatureEncoder enc, TabularData d, int[] which) {
    double[][] x = new double[which.length][];
    for (int i = 0; i < which.length; i++) x[i] = enc.vector(d.rows.get(which[i]));
    return x;
  }

  private static boolean[] labels(TabularData d, int[] which) {
    boolean[] y = new boolean[which.length];
    for (int i = 0; i < which.length; i++) y[i] = d.labels[which[i]];
    return y;
  }

  private static double[][] rows(double[][] x, int[] which) {
    double[][] out = new double[which.length][];
    for (int i = 0; i < which.length; i++) out[i] = x[which[i]];
    return out;
  }

  private static boolean[] sub(boolean[] y, int[] which) {
    boolean[] out = new boolean[which.length];
    for (int i = 0; i < which.length; i++) out[i] = y[which[i]];
    return out;
  }

  /**
   * The {@code m} encoded features most correlated (in absolute value) with the label on the
   * training rows: the pairs among them get a product feature.
   */
  static int[] topFeatures(double[][] x, boolean[] y, int m) {
    int p = x.length == 0 ? 0 : x[0].length;
    double[] score = new double[p];
    double my = 0;
    for (boolean b : y) my += b ? 1 : 0;
    my /= y.length;
    for (int j = 0; j < p; j++) {
      double mx = 0;
      for (double[] r : x) mx += r[j];
      mx /= x.length;
      double sxy = 0, sxx = 0;
      for (int i = 0; i < x.length; i++) {
        double dx = x[i][j] - mx;
        sxy += dx * ((y[i] ? 1 : 0) - my);
        sxx += dx * dx;
      }
      score[j] = sxx > 0 ? Math.abs(sxy) / Math.sqrt(sxx) : 0;
    }
    Integer[] order = new Integer[p];
    for (int j = 0; j < p; j++) order[j] = j;
    Arrays.sort(
        order,
        (a, b) ->
            a.equals(b)
                ? 0
                : Double.compare(score[b], score[a]) != 0
                    ? Double.compare(score[b], score[a])
                    : Integer.compare(a, b));
    int k = Math.min(m, p);
    int[] out = new int[k];
    for (int i = 0; i < k; i++) out[i] = order[i];
    return out;
  }

  static double[][] interactions(double[][] x, int[] top) {
    double[][] out = new double[x.length][];
    int pairs = top.length * (top.length - 1) / 2;
    for (int i = 0; i < x.length; i++) {
      double[] r = Arrays.copyOf(x[i], x[i].length + pairs);
      int c = x[i].length;
      for (int a = 0; a < top.length; a++)
        for (int b = a + 1; b < top.length; b++) r[c++] = x[i][top[a]] * x[i][top[b]];
      out[i] = r;
    }
    return out;
  }

  private static double[] tribuo(
      Trainer<Label> trainer, double[][] xTrain, boolean[] yTrain, double[][] xTest) {
    LabelFactory lf = new LabelFactory();
    MutableDataset<Label> ds = new MutableDataset<>(new SimpleDataSourceProvenance("fold", lf), lf);
    Label pos = new Label("positive");
    Label neg = new Label("negative");
    String[] names = names(xTrain.length == 0 ? 0 : xTrain[0].length);
    for (int i = 0; i < xTrain.length; i++)
      ds.add(new ArrayExample<>(yTrain[i] ? pos : neg, names, xTrain[i]));
    Model<Label> m = trainer.train(ds);
    double[] out = new double[xTest.length];
    for (int i = 0; i < xTest.length; i++) {
      Label l =
          m.predict(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, names, xTest[i]))
              .getOutputScores()
              .get("positive");
      out[i] = l == null ? 0 : l.getScore();
    }
    return out;
  }

  private static String[] names(int p) {
    String[] n = new String[p];
    for (int j = 0; j < p; j++) n[j] = String.format(Locale.ROOT, "f%05d", j);
    return n;
  }
}
