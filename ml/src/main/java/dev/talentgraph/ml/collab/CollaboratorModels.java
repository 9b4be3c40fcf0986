package dev.talentgraph.ml.collab;

import dev.talentgraph.ml.registry.DataWindow;
import dev.talentgraph.ml.registry.ModelInfo;
import dev.talentgraph.ml.registry.ModelRegistry;
import dev.talentgraph.ml.registry.Provenance;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.neo4j.driver.Driver;

/**
 * The collaborator ranker's place in the model registry: trained from the graph ({@link
 * CollaboratorTraining}), stored as kind {@value #KIND} with its data window and figures, and read
 * back by the server. The Tribuo model carries its own standardisation and its feature definition,
 * so nothing but its bytes and provenance is stored.
 */
public final class CollaboratorModels {
  /** The registry kind of the collaborator ranker. */
  public static final String KIND = "collaborator-ranker";

  /** Years of new collaborations used as labels by default. */
  public static final int DEFAULT_WINDOW = 2;

  private CollaboratorModels() {}

  /** A registered ranker and the training run behind it. */
  public record Trained(ModelInfo info, CollaboratorTraining.Result result) {}

  /** A ranker read from the registry, ready to score. */
  public record Loaded(ModelInfo info, CollaboratorRanker ranker) {}

  /** Trains on the graph as it is now and registers the ranker (active when {@code activate}). */
  public static Trained train(
      Driver driver,
      String database,
      int window,
      CollaboratorRanker.Settings s,
      boolean activate,
      Consumer<String> progress) {
    CollaboratorTraining.Result r =
        CollaboratorTraining.fromGraph(driver, database, window, s, progress);
    CollaboratorRanker ranker = r.ranker();
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("positives", (double) ranker.trainingPositives());
    metrics.put("negatives", (double) ranker.trainingNegatives());
    metrics.put("auc.train", ranker.trainingAuc());
    metrics.put("snapshot.experts", (double) r.experts());
    metrics.put("snapshot.collaborations", (double) r.collaborations());
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("source", "graph");
    data.put("database", database);
    data.put("description", r.description());
    data.put("featuresAsOfYear", r.snapshotYear());
    data.put("labelYears", (r.snapshotYear() + 1) + "-" + r.latestYear());
    Map<String, Object> features = new LinkedHashMap<>();
    features.put("version", PairFeatures.VERSION);
    features.put("names", PairFeatures.NAMES);
    features.put("dropped", s.dropFeatures().stream().sorted().toList());
    Map<String, Object> hyper = new LinkedHashMap<>();
    hyper.put("kind", s.kind().name());
    hyper.put("epochs", s.epochs());
    hyper.put("learningRate", s.learningRate());
    hyper.put("negativesPerPositive", s.negativesPerPositive());
    hyper.put("hardNegativeShare", s.hardNegativeShare());
    hyper.put("window", window);
    hyper.put("fastrp.dimension", s.embedding().dimension());
    hyper.put("fastrp.iterationWeights", Arrays.toString(s.embedding().iterationWeights()));
    hyper.put("fastrp.propertyRatio", s.embedding().propertyRatio());
    hyper.put("fastrp.seed", s.embedding().seed());
    // features are read from the graph up to the snapshot year, labels from the years after it
    DataWindow w =
        new DataWindow(
            null,
            LocalDate.of(r.latestYear(), 12, 31),
            (long) ranker.trainingPositives() + ranker.trainingNegatives());
    String algorithm =
        switch (s.kind()) {
          case LOGISTIC -> "logistic regression";
          case FACTORIZATION_MACHINE -> "factorization machine";
          case GRADIENT_BOOSTED_TREES -> "gradient-boosted trees";
        };
    ModelInfo info =
        new ModelRegistry(driver, database)
            .registerTribuo(
                KIND,
                ranker.model(),
                algorithm,
                new Provenance(
                    "probability that two experts collaborate",
                    data,
                    features,
                    hyper,
                    s.seed(),
                    Instant.now(),
                    metrics,
                    w),
                activate);
    progress.accept("registered " + info.id() + (info.active() ? " (active)" : ""));
    return new Trained(info, r);
  }

  /** The active ranker, or empty when none is registered and active. */
  public static Optional<Loaded> loadActive(Driver driver, String database) {
    ModelRegistry registry = new ModelRegistry(driver, database);
    Optional<ModelInfo> active = registry.active(KIND);
    if (active.isEmpty()) return Optional.empty();
    ModelRegistry.TribuoModel m = registry.loadTribuo(KIND, active.get().version());
    return Optional.of(new Loaded(m.info(), CollaboratorRanker.of(m.model())));
  }
}
