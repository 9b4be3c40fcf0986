package dev.talentgraph.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code talentgraph import}: Load data into the graph: taxonomies, HR exports, publications,
 * courses, resumes, postings. Each source or kind is one subcommand.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description =
        "Load data into the graph: taxonomies, HR exports, publications, courses, resumes, postings, Q&A dumps.",
    subcommands = {
      ImportDemoCommand.class,
      ImportSyntheticCommand.class,
      ImportSourceCommand.All.class,
      ImportSourceCommand.Esco.class,
      ImportSourceCommand.EscoI18n.class,
      ImportSourceCommand.Onet.class,
      ImportSourceCommand.Aan.class,
      ImportSourceCommand.Snap.class,
      ImportSourceCommand.MoocCube.class,
      ImportSourceCommand.Resumes.class,
      ImportSourceCommand.Jobs.class,
      ImportSourceCommand.StackExchange.class,
      ImportSourceCommand.Csv.class,
      ImportSourceCommand.Json.class
    })
class ImportCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name a subcommand: " + String.join(", ", spec.subcommands().keySet()));
  }
}
