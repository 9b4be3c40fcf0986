package dev.talentgraph.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.talentgraph.ml.collab.CollabDataException;
import dev.talentgraph.ml.collab.CollaboratorModels;
import dev.talentgraph.ml.collab.CollaboratorRanker;
import dev.talentgraph.ml.collab.CollaboratorTraining;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code talentgraph train collaborators}: trains the collaborator ranker on the graph, temporally
 * (features as of {@code latest year - window}, labels the collaborations first seen after it), and
 * registers it in the graph as the active {@value CollaboratorModels#KIND}, which a running server
 * loads (at its next check of the registry) and a starting server loads at start.
 */
@Command(
    name = "collaborators",
    mixinStandardHelpOptions = true,
    description = {
      "Train the collaborator ranker on the graph's past snapshot and register it in the graph as the active "
          + CollaboratorModels.KIND
          + ".",
      "Features come from the graph as of (latest year - window); labels are the pairs first collaborating after it."
    },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {
      "0:trained",
      "1:failure",
      "2:bad usage or a graph without usable collaborations",
      "3:store in use"
    })
class TrainCollaboratorsCommand implements Callable<Integer> {

  @Mixin GraphOptions graph;

  @Option(
      names = "--window",
      defaultValue = "2",
      description = "Years of new collaborations used as labels (default: ${DEFAULT-VALUE}).")
  int window;

  @Option(
      names = "--ranker",
      defaultValue = "lr",
      description =
          "lr (logistic regression), fm (factorization machine) or gbt (gradient-boosted trees) (default: ${DEFAULT-VALUE}).")
  String ranker;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Seed of sampling, embedding and training (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--no-activate",
      description = "Register the new version without making it active.")
  boolean noActivate;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description =
          "Also export the Tribuo model (protobuf, provenance included) to this file; the server never reads it.")
  Path output;

  @Option(names = "--json", description = "Print the summary as JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    CollaboratorRanker.Kind kind =
        switch (ranker.toLowerCase(Locale.ROOT)) {
          case "lr", "logistic" -> CollaboratorRanker.Kind.LOGISTIC;
          case "fm", "factorization" -> CollaboratorRanker.Kind.FACTORIZATION_MACHINE;
          case "gbt", "trees" -> CollaboratorRanker.Kind.GRADIENT_BOOSTED_TREES;
          default ->
              throw new CliException(
                  "--ranker must be lr or fm, was " + ranker, TalentGraphCli.EXIT_USAGE);
        };
    Path parent = output == null ? null : output.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new CliException(
          "output directory does not exist: " + parent, TalentGraphCli.EXIT_USAGE);
    }
    CollaboratorRanker.Settings d = CollaboratorRanker.Settings.defaults(seed);
    CollaboratorRanker.Settings settings = d.withKind(kind);
    long t0 = System.nanoTime();
    Consumer<String> progress =
        m -> System.err.printf("[%5.1fs] %s%n", (System.nanoTime() - t0) / 1e9, m);
    EvalCollaboratorsCommand.quietTribuo();
    CollaboratorModels.Trained trained;
    try (GraphConnection c = graph.open()) {
      trained =
          CollaboratorModels.train(
              c.driver(), c.database(), window, settings, !noActivate, progress);
    } catch (CollabDataException e) {
      throw new CliException(e.getMessage(), TalentGraphCli.EXIT_USAGE);
    }
    CollaboratorTraining.Result result = trained.result();
    if (output != null) result.ranker().save(output);
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("model", trained.info().id());
    summary.put("active", trained.info().active());
    summary.put("metrics", trained.info().metrics());
    summary.put("trainedUntil", String.valueOf(trained.info().trainedUntil()));
    summary.put("trainingRows", trained.info().trainingRows());
    if (output != null) summary.put("exported", output.toAbsolutePath().toString());
    summary.put("ranker", kind.name());
    summary.put("trainedOn", result.description());
    summary.put("positives", result.positives());
    summary.put("snapshotYear", result.snapshotYear());
    summary.put("latestYear", result.latestYear());
    summary.put("seed", seed);
    summary.put("seconds", (System.nanoTime() - t0) / 1e9);
    if (json) {
      System.out.println(
          new ObjectMapper()
              .enable(SerializationFeature.INDENT_OUTPUT)
              .writeValueAsString(summary));
    } else {
      System.out.printf(
          Locale.ROOT,
          "model %s%s: %s trained on %s%n",
          trained.info().id(),
          trained.info().active() ? ", active" : "",
          kind,
          result.description());
      trained
          .info()
          .metrics()
          .forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-24s %.4f%n", k, v));
      if (output != null) System.out.printf(Locale.ROOT, "exported %s%n", output.toAbsolutePath());
    }
    return 0;
  }
}
