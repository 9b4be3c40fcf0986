package dev.talentgraph.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code talentgraph train}: Train a model from the graph (or a file) and record it in the model
 * registry. Each source or kind is one subcommand.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = "Train a model from the graph (or a file) and record it in the model registry.",
    subcommands = {
      TrainCollaboratorsCommand.class,
      TrainTrainingsCommand.class,
      TabularCommand.class,
      TrainKindCommand.Attrition.class,
      TrainKindCommand.HighPotential.class,
      TrainKindCommand.TrainingEffect.class,
      TrainKindCommand.JobChange.class,
      TrainKindCommand.Hire.class,
      TrainKindCommand.Performance.class
    })
class TrainCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name a subcommand: " + String.join(", ", spec.subcommands().keySet()));
  }
}
