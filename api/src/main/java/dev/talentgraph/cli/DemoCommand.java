package dev.talentgraph.cli;

import dev.talentgraph.importers.demo.DemoAdvance;
import dev.talentgraph.importers.demo.DemoSettings;
import dev.talentgraph.ml.registry.ModelInfo;
import dev.talentgraph.ml.registry.ModelRegistry;
import java.time.LocalDate;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code talentgraph demo}: what can be done to a loaded demo graph. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Work on a loaded demo graph (see 'import demo').",
    subcommands = {DemoCommand.Advance.class})
class DemoCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name a subcommand: " + String.join(", ", spec.subcommands().keySet()));
  }

  /**
   * {@code demo advance}: the demo's later events (reviews, promotions, departures, hires) dated
   * after the active models' data window, for {@code models check}.
   */
  @Command(
      name = "advance",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = {
        "Append the demo's later events: yearly reviews, promotions, departures and hires dated in the --months after",
        "--from (default: the latest data window of the active models, else the demo's 'today' 2026-06-30).",
        "Then 'models check --as-of <the printed end>' evaluates the models on outcomes they never saw."
      })
  static class Advance implements Callable<Integer> {
    @Mixin GraphOptions graph;

    @Option(
        names = "--months",
        defaultValue = "12",
        description = "Length of the window, 1 to 60 (default: ${DEFAULT-VALUE}).")
    int months;

    @Option(
        names = "--seed",
        defaultValue = "1",
        description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
        names = "--from",
        paramLabel = "DATE",
        description = "The day after which events are dated.")
    LocalDate from;

    @Override
    public Integer call() {
      try (GraphConnection g = graph.open()) {
        LocalDate start = from;
        if (start == null) {
          start =
              new ModelRegistry(g.driver(), g.database())
                  .list().stream()
                      .filter(ModelInfo::active)
                      .map(ModelInfo::trainedUntil)
                      .filter(Objects::nonNull)
                      .max(LocalDate::compareTo)
                      .orElse(DemoSettings.DEFAULT_AS_OF);
        }
        DemoAdvance.Summary s;
        try {
          s = new DemoAdvance(g.driver(), g.database()).advance(start, months, seed);
        } catch (IllegalArgumentException e) {
          throw new CliException(e.getMessage(), TalentGraphCli.EXIT_USAGE);
        }
        System.out.printf(
            "events from %s to %s: %d reviews, %d promotions, %d departures, %d hires%n",
            s.from(), s.to(), s.reviews(), s.promotions(), s.departures(), s.hires());
        System.out.println(
            "check the models on them: bin/talentgraph models check --as-of " + s.to());
      }
      return 0;
    }
  }
}
