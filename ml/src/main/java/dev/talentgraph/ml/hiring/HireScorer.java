package dev.talentgraph.ml.hiring;

import dev.talentgraph.ml.features.GraphFeatureExtractor;
import dev.talentgraph.ml.model.Contribution;
import dev.talentgraph.ml.model.ModelKind;
import dev.talentgraph.ml.scoring.ActiveModel;
import dev.talentgraph.schema.FieldCipher;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Driver;

/**
 * Scores pairs on demand with the active hire model (an application made after the last {@code
 * train hire}, or a person who has not applied), from the same {@link HireFeatures} columns the
 * model was trained on and with its feature set as recorded at training. The loaded model is kept
 * until another version becomes active.
 */
public final class HireScorer {
  private final Driver driver;
  private final String database;
  private final FieldCipher cipher;
  private final ActiveModel active;
  private final ModelKind kind;

  /** A pair's model score and the inputs that moved it most. */
  public record Scored(double value, List<Contribution> reasons) {}

  /** {@code kind} is the hire kind of the model catalogue ({@code ModelKinds.HIRE}). */
  public HireScorer(Driver driver, String database, FieldCipher cipher, ModelKind kind) {
    this.driver = driver;
    this.database = database;
    this.cipher = cipher;
    this.kind = kind;
    this.active = new ActiveModel(driver, database, kind.name());
  }

  /**
   * The active hire model's id, loading it (or keeping it from the last call while it stays
   * active); empty when none.
   */
  public Optional<String> activeModel() {
    return active.current().map(ActiveModel.Loaded::id);
  }

  /** Scores of the pairs by row id; empty when no hire model is active. */
  public Map<String, Scored> score(
      Map<String, HireFeatures.Features> features, LocalDate asOf, int top) {
    Optional<ActiveModel.Loaded> cur = active.current();
    Map<String, Scored> out = new LinkedHashMap<>();
    if (cur.isEmpty() || features.isEmpty()) return out;
    List<GraphFeatureExtractor.Row> rows = new ArrayList<>(features.size());
    for (HireFeatures.Features f : features.values()) {
      rows.add(
          new GraphFeatureExtractor.Row(f.pair().rowId(), f.pair().personId(), null, f.cols()));
    }
    List<Object[]> x =
        new GraphFeatureExtractor(driver, database, cipher)
            .features(cur.get().features(), rows, asOf);
    String outcome =
        cur.get().stored().info().outcome().isBlank()
            ? kind.outcome()
            : cur.get().stored().info().outcome();
    for (int i = 0; i < rows.size(); i++) {
      out.put(
          rows.get(i).id(),
          new Scored(
              cur.get().stored().model().predict(x.get(i)),
              cur.get().stored().model().explain(x.get(i), top, outcome)));
    }
    return out;
  }
}
