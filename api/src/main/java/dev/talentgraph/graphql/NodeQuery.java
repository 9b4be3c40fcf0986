package dev.talentgraph.graphql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the one statement that reads a page of nodes (or one node) together with the nested lists
 * the client selected. The text is assembled only from fixed fragments chosen by the feature code
 * (filter conditions, an order, pattern comprehensions); every value a client sends travels as a
 * parameter. Equal selections give equal text, so Neo4j's plan cache serves repeated requests.
 *
 * <p>The node variable in every fragment is {@code n}.
 */
public final class NodeQuery {
  private final String label;
  private final List<String> conditions = new ArrayList<>();
  private final Map<String, Object> parameters = new HashMap<>();
  private String source;

  public NodeQuery(String label) {
    this.label = label;
  }

  /**
   * Adds a condition on {@code n} (ANDed); its values must be parameters added with {@link #param}.
   */
  public NodeQuery where(String condition) {
    conditions.add(condition);
    return this;
  }

  public NodeQuery param(String name, Object value) {
    parameters.put(name, value);
    return this;
  }

  /**
   * Reads {@code n} from a fixed clause instead of a label scan, e.g. a full-text index call
   * ({@code CALL db.index.fulltext.queryNodes('skill_names', $text) YIELD node AS n, score WHERE
   * n:Skill}); the clause must end in a WHERE that the conditions extend, and its other variables
   * (a score) may be used in the order.
   */
  public NodeQuery source(String clause) {
    this.source = clause;
    return this;
  }

  public Map<String, Object> parameters() {
    return parameters;
  }

  private String match() {
    StringBuilder sb =
        source != null
            ? new StringBuilder(source).append(" AND n.id IS NOT NULL")
            : new StringBuilder("MATCH (n:").append(label).append(") WHERE n.id IS NOT NULL");
    for (String c : conditions) sb.append(" AND ").append(c);
    return sb.toString();
  }

  /**
   * A page: columns {@code nodes} (list of projections in order) and, when asked, {@code total}.
   *
   * @param orderBy an ORDER BY expression list over {@code n}, ending with {@code n.id} so pages
   *     are stable
   * @param projection a map projection of {@code n}
   */
  public String page(String orderBy, String projection, boolean withTotal, Paging.Window window) {
    parameters.put("skip", window.offset());
    parameters.put("limit", window.fetch());
    String match = match();
    StringBuilder sb = new StringBuilder(512);
    if (withTotal) sb.append("CALL () { ").append(match).append(" RETURN count(n) AS total } ");
    sb.append("CALL () { ")
        .append(match)
        .append(" WITH n ORDER BY ")
        .append(orderBy)
        .append(" SKIP $skip LIMIT $limit RETURN collect(")
        .append(projection)
        .append(") AS nodes } RETURN nodes");
    if (withTotal) sb.append(", total");
    return sb.toString();
  }

  /** One node by {@code $id}: column {@code node}, no row when it does not exist. */
  public static String byId(String label, String projection) {
    return "MATCH (n:" + label + " {id: $id}) RETURN " + projection + " AS node";
  }

  /**
   * A nested list for many nodes at once (the fallback when it was not fetched with the page): one
   * row per id that exists, columns {@code id} and {@code value}.
   */
  public static String batch(String label, String fragment) {
    return "UNWIND $ids AS id MATCH (n:"
        + label
        + " {id: id}) RETURN id, "
        + fragment
        + " AS value";
  }
}
