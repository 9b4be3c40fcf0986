package dev.talentgraph.scoring;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.talentgraph.audit.AuditEvent;
import dev.talentgraph.audit.AuditLog;
import dev.talentgraph.db.DatabaseConfiguration.SchemaMigrations;
import dev.talentgraph.graphql.UserError;
import dev.talentgraph.ml.ModelChallenge;
import dev.talentgraph.ml.ModelKinds;
import dev.talentgraph.ml.ModelMonitor;
import dev.talentgraph.ml.registry.ModelNotFoundException;
import dev.talentgraph.schema.FieldCipher;
import dev.talentgraph.schema.GraphSessions;
import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.Props;
import dev.talentgraph.schema.RelTypes;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Service;

/**
 * Checks of active models ({@link ModelMonitor}) for the server: the drift rule comes from {@code
 * talent.models.drift.*}; a check that fires it is recorded in the audit log ({@code model.drift})
 * and counted in the metric {@code talent.models.drift.alerts} (tag {@code kind}). Blocking.
 */
@Service
class ModelChecks {
  private static final ObjectMapper JSON = new ObjectMapper();

  record Metric(String name, double value) {}

  record CalibrationBin(
      double lower, double upper, int count, double meanPredicted, double observedRate) {}

  record CheckView(
      String id,
      String modelId,
      String checkedAt,
      String scope,
      List<Metric> metrics,
      List<CalibrationBin> calibration,
      List<Metric> psi,
      boolean alert,
      List<String> alerts) {}

  record Outcome(CheckView check, List<UserError> errors) {}

  private final Driver driver;
  private final String database;
  private final FieldCipher cipher;
  private final AuditLog audit;
  private final MeterRegistry meters;
  private final ModelMonitor.DriftRule rule;

  ModelChecks(
      Driver driver,
      SchemaMigrations schema,
      FieldCipher cipher,
      AuditLog audit,
      MeterRegistry meters,
      @org.springframework.beans.factory.annotation.Value("${talent.models.drift.auc-drop:0.05}")
          double aucDrop,
      @org.springframework.beans.factory.annotation.Value("${talent.models.drift.rmse-rise:0.10}")
          double rmseRise,
      @org.springframework.beans.factory.annotation.Value("${talent.models.drift.psi:0.25}")
          double psi) {
    this.driver = driver;
    this.database = schema.database();
    this.cipher = cipher;
    this.audit = audit;
    this.meters = meters;
    this.rule = new ModelMonitor.DriftRule(aucDrop, rmseRise, psi);
  }

  Outcome evaluate(String kind, String actor) {
    var k = ModelKinds.byName(kind);
    if (k.isEmpty()) {
      return new Outcome(
          null,
          List.of(
              UserError.invalid(
                  "kind",
                  "'" + kind + "' is not a scoring kind; checked kinds: " + ModelKinds.names())));
    }
    try {
      ModelMonitor.Check c =
          new ModelMonitor(driver, database, cipher)
              .check(k.get(), rule, LocalDate.now(ZoneOffset.UTC), Instant.now());
      if (c.alert()) {
        meters.counter("talent.models.drift.alerts", "kind", kind).increment();
        audit.record(
            new AuditEvent(
                null,
                null,
                actor,
                List.of(),
                "model-check",
                "model.drift",
                c.modelId(),
                AuditEvent.Outcome.ALLOWED,
                String.join("; ", c.alerts()),
                null));
      }
      return new Outcome(checks(c.modelId(), 1).get(0), List.of());
    } catch (ModelNotFoundException e) {
      return new Outcome(null, List.of(UserError.notFound("kind", "active model of kind", kind)));
    } catch (IllegalArgumentException e) {
      return new Outcome(null, List.of(UserError.invalid("kind", e.getMessage())));
    }
  }

  /**
   * Champion/challenger for one scoring kind ({@link ModelChallenge}): trains on the graph as it is
   * now, activates the new version only when it beats the active one on the seeded held-out rows,
   * audits the decision ({@code model.challenge}) and counts it in {@code
   * talent.models.challenges{kind,decision}}. Callers reload in-memory models when it was promoted.
   */
  ModelChallenge.Decision challenge(String kind, long seed, String actor) {
    var k = ModelKinds.byName(kind).orElseThrow(() -> new IllegalArgumentException(kind));
    ModelChallenge.Decision d =
        new ModelChallenge(driver, database, cipher)
            .challenge(
                k,
                new dev.talentgraph.ml.GraphTrainer.Options(
                    dev.talentgraph.ml.model.TrainerSpec.defaults(k.algorithm(), seed),
                    5,
                    java.util.Set.of(),
                    LocalDate.now(ZoneOffset.UTC),
                    false,
                    0.5),
                ModelChallenge.DEFAULT_HOLDOUT,
                s -> {});
    meters
        .counter(
            "talent.models.challenges",
            "kind",
            kind,
            "decision",
            d.promoted() ? "promoted" : "kept")
        .increment();
    audit.record(
        new AuditEvent(
            null,
            null,
            actor,
            List.of(),
            "model-check",
            "model.challenge",
            d.challenger().id(),
            AuditEvent.Outcome.ALLOWED,
            (d.promoted() ? "promoted: " : "kept: ") + d.reason(),
            null));
    return d;
  }

  /** The kinds with an active version, for a scheduled round of checks and challenges. */
  List<String> activeKinds() {
    var registry = new dev.talentgraph.ml.registry.ModelRegistry(driver, database);
    return ModelKinds.names().stream().filter(k -> registry.active(k).isPresent()).toList();
  }

  /** The newest checks of one model version. */
  List<CheckView> checks(String modelId, int first) {
    try (var s = driver.session(GraphSessions.read(driver, database))) {
      return s.executeRead(
          tx -> {
            List<CheckView> out = new ArrayList<>();
            tx.run(
                    "MATCH (m:"
                        + Labels.MODEL
                        + " {"
                        + Props.ID
                        + ": $id})-[:"
                        + RelTypes.CHECKED
                        + "]->(c:"
                        + Labels.MODEL_CHECK
                        + ") RETURN m."
                        + Props.ID
                        + " AS model, c ORDER BY c."
                        + Props.CHECKED_AT
                        + " DESC LIMIT $first",
                    Map.of("id", modelId, "first", first))
                .forEachRemaining(r -> out.add(view(r.get("model").asString(), r.get("c"))));
            return out;
          });
    }
  }

  private static CheckView view(String modelId, Value c) {
    try {
      Map<String, Object> data =
          JSON.readValue(c.get(Props.DATA).asString("{}"), new TypeReference<>() {});
      Map<String, Double> metrics =
          JSON.readValue(c.get(Props.METRICS).asString("{}"), new TypeReference<>() {});
      Map<String, Double> psi =
          JSON.readValue(c.get(Props.PSI).asString("{}"), new TypeReference<>() {});
      List<CalibrationBin> cal =
          JSON.readValue(c.get(Props.CALIBRATION).asString("[]"), new TypeReference<>() {});
      List<Metric> m = new ArrayList<>();
      metrics.forEach((k, v) -> m.add(new Metric(k, v)));
      m.sort(Comparator.comparing(Metric::name));
      List<Metric> p = new ArrayList<>();
      psi.forEach((k, v) -> p.add(new Metric(k, v)));
      p.sort(Comparator.comparingDouble((Metric x) -> -x.value()).thenComparing(Metric::name));
      return new CheckView(
          c.get(Props.ID).asString(),
          modelId,
          c.get(Props.CHECKED_AT).asZonedDateTime().toInstant().toString(),
          String.valueOf(data.get("scope")),
          m,
          cal,
          p,
          c.get(Props.ALERT).asBoolean(false),
          c.get(Props.ALERTS).asList(Value::asString));
    } catch (Exception e) {
      throw new IllegalStateException("unreadable model check " + c.get(Props.ID), e);
    }
  }
}
