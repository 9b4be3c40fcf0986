package dev.talentgraph.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.talentgraph.ml.collab.CollabDataException;
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
 * writes the Tribuo model. The model carries its feature definition in its provenance, ready for the
 * model registry.
 */
@Command(name = "collaborators", mixinStandardHelpOptions = true,
    description = {"Train the collaborator ranker on the graph's past snapshot and write the Tribuo model.",
        "Features come from the graph as of (latest year - window); labels are the pairs first collaborating after it."},
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:trained", "1:failure", "2:bad usage or a graph without usable collaborations", "3:store in use"})
public class TrainCollaboratorsCommand implements Callable<Integer> {

  @Mixin
  GraphOptions graph;

  @Option(names = "--window", defaultValue = "2", description = "Years of new collaborations used as labels (default: ${DEFAULT-VALUE}).")
  int window;

  @Option(names = "--ranker", defaultValue = "lr", description = "lr (logistic regression) or fm (factorization machine) (default: ${DEFAULT-VALUE}).")
  String ranker;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of sampling, embedding and training (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "collaborator-ranker.tribuo",
      description = "Where to write the Tribuo model (protobuf) (default: ${DEFAULT-VALUE}).")
  Path output;

  @Option(names = "--json", description = "Print the summary as JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    CollaboratorRanker.Kind kind = switch (ranker.toLowerCase(Locale.ROOT)) {
      case "lr", "logistic" -> CollaboratorRanker.Kind.LOGISTIC;
      case "fm", "factorization" -> CollaboratorRanker.Kind.FACTORIZATION_MACHINE;
      default -> throw new CliException("--ranker must be lr or fm, was " + ranker, TalentGraphCli.EXIT_USAGE);
    };
    Path parent = output.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new CliException("output directory does not exist: " + parent, TalentGraphCli.EXIT_USAGE);
    }
    CollaboratorRanker.Settings d = CollaboratorRanker.Settings.defaults(seed);
    CollaboratorRanker.Settings settings = new CollaboratorRanker.Settings(kind, d.epochs(), d.learningRate(),
        d.negativesPerPositive(), d.hardNegativeShare(), seed, d.embedding());
    long t0 = System.nanoTime();
    Consumer<String> progress = m -> System.err.printf("[%5.1fs] %s%n", (System.nanoTime() - t0) / 1e9, m);
    EvalCollaboratorsCommand.quietTribuo();
    CollaboratorTraining.Result result;
    try (GraphConnection c = graph.open()) {
      result = CollaboratorTraining.fromGraph(c.driver(), c.database(), window, settings, progress);
    } catch (CollabDataException e) {
      throw new CliException(e.getMessage(), TalentGraphCli.EXIT_USAGE);
    }
    result.ranker().save(output);
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("model", output.toAbsolutePath().toString());
    summary.put("ranker", kind.name());
    summary.put("trainedOn", result.description());
    summary.put("positives", result.positives());
    summary.put("snapshotYear", result.snapshotYear());
    summary.put("latestYear", result.latestYear());
    summary.put("seed", seed);
    summary.put("seconds", (System.nanoTime() - t0) / 1e9);
    if (json) {
      System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(summary));
    } else {
      System.out.printf(Locale.ROOT, "trained %s on %s%nwrote %s%n", kind, result.description(), output.toAbsolutePath());
    }
    return 0;
  }
}
