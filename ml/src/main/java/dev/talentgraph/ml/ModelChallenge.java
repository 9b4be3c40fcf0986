package dev.talentgraph.ml;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.talentgraph.ml.eval.BinaryMetrics;
import dev.talentgraph.ml.eval.RegressionMetrics;
import dev.talentgraph.ml.features.FeatureSet;
import dev.talentgraph.ml.features.GraphFeatureExtractor;
import dev.talentgraph.ml.model.ModelKind;
import dev.talentgraph.ml.registry.ModelInfo;
import dev.talentgraph.ml.registry.ModelRegistry;
import dev.talentgraph.ml.registry.StoredModel;
import dev.talentgraph.ml.scoring.ActiveModel;
import dev.talentgraph.schema.FieldCipher;
import dev.talentgraph.schema.GraphSessions;
import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.Props;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

/**
 * Champion and challenger: trains a new version of a kind on the current rows minus a held-out
 * share, scores it and the active version (the champion) on those same held-out rows, and activates
 * the new version only when it is strictly better on the kind's primary metric (AUC for
 * classifiers, RMSE for regressions); a tie keeps the champion. Without a champion the challenger
 * is activated. The held-out rows are chosen by a hash of each row's id and the seed, so the same
 * seed and share always hold out the same rows and a champion that won a challenge never saw them.
 * The decision and both figures are stored on the new {@code :Model} node ({@code challenge}).
 */
public final class ModelChallenge {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Share of the rows held out unless told otherwise. */
  public static final double DEFAULT_HOLDOUT = 0.2;

  /** The outcome of one challenge. */
  public record Decision(
      String kind,
      String metric,
      boolean higherIsBetter,
      ModelInfo challenger,
      String championId,
      Double championFigure,
      double challengerFigure,
      int heldOutRows,
      int trainingRows,
      double holdout,
      long seed,
      boolean promoted,
      String reason) {
    /** The figures as stored on the challenger's node. */
    public Map<String, Object> describe() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("metric", metric);
      m.put("decision", promoted ? "promoted" : "kept");
      m.put("reason", reason);
      m.put("champion", championId);
      m.put("championFigure", championFigure);
      m.put("challengerFigure", challengerFigure);
      m.put("heldOutRows", heldOutRows);
      m.put("trainingRows", trainingRows);
      m.put("holdout", holdout);
      m.put("seed", seed);
      return m;
    }
  }

  private final Driver driver;
  private final String database;
  private final FieldCipher cipher;

  public ModelChallenge(Driver driver, String database, FieldCipher cipher) {
    this.driver = driver;
    this.database = database;
    this.cipher = cipher;
  }

  /** Whether a row is held out: a seeded hash of its id, the same for every model compared. */
  public static boolean heldOut(String rowId, long seed, double holdout) {
    long h = seed * 0x9E3779B97F4A7C15L + rowId.hashCode();
    h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
    h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
    h ^= h >>> 31;
    return (Math.floorMod(h, 10_000) / 10_000.0) < holdout;
  }

  /**
   * Runs one challenge. {@code o.activate()} is ignored: the decision activates or not; the seed of
   * {@code o.trainer()} draws the held-out rows.
   */
  public Decision challenge(
      ModelKind kind, GraphTrainer.Options o, double holdout, Consumer<String> progress) {
    if (!(holdout > 0 && holdout < 1))
      throw new IllegalArgumentException("holdout must be between 0 and 1, got " + holdout);
    long seed = o.trainer() != null ? o.trainer().seed() : 1;
    ModelRegistry registry = new ModelRegistry(driver, database);
    Optional<ModelInfo> champion = registry.active(kind.name());
    GraphFeatureExtractor ex = new GraphFeatureExtractor(driver, database, cipher);
    List<GraphFeatureExtractor.Row> rows = ex.rows(kind.rowQuery(), Map.of("asOf", o.asOf()));
    if (kind.enricher() != null) rows = kind.enricher().enrich(driver, database, rows, o.asOf());
    List<GraphFeatureExtractor.Row> test = new ArrayList<>();
    for (var r : rows) if (heldOut(r.id(), seed, holdout)) test.add(r);
    if (test.isEmpty())
      throw new IllegalArgumentException(
          kind.name() + ": no row held out of " + rows.size() + " with share " + holdout);
    if (kind.classification() && !bothClasses(test))
      throw new IllegalArgumentException(
          kind.name()
              + ": the "
              + test.size()
              + " held-out rows have one class only; an AUC needs both");
    Map<String, Object> notes = new LinkedHashMap<>();
    notes.put("heldOut", Map.of("holdout", holdout, "seed", seed, "rows", test.size()));
    GraphTrainer.Result r =
        new GraphTrainer(driver, database, cipher)
            .train(
                kind,
                new GraphTrainer.Options(
                    o.trainer(), o.folds(), o.allowProtected(), o.asOf(), false, o.threshold()),
                progress,
                row -> !heldOut(row.id(), seed, holdout),
                notes);
    String metric = kind.classification() ? "auc" : "rmse";
    boolean higher = kind.classification();
    double challengerFigure =
        figure(kind, registry.load(kind.name(), r.model().version()), ex, test, o);
    Double championFigure = null;
    boolean promoted;
    String reason;
    if (champion.isEmpty()) {
      promoted = true;
      reason = "no active model";
    } else {
      championFigure =
          figure(kind, registry.load(kind.name(), champion.get().version()), ex, test, o);
      promoted = higher ? challengerFigure > championFigure : challengerFigure < championFigure;
      reason =
          String.format(
              Locale.ROOT,
              "%s on %d held-out rows: challenger %.4f, champion %s %.4f: %s",
              metric.toUpperCase(Locale.ROOT),
              test.size(),
              challengerFigure,
              champion.get().id(),
              championFigure,
              promoted ? "the challenger is better" : "the challenger does not beat the champion");
    }
    Decision d =
        new Decision(
            kind.name(),
            metric,
            higher,
            r.model(),
            champion.map(ModelInfo::id).orElse(null),
            championFigure,
            challengerFigure,
            test.size(),
            r.rows(),
            holdout,
            seed,
            promoted,
            reason);
    record(r.model().id(), d);
    if (promoted) registry.activate(kind.name(), r.model().version());
    progress.accept(kind.name() + ": " + (promoted ? "promoted " : "kept champion; ") + reason);
    ModelInfo now = registry.info(kind.name(), r.model().version()).orElseThrow();
    return new Decision(
        d.kind(),
        d.metric(),
        d.higherIsBetter(),
        now,
        d.championId(),
        d.championFigure(),
        d.challengerFigure(),
        d.heldOutRows(),
        d.trainingRows(),
        d.holdout(),
        d.seed(),
        d.promoted(),
        d.reason());
  }

  /** The primary metric of a stored model on the held-out rows, with its own feature set. */
  private static double figure(
      ModelKind kind,
      StoredModel m,
      GraphFeatureExtractor ex,
      List<GraphFeatureExtractor.Row> test,
      GraphTrainer.Options o) {
    FeatureSet fs = ActiveModel.featureSet(m);
    List<Object[]> x = ex.features(fs, test, o.asOf());
    int n = test.size();
    double[] p = new double[n];
    for (int i = 0; i < n; i++) p[i] = m.model().predict(x.get(i));
    if (kind.classification()) {
      boolean[] y = new boolean[n];
      for (int i = 0; i < n; i++) y[i] = truthy(test.get(i).label());
      return BinaryMetrics.auc(p, y);
    }
    double[] y = new double[n];
    for (int i = 0; i < n; i++) y[i] = ((Number) test.get(i).label()).doubleValue();
    return RegressionMetrics.rmse(p, y);
  }

  private void record(String modelId, Decision d) {
    String json;
    try {
      json = JSON.writeValueAsString(d.describe());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    try (Session s = driver.session(GraphSessions.write(driver, database))) {
      s.executeWrite(
          tx ->
              tx.run(
                      "MATCH (m:"
                          + Labels.MODEL
                          + " {"
                          + Props.ID
                          + ": $id}) SET m."
                          + Props.CHALLENGE
                          + " = $challenge, m."
                          + Props.CHALLENGED_AT
                          + " = $at",
                      Map.of("id", modelId, "challenge", json, "at", Instant.now().toString()))
                  .consume());
    }
  }

  /** The decision stored on a model node, or empty when it was not trained by a challenge. */
  public Optional<String> stored(String modelId) {
    try (Session s = driver.session(GraphSessions.read(driver, database))) {
      var rec =
          s.run(
                  "MATCH (m:"
                      + Labels.MODEL
                      + " {"
                      + Props.ID
                      + ": $id}) RETURN m."
                      + Props.CHALLENGE
                      + " AS c",
                  Map.of("id", modelId))
              .list();
      return rec.isEmpty() || rec.get(0).get("c").isNull()
          ? Optional.empty()
          : Optional.of(rec.get(0).get("c").asString());
    }
  }

  private static boolean bothClasses(List<GraphFeatureExtractor.Row> rows) {
    boolean pos = false, neg = false;
    for (var r : rows) {
      if (truthy(r.label())) pos = true;
      else neg = true;
    }
    return pos && neg;
  }

  private static boolean truthy(Object l) {
    return l instanceof Boolean b
        ? b
        : Set.of("true", "yes", "1", "1.0").contains(String.valueOf(l).toLowerCase(Locale.ROOT));
  }
}
