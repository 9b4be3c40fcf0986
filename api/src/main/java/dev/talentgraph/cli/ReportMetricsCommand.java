package dev.talentgraph.cli;

import dev.talentgraph.metrics.Metrics;
import dev.talentgraph.metrics.MetricsException;
import dev.talentgraph.metrics.MetricsReport;
import dev.talentgraph.metrics.MetricsService;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code talentgraph report metrics --out DIR}: the figures of the GraphQL query {@code metrics}
 * (same service) as {@code metrics.json}, SVG charts and an {@code index.html}. An operator's
 * command: nothing is suppressed unless {@code --min-group-size} asks for it (e.g. 5, as analysts
 * get, before sharing widely).
 */
@Command(
    name = "metrics",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description =
        "Write hiring, training, retention and skill-coverage metrics as JSON plus SVG charts and an index.html.",
    footer =
        "Exit codes: 0 written, 1 failure, 2 bad argument (nothing written), 3 the store is in use.")
class ReportMetricsCommand implements Callable<Integer> {
  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Directory to write into (created if missing).")
  Path out;

  @Option(
      names = "--from",
      paramLabel = "DATE",
      description = "First day, ISO (default: 1 January four years before --to).")
  String from;

  @Option(names = "--to", paramLabel = "DATE", description = "Last day, ISO (default: today, UTC).")
  String to;

  @Option(
      names = "--team",
      paramLabel = "ID",
      description = "Team id: openings' HIRES_FOR team, people's MEMBER_OF team.")
  String team;

  @Option(names = "--region", description = "Region of openings, people and teams.")
  String region;

  @Option(
      names = "--top",
      defaultValue = "5",
      description = "Courses in the training top and bottom lists (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(
      names = "--min-enrolments",
      defaultValue = "5",
      description =
          "Fewest completed enrolments for a course to be ranked (default: ${DEFAULT-VALUE}).")
  int minEnrolments;

  @Option(
      names = "--min-group-size",
      paramLabel = "N",
      description = "Suppress retention groups and per-course gains under N people.")
  Integer minGroupSize;

  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      description = "Today for defaults (default: today, UTC).")
  LocalDate asOf;

  @Mixin GraphOptions graph;

  @Override
  public Integer call() throws Exception {
    LocalDate today = asOf != null ? asOf : LocalDate.now(ZoneOffset.UTC);
    MetricsService.Request req;
    try {
      req = MetricsService.request(from, to, team, region, top, minEnrolments, minGroupSize, today);
    } catch (MetricsException e) {
      throw new CliException(
          "--" + kebab(e.argument()) + ": " + e.getMessage(), TalentGraphCli.EXIT_USAGE);
    }
    Metrics m;
    try (GraphConnection g = graph.open()) {
      long t0 = System.nanoTime();
      m = new MetricsService(g.driver(), g.database()).compute(req, today);
      System.err.printf(Locale.ROOT, "computed in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    } catch (MetricsException e) {
      throw new CliException(
          "--" + kebab(e.argument()) + ": " + e.getMessage(), TalentGraphCli.EXIT_USAGE);
    }
    List<MetricsReport.Written> files = MetricsReport.write(m, out);
    System.out.println(
        "metrics " + MetricsReport.scope(m.filter()) + ": " + MetricsReport.headline(m));
    for (MetricsReport.Written w : files) {
      System.out.println("  " + out.resolve(w.file()) + "  " + w.title());
    }
    return 0;
  }

  private static String kebab(String s) {
    return s.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }
}
