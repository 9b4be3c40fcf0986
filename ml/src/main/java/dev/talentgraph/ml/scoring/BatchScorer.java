package dev.talentgraph.ml.scoring;

import dev.talentgraph.ml.features.FeatureSet;
import dev.talentgraph.ml.features.GraphFeatureExtractor;
import dev.talentgraph.ml.model.Contribution;
import dev.talentgraph.ml.model.EncodedModel;
import dev.talentgraph.ml.model.ModelKind;
import dev.talentgraph.ml.registry.ModelRegistry;
import dev.talentgraph.ml.registry.StoredModel;
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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

/**
 * Scores every row of a kind's score query with the kind's active model and writes the scores in
 * batches of {@value #BATCH} (one transaction per batch). The features are read exactly as the
 * model's recorded feature set declares them, not as the kind declares them today, so a model
 * trained last month scores with last month's definitions. Re-running replaces each expert's score
 * of the kind (one Score per expert and kind), so a re-run changes only {@code at}.
 */
public final class BatchScorer {
  static final int BATCH = 5000;
  private final Driver driver;
  private final String database;
  private final FieldCipher cipher;
  private final ModelRegistry registry;

  public BatchScorer(Driver driver, String database, FieldCipher cipher) {
    this.driver = driver;
    this.database = database;
    this.cipher = cipher;
    this.registry = new ModelRegistry(driver, database);
  }

  /** What a scoring run did. */
  public record Result(
      String modelId, int scored, long readMillis, long scoreMillis, long writeMillis) {}

  /**
   * @param top number of explanation entries per score
   */
  public Result score(
      ModelKind kind, LocalDate asOf, Instant at, int top, Consumer<String> progress) {
    if (kind.scoreQuery() == null) {
      throw new IllegalArgumentException("kind " + kind.name() + " is not scored onto experts");
    }
    StoredModel stored = registry.loadActive(kind.name());
    FeatureSet fs = ActiveModel.featureSet(stored);
    EncodedModel model = stored.model();
    String outcome = stored.info().outcome().isBlank() ? kind.outcome() : stored.info().outcome();
    GraphFeatureExtractor ex = new GraphFeatureExtractor(driver, database, cipher);
    long t0 = System.nanoTime();
    List<GraphFeatureExtractor.Row> rows = ex.rows(kind.scoreQuery(), Map.of("asOf", asOf));
    if (kind.enricher() != null) rows = kind.enricher().enrich(driver, database, rows, asOf);
    long read = 0, score = 0, write = 0;
    read += System.nanoTime() - t0;
    ZonedDateTime when = ZonedDateTime.ofInstant(at, ZoneOffset.UTC);
    int done = 0;
    for (int from = 0; from < rows.size(); from += BATCH) {
      List<GraphFeatureExtractor.Row> batch =
          rows.subList(from, Math.min(rows.size(), from + BATCH));
      long a = System.nanoTime();
      List<Object[]> x = ex.features(fs, batch, asOf);
      long b = System.nanoTime();
      List<Map<String, Object>> out = new ArrayList<>(batch.size());
      for (int i = 0; i < batch.size(); i++) {
        double v = model.predict(x.get(i));
        List<Contribution> why = model.explain(x.get(i), top, outcome);
        Map<String, Object> m = new HashMap<>();
        m.put("expert", kind.scoresExperts() ? batch.get(i).expert() : batch.get(i).id());
        m.put("value", v);
        m.put("texts", why.stream().map(Contribution::text).toList());
        m.put("features", why.stream().map(Contribution::feature).toList());
        m.put("contributions", why.stream().map(Contribution::contribution).toList());
        out.add(m);
      }
      long c = System.nanoTime();
      write(
          kind.name(), kind.scoredLabel(), stored.info().id(), stored.info().version(), when, out);
      long d = System.nanoTime();
      read += b - a;
      score += c - b;
      write += d - c;
      done += batch.size();
      progress.accept(
          String.format(Locale.ROOT, "%s: scored %d/%d", kind.name(), done, rows.size()));
    }
    return new Result(
        stored.info().id(), done, read / 1_000_000, score / 1_000_000, write / 1_000_000);
  }

  /**
   * Writes one Score per row to the node of the scored label whose id is {@code row.expert} (an
   * Expert, or e.g. an Application).
   */
  private void write(
      String kind,
      String scoredLabel,
      String modelId,
      int version,
      ZonedDateTime at,
      List<Map<String, Object>> rows) {
    String cypher =
        "MATCH (m:"
            + Labels.MODEL
            + " {"
            + Props.ID
            + ": $modelId}) "
            + "UNWIND $rows AS row MATCH (e:"
            + scoredLabel
            + " {"
            + Props.ID
            + ": row.expert}) "
            + "MERGE (e)-[:"
            + RelTypes.HAS_SCORE
            + "]->(s:"
            + Labels.SCORE
            + " {"
            + Props.MODEL
            + ": $kind}) "
            + "SET s."
            + Props.ID
            + " = row.expert + '/' + $kind, s."
            + Props.VERSION
            + " = $version, s."
            + Props.VALUE
            + " = row.value, "
            + "s."
            + Props.AT
            + " = $at, s."
            + Props.EXPLANATION
            + " = row.texts, s."
            + Props.EXPLANATION_FEATURES
            + " = row.features, "
            + "s."
            + Props.EXPLANATION_CONTRIBUTIONS
            + " = row.contributions "
            + "WITH s, m OPTIONAL MATCH (s)-[old:"
            + RelTypes.BY_MODEL
            + "]->(other:"
            + Labels.MODEL
            + ") WHERE other <> m DELETE old "
            + "WITH DISTINCT s, m MERGE (s)-[:"
            + RelTypes.BY_MODEL
            + "]->(m)";
    try (Session s = driver.session(GraphSessions.write(driver, database))) {
      s.executeWrite(
          tx -> {
            tx.run(
                    cypher,
                    Map.of(
                        "modelId", modelId, "kind", kind, "version", version, "at", at, "rows",
                        rows))
                .consume();
            return null;
          });
    }
  }
}
