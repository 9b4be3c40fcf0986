package dev.talentgraph.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.talentgraph.audit.AuditEvent;
import dev.talentgraph.audit.AuditLog;
import dev.talentgraph.ml.GraphTrainer;
import dev.talentgraph.ml.ModelChallenge;
import dev.talentgraph.ml.ModelKinds;
import dev.talentgraph.ml.eval.Fairness;
import dev.talentgraph.ml.model.Algorithm;
import dev.talentgraph.ml.model.ModelKind;
import dev.talentgraph.ml.model.TrainerSpec;
import dev.talentgraph.ml.registry.ModelFormatException;
import dev.talentgraph.ml.registry.ModelNotFoundException;
import dev.talentgraph.ml.scoring.BatchScorer;
import dev.talentgraph.schema.FieldCipher;
import dev.talentgraph.security.TinkFieldCipher;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code talentgraph train <kind>}: trains a declared model kind from the graph (cross-validated,
 * fairness-checked), registers it as the kind's new active version on a {@code :Model} node, and
 * scores the kind's experts with it. Each kind is a three-line subclass naming its declaration in
 * {@link ModelKinds}.
 */
abstract class TrainKindCommand implements Callable<Integer> {
  @Mixin GraphOptions graph;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Seed for folds and training (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--folds",
      defaultValue = "5",
      description = "Cross-validation folds (default: ${DEFAULT-VALUE}).")
  int folds;

  @Option(
      names = "--algorithm",
      description =
          "logistic or fm (classification kinds), linear or fm-regression (regression kinds).")
  String algorithm;

  @Option(names = "--epochs", description = "Passes over the data (default: 10).")
  Integer epochs;

  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      description = "Reference date for tenure, ages and recency (default: today).")
  LocalDate asOf;

  @Option(
      names = "--allow-protected",
      split = ",",
      paramLabel = "FEATURES",
      description =
          "Protected features to use anyway (recorded in the model's provenance). Default: none.")
  List<String> allowProtected = List.of();

  @Option(
      names = "--no-activate",
      description = "Register the new version without making it active.")
  boolean noActivate;

  @Option(names = "--no-score", description = "Do not score the experts after training.")
  boolean noScore;

  @Option(
      names = "--explain",
      defaultValue = "5",
      description = "Explanation entries stored per score (default: ${DEFAULT-VALUE}).")
  int explain;

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  @Option(
      names = "--challenge",
      description =
          "Champion/challenger: train on the current rows minus a seeded held-out share and activate the new version"
              + " only when it beats the active one on those held-out rows (AUC, or RMSE for regressions); a tie"
              + " keeps the active one. The decision and both figures are stored on the new :Model node.")
  boolean challenge;

  @Option(
      names = "--holdout",
      defaultValue = "" + ModelChallenge.DEFAULT_HOLDOUT,
      description = "Share of the rows held out by --challenge (default: ${DEFAULT-VALUE}).")
  double holdout;

  protected abstract ModelKind kind();

  @Override
  public Integer call() throws Exception {
    ModelKind kind = kind();
    TrainerSpec spec;
    try {
      Algorithm alg = algorithm == null ? kind.algorithm() : Algorithm.parse(algorithm);
      TrainerSpec d = TrainerSpec.defaults(alg, seed);
      spec =
          new TrainerSpec(
              alg,
              epochs != null ? epochs : d.epochs(),
              d.learningRate(),
              d.minibatchSize(),
              d.factors(),
              d.variance(),
              seed);
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage(), TalentGraphCli.EXIT_USAGE);
    }
    LocalDate date = asOf != null ? asOf : LocalDate.now();
    if (challenge) return challenge(kind, spec, date);
    try (GraphConnection g = graph.open()) {
      FieldCipher cipher = cipher();
      GraphTrainer.Result r;
      try {
        r =
            new GraphTrainer(g.driver(), g.database(), cipher)
                .train(
                    kind,
                    new GraphTrainer.Options(
                        spec, folds, Set.copyOf(allowProtected), date, !noActivate, 0.5),
                    s -> System.err.println(s));
      } catch (IllegalArgumentException e) {
        throw new CliException(e.getMessage(), TalentGraphCli.EXIT_USAGE);
      }
      BatchScorer.Result scored = null;
      if (!noScore && !noActivate && kind.scoreQuery() != null) {
        try {
          scored =
              new BatchScorer(g.driver(), g.database(), cipher)
                  .score(kind, date, Instant.now(), explain, s -> System.err.println(s));
        } catch (ModelNotFoundException | ModelFormatException e) {
          throw new CliException(e.getMessage(), TalentGraphCli.EXIT_FAILURE);
        }
      }
      print(kind, r, scored);
    }
    return 0;
  }

  private int challenge(ModelKind kind, TrainerSpec spec, LocalDate date) throws Exception {
    try (GraphConnection g = graph.open();
        AuditLog audit = new AuditLog(g.driver(), g.database(), 100)) {
      FieldCipher cipher = cipher();
      ModelChallenge.Decision d;
      try {
        d =
            new ModelChallenge(g.driver(), g.database(), cipher)
                .challenge(
                    kind,
                    new GraphTrainer.Options(
                        spec, folds, Set.copyOf(allowProtected), date, false, 0.5),
                    holdout,
                    s -> System.err.println(s));
      } catch (IllegalArgumentException e) {
        throw new CliException(e.getMessage(), TalentGraphCli.EXIT_USAGE);
      }
      audit.record(
          new AuditEvent(
              null,
              null,
              "cli",
              List.of(),
              "cli",
              "model.challenge",
              d.challenger().id(),
              AuditEvent.Outcome.ALLOWED,
              (d.promoted() ? "promoted: " : "kept: ") + d.reason(),
              null));
      audit.flush(Duration.ofSeconds(30));
      BatchScorer.Result scored = null;
      if (d.promoted() && !noScore && kind.scoreQuery() != null) {
        scored =
            new BatchScorer(g.driver(), g.database(), cipher)
                .score(kind, date, Instant.now(), explain, s -> System.err.println(s));
      }
      if (json) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", d.challenger().id());
        m.put("active", d.challenger().active());
        m.put("challenge", d.describe());
        if (scored != null) m.put("scoring", scored);
        System.out.println(
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m));
      } else {
        System.out.printf(
            Locale.ROOT,
            "challenger %s trained on %d rows; %d rows held out (share %.2f, seed %d)%n",
            d.challenger().id(),
            d.trainingRows(),
            d.heldOutRows(),
            d.holdout(),
            d.seed());
        System.out.printf(
            Locale.ROOT,
            "  %s on the held-out rows: challenger %.4f, champion %s%n",
            d.metric(),
            d.challengerFigure(),
            d.championId() == null
                ? "none"
                : String.format(Locale.ROOT, "%s %.4f", d.championId(), d.championFigure()));
        System.out.println(
            d.promoted()
                ? "PROMOTED: " + d.challenger().id() + " is the active " + kind.name() + " model"
                : "KEPT: "
                    + d.championId()
                    + " stays active; "
                    + d.challenger().id()
                    + " is registered inactive");
        if (scored != null)
          System.out.printf(Locale.ROOT, "scored %d with %s%n", scored.scored(), scored.modelId());
      }
    }
    return 0;
  }

  /**
   * The store's field cipher; null (personal features skipped) for a server without a configured
   * keyset.
   */
  private FieldCipher cipher() {
    String env = System.getenv(TinkFieldCipher.ENV_KEYSET);
    if (env != null && !env.isBlank()) return TinkFieldCipher.fromJson(env);
    if (!graph.remote()) return TinkFieldCipher.resolve(null, null, graph.dataDir());
    System.err.println(
        "no "
            + TinkFieldCipher.ENV_KEYSET
            + " for the remote database: personal fields are not read");
    return null;
  }

  private void print(ModelKind kind, GraphTrainer.Result r, BatchScorer.Result scored)
      throws Exception {
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("model", r.model().id());
      m.put("kind", kind.name());
      m.put("version", r.model().version());
      m.put("active", r.model().active());
      m.put("rows", r.rows());
      m.put("features", r.features());
      m.put("protectedExcluded", r.protectedExcluded());
      m.put("metrics", r.metrics());
      m.put("fairness", r.fairness());
      if (!r.calibration().isEmpty()) m.put("calibration", r.calibration());
      m.put("extractMillis", r.extractMillis());
      m.put("trainMillis", r.trainMillis());
      if (scored != null) m.put("scoring", scored);
      System.out.println(
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m));
      return;
    }
    System.out.printf(
        Locale.ROOT,
        "model %s (%s)%s%n",
        r.model().id(),
        kind.outcome(),
        r.model().active() ? ", active" : "");
    System.out.printf(
        Locale.ROOT,
        "rows %d%s; features (%d): %s%n",
        r.rows(),
        kind.classification() ? ", positives " + r.positives() : "",
        r.features().size(),
        String.join(", ", r.features()));
    System.out.println(
        "protected, excluded from features: "
            + (r.protectedExcluded().isEmpty() ? "-" : String.join(", ", r.protectedExcluded())));
    r.metrics()
        .forEach(
            (k, v) -> {
              if (!k.startsWith("fairness.") || !kind.classification())
                System.out.printf(Locale.ROOT, "  %-22s %.4f%n", k, v);
            });
    for (Fairness.Report f : r.fairness()) {
      System.out.printf(
          Locale.ROOT,
          "  fairness %-12s demographic parity difference %.4f, equal opportunity difference %.4f"
              + " (%d rows with the attribute unknown, left out)%n",
          f.attribute(),
          f.demographicParityDifference(),
          f.equalOpportunityDifference(),
          f.unknown());
    }
    if (!r.calibration().isEmpty()) {
      System.out.println("calibration (out-of-fold): bin, count, mean predicted, observed rate");
      r.calibration()
          .forEach(
              b ->
                  System.out.printf(
                      Locale.ROOT,
                      "  %.1f-%.1f %6d %8.3f %8.3f%n",
                      b.lower(),
                      b.upper(),
                      b.count(),
                      b.meanPredicted(),
                      b.observedRate()));
    }
    System.out.printf(
        Locale.ROOT,
        "read features %.1f s, cross-validation and training %.1f s%n",
        r.extractMillis() / 1e3,
        r.trainMillis() / 1e3);
    if (scored != null) {
      System.out.printf(
          Locale.ROOT,
          "scored %d %s with %s: read %.1f s, score and explain %.1f s, write %.1f s%n",
          scored.scored(),
          kind.scoresExperts()
              ? "experts"
              : "open " + kind.scoredLabel().toLowerCase(Locale.ROOT) + "s",
          scored.modelId(),
          scored.readMillis() / 1e3,
          scored.scoreMillis() / 1e3,
          scored.writeMillis() / 1e3);
    }
  }

  @Command(
      name = "attrition",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description =
          "Train attrition risk (who left: the 'attrited' flag or status 'departed') and score current experts.")
  public static class Attrition extends TrainKindCommand {
    @Override
    protected ModelKind kind() {
      return ModelKinds.ATTRITION;
    }
  }

  @Command(
      name = "high-potential",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description =
          "Train high potential (latest review rated 4 or 5) from skills, network, courses and career; score experts.")
  public static class HighPotential extends TrainKindCommand {
    @Override
    protected ModelKind kind() {
      return ModelKinds.HIGH_POTENTIAL;
    }
  }

  @Command(
      name = "training-effect",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description =
          "Train the regression of skill-level gain after a course (ENROLLED levelBefore/levelAfter).")
  public static class TrainingEffect extends TrainKindCommand {
    @Override
    protected ModelKind kind() {
      return ModelKinds.TRAINING_EFFECT;
    }
  }

  @Command(
      name = "hire",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description =
          "Train the hire likelihood on closed applications (hired vs rejected after screening) from skill coverage "
              + "through the taxonomy, assessment, interviews and experience; score the open applications.")
  public static class Hire extends TrainKindCommand {
    @Override
    protected ModelKind kind() {
      return ModelKinds.HIRE;
    }
  }

  @Command(
      name = "performance",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description =
          "Train the regression of the next performance rating (the latest review's) from delivery, contributions, "
              + "skills, training, tenure and collaboration and the earlier ratings; judged against the mean and the "
              + "previous rating; score current experts.")
  public static class Performance extends TrainKindCommand {
    @Override
    protected ModelKind kind() {
      return ModelKinds.PERFORMANCE;
    }
  }

  @Command(
      name = "job-change",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description =
          "Train the job-change likelihood from an imported job-change table (Expert 'target').")
  public static class JobChange extends TrainKindCommand {
    @Override
    protected ModelKind kind() {
      return ModelKinds.JOB_CHANGE;
    }
  }
}
