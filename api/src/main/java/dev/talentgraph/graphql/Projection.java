package dev.talentgraph.graphql;

/**
 * Builds the map projection of {@code n} for what the client selected: the selected scalars (plus
 * {@code .id}) and, for each selected nested list, a fixed pattern comprehension. A nested field
 * the projection leaves out is resolved by a batched load instead (see {@link Relations}).
 */
@FunctionalInterface
public interface Projection {
  /**
   * @param selection what the client selected
   * @param prefix where the node sits in the selection: {@code ""} for a single node, {@code
   *     "edges/node/"} in a connection
   */
  String of(Selection selection, String prefix);

  /**
   * The projection of a node: {@code n {.id, <selected scalars>, <list>: <fragment>, ...}}.
   *
   * @param fields the node's scalar fields (property names)
   * @param lists its nested list fields, each a fragment shaped by the selection below it
   */
  static String node(
      Selection selection,
      String prefix,
      String[] fields,
      java.util.Map<String, Projection> lists) {
    StringBuilder sb =
        new StringBuilder(256)
            .append("n {")
            .append(selection.props(prefix, lists.keySet(), fields));
    for (var e : lists.entrySet()) {
      String path = prefix + e.getKey();
      if (selection.has(path))
        sb.append(", ")
            .append(e.getKey())
            .append(": ")
            .append(e.getValue().of(selection, path + "/"));
    }
    return sb.append('}').toString();
  }
}
