package dev.talentgraph.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code talentgraph retention}: local rules on keeping candidates' personal data. */
@Command(
    name = "retention",
    mixinStandardHelpOptions = true,
    description = "Retention of rejected and withdrawn candidates' personal data, per country.",
    subcommands = {RetentionRunCommand.class})
class RetentionCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name a subcommand: " + String.join(", ", spec.subcommands().keySet()));
  }
}
