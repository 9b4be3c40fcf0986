package dev.talentgraph.ml;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.talentgraph.ml.eval.BinaryMetrics;
import dev.talentgraph.ml.eval.PopulationStability;
import dev.talentgraph.ml.eval.RegressionMetrics;
import dev.talentgraph.ml.features.FeatureDefinition;
import dev.talentgraph.ml.features.FeatureSet;
import dev.talentgraph.ml.features.GraphFeatureExtractor;
import dev.talentgraph.ml.model.ModelKind;
import dev.talentgraph.ml.registry.ModelInfo;
import dev.talentgraph.ml.registry.StoredModel;
import dev.talentgraph.ml.scoring.ActiveModel;
import dev.talentgraph.schema.FieldCipher;
import dev.talentgraph.schema.GraphSessions;
import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.Props;
import dev.talentgraph.schema.RelTypes;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

/**
 * Checks an active model against what happened after it was trained: its kind's labelled rows are
 * read again, those whose outcome arrived after the model's data window ({@code asOf} after {@code
 * trainedUntil}; for classifiers also the rows still without an outcome date, the current
 * negatives) are scored with the model, and the same metrics as at training, the calibration and
 * the population stability index of every input against its training distribution are computed.
 * When no outcome arrived since, all current rows are used and the check says so. The check is
 * stored as a {@code (:Model)-[:CHECKED]->(:ModelCheck)} node; the drift rule decides whether it
 * raises an alert.
 */
public final class ModelMonitor {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * When a check raises an alert: the AUC fell by more than {@code aucDrop} below the training
   * figure, the RMSE rose by more than {@code rmseRise} (a share of the training RMSE), or an
   * input's PSI is above {@code psi}.
   */
  public record DriftRule(double aucDrop, double rmseRise, double psi) {
    public static final DriftRule DEFAULT = new DriftRule(0.05, 0.10, 0.25);

    public DriftRule {
      if (!(aucDrop >= 0) || !(rmseRise >= 0) || !(psi > 0))
        throw new IllegalArgumentException(
            "drift thresholds must be positive: aucDrop "
                + aucDrop
                + ", rmseRise "
                + rmseRise
                + ", psi "
                + psi);
    }
  }

  /** One check's result, as stored. */
  public record Check(
      String id,
      String modelId,
      String kind,
      Instant checkedAt,
      LocalDate trainedUntil,
      String scope,
      int rows,
      int newOutcomes,
      Map<String, Double> metrics,
      Map<String, Double> trainingMetrics,
      List<BinaryMetrics.CalibrationBin> calibration,
      Map<String, Double> psi,
      List<String> alerts) {
    public boolean alert() {
      return !alerts.isEmpty();
    }
  }

  private final Driver driver;
  private final String database;
  private final FieldCipher cipher;

  public ModelMonitor(Driver driver, String database, FieldCipher cipher) {
    this.driver = driver;
    this.database = database;
    this.cipher = cipher;
  }

  /** Checks the active model of a scoring kind on today's graph and stores the check. */
  public Check check(ModelKind kind, DriftRule rule, LocalDate today, Instant now) {
    var registry = new dev.talentgraph.ml.registry.ModelRegistry(driver, database);
    StoredModel stored = registry.loadActive(kind.name());
    ModelInfo info = stored.info();
    FeatureSet fs = ActiveModel.featureSet(stored);
    GraphFeatureExtractor ex = new GraphFeatureExtractor(driver, database, cipher);
    List<GraphFeatureExtractor.Row> all = ex.rows(kind.rowQuery(), Map.of("asOf", today));
    if (kind.enricher() != null) all = kind.enricher().enrich(driver, database, all, today);
    LocalDate until = info.trainedUntil();
    List<GraphFeatureExtractor.Row> fresh = new ArrayList<>();
    int newOutcomes = 0;
    for (var r : all) {
      boolean arrived = r.asOf() != null && until != null && r.asOf().isAfter(until);
      if (arrived) newOutcomes++;
      if (arrived || (kind.classification() && r.asOf() == null)) fresh.add(r);
    }
    boolean usable = newOutcomes > 0 && (!kind.classification() || bothClasses(fresh));
    List<GraphFeatureExtractor.Row> rows = usable ? fresh : all;
    String scope =
        usable
            ? newOutcomes + " outcomes after " + until
            : "all " + all.size() + " current rows (no outcome arrived after " + until + ")";
    if (rows.isEmpty())
      throw new IllegalArgumentException("no labelled rows for " + kind.name() + " to check on");
    List<Object[]> x = ex.features(fs, rows, today);
    int n = rows.size();
    double[] p = new double[n];
    for (int i = 0; i < n; i++) p[i] = stored.model().predict(x.get(i));
    Map<String, Double> metrics = new LinkedHashMap<>();
    List<BinaryMetrics.CalibrationBin> calibration = List.of();
    List<String> alerts = new ArrayList<>();
    if (kind.classification()) {
      boolean[] y = new boolean[n];
      for (int i = 0; i < n; i++) y[i] = truthy(rows.get(i).label());
      if (bothClasses(rows)) metrics.put("auc", BinaryMetrics.auc(p, y));
      metrics.put("logLoss", BinaryMetrics.logLoss(p, y));
      metrics.put("brier", BinaryMetrics.brier(p, y));
      metrics.put("accuracy", BinaryMetrics.accuracy(p, y, 0.5));
      calibration =
          BinaryMetrics.calibration(p, y, 10).stream().filter(b -> b.count() > 0).toList();
      Double trained = info.metrics().get("auc.mean");
      Double current = metrics.get("auc");
      if (trained != null && current != null && current < trained - rule.aucDrop()) {
        alerts.add(
            String.format(
                Locale.ROOT,
                "AUC fell from %.4f at training to %.4f (more than %.2f)",
                trained,
                current,
                rule.aucDrop()));
      }
    } else {
      double[] y = new double[n];
      for (int i = 0; i < n; i++) y[i] = ((Number) rows.get(i).label()).doubleValue();
      metrics.put("rmse", RegressionMetrics.rmse(p, y));
      metrics.put("mae", RegressionMetrics.mae(p, y));
      metrics.put("spearman", RegressionMetrics.spearman(p, y));
      double mp = 0, my = 0;
      for (int i = 0; i < n; i++) {
        mp += p[i];
        my += y[i];
      }
      metrics.put("meanPredicted", mp / n);
      metrics.put("meanObserved", my / n);
      Double trained = info.metrics().get("rmse.mean");
      if (trained != null && metrics.get("rmse") > trained * (1 + rule.rmseRise())) {
        alerts.add(
            String.format(
                Locale.ROOT,
                "RMSE rose from %.4f at training to %.4f (more than %.0f%%)",
                trained,
                metrics.get("rmse"),
                rule.rmseRise() * 100));
      }
    }
    metrics.put("rows", (double) n);
    Map<String, Double> psi = psi(info, fs, ex.features(fs, all, today));
    psi.forEach(
        (f, v) -> {
          if (v > rule.psi())
            alerts.add(
                String.format(
                    Locale.ROOT, "input %s shifted: PSI %.3f above %.2f", f, v, rule.psi()));
        });
    Check c =
        new Check(
            kind.name() + ":" + info.version() + "@" + UUID.randomUUID(),
            info.id(),
            kind.name(),
            now,
            until,
            scope,
            n,
            newOutcomes,
            metrics,
            info.metrics(),
            calibration,
            psi,
            alerts);
    store(c);
    return c;
  }

  /** The PSI of each input over today's rows against the model's training distribution. */
  @SuppressWarnings("unchecked")
  static Map<String, Double> psi(ModelInfo info, FeatureSet fs, List<Object[]> x) {
    Map<String, Double> out = new LinkedHashMap<>();
    Map<String, Object> data;
    try {
      data = JSON.readValue(info.dataJson(), new TypeReference<Map<String, Object>>() {});
    } catch (Exception e) {
      return out;
    }
    if (!(data.get(GraphTrainer.REFERENCE) instanceof Map<?, ?> ref)) return out;
    List<FeatureDefinition> defs = fs.definitions();
    for (int f = 0; f < defs.size(); f++) {
      Object r = ref.get(defs.get(f).name());
      if (!(r instanceof Map<?, ?> m)) continue;
      List<Object> col = new ArrayList<>(x.size());
      for (Object[] row : x) col.add(row[f]);
      out.put(defs.get(f).name(), PopulationStability.psi((Map<String, Object>) m, col));
    }
    return out;
  }

  private void store(Check c) {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put(Props.KIND, c.kind());
    props.put(Props.CHECKED_AT, ZonedDateTime.ofInstant(c.checkedAt(), ZoneOffset.UTC));
    props.put(
        Props.DATA,
        json(Map.of("scope", c.scope(), "rows", c.rows(), "newOutcomes", c.newOutcomes())));
    props.put(Props.METRICS, json(c.metrics()));
    props.put(Props.CALIBRATION, json(c.calibration()));
    props.put(Props.PSI, json(c.psi()));
    props.put(Props.ALERT, c.alert());
    props.put(Props.ALERTS, c.alerts());
    try (Session s = driver.session(GraphSessions.write(driver, database))) {
      s.executeWrite(
          tx ->
              tx.run(
                      "MATCH (m:"
                          + Labels.MODEL
                          + " {"
                          + Props.ID
                          + ": $model}) CREATE (m)-[:"
                          + RelTypes.CHECKED
                          + "]->(k:"
                          + Labels.MODEL_CHECK
                          + " {"
                          + Props.ID
                          + ": $id}) SET k += $props",
                      Map.of("model", c.modelId(), "id", c.id(), "props", props))
                  .consume());
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

  private static String json(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
