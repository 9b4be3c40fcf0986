package dev.talentgraph.cli;

import dev.talentgraph.importers.demo.DemoSettings;
import dev.talentgraph.importers.demo.SyntheticLoader;
import dev.talentgraph.importers.demo.SyntheticSettings;
import dev.talentgraph.schema.FieldCipher;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code talentgraph import synthetic}: a demo-like graph of any size (business units of demo
 * graphs), streamed unit by unit, for measuring how the product scales.
 */
@Command(
    name = "synthetic",
    mixinStandardHelpOptions = true,
    description = {
      "Generate a demo-like graph of any size: N experts in business units of --unit-size, each unit",
      "a demo graph with its own seed and the shared skill taxonomy. Same settings, same graph.",
      "A re-run with the same settings finishes an interrupted load or writes nothing; other",
      "settings or other data are refused unless --force."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:loaded, or the store already holds this synthetic graph",
      "1:failure, or the store holds other data (see --force)",
      "2:bad usage or input",
      "3:the store is in use by another process"
    })
class ImportSyntheticCommand implements Callable<Integer> {
  @Mixin GraphOptions graph;

  @Option(names = "--experts", required = true, description = "Number of experts in all.")
  int experts;

  @Option(
      names = "--seed",
      defaultValue = "" + DemoSettings.DEFAULT_SEED,
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--unit-size",
      defaultValue = "" + SyntheticSettings.DEFAULT_UNIT_SIZE,
      description = "Experts per business unit at most (default: ${DEFAULT-VALUE}).")
  int unitSize;

  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      description = "The graph's 'today', yyyy-mm-dd (default: 2026-06-30).")
  LocalDate asOf = DemoSettings.DEFAULT_AS_OF;

  @Option(
      names = "--batch-size",
      defaultValue = "" + SyntheticSettings.DEFAULT_BATCH_SIZE,
      description =
          "Rows per write statement; a unit is one transaction (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(
      names = "--csv",
      paramLabel = "DIR",
      description =
          "Also write the rows as CSV files and "
              + SyntheticLoader.LOAD_CSV_FILE
              + " (the LOAD CSV statements for them) into DIR.")
  Path csvDir;

  @Option(
      names = "--page-cache",
      paramLabel = "SIZE",
      defaultValue = "1g",
      description =
          "Page cache of the embedded store while it is written, off the Java heap"
              + " (default: ${DEFAULT-VALUE}).")
  String pageCache;

  @Option(names = "--force", description = "Write even into a graph that holds other data.")
  boolean force;

  @Mixin KeysetOptions keyset;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    SyntheticSettings settings;
    try {
      settings = new SyntheticSettings(seed, experts, unitSize, asOf, batchSize);
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage(), TalentGraphCli.EXIT_USAGE);
    }
    FieldCipher cipher = keyset.cipher(graph, true);
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    SyntheticLoader.Summary summary;
    try (GraphConnection c = graph.openWithoutProcedures(pageCache)) {
      summary =
          new SyntheticLoader(c.driver(), c.database(), cipher)
              .load(
                  settings,
                  csvDir,
                  force,
                  (done, units, rows, elapsed) -> {
                    double seconds = Math.max(elapsed.toMillis() / 1000.0, 1e-3);
                    err.printf(
                        "synthetic: unit %,d/%,d, %,d rows, %,.0f rows/s, ETA %.0fs%n",
                        done, units, rows, rows / seconds, seconds / done * (units - done));
                    err.flush();
                  });
    }
    if (summary.skipped()) {
      boolean refused = !summary.reason().contains("already holds this");
      out.println("synthetic graph not written: " + summary.reason());
      if (refused) {
        err.println("error: nothing written; use --force, or an empty --data-dir");
      }
      return refused ? TalentGraphCli.EXIT_FAILURE : 0;
    }
    out.printf(
        "synthetic graph (seed %d, %,d experts in %,d units): %,d rows in %.1f s (%,.0f rows/s); "
            + "%,d nodes and %,d relationships created%s%n",
        settings.seed(),
        settings.experts(),
        settings.units(),
        summary.rows(),
        summary.elapsed().toMillis() / 1000.0,
        summary.rows() / Math.max(summary.elapsed().toMillis() / 1000.0, 1e-3),
        summary.nodesCreated(),
        summary.relationshipsCreated(),
        csvDir == null ? "" : String.format("; %,d rows as CSV in %s", summary.csvRows(), csvDir));
    out.flush();
    return 0;
  }
}
