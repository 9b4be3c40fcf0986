package dev.talentgraph.learning;

import dev.talentgraph.db.DatabaseConfiguration.SchemaMigrations;
import dev.talentgraph.ml.ModelKinds;
import dev.talentgraph.ml.courses.CourseRankerModels;
import dev.talentgraph.ml.courses.TrainingAdvisor;
import dev.talentgraph.ml.scoring.TrainingEffectEstimator;
import dev.talentgraph.schema.FieldCipher;
import dev.talentgraph.scoring.ModelActivated;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The training advisor of the running server. Courses are ranked with the registry's active {@value
 * CourseRankerModels#KIND}, loaded when the server starts and again whenever a version is activated
 * ({@link ModelActivated}); a request never trains. Without an active ranker courses are ranked by
 * enrolment counts (popularity) and the answer's {@code ranker} says so. A course's expected gain
 * comes from the registry's active {@code training-effect} model when there is one (else from
 * measured gains).
 */
@Service
public class TrainingService {
  private static final Logger log = LoggerFactory.getLogger(TrainingService.class);

  private final Driver driver;
  private final String database;

  /** The registry's active training-effect model, asked per request (it follows activations). */
  private final TrainingEffectEstimator effects;

  private final AtomicReference<TrainingAdvisor> advisor = new AtomicReference<>();

  TrainingService(Driver driver, SchemaMigrations schema, FieldCipher cipher) {
    this.driver = driver;
    this.database = schema.database();
    this.effects =
        new TrainingEffectEstimator(driver, database, cipher, ModelKinds.TRAINING_EFFECT);
    // the enrolment-count baseline until ActiveModels announces the active ranker at start-up
    this.advisor.set(new TrainingAdvisor(driver, database, null, effects));
  }

  /** The advisor to use now. */
  public TrainingAdvisor advisor() {
    return advisor.get();
  }

  /**
   * The registry's active training-effect model (also asked about enrolments already made, by the
   * talent profile).
   */
  public TrainingEffectEstimator effects() {
    return effects;
  }

  @EventListener
  void onActivation(ModelActivated e) {
    if (CourseRankerModels.KIND.equals(e.kind())) load();
  }

  private void load() {
    try {
      Optional<CourseRankerModels.Loaded> loaded = CourseRankerModels.loadActive(driver, database);
      advisor.set(
          loaded
              .map(
                  l ->
                      new TrainingAdvisor(
                          driver,
                          database,
                          l.ranker(),
                          effects,
                          l.info().id() + ": " + l.ranker().describe()))
              .orElseGet(() -> new TrainingAdvisor(driver, database, null, effects)));
      log.info(
          "Course ranker: {}",
          loaded.map(l -> l.info().id()).orElse("none active, ranking by enrolment counts"));
    } catch (RuntimeException ex) {
      log.warn("course ranker not loaded, ranking by enrolment counts: {}", ex.getMessage());
      advisor.set(new TrainingAdvisor(driver, database, null, effects));
    }
  }
}
