package dev.talentgraph.cli;

import dev.talentgraph.ml.teams.TeamEvaluation;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code talentgraph eval teams}: team formation against the greedy set cover and the exact optimum
 * on seeded synthetic instances. Opens no graph and reads no file.
 */
@Command(
    name = "teams",
    mixinStandardHelpOptions = true,
    description =
        "Evaluate team formation: "
            + TeamEvaluation.SMALL
            + " seeded instances of 25-40 candidates solved by the product's method (greedy + 1-swap"
            + " local search), a plain greedy set cover and branch and bound (the exact optimum), all on the"
            + " same objective: mean and max optimality gap, optimal share, time; then "
            + TeamEvaluation.LARGE
            + " instances of "
            + TeamEvaluation.LARGE_CANDIDATES
            + " candidates against greedy alone. Same seed, same figures (times aside).")
class EvalTeamsCommand implements Callable<Integer> {
  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Seed of the instances (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--instances",
      defaultValue = "" + TeamEvaluation.SMALL,
      description = "Small instances (default: ${DEFAULT-VALUE}).")
  int instances;

  @Option(
      names = "--large",
      defaultValue = "" + TeamEvaluation.LARGE,
      description = "Large instances (default: ${DEFAULT-VALUE}; 0 to skip).")
  int large;

  @Option(
      names = "--json",
      description = "Print the figures as JSON on stdout (progress stays on stderr).")
  boolean json;

  @Override
  public Integer call() {
    if (instances < 1 || large < 0) {
      throw new CliException(
          "--instances must be at least 1 and --large at least 0", TalentGraphCli.EXIT_USAGE);
    }
    TeamEvaluation.Report report =
        TeamEvaluation.run(seed, instances, large, line -> System.err.println("  " + line));
    System.out.print(json ? TeamEvaluation.json(report) + "\n" : TeamEvaluation.table(report));
    return 0;
  }
}
