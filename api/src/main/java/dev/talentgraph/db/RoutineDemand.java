package dev.talentgraph.db;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Procedures and functions some part of the application may call, by name pattern ({@code *}
 * matches any characters, dots too): the embedded DBMS registers only the APOC and GDS classes that
 * declare a routine one of these patterns admits. A routine matching {@code denied} is not wanted
 * by this demand even if an allow pattern matches.
 *
 * @param who what calls them, for the start-up log
 */
public record RoutineDemand(String who, List<String> allowed, List<String> denied) {

  /**
   * What the product's own code calls: the erasure scrub (apoc.map.fromLists,
   * apoc.text.regreplace), the synthetic generator's LOAD CSV script (apoc.convert.fromJsonMap),
   * community detection (Leiden over a projection), PageRank and FastRP features, and the catalog
   * bookkeeping they need.
   */
  public static final RoutineDemand PRODUCT =
      new RoutineDemand(
          "product",
          List.of(
              "apoc.map.fromLists",
              "apoc.text.regreplace",
              "apoc.convert.fromJsonMap",
              "gds.graph.project",
              "gds.graph.drop",
              "gds.graph.list",
              "gds.graph.exists",
              "gds.graph.nodeProperty.stream",
              "gds.leiden.mutate",
              "gds.pageRank.stream",
              "gds.fastRP.stream",
              "gds.util.asNode"),
          List.of());

  public RoutineDemand {
    allowed = List.copyOf(allowed);
    denied = List.copyOf(denied == null ? List.of() : denied);
  }

  /** True when a routine of this name is wanted. */
  public boolean wants(String name) {
    return matchesAny(allowed, name) && !matchesAny(denied, name);
  }

  /** Glob match: {@code *} stands for any characters; everything else is literal. */
  static boolean matches(String pattern, String name) {
    if (!pattern.contains("*")) return pattern.equals(name);
    StringBuilder re = new StringBuilder();
    for (String part : pattern.split("\\*", -1)) {
      if (!re.isEmpty()) re.append(".*");
      re.append(Pattern.quote(part));
    }
    return Pattern.matches(re.toString(), name);
  }

  private static boolean matchesAny(List<String> patterns, String name) {
    for (String p : patterns) if (matches(p, name)) return true;
    return false;
  }
}
