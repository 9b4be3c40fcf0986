package dev.talentgraph.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code talentgraph report}: Business reports: hiring success, training effect, retention. Each
 * source or kind is one subcommand.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Business reports: hiring success, training effect, retention.",
    subcommands = {ReportMetricsCommand.class})
class ReportCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name a subcommand: " + String.join(", ", spec.subcommands().keySet()));
  }
}
