package dev.talentgraph.scoring;

import dev.talentgraph.ml.ModelChallenge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The retraining schedule of {@code serve}, present only when {@code talent.models.retrain.cron} (a
 * Spring cron expression, e.g. {@code 0 0 3 * * SUN}) is set: at each firing, every kind with an
 * active model is checked for drift (stored, audited and counted like {@code evaluateModel}) and
 * then challenged (a new version trained on today's graph replaces the active one only when it
 * beats it on the held-out rows, and then scores the experts). A kind whose check or challenge
 * fails is logged and the next kind goes on.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "talent.models.retrain.cron")
@EnableScheduling
class ModelRetraining {
  private static final Logger log = LoggerFactory.getLogger(ModelRetraining.class);
  static final String ACTOR = "schedule";

  private final ModelChecks checks;
  private final ModelService models;
  private final ActiveModels active;

  ModelRetraining(ModelChecks checks, ModelService models, ActiveModels active) {
    this.checks = checks;
    this.models = models;
    this.active = active;
  }

  @Scheduled(cron = "${talent.models.retrain.cron}")
  void run() {
    for (String kind : checks.activeKinds()) {
      try {
        ModelChecks.Outcome check = checks.evaluate(kind, ACTOR);
        if (check.check() != null)
          log.info("{}: check {} (alert: {})", kind, check.check().id(), check.check().alert());
        ModelChallenge.Decision d = checks.challenge(kind, 1, ACTOR);
        log.info("{}: {}", kind, (d.promoted() ? "promoted " : "kept; ") + d.reason());
        if (d.promoted()) {
          active.check();
          models.score(kind);
        }
      } catch (RuntimeException e) {
        log.warn("{}: scheduled check and challenge failed: {}", kind, e.getMessage());
      }
    }
  }
}
