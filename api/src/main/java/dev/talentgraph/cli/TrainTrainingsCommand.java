package dev.talentgraph.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
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
 * {@code talentgraph train trainings}: trains the course ranker (a Tribuo factorization machine over
 * learner history, learner skills, course and taught skills) on the graph's ENROLLED edges and writes
 * the model, with its Tribuo provenance, to a file.
 */
@Command(name = "trainings", mixinStandardHelpOptions = true,
    description = "Train the course ranker (an ensemble of Tribuo factorization machines over learner history, "
        + "learner skills, course and taught skills) on the graph's ENROLLED edges; writes the model in "
        + "Tribuo's protobuf format, provenance included.")
public class TrainTrainingsCommand implements Callable<Integer> {
  /** Tribuo logs every SGD run at INFO on stderr; the command prints its own progress. Held strongly. */
  static final java.util.logging.Logger TRIBUO_LOG = java.util.logging.Logger.getLogger("org.tribuo");

  @Mixin
  GraphOptions graph;

  @Option(names = "--out", paramLabel = "FILE", defaultValue = "models/course-ranker.tribuo",
      description = "Where to write the model (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of negative sampling and training (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--json", description = "Print the summary as JSON.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    TRIBUO_LOG.setLevel(java.util.logging.Level.WARNING);
    CourseRankerTraining.Result result;
    try (GraphConnection g = graph.open()) {
      System.err.println("train trainings: reading enrolments and training the ranker...");
      try {
        result = CourseRankerTraining.train(g.driver(), g.database(), FmSettings.defaults(seed));
      } catch (IllegalArgumentException e) {
        throw new CliException(e.getMessage(), TalentGraphCli.EXIT_USAGE);
      }
    }
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      java.nio.file.Files.createDirectories(parent);
    }
    result.ranker().save(out);
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("model", out.toString());
    summary.put("learners", result.learners());
    summary.put("courses", result.courses());
    summary.put("enrolments", result.enrolments());
    summary.put("settings", FmSettings.defaults(seed).toString());
    summary.put("provenance", result.ranker().describe());
    if (json) {
      System.out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(summary));
    } else {
      summary.forEach((k, v) -> System.out.println(k + ": " + v));
    }
    return 0;
  }
}
