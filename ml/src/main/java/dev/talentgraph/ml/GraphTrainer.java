package dev.talentgraph.ml;

import dev.talentgraph.ml.eval.BinaryMetrics;
import dev.talentgraph.ml.eval.Fairness;
import dev.talentgraph.ml.eval.RegressionMetrics;
import dev.talentgraph.ml.eval.StratifiedKFold;
import dev.talentgraph.ml.eval.Summary;
import dev.talentgraph.ml.features.FeatureDefinition;
import dev.talentgraph.ml.features.FeatureEncoder;
import dev.talentgraph.ml.features.FeatureSet;
import dev.talentgraph.ml.features.FeatureType;
import dev.talentgraph.ml.features.GraphFeatureExtractor;
import dev.talentgraph.ml.features.PropertyDiscovery;
import dev.talentgraph.ml.features.ProtectedAttributes;
import dev.talentgraph.ml.model.EncodedModel;
import dev.talentgraph.ml.model.ModelKind;
import dev.talentgraph.ml.model.TrainerSpec;
import dev.talentgraph.ml.registry.DataWindow;
import dev.talentgraph.ml.registry.ModelInfo;
import dev.talentgraph.ml.registry.ModelRegistry;
import dev.talentgraph.ml.registry.Provenance;
import dev.talentgraph.schema.FieldCipher;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.neo4j.driver.Driver;

/**
 * Trains a declared {@link ModelKind} from the graph: reads its rows and features, measures it with
 * k-fold cross-validation (stratified for classifiers) against a trivial baseline, reports the
 * fairness of its decisions per protected attribute present, then trains the final model on all
 * rows and registers it with its provenance. Nothing is written unless every step before succeeds.
 */
public final class GraphTrainer {
  private final Driver driver;
  private final String database;
  private final FieldCipher cipher;
  private final ModelRegistry registry;

  public GraphTrainer(Driver driver, String database, FieldCipher cipher) {
    this.driver = driver;
    this.database = database;
    this.cipher = cipher;
    this.registry = new ModelRegistry(driver, database);
  }

  /**
   * @param trainer algorithm and hyperparameters; null for the kind's default algorithm with
   *     default settings
   * @param allowProtected protected features to use anyway (normally empty)
   * @param asOf the reference date for tenure, ages and recency
   */
  public record Options(
      TrainerSpec trainer,
      int folds,
      Set<String> allowProtected,
      LocalDate asOf,
      boolean activate,
      double threshold) {
    public Options {
      if (folds < 2) throw new IllegalArgumentException("folds must be at least 2, got " + folds);
      allowProtected = Set.copyOf(allowProtected);
      if (asOf == null) throw new IllegalArgumentException("asOf is required");
    }
  }

  /** What training produced. */
  public record Result(
      ModelInfo model,
      int rows,
      int positives,
      List<String> features,
      List<String> protectedExcluded,
      Map<String, Double> metrics,
      List<Fairness.Report> fairness,
      long extractMillis,
      long trainMillis,
      List<BinaryMetrics.CalibrationBin> calibration) {}

  public Result train(ModelKind kind, Options o, Consumer<String> progress) {
    return train(kind, o, progress, r -> true, Map.of());
  }

  /**
   * Trains on the kind's rows that {@code trainOn} accepts only (the others are held out, e.g. for
   * a champion/challenger comparison), recording {@code dataNotes} in the model's data description.
   */
  public Result train(
      ModelKind kind,
      Options o,
      Consumer<String> progress,
      Predicate<GraphFeatureExtractor.Row> trainOn,
      Map<String, Object> dataNotes) {
    TrainerSpec spec =
        o.trainer() != null ? o.trainer() : TrainerSpec.defaults(kind.algorithm(), 1);
    if (spec.algorithm().classification() != kind.classification()) {
      throw new IllegalArgumentException(
          "kind "
              + kind.name()
              + " needs a "
              + (kind.classification() ? "classification" : "regression")
              + " algorithm, not "
              + spec.algorithm());
    }
    long t0 = System.nanoTime();
    GraphFeatureExtractor ex = new GraphFeatureExtractor(driver, database, cipher);
    List<GraphFeatureExtractor.Row> rows = ex.rows(kind.rowQuery(), Map.of("asOf", o.asOf()));
    if (kind.enricher() != null) rows = kind.enricher().enrich(driver, database, rows, o.asOf());
    rows = rows.stream().filter(trainOn).toList();
    progress.accept(kind.name() + ": " + rows.size() + " labelled rows");
    if (rows.isEmpty()) {
      throw new IllegalArgumentException(
          "no labelled rows for "
              + kind.name()
              + ": the graph has no data this kind learns from ("
              + kind.outcome()
              + ")");
    }
    FeatureSet declared = kind.features();
    if (kind.discoverProperties()) {
      Set<String> declaredKeys = new java.util.HashSet<>(kind.excludedProperties());
      declared.definitions().forEach(d -> declaredKeys.add(d.name()));
      declared =
          declared.plus(
              PropertyDiscovery.discover(
                  driver,
                  database,
                  rows.stream().map(GraphFeatureExtractor.Row::expert).distinct().toList(),
                  declaredKeys));
    }
    FeatureSet used = declared.withoutProtected(o.allowProtected());
    if (cipher == null)
      used =
          new FeatureSet(
              used.name(),
              used.version(),
              used.definitions().stream()
                  .filter(
                      d ->
                          !(d.source()
                              instanceof dev.talentgraph.ml.features.FeatureSource.Personal))
                  .toList());
    List<FeatureDefinition> protectedDefs =
        declared.protectedDefinitions().stream()
            .filter(
                d ->
                    cipher != null
                        || !(d.source()
                            instanceof dev.talentgraph.ml.features.FeatureSource.Personal))
            .toList();
    List<Object[]> x = ex.features(used, rows, o.asOf());
    List<Object[]> px = ex.features(new FeatureSet("protected", 1, protectedDefs), rows, o.asOf());
    long t1 = System.nanoTime();
    progress.accept(
        String.format(
            Locale.ROOT,
            "%s: %d features read in %.1f s",
            kind.name(),
            used.definitions().size(),
            (t1 - t0) / 1e9));

    Map<String, Double> metrics = new LinkedHashMap<>();
    List<Fairness.Report> fairness = new ArrayList<>();
    List<BinaryMetrics.CalibrationBin> calibration = List.of();
    int positives = 0;
    EncodedModel finalModel;
    int n = rows.size();
    int[] all = new int[n];
    for (int i = 0; i < n; i++) all[i] = i;
    if (kind.classification()) {
      boolean[] y = new boolean[n];
      for (int i = 0; i < n; i++) {
        Object l = rows.get(i).label();
        y[i] =
            l instanceof Boolean b
                ? b
                : Set.of("true", "yes", "1", "1.0")
                    .contains(String.valueOf(l).toLowerCase(Locale.ROOT));
        if (y[i]) positives++;
      }
      if (positives == 0 || positives == n) {
        throw new IllegalArgumentException(
            kind.name()
                + ": all "
                + n
                + " rows have the same label; a classifier needs both classes");
      }
      List<StratifiedKFold.Fold> folds = StratifiedKFold.split(y, o.folds(), spec.seed());
      double[] auc = new double[o.folds()],
          acc = new double[o.folds()],
          ll = new double[o.folds()],
          base = new double[o.folds()];
      double[] oof = new double[n];
      for (StratifiedKFold.Fold f : folds) {
        FeatureEncoder enc = FeatureEncoder.fit(used.columns(), x, f.train());
        EncodedModel m =
            EncodedModel.trainClassifier(
                spec, enc, x, f.train(), y, kind.name() + " fold " + (f.index() + 1));
        double[] p = m.predict(x, f.test());
        boolean[] yt = new boolean[f.test().length];
        int pos = 0;
        for (int r : f.train()) if (y[r]) pos++;
        double[] prior = new double[f.test().length];
        for (int i = 0; i < yt.length; i++) {
          yt[i] = y[f.test()[i]];
          oof[f.test()[i]] = p[i];
          prior[i] = (double) pos / f.train().length;
        }
        auc[f.index()] = BinaryMetrics.auc(p, yt);
        acc[f.index()] = BinaryMetrics.accuracy(p, yt, o.threshold());
        ll[f.index()] = BinaryMetrics.logLoss(p, yt);
        base[f.index()] = BinaryMetrics.logLoss(prior, yt);
        progress.accept(
            String.format(
                Locale.ROOT,
                "%s: fold %d/%d AUC %.4f",
                kind.name(),
                f.index() + 1,
                o.folds(),
                auc[f.index()]));
      }
      Summary a = Summary.of(auc);
      metrics.put("auc.mean", a.mean());
      metrics.put("auc.std", a.std());
      metrics.put("accuracy.mean", Summary.of(acc).mean());
      metrics.put("logLoss.mean", Summary.of(ll).mean());
      metrics.put("majority.auc", 0.5);
      metrics.put("majority.logLoss", Summary.of(base).mean());
      metrics.put("rows", (double) n);
      metrics.put("positives", (double) positives);
      // calibration of the out-of-fold probabilities: ten equal-width bins, the empty ones left out
      calibration =
          BinaryMetrics.calibration(oof, y, 10).stream().filter(b -> b.count() > 0).toList();
      metrics.put("brier.oof", BinaryMetrics.brier(oof, y));
      boolean[] decisions = new boolean[n];
      for (int i = 0; i < n; i++) decisions[i] = oof[i] >= o.threshold();
      for (int d = 0; d < protectedDefs.size(); d++) {
        String[] groups = groups(protectedDefs.get(d), px, d);
        boolean any = false;
        for (String g : groups) any |= !Fairness.UNKNOWN.equals(g);
        if (!any) continue;
        Fairness.Report fr = Fairness.evaluate(protectedDefs.get(d).name(), groups, decisions, y);
        fairness.add(fr);
        metrics.put(
            "fairness." + fr.attribute() + ".demographicParityDifference",
            fr.demographicParityDifference());
        if (!Double.isNaN(fr.equalOpportunityDifference())) {
          metrics.put(
              "fairness." + fr.attribute() + ".equalOpportunityDifference",
              fr.equalOpportunityDifference());
        }
      }
      FeatureEncoder enc = FeatureEncoder.fit(used.columns(), x, all);
      finalModel = EncodedModel.trainClassifier(spec, enc, x, all, y, kind.name() + " all rows");
    } else {
      double[] y = new double[n];
      for (int i = 0; i < n; i++) y[i] = ((Number) rows.get(i).label()).doubleValue();
      if (n < o.folds())
        throw new IllegalArgumentException(
            kind.name() + ": " + n + " rows are too few for " + o.folds() + " folds");
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < n; i++) order.add(i);
      Collections.shuffle(order, new Random(spec.seed()));
      double[] rmse = new double[o.folds()],
          mae = new double[o.folds()],
          r2 = new double[o.folds()],
          base = new double[o.folds()];
      double[] oof = new double[n], meanOof = new double[n];
      // the naive forecast the rows carry (the previous value), where they carry one
      Double[] last = new Double[n];
      int withLast = 0;
      for (int i = 0; i < n; i++) {
        Object b = rows.get(i).cols().get(ModelKind.BASELINE_COLUMN);
        if (b instanceof Number num) {
          last[i] = num.doubleValue();
          withLast++;
        }
      }
      for (int f = 0; f < o.folds(); f++) {
        List<Integer> tr = new ArrayList<>(), te = new ArrayList<>();
        for (int i = 0; i < n; i++) (i % o.folds() == f ? te : tr).add(order.get(i));
        int[] train = tr.stream().mapToInt(Integer::intValue).sorted().toArray();
        int[] test = te.stream().mapToInt(Integer::intValue).sorted().toArray();
        FeatureEncoder enc = FeatureEncoder.fit(used.columns(), x, train);
        EncodedModel m =
            EncodedModel.trainRegressor(spec, enc, x, train, y, kind.name() + " fold " + (f + 1));
        double[] p = m.predict(x, test);
        double[] yt = new double[test.length], mean = new double[test.length];
        double mu = 0;
        for (int r : train) mu += y[r];
        mu /= train.length;
        for (int i = 0; i < test.length; i++) {
          yt[i] = y[test[i]];
          mean[i] = mu;
          oof[test[i]] = p[i];
          meanOof[test[i]] = mu;
        }
        rmse[f] = RegressionMetrics.rmse(p, yt);
        mae[f] = RegressionMetrics.mae(p, yt);
        r2[f] = RegressionMetrics.r2(p, yt);
        base[f] = RegressionMetrics.rmse(mean, yt);
        progress.accept(
            String.format(
                Locale.ROOT,
                "%s: fold %d/%d RMSE %.4f (mean baseline %.4f)",
                kind.name(),
                f + 1,
                o.folds(),
                rmse[f],
                base[f]));
      }
      metrics.put("rmse.mean", Summary.of(rmse).mean());
      metrics.put("rmse.std", Summary.of(rmse).std());
      metrics.put("mae.mean", Summary.of(mae).mean());
      metrics.put("r2.mean", Summary.of(r2).mean());
      metrics.put("meanBaseline.rmse", Summary.of(base).mean());
      metrics.put("rows", (double) n);
      metrics.put("rmse.oof", RegressionMetrics.rmse(oof, y));
      metrics.put("mae.oof", RegressionMetrics.mae(oof, y));
      metrics.put("spearman.oof", RegressionMetrics.spearman(oof, y));
      metrics.put("meanBaseline.mae", RegressionMetrics.mae(meanOof, y));
      if (withLast > 0) {
        // the previous value where there is one, else the training mean: the same rows as the model
        double[] naive = new double[n];
        for (int i = 0; i < n; i++) naive[i] = last[i] != null ? last[i] : meanOof[i];
        metrics.put("lastBaseline.rows", (double) withLast);
        metrics.put("lastBaseline.rmse", RegressionMetrics.rmse(naive, y));
        metrics.put("lastBaseline.mae", RegressionMetrics.mae(naive, y));
        metrics.put("lastBaseline.spearman", RegressionMetrics.spearman(naive, y));
      }
      // fairness of a regression: per protected attribute, the widest gap between two groups'
      // mean out-of-fold prediction and between their mean errors
      for (int d = 0; d < protectedDefs.size(); d++) {
        String[] groups = groups(protectedDefs.get(d), px, d);
        Map<String, double[]> acc = new java.util.TreeMap<>();
        for (int i = 0; i < n; i++) {
          if (Fairness.UNKNOWN.equals(groups[i])) continue;
          double[] a = acc.computeIfAbsent(groups[i], g -> new double[3]);
          a[0] += oof[i];
          a[1] += Math.abs(oof[i] - y[i]);
          a[2]++;
        }
        if (acc.size() < 2) continue;
        double minP = Double.MAX_VALUE, maxP = -Double.MAX_VALUE;
        double minE = Double.MAX_VALUE, maxE = -Double.MAX_VALUE;
        for (double[] a : acc.values()) {
          minP = Math.min(minP, a[0] / a[2]);
          maxP = Math.max(maxP, a[0] / a[2]);
          minE = Math.min(minE, a[1] / a[2]);
          maxE = Math.max(maxE, a[1] / a[2]);
        }
        String attr = protectedDefs.get(d).name();
        metrics.put("fairness." + attr + ".meanPredictionGap", maxP - minP);
        metrics.put("fairness." + attr + ".maeGap", maxE - minE);
      }
      FeatureEncoder enc = FeatureEncoder.fit(used.columns(), x, all);
      finalModel = EncodedModel.trainRegressor(spec, enc, x, all, y, kind.name() + " all rows");
    }
    long t2 = System.nanoTime();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("source", "graph");
    data.put("database", database);
    data.put("rowQuery", kind.rowQuery());
    data.put("rows", n);
    if (kind.classification()) data.put("positives", positives);
    data.put("asOf", o.asOf().toString());
    data.putAll(dataNotes);
    data.put(REFERENCE, reference(used, x));
    Map<String, Object> fs = new LinkedHashMap<>(used.describe());
    fs.put(
        "protectedExcluded",
        declared.protectedDefinitions().stream()
            .map(FeatureDefinition::name)
            .filter(nm -> !o.allowProtected().contains(nm))
            .toList());
    fs.put("protectedAllowed", List.copyOf(o.allowProtected()));
    ModelInfo info =
        registry.register(
            kind.name(),
            finalModel,
            new Provenance(
                kind.outcome(),
                data,
                fs,
                spec.hyperparameters(),
                spec.seed(),
                Instant.now(),
                metrics,
                new DataWindow(null, o.asOf(), n)),
            o.activate());
    progress.accept(
        String.format(
            Locale.ROOT,
            "%s: registered %s%s",
            kind.name(),
            info.id(),
            info.active() ? " (active)" : ""));
    return new Result(
        info,
        n,
        positives,
        used.definitions().stream().map(FeatureDefinition::name).toList(),
        declared.protectedDefinitions().stream()
            .map(FeatureDefinition::name)
            .filter(nm -> !o.allowProtected().contains(nm))
            .toList(),
        metrics,
        fairness,
        (t1 - t0) / 1_000_000,
        (t2 - t1) / 1_000_000,
        calibration);
  }

  /** Key of the training distribution of each input in a model's data description. */
  public static final String REFERENCE = "reference";

  /**
   * The distribution of each input over the training rows (deciles or categories), kept with the
   * model so a later check can measure how far today's inputs moved (population stability).
   */
  static Map<String, Object> reference(FeatureSet used, List<Object[]> x) {
    Map<String, Object> ref = new LinkedHashMap<>();
    List<FeatureDefinition> defs = used.definitions();
    for (int f = 0; f < defs.size(); f++) {
      List<Object> col = new ArrayList<>(x.size());
      for (Object[] row : x) col.add(row[f]);
      ref.put(
          defs.get(f).name(),
          dev.talentgraph.ml.eval.PopulationStability.reference(
              col, defs.get(f).type() != FeatureType.CATEGORICAL));
    }
    return ref;
  }

  /**
   * Fairness groups of one protected attribute: categories as they are; ages under 40 / 40 or over;
   * other numbers by median.
   */
  static String[] groups(FeatureDefinition d, List<Object[]> px, int col) {
    String[] g = new String[px.size()];
    if (d.type() == FeatureType.CATEGORICAL) {
      for (int i = 0; i < g.length; i++) g[i] = FeatureEncoder.category(px.get(i)[col]);
      return g;
    }
    boolean age = ProtectedAttributes.isAgeName(d.name());
    List<Double> vals = new ArrayList<>();
    for (Object[] r : px) {
      Double v = FeatureEncoder.numeric(r[col], d.name());
      if (v != null) vals.add(v);
    }
    vals.sort(Double::compare);
    double cut = age ? 40 : vals.isEmpty() ? 0 : vals.get((vals.size() - 1) / 2);
    for (int i = 0; i < g.length; i++) {
      Double v = FeatureEncoder.numeric(px.get(i)[col], d.name());
      if (v == null) g[i] = "(missing)";
      else if (age) g[i] = v < 40 ? "under 40" : "40 or over";
      else g[i] = v <= cut ? "<= " + cut : "> " + cut;
    }
    return g;
  }
}
