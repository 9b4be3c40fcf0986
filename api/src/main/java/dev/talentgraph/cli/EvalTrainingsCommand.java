package dev.talentgraph.cli;

import dev.talentgraph.ml.courses.EvaluationReportFormat;
import dev.talentgraph.ml.courses.Interactions;
import dev.talentgraph.ml.courses.MoocCubeData;
import dev.talentgraph.ml.courses.TrainingsEvaluation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code talentgraph eval trainings}: the course-recommendation evaluation on the MOOCCube
 * enrolments, popularity, item-kNN, EASE and the factorization machines in one run. Reads files
 * only; no graph is opened.
 */
@Command(
    name = "trainings",
    mixinStandardHelpOptions = true,
    description =
        "Evaluate course recommenders on MOOCCube enrolments: leave-one-out per learner with >= 2 "
            + "enrolments, full ranking of the courses not taken; HR@5, HR@10, NDCG@10 and MRR of popularity, "
            + "item-kNN, EASE, the factorization-machine ranker and the same with the course-concept graph; "
            + "mean and spread over five draws (seeds SEED..SEED+4).")
class EvalTrainingsCommand implements Callable<Integer> {
  /**
   * Tribuo logs every SGD run at INFO on stderr; the command prints its own progress. Held
   * strongly.
   */
  static final java.util.logging.Logger TRIBUO_LOG =
      java.util.logging.Logger.getLogger("org.tribuo");

  @Option(
      names = "--mooccube",
      paramLabel = "DIR",
      defaultValue = "${env:TALENT_DATASETS:-../shared/data}/mooccube",
      description =
          "Directory with ratings_final.txt and kg_final.txt (default: ${DEFAULT-VALUE}).")
  Path dir;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "First draw seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--json",
      description = "Print the figures as JSON on stdout (progress stays on stderr).")
  boolean json;

  @Override
  public Integer call() {
    TRIBUO_LOG.setLevel(java.util.logging.Level.WARNING);
    if (!Files.isRegularFile(dir.resolve("ratings_final.txt"))) {
      throw new CliException(
          "no ratings_final.txt in " + dir + " (give --mooccube DIR)", TalentGraphCli.EXIT_USAGE);
    }
    Interactions data;
    try {
      data = MoocCubeData.load(dir);
    } catch (IOException e) {
      throw new CliException(
          "cannot read " + dir + ": " + e.getMessage(), TalentGraphCli.EXIT_FAILURE);
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage(), TalentGraphCli.EXIT_USAGE);
    }
    System.err.printf(
        "eval trainings: %d learners, %d courses, %d enrolments, %d concepts; %d draws x 5 methods%n",
        data.numUsers(),
        data.numItems(),
        data.size(),
        data.numConcepts(),
        TrainingsEvaluation.DRAWS);
    long t0 = System.nanoTime();
    TrainingsEvaluation.Report report =
        TrainingsEvaluation.run(
            data,
            seed,
            TrainingsEvaluation.standardMethods(),
            line -> System.err.println("  " + line));
    double secs = (System.nanoTime() - t0) / 1e9;
    if (json) {
      System.out.println(EvaluationReportFormat.json(report));
    } else {
      System.out.print(EvaluationReportFormat.table(report));
      System.out.printf(
          "%ntotal %.0f s; re-run: bin/talentgraph eval trainings --mooccube %s --seed %d%n",
          secs, dir, seed);
    }
    return 0;
  }
}
