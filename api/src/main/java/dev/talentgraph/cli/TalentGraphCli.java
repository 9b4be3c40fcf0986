package dev.talentgraph.cli;

import dev.talentgraph.db.StartupPhases;
import dev.talentgraph.db.StoreInUseException;
import dev.talentgraph.schema.MigrationException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code talentgraph}: the product's command line. {@code serve} runs the server; the other
 * commands work on the graph directly (an embedded store or {@code --uri}) without a web server.
 *
 * <p>Exit codes: 0 success, 1 failure, 2 bad usage or input, 3 the store is in use.
 */
@Command(
    name = "talentgraph",
    mixinStandardHelpOptions = true,
    versionProvider = TalentGraphCli.Version.class,
    description =
        "TalentGraph: who knows what, who should work with whom, what to learn next, whom to hire.",
    subcommands = {
      ServeCommand.class,
      ImportCommand.class,
      TrainCommand.class,
      EvalCommand.class,
      ReportCommand.class,
      CommunitiesCommand.class,
      TokenCommand.class,
      ModelsCommand.class,
      DemoCommand.class,
      RetentionCommand.class,
      BackupCommand.class,
      RestoreCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Benchmarks are not part of this jar: bin/talentgraph bench graphql|security|collaborators|scoring|profile",
      "runs them from the bench module (bin/talentgraph bench --help)."
    })
public class TalentGraphCli implements Runnable {
  public static final int EXIT_FAILURE = 1;
  public static final int EXIT_USAGE = 2;
  public static final int EXIT_STORE_IN_USE = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    StartupPhases.mainStarted();
    System.exit(execute(args));
  }

  public static CommandLine commandLine() {
    return withExitCodes(new CommandLine(new TalentGraphCli()));
  }

  /**
   * Maps a command's failure to a one-line message and the exit codes above; shared with the
   * benchmarks' command line, which reuses these commands' options and exceptions.
   */
  public static CommandLine withExitCodes(CommandLine cli) {
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          Throwable cause = e;
          if (cause instanceof CliException c) {
            commandLine.getErr().println("error: " + c.getMessage());
            return c.exitCode();
          }
          for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StoreInUseException s) {
              commandLine.getErr().println("error: " + s.getMessage());
              return EXIT_STORE_IN_USE;
            }
            if (t instanceof MigrationException m) {
              commandLine.getErr().println("error: " + m.getMessage());
              return EXIT_FAILURE;
            }
            if (t instanceof IllegalArgumentException iae && t == e) {
              commandLine.getErr().println("error: " + iae.getMessage());
              return EXIT_USAGE;
            }
          }
          commandLine.getErr().println("error: " + e);
          e.printStackTrace(commandLine.getErr());
          return EXIT_FAILURE;
        });
    return cli;
  }

  public static int execute(String... args) {
    return commandLine().execute(args);
  }

  public static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = TalentGraphCli.class.getPackage().getImplementationVersion();
      return new String[] {
        "talentgraph "
            + (v == null ? "(development)" : v)
            + ", Neo4j 5.26, Java "
            + Runtime.version()
      };
    }
  }
}
