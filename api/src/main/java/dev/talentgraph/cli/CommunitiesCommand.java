package dev.talentgraph.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code talentgraph communities}: communities of practice (refresh). */
@Command(
    name = "communities",
    mixinStandardHelpOptions = true,
    description = "Communities of practice: detect them and write them to the graph.",
    subcommands = {CommunitiesRefreshCommand.class})
class CommunitiesCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name a subcommand: " + String.join(", ", spec.subcommands().keySet()));
  }
}
