package dev.talentgraph.recommend;

import dev.talentgraph.db.DatabaseConfiguration.SchemaMigrations;
import dev.talentgraph.ml.courses.CourseRanker;
import dev.talentgraph.ml.courses.CourseRankerTraining;
import dev.talentgraph.ml.courses.FmSettings;
import dev.talentgraph.ml.courses.TrainingAdvisor;
import dev.talentgraph.ml.scoring.TrainingEffectEstimator;
import dev.talentgraph.schema.FieldCipher;
import java.util.concurrent.atomic.AtomicReference;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The training advisor of the running server. A course's expected gain comes from the registry's active
 * {@code training-effect} model when there is one (else from measured gains). Until the course ranker (a factorization machine over the
 * graph's enrolments) is trained, courses are ranked by enrolment counts and the answer says so; the
 * first request starts the training in the background, {@link #retrain()} starts it again after imports.
 */
@Service
public class TrainingService {
  private static final Logger log = LoggerFactory.getLogger(TrainingService.class);
  static final long SEED = 1;

  private final Driver driver;
  private final String database;
  /** The registry's active training-effect model, asked per request (it follows activations). */
  private final TrainingEffectEstimator effects;
  private final AtomicReference<TrainingAdvisor> advisor = new AtomicReference<>();
  private final AtomicReference<Mono<String>> training = new AtomicReference<>();

  TrainingService(Driver driver, SchemaMigrations schema, FieldCipher cipher) {
    this.driver = driver;
    this.database = schema.database();
    this.effects = new TrainingEffectEstimator(driver, database, cipher);
    this.advisor.set(new TrainingAdvisor(driver, database, null, effects));
  }

  /** The advisor to use now; starts the ranker's training on first use. */
  public TrainingAdvisor advisor() {
    if (training.get() == null) {
      Mono<String> run = training();
      // only the request that installs the run starts it: concurrent first requests train once
      if (training.compareAndSet(null, run)) {
        run.subscribe(m -> { }, e -> log.warn("course ranker not trained: {}", e.getMessage()));
      }
    }
    return advisor.get();
  }

  /** The registry's active training-effect model (also asked about enrolments already made, by the talent profile). */
  public TrainingEffectEstimator effects() {
    return effects;
  }

  /** Trains the course ranker from the graph as it is now; the advisor switches to it when done. */
  public Mono<String> retrain() {
    Mono<String> run = training();
    training.set(run);
    return run;
  }

  private Mono<String> training() {
    return Mono.fromCallable(() -> {
      long t0 = System.nanoTime();
      CourseRankerTraining.Result r = CourseRankerTraining.train(driver, database, FmSettings.defaults(SEED));
      CourseRanker ranker = r.ranker();
      advisor.set(new TrainingAdvisor(driver, database, ranker, effects));
      String what = String.format("course ranker trained on %d learners, %d courses, %d enrolments in %d ms", r.learners(),
          r.courses(), r.enrolments(), (System.nanoTime() - t0) / 1_000_000);
      log.info(what);
      return what;
    }).subscribeOn(Schedulers.boundedElastic()).cache();
  }
}
