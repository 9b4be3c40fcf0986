package dev.talentgraph.graphql;

import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.SelectedField;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * What the client selected below the field being resolved, as the set of qualified field paths
 * ({@code edges/node/skills/skill/name}). Projections read only the properties and lists selected:
 * a page statement then costs Neo4j about what a hand-written query for the same data costs.
 *
 * <p>Only GraphQL field names the schema declares can be here (the document was validated), and
 * they are only ever compared with the fixed names in the read models, never copied into Cypher.
 */
public final class Selection {
  /** Everything: every scalar of a node (for batched loads and mutation payloads). */
  public static final Selection ALL = new Selection(null);

  private final Set<String> paths;

  private Selection(Set<String> paths) {
    this.paths = paths;
  }

  public static Selection of(DataFetchingFieldSelectionSet set) {
    Set<String> paths = new HashSet<>();
    for (SelectedField f : set.getFields()) paths.add(f.getQualifiedName());
    return new Selection(paths);
  }

  /**
   * Whether {@code path} (e.g. {@code edges/node/skills}) was selected; always true for {@link
   * #ALL}.
   */
  public boolean has(String path) {
    return paths == null || paths.contains(path);
  }

  /**
   * The map-projection entries of a node's selected scalar fields under {@code prefix} (field names
   * equal property names). {@code .id} is included when selected or when a nested list of the node
   * is selected (the batched loads key on it); never empty.
   *
   * @param lists the node type's nested list fields
   */
  public String props(String prefix, Collection<String> lists, String... fields) {
    // The id is needed whenever anything but a plain scalar is selected: nested lists, and fields
    // resolved
    // later by key (personal data, scores) or checked against their owner (the access rules).
    boolean id = has(prefix + "id") || selectsMoreThan(prefix, fields);
    if (!id) {
      for (String l : lists) {
        if (has(prefix + l)) {
          id = true;
          break;
        }
      }
    }
    StringBuilder sb = new StringBuilder();
    if (id) sb.append(".id");
    for (String f : fields) {
      if (has(prefix + f)) sb.append(sb.isEmpty() ? "." : ", .").append(f);
    }
    return sb.isEmpty() ? ".id" : sb.toString();
  }

  /**
   * Whether a direct child of {@code prefix} other than these scalars (and __typename) was
   * selected.
   */
  private boolean selectsMoreThan(String prefix, String[] scalars) {
    if (paths == null) return true;
    Set<String> plain = new HashSet<>(java.util.Arrays.asList(scalars));
    plain.add("__typename");
    for (String path : paths) {
      if (!path.startsWith(prefix)) continue;
      String rest = path.substring(prefix.length());
      if (rest.isEmpty() || rest.indexOf('/') >= 0) continue;
      if (!plain.contains(rest)) return true;
    }
    return false;
  }

  /** Map entries {@code f: rel.f} for the selected relationship properties under {@code prefix}. */
  public String relProps(String rel, String prefix, String... fields) {
    StringBuilder sb = new StringBuilder();
    for (String f : fields) {
      if (has(prefix + f)) {
        if (!sb.isEmpty()) sb.append(", ");
        sb.append(f).append(": ").append(rel).append('.').append(f);
      }
    }
    return sb.toString();
  }

  /** Joins the non-empty map entries with commas. */
  public static String join(String a, String b) {
    return a.isEmpty() ? b : b.isEmpty() ? a : a + ", " + b;
  }
}
