package dev.talentgraph.graphql;

import graphql.schema.DataFetchingFieldSelectionSet;
import java.util.Map;

/**
 * The map projection of {@code n} for a selection: the node's scalars always (they are cheap), plus one
 * fixed pattern comprehension per nested list field the client selected. A nested field the projection
 * leaves out is resolved by a batched load instead (see {@link Relations}).
 */
public final class Projection {
  private Projection() {}

  /**
   * @param scalars the scalar part, e.g. {@code .id, .name}
   * @param fragments nested list fields of the type, by GraphQL field name, each a pattern comprehension over {@code n}
   * @param selection the selection set of the field being resolved
   * @param prefix where the node sits in that selection: {@code ""} for a single node, {@code "edges/node/"} in a connection
   */
  public static String of(String scalars, Map<String, String> fragments, DataFetchingFieldSelectionSet selection,
      String prefix) {
    StringBuilder sb = new StringBuilder(256).append("n {").append(scalars);
    for (var f : fragments.entrySet()) {
      if (selection != null && selection.contains(prefix + f.getKey())) {
        sb.append(", ").append(f.getKey()).append(": ").append(f.getValue());
      }
    }
    return sb.append('}').toString();
  }
}
