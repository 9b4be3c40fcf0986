package dev.talentgraph.ml.scoring;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.talentgraph.ml.features.FeatureSet;
import dev.talentgraph.ml.registry.ModelInfo;
import dev.talentgraph.ml.registry.ModelRegistry;
import dev.talentgraph.ml.registry.StoredModel;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Driver;

/**
 * The active version of one model kind for on-demand scoring, loaded once and kept until another
 * version becomes active (each call asks the registry which version is active: one small read).
 */
public final class ActiveModel {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ModelRegistry registry;
  private final String kind;
  private volatile Loaded loaded;

  /**
   * A loaded model with the feature set it was trained on (as recorded at training, not as the kind
   * declares it today).
   */
  public record Loaded(StoredModel stored, FeatureSet features) {
    public String id() {
      return stored.info().id();
    }
  }

  public ActiveModel(Driver driver, String database, String kind) {
    this.registry = new ModelRegistry(driver, database);
    this.kind = kind;
  }

  /** The active version, loaded; empty when the kind has none. */
  public Optional<Loaded> current() {
    Optional<ModelInfo> active = registry.active(kind);
    if (active.isEmpty()) return Optional.empty();
    Loaded l = loaded;
    if (l == null || !l.id().equals(active.get().id())) {
      StoredModel stored = registry.load(kind, active.get().version());
      l = new Loaded(stored, featureSet(stored));
      loaded = l;
    }
    return Optional.of(l);
  }

  /** The feature set recorded with a stored model. */
  public static FeatureSet featureSet(StoredModel stored) {
    try {
      return FeatureSet.fromDescription(
          JSON.readValue(
              stored.info().featureSetJson(), new TypeReference<Map<String, Object>>() {}));
    } catch (Exception e) {
      throw new IllegalStateException(
          "model " + stored.info().id() + " has no readable feature set: " + e.getMessage(), e);
    }
  }
}
