package dev.talentgraph.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.talentgraph.audit.AuditEvent;
import dev.talentgraph.audit.AuditLog;
import dev.talentgraph.ml.ModelChallenge;
import dev.talentgraph.ml.ModelKinds;
import dev.talentgraph.ml.ModelMonitor;
import dev.talentgraph.ml.registry.ModelInfo;
import dev.talentgraph.ml.registry.ModelRegistry;
import dev.talentgraph.security.TinkFieldCipher;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code talentgraph models}: the registered models and the checks of the active ones. */
@Command(
    name = "models",
    mixinStandardHelpOptions = true,
    description = "List registered models, or check the active ones against the outcomes since.",
    subcommands = {ModelsCommand.Check.class})
class ModelsCommand implements Callable<Integer> {
  @Mixin GraphOptions graph;

  @Override
  public Integer call() {
    try (GraphConnection g = graph.open()) {
      var challenges = new ModelChallenge(g.driver(), g.database(), null);
      for (ModelInfo i : new ModelRegistry(g.driver(), g.database()).list()) {
        System.out.printf(
            Locale.ROOT,
            "%-24s %s trained %s until %s rows %d%n",
            i.id(),
            i.active() ? "active  " : "inactive",
            i.trainedAt(),
            i.trainedUntil(),
            i.trainingRows());
        challenges.stored(i.id()).ifPresent(c -> System.out.println("  challenge " + c));
      }
    }
    return 0;
  }

  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description =
          "Evaluate each active scoring model on the outcomes that arrived after its data window: the training "
              + "metrics, calibration and the PSI of every input; store a ModelCheck; exit 4 when the drift rule fires.")
  static class Check implements Callable<Integer> {
    @Mixin GraphOptions graph;

    @Option(
        names = "--kind",
        description = "Only this kind (default: every kind with an active model).")
    String kind;

    @Option(
        names = "--auc-drop",
        defaultValue = "0.05",
        description = "Alert when the AUC falls more (default: ${DEFAULT-VALUE}).")
    double aucDrop;

    @Option(
        names = "--rmse-rise",
        defaultValue = "0.10",
        description =
            "Alert when the RMSE rises by more than this share (default: ${DEFAULT-VALUE}).")
    double rmseRise;

    @Option(
        names = "--psi",
        defaultValue = "0.25",
        description = "Alert when an input's PSI is above (default: ${DEFAULT-VALUE}).")
    double psi;

    @Option(
        names = "--as-of",
        paramLabel = "DATE",
        description = "Reference date (default: today).")
    LocalDate asOf;

    @Option(names = "--json", description = "Print the checks as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
      ModelMonitor.DriftRule rule;
      try {
        rule = new ModelMonitor.DriftRule(aucDrop, rmseRise, psi);
      } catch (IllegalArgumentException e) {
        throw new CliException(e.getMessage(), TalentGraphCli.EXIT_USAGE);
      }
      List<ModelMonitor.Check> done = new ArrayList<>();
      try (GraphConnection g = graph.open();
          AuditLog audit = new AuditLog(g.driver(), g.database(), 100)) {
        ModelRegistry registry = new ModelRegistry(g.driver(), g.database());
        var cipher = graph.remote() ? null : TinkFieldCipher.resolve(null, null, graph.dataDir());
        for (String k : ModelKinds.names()) {
          if (kind != null && !kind.equals(k)) continue;
          if (registry.active(k).isEmpty()) continue;
          ModelMonitor.Check c =
              new ModelMonitor(g.driver(), g.database(), cipher)
                  .check(
                      ModelKinds.byName(k).orElseThrow(),
                      rule,
                      asOf == null ? LocalDate.now() : asOf,
                      Instant.now());
          done.add(c);
          if (c.alert()) {
            audit.record(
                new AuditEvent(
                    null,
                    null,
                    "cli",
                    List.of(),
                    "cli",
                    "model.drift",
                    c.modelId(),
                    AuditEvent.Outcome.ALLOWED,
                    String.join("; ", c.alerts()),
                    null));
          }
          if (!json) print(c);
        }
        audit.flush(Duration.ofSeconds(30));
      }
      if (kind != null && done.isEmpty())
        throw new CliException("no active model of kind '" + kind + "'", TalentGraphCli.EXIT_USAGE);
      if (json)
        System.out.println(
            new ObjectMapper()
                .findAndRegisterModules()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(done));
      return done.stream().anyMatch(ModelMonitor.Check::alert) ? 4 : 0;
    }

    private static void print(ModelMonitor.Check c) {
      System.out.printf(Locale.ROOT, "%s: %s; %d rows%n", c.modelId(), c.scope(), c.rows());
      c.metrics()
          .forEach(
              (k, v) -> {
                String at = trainedFigure(c, k);
                System.out.printf(Locale.ROOT, "  %-14s %.4f%s%n", k, v, at);
              });
      if (!c.calibration().isEmpty()) {
        System.out.println("  calibration: bin, count, mean predicted, observed rate");
        c.calibration()
            .forEach(
                b ->
                    System.out.printf(
                        Locale.ROOT,
                        "    %.1f-%.1f %6d %8.3f %8.3f%n",
                        b.lower(),
                        b.upper(),
                        b.count(),
                        b.meanPredicted(),
                        b.observedRate()));
      }
      System.out.println("  PSI per input:");
      c.psi().entrySet().stream()
          .sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
          .forEach(
              e -> System.out.printf(Locale.ROOT, "    %-24s %.4f%n", e.getKey(), e.getValue()));
      System.out.println(c.alert() ? "  DRIFT: " + String.join("; ", c.alerts()) : "  no drift");
    }

    private static String trainedFigure(ModelMonitor.Check c, String metric) {
      Double t =
          switch (metric) {
            case "auc" -> c.trainingMetrics().get("auc.mean");
            case "logLoss" -> c.trainingMetrics().get("logLoss.mean");
            case "rmse" -> c.trainingMetrics().get("rmse.mean");
            case "mae" -> c.trainingMetrics().get("mae.mean");
            case "spearman" -> c.trainingMetrics().get("spearman.oof");
            case "brier" -> c.trainingMetrics().get("brier.oof");
            default -> null;
          };
      return t == null ? "" : String.format(Locale.ROOT, " (at training %.4f)", t);
    }
  }
}
