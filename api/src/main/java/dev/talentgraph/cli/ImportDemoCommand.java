package dev.talentgraph.cli;

import dev.talentgraph.importers.demo.DemoLoader;
import dev.talentgraph.importers.demo.DemoSettings;
import dev.talentgraph.importers.demo.DemoSummary;
import dev.talentgraph.importers.demo.ProgressListener;
import dev.talentgraph.schema.FieldCipher;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code talentgraph import demo}: the seeded demo graph that {@code serve --demo} serves, written
 * into a store or a running server without starting the web server. Useful to prepare a store once
 * (CI, a benchmark, a workshop) or to try another seed or size.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Generate the seeded demo graph (experts, skills, courses, projects, papers, reviews, hiring) into the graph.",
      "By default only into an empty store (or to finish an interrupted demo load); --force merges it into any graph."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:loaded, or the store already holds the demo",
      "1:failure, or the store holds other data (see --force)",
      "2:bad usage or input",
      "3:the store is in use by another process"
    })
class ImportDemoCommand implements Callable<Integer> {
  @Mixin GraphOptions graph;

  @Option(
      names = "--seed",
      defaultValue = "" + DemoSettings.DEFAULT_SEED,
      description = "Random seed (default: ${DEFAULT-VALUE}, the served demo).")
  long seed;

  @Option(
      names = "--experts",
      defaultValue = "" + DemoSettings.DEFAULT_EXPERTS,
      description =
          "Number of experts, "
              + DemoSettings.MIN_EXPERTS
              + " to "
              + DemoSettings.MAX_EXPERTS
              + " (default: ${DEFAULT-VALUE}).")
  int experts;

  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      description = "The demo's 'today', yyyy-mm-dd (default: 2026-06-30).")
  LocalDate asOf = DemoSettings.DEFAULT_AS_OF;

  @Option(
      names = "--batch-size",
      defaultValue = "" + DemoSettings.DEFAULT_BATCH_SIZE,
      description = "Rows per write transaction (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(
      names = "--force",
      description =
          "Write the demo even into a graph that holds other data (nodes are merged by id).")
  boolean force;

  @Mixin KeysetOptions keyset;

  @Option(names = "--json", description = "Print the summary as JSON.")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    DemoSettings settings;
    try {
      settings = new DemoSettings(seed, experts, asOf, batchSize);
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage(), TalentGraphCli.EXIT_USAGE);
    }
    FieldCipher cipher = keyset.cipher(graph, true);
    PrintWriter err = spec.commandLine().getErr();
    DemoSummary summary;
    try (GraphConnection c = graph.open()) {
      DemoLoader loader = new DemoLoader(c.driver(), c.database(), cipher);
      ProgressListener progress = progress(err);
      summary = force ? loader.load(settings, progress) : loader.loadIfEmpty(settings, progress);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(json ? toJson(summary) : toText(summary));
    out.flush();
    boolean refused =
        summary.skipped() && summary.reason() != null && summary.reason().contains("not the demo");
    if (refused && !json) {
      err.println(
          "error: nothing written; use --force to merge the demo into this graph, or an empty --data-dir");
    }
    return refused ? TalentGraphCli.EXIT_FAILURE : 0;
  }

  /**
   * A line per tenth of the work (and at step changes on a terminal), on stderr so --json stays
   * clean.
   */
  static ProgressListener progress(PrintWriter err) {
    boolean terminal = System.console() != null;
    long started = System.nanoTime();
    int[] lastTenth = {-1};
    return (step, done, total) -> {
      int tenth = (int) (done * 10 / Math.max(1, total));
      if (tenth == lastTenth[0] && !terminal) {
        return;
      }
      lastTenth[0] = tenth;
      double seconds = (System.nanoTime() - started) / 1e9;
      double rate = done / Math.max(seconds, 1e-3);
      long eta = Math.round((total - done) / Math.max(rate, 1e-3));
      String line =
          String.format(
              "demo: %3d%% %,d/%,d rows, %,.0f rows/s, ETA %ds, %s",
              done * 100 / Math.max(1, total), done, total, rate, eta, step);
      if (terminal) {
        err.print("\r" + line + "   ");
        if (done == total) err.println();
      } else {
        err.println(line);
      }
      err.flush();
    };
  }

  static String toText(DemoSummary s) {
    if (s.skipped()) {
      return "demo not written: " + s.reason();
    }
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            "demo graph (seed %d, %,d experts): %,d rows in %.1f s; %,d nodes and %,d relationships created%n",
            s.seed(),
            s.experts(),
            s.rows(),
            s.elapsed().toMillis() / 1000.0,
            s.nodesCreated(),
            s.relationshipsCreated()));
    s.expected().forEach((k, v) -> b.append(String.format("  %-22s %,9d%n", k, v)));
    return b.toString().stripTrailing();
  }

  static String toJson(DemoSummary s) {
    StringJoiner j = new StringJoiner(",", "{", "}");
    j.add("\"skipped\":" + s.skipped());
    j.add("\"reason\":" + (s.reason() == null ? "null" : quote(s.reason())));
    j.add("\"seed\":" + s.seed());
    j.add("\"experts\":" + s.experts());
    j.add("\"rows\":" + s.rows());
    j.add("\"nodesCreated\":" + s.nodesCreated());
    j.add("\"relationshipsCreated\":" + s.relationshipsCreated());
    j.add("\"propertiesSet\":" + s.propertiesSet());
    j.add("\"elapsedMs\":" + s.elapsed().toMillis());
    j.add("\"counts\":" + object(s.expected()));
    j.add("\"rowsByStep\":" + object(s.rowsByStep()));
    return j.toString();
  }

  private static String object(Map<String, ? extends Number> m) {
    StringJoiner j = new StringJoiner(",", "{", "}");
    m.forEach((k, v) -> j.add(quote(k) + ":" + v));
    return j.toString();
  }

  private static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        default -> {
          if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
          else b.append(c);
        }
      }
    }
    return b.append('"').toString();
  }
}
