package dev.talentgraph.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.talentgraph.ml.courses.CourseRankerModels;
import dev.talentgraph.ml.courses.CourseRankerTraining;
import dev.talentgraph.ml.courses.FmSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code talentgraph train trainings}: trains the course ranker (a Tribuo factorization machine
 * over learner history, learner skills, course and taught skills) on the graph's ENROLLED edges and
 * registers it in the graph as the active {@value CourseRankerModels#KIND}, which a running server
 * loads (at its next check of the registry) and a starting server loads at start.
 */
@Command(
    name = "trainings",
    mixinStandardHelpOptions = true,
    description =
        "Train the course ranker (an ensemble of Tribuo factorization machines over learner history, "
            + "learner skills, course and taught skills) on the graph's ENROLLED edges and register it in the graph as the "
            + "active "
            + CourseRankerModels.KIND
            + ".")
class TrainTrainingsCommand implements Callable<Integer> {
  /**
   * Tribuo logs every SGD run at INFO on stderr; the command prints its own progress. Held
   * strongly.
   */
  static final java.util.logging.Logger TRIBUO_LOG =
      java.util.logging.Logger.getLogger("org.tribuo");

  @Mixin GraphOptions graph;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description =
          "Also export the Tribuo model (protobuf, provenance included) to this file; the server never reads it.")
  Path out;

  @Option(
      names = "--no-activate",
      description = "Register the new version without making it active.")
  boolean noActivate;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Seed of negative sampling and training (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--json", description = "Print the summary as JSON.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    TRIBUO_LOG.setLevel(java.util.logging.Level.WARNING);
    CourseRankerModels.Trained trained;
    try (GraphConnection g = graph.open()) {
      System.err.println("train trainings: reading enrolments and training the ranker...");
      try {
        trained =
            CourseRankerModels.train(
                g.driver(), g.database(), FmSettings.defaults(seed), !noActivate);
      } catch (IllegalArgumentException e) {
        throw new CliException(e.getMessage(), TalentGraphCli.EXIT_USAGE);
      }
    }
    CourseRankerTraining.Result result = trained.result();
    if (out != null) {
      Path parent = out.toAbsolutePath().getParent();
      if (parent != null) java.nio.file.Files.createDirectories(parent);
      result.ranker().save(out);
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("model", trained.info().id());
    summary.put("active", trained.info().active());
    summary.put("metrics", trained.info().metrics());
    summary.put("trainedUntil", String.valueOf(trained.info().trainedUntil()));
    if (out != null) summary.put("exported", out.toString());
    summary.put("learners", result.learners());
    summary.put("courses", result.courses());
    summary.put("enrolments", result.enrolments());
    summary.put("settings", FmSettings.defaults(seed).toString());
    summary.put("provenance", result.ranker().describe());
    if (json) {
      System.out.println(
          new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(summary));
    } else {
      summary.forEach((k, v) -> System.out.println(k + ": " + v));
    }
    return 0;
  }
}
