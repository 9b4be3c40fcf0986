package dev.talentgraph.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.talentgraph.communities.CommunityDetection;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code talentgraph communities refresh}: the same refresh as the {@code refreshCommunities}
 * mutation (Leiden over collaboration, co-answer and shared-skill ties), printed as a table.
 */
@Command(
    name = "refresh",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description =
        "Detect communities of practice (GDS Leiden) and replace the stored ones; prints each"
            + " community's name, size and modularity contribution.",
    footer = "Exit codes: 0 written, 1 failure (nothing changed), 3 the store is in use.")
class CommunitiesRefreshCommand implements Callable<Integer> {
  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Leiden's random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--top",
      defaultValue = "15",
      description = "Communities to print (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  @Mixin GraphOptions graph;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  private static Map<String, Object> json(CommunityDetection.Result r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("at", r.at().toString());
    m.put("method", r.method());
    m.put("modularity", r.modularity());
    m.put("people", r.people());
    m.put("ties", r.ties());
    m.put("unassigned", r.unassigned());
    m.put("millis", r.millis());
    m.put(
        "communities",
        r.communities().stream()
            .map(
                c -> {
                  Map<String, Object> x = new LinkedHashMap<>();
                  x.put("id", c.id());
                  x.put("name", c.name());
                  x.put("size", c.size());
                  x.put("modularity", c.modularity());
                  x.put("bridges", c.bridges());
                  x.put("skills", c.skills());
                  return x;
                })
            .toList());
    return m;
  }

  @Override
  public Integer call() throws Exception {
    java.io.PrintWriter out = spec.commandLine().getOut();
    java.io.PrintWriter err = spec.commandLine().getErr();
    CommunityDetection.Result r;
    try (GraphConnection g = graph.open()) {
      r =
          new CommunityDetection(
                  g.driver(), g.database(), CommunityDetection.Settings.defaults().withSeed(seed))
              .refresh(Clock.systemUTC(), err::println);
    } catch (CommunityDetection.CommunityException e) {
      throw new CliException(e.getMessage(), 1);
    }
    if (json) {
      out.println(
          new ObjectMapper()
              .enable(SerializationFeature.INDENT_OUTPUT)
              .writeValueAsString(json(r)));
      out.flush();
      return 0;
    }
    out.printf(
        Locale.ROOT,
        "communities: %d (of %d or more people), modularity %.4f, %,d people with ties, %,d ties,"
            + " %,d people in smaller groups, %d ms%n",
        r.communities().size(),
        CommunityDetection.Settings.defaults().minSize(),
        r.modularity(),
        r.people(),
        r.ties(),
        r.unassigned(),
        r.millis());
    out.printf(
        Locale.ROOT,
        "%-8s %6s %9s %7s  %s%n",
        "id",
        "size",
        "modular.",
        "bridges",
        "name (share, lift)");
    r.communities().stream()
        .limit(top)
        .forEach(
            c ->
                out.printf(
                    Locale.ROOT,
                    "%-8s %6d %9.4f %7d  %s%n",
                    c.id(),
                    c.size(),
                    c.modularity(),
                    c.bridges(),
                    c.skills().isEmpty()
                        ? c.name()
                        : c.skills().stream()
                            .limit(3)
                            .map(
                                s ->
                                    String.format(
                                        Locale.ROOT,
                                        "%s (%.0f%%, x%.1f)",
                                        s.name(),
                                        100 * s.share(),
                                        s.lift()))
                            .collect(Collectors.joining(", "))));
    out.flush();
    return 0;
  }
}
