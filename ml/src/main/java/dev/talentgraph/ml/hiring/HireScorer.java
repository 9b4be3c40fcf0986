package dev.talentgraph.ml.hiring;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.talentgraph.ml.Contribution;
import dev.talentgraph.ml.ModelKinds;
import dev.talentgraph.ml.features.FeatureSet;
import dev.talentgraph.ml.features.GraphFeatureExtractor;
import dev.talentgraph.ml.registry.ModelInfo;
import dev.talentgraph.ml.registry.ModelRegistry;
import dev.talentgraph.ml.registry.StoredModel;
import dev.talentgraph.schema.FieldCipher;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Driver;

/**
 * Scores pairs on demand with the active hire model (an application made after the last {@code train
 * hire}, or a person who has not applied), from the same {@link HireFeatures} columns the model was
 * trained on and with its feature set as recorded at training. The loaded model is kept until another
 * version becomes active.
 */
public final class HireScorer {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Driver driver;
  private final String database;
  private final FieldCipher cipher;
  private final ModelRegistry registry;
  private volatile Loaded loaded;

  private record Loaded(StoredModel model, FeatureSet features) {}

  /** A pair's model score and the inputs that moved it most. */
  public record Scored(double value, List<Contribution> reasons) {}

  public HireScorer(Driver driver, String database, FieldCipher cipher) {
    this.driver = driver;
    this.database = database;
    this.cipher = cipher;
    this.registry = new ModelRegistry(driver, database);
  }

  /** The active hire model, loaded (or kept from the last call when it is still the active one); empty when none. */
  public Optional<String> activeModel() {
    return current().map(l -> l.model().info().id());
  }

  private Optional<Loaded> current() {
    Optional<ModelInfo> active = registry.active(ModelKinds.HIRE.name());
    if (active.isEmpty()) return Optional.empty();
    Loaded l = loaded;
    if (l == null || !l.model().info().id().equals(active.get().id())) {
      StoredModel m = registry.load(ModelKinds.HIRE.name(), active.get().version());
      FeatureSet fs;
      try {
        fs = FeatureSet.fromDescription(JSON.readValue(m.info().featureSetJson(), new TypeReference<Map<String, Object>>() {}));
      } catch (Exception e) {
        throw new IllegalStateException("model " + m.info().id() + " has no readable feature set: " + e.getMessage(), e);
      }
      l = new Loaded(m, fs);
      loaded = l;
    }
    return Optional.of(l);
  }

  /** Scores of the pairs by row id; empty when no hire model is active. */
  public Map<String, Scored> score(Map<String, HireFeatures.Features> features, LocalDate asOf, int top) {
    Optional<Loaded> cur = current();
    Map<String, Scored> out = new LinkedHashMap<>();
    if (cur.isEmpty() || features.isEmpty()) return out;
    List<GraphFeatureExtractor.Row> rows = new ArrayList<>(features.size());
    for (HireFeatures.Features f : features.values()) {
      rows.add(new GraphFeatureExtractor.Row(f.pair().rowId(), f.pair().personId(), null, f.cols()));
    }
    List<Object[]> x = new GraphFeatureExtractor(driver, database, cipher).features(cur.get().features(), rows, asOf);
    String outcome = cur.get().model().info().outcome().isBlank() ? ModelKinds.HIRE.outcome() : cur.get().model().info().outcome();
    for (int i = 0; i < rows.size(); i++) {
      out.put(rows.get(i).id(), new Scored(cur.get().model().model().predict(x.get(i)),
          cur.get().model().model().explain(x.get(i), top, outcome)));
    }
    return out;
  }
}
