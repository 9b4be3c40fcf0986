package dev.talentgraph.graphql.recruiting;

import java.util.Locale;

/**
 * {@code enum Stage}: where an application is (docs/adr/0006). Lower case in the graph, upper case in
 * GraphQL. {@code hired}, {@code rejected} and {@code withdrawn} are final.
 */
public enum Stage {
  APPLIED, SCREENED, ASSESSMENT, INTERVIEW, OFFER, HIRED, REJECTED, WITHDRAWN;

  /** The value stored on {@code Application.stage} and {@code StageChange.to/from}. */
  public String graph() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean isFinal() {
    return this == HIRED || this == REJECTED || this == WITHDRAWN;
  }

  /**
   * The stage of a graph value, or null for none. Case-insensitive; {@code screening} (written by
   * older demo graphs) reads as {@link #SCREENED}.
   */
  public static Stage fromGraph(String value) {
    if (value == null || value.isBlank()) return null;
    String v = value.strip().toUpperCase(Locale.ROOT);
    if (v.equals("SCREENING")) return SCREENED;
    try {
      return Stage.valueOf(v);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
