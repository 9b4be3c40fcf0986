package dev.talentgraph.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code talentgraph bench}: Benchmarks that print their figures beside a baseline measured in the same run. Each source or kind is one subcommand. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks that print their figures beside a baseline measured in the same run.",
    subcommands = {dev.talentgraph.bench.GraphqlBench.class, dev.talentgraph.bench.SecurityBench.class, BenchCollaboratorsCommand.class, dev.talentgraph.bench.ScoringBench.class,
        dev.talentgraph.bench.ProfileBench.class})
public class BenchCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: "
        + String.join(", ", spec.subcommands().keySet()));
  }
}
