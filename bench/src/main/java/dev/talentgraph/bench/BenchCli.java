package dev.talentgraph.bench;

import dev.talentgraph.cli.TalentGraphCli;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code talentgraph bench}: benchmarks that print their figures beside a baseline measured in the
 * same run, one subcommand each. They live in their own module so the product jar carries none of
 * them; {@code bin/talentgraph bench ...} builds this module's jar and runs it with the product
 * jar's path in {@value BenchSupport#PRODUCT_JAR}, since the servers under test are started from
 * the product jar itself.
 */
@Command(
    name = "talentgraph bench",
    mixinStandardHelpOptions = true,
    versionProvider = TalentGraphCli.Version.class,
    description = "Benchmarks that print their figures beside a baseline measured in the same run.",
    subcommands = {
      GraphqlBench.class,
      SecurityBench.class,
      CollaboratorsBench.class,
      ScoringBench.class,
      ProfileBench.class,
      PortalBench.class,
      KnowledgeBench.class,
      HostileBench.class,
      ScaleBench.class,
      SoakBench.class
    })
public class BenchCli implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name a subcommand: " + String.join(", ", spec.subcommands().keySet()));
  }

  public static void main(String[] args) {
    System.exit(TalentGraphCli.withExitCodes(new CommandLine(new BenchCli())).execute(args));
  }
}
