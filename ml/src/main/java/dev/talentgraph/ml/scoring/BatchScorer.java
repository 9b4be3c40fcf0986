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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

/**
 * Scores every row of a kind's score query with the kind's active model and writes the scores in
 * batches of {@value #BATCH} (one transaction per batch). The rows are streamed from one read
 * transaction and handled a batch at a time: the batch's features are read in one statement, then
 * it is scored and explained, and its scores are written by a writer thread while the next batch is
 * read, so memory holds a few batches whatever the number of experts. The features are read exactly
 * as the model's recorded feature set declares them, not as the kind declares them today, so a
 * model trained last month scores with last month's definitions. Re-running replaces each expert's
 * score of the kind (one Score per expert and kind), so a re-run changes only {@code at}.
 */
public final class BatchScorer {
  static final int BATCH = 5000;
  private final int batch;
  private final Driver driver;
  private final String database;
  private final FieldCipher cipher;
  private final ModelRegistry registry;

  public BatchScorer(Driver driver, String database, FieldCipher cipher) {
    this(driver, database, cipher, BATCH);
  }

  /**
   * @param batch rows per batch: features read in one statement, scores written in one transaction
   */
  public BatchScorer(Driver driver, String database, FieldCipher cipher, int batch) {
    if (batch < 1) throw new IllegalArgumentException("batch size must be positive: " + batch);
    this.batch = batch;
    this.driver = driver;
    this.database = database;
    this.cipher = cipher;
    this.registry = new ModelRegistry(driver, database);
  }

  /**
   * What a scoring run did: the rows scored and the milliseconds spent reading rows and features,
   * predicting and explaining, and writing. A batch is written while the next one is read, so the
   * three can add up to more than the run took.
   */
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
    GraphFeatureExtractor.Reader features = ex.reader(fs);
    ZonedDateTime when = ZonedDateTime.ofInstant(at, ZoneOffset.UTC);
    long[] nanos = new long[3]; // read, score, write
    int[] done = {0};
    long[] mark = {System.nanoTime()};
    // one writer thread: a batch's scores are written while the next batch is read and scored,
    // with at most one batch waiting for it, so memory stays at a few batches whatever the size
    ExecutorService writer =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "batch-scorer-writer");
              t.setDaemon(true);
              return t;
            });
    List<Future<?>> pending = new ArrayList<>(1);
    try {
      ex.rows(
          kind.scoreQuery(),
          Map.of("asOf", asOf),
          batch,
          streamed -> {
            List<GraphFeatureExtractor.Row> rows =
                kind.enricher() == null
                    ? streamed
                    : kind.enricher().enrich(driver, database, streamed, asOf);
            List<Object[]> x = features.features(rows, asOf);
            long b = System.nanoTime();
            List<Map<String, Object>> out = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
              double v = model.predict(x.get(i));
              List<Contribution> why = model.explain(x.get(i), top, outcome);
              Map<String, Object> m = new HashMap<>();
              m.put("expert", kind.scoresExperts() ? rows.get(i).expert() : rows.get(i).id());
              m.put("value", v);
              m.put("texts", why.stream().map(Contribution::text).toList());
              m.put("features", why.stream().map(Contribution::feature).toList());
              m.put("contributions", why.stream().map(Contribution::contribution).toList());
              out.add(m);
            }
            long c = System.nanoTime();
            // the read is the time since the last batch was handed to the writer: streaming
            // this batch's rows, enriching them and reading their features
            nanos[0] += b - mark[0];
            nanos[1] += c - b;
            await(pending);
            pending.add(
                writer.submit(
                    () -> {
                      long w = System.nanoTime();
                      write(
                          kind.name(),
                          kind.scoredLabel(),
                          stored.info().id(),
                          stored.info().version(),
                          when,
                          out);
                      nanos[2] += System.nanoTime() - w;
                      synchronized (done) {
                        done[0] += out.size();
                        progress.accept(
                            String.format(Locale.ROOT, "%s: scored %d", kind.name(), done[0]));
                      }
                    }));
            mark[0] = System.nanoTime();
          });
      await(pending);
    } finally {
      writer.shutdownNow();
    }
    synchronized (done) {
      return new Result(
          stored.info().id(),
          done[0],
          nanos[0] / 1_000_000,
          nanos[1] / 1_000_000,
          nanos[2] / 1_000_000);
    }
  }

  /** Waits for the batch being written, if any, and rethrows its failure. */
  private static void await(List<Future<?>> pending) {
    for (Future<?> f : pending) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while writing scores", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) throw r;
        throw new IllegalStateException("writing scores failed", e.getCause());
      }
    }
    pending.clear();
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
