package dev.talentgraph.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code talentgraph eval}: Evaluate models and recommenders against baselines on real data. Each
 * source or kind is one subcommand.
 */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = "Evaluate models and recommenders against baselines on real data.",
    subcommands = {
      EvalCollaboratorsCommand.class,
      EvalExpertsCommand.class,
      EvalTrainingsCommand.class,
      EvalTeamsCommand.class,
      EvalExtractorCommand.class,
      TabularCommand.class
    })
class EvalCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name a subcommand: " + String.join(", ", spec.subcommands().keySet()));
  }
}
