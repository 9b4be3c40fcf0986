package dev.talentgraph.ml.courses;

import dev.talentgraph.ml.registry.DataWindow;
import dev.talentgraph.ml.registry.ModelInfo;
import dev.talentgraph.ml.registry.ModelRegistry;
import dev.talentgraph.ml.registry.Provenance;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Driver;

/**
 * The course ranker's place in the model registry: trained from the graph's enrolments ({@link
 * CourseRankerTraining}), stored as kind {@value #KIND} with its data window and counts, and read
 * back by the server. The feature definition is recovered from the model's feature names ({@link
 * CourseRanker#of}), so only the Tribuo model and its provenance are stored.
 */
public final class CourseRankerModels {
  /** The registry kind of the course ranker. */
  public static final String KIND = "course-ranker";

  private CourseRankerModels() {}

  /** A registered ranker and the training run behind it. */
  public record Trained(ModelInfo info, CourseRankerTraining.Result result) {}

  /** A ranker read from the registry, ready to score. */
  public record Loaded(ModelInfo info, CourseRanker ranker) {}

  /**
   * Trains on the enrolments in the graph now and registers the ranker (active when {@code
   * activate}).
   */
  public static Trained train(Driver driver, String database, FmSettings s, boolean activate) {
    CourseRankerTraining.Result r = CourseRankerTraining.train(driver, database, s);
    long pairs = r.ranker().model().getProvenance().getDatasetProvenance().getNumExamples();
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("learners", (double) r.learners());
    metrics.put("courses", (double) r.courses());
    metrics.put("enrolments", (double) r.enrolments());
    metrics.put("pairs", (double) pairs);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("source", "graph");
    data.put("database", database);
    data.put(
        "rows",
        "every ENROLLED edge (any status), learners' HAS_SKILL levels, courses' TEACHES skills");
    Map<String, Object> features = new LinkedHashMap<>();
    features.put("courseSkills", r.ranker().features().useConcepts());
    Map<String, Object> hyper = new LinkedHashMap<>();
    hyper.put("factors", s.factors());
    hyper.put("epochs", s.epochs());
    hyper.put("learningRate", s.learningRate());
    hyper.put("negatives", s.negatives());
    hyper.put("variance", s.variance());
    hyper.put("members", s.members());
    // enrolments carry no reliable date: the window is every enrolment up to the day of training
    DataWindow w = new DataWindow(null, LocalDate.now(ZoneOffset.UTC), r.enrolments());
    ModelInfo info =
        new ModelRegistry(driver, database)
            .registerTribuo(
                KIND,
                r.ranker().model(),
                "factorization machine ensemble of " + s.members(),
                new Provenance(
                    "probability that a learner enrols in a course",
                    data,
                    features,
                    hyper,
                    s.seed(),
                    Instant.now(),
                    metrics,
                    w),
                activate);
    return new Trained(info, r);
  }

  /** The active ranker, or empty when none is registered and active. */
  public static Optional<Loaded> loadActive(Driver driver, String database) {
    ModelRegistry registry = new ModelRegistry(driver, database);
    Optional<ModelInfo> active = registry.active(KIND);
    if (active.isEmpty()) return Optional.empty();
    ModelRegistry.TribuoModel m = registry.loadTribuo(KIND, active.get().version());
    return Optional.of(new Loaded(m.info(), CourseRanker.of(m.model())));
  }
}
