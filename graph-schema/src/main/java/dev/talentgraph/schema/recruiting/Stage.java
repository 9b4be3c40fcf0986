package dev.talentgraph.schema.recruiting;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where an application is (docs/adr/0006): the one list of stage names in the code base. Lower case
 * in the graph ({@code Application.stage}, {@code StageChange.from/to}), upper case in GraphQL
 * ({@code enum Stage}). {@code hired}, {@code rejected} and {@code withdrawn} are final. The
 * allowed moves between them are {@link StageMachine}'s.
 *
 * <p>Cypher that filters on stages takes the graph names as parameters ({@link #graphNames}) or
 * embeds {@link #cypher()} / {@link #cypherList} in a statement built once at class load, never a
 * literal.
 */
public enum Stage {
  APPLIED,
  SCREENED,
  ASSESSMENT,
  INTERVIEW,
  OFFER,
  HIRED,
  REJECTED,
  WITHDRAWN;

  /** The spelling of {@link #SCREENED} written by older demo graphs, read as SCREENED. */
  private static final String LEGACY_SCREENED = "screening";

  /** The pipeline an application follows when it goes all the way, in order: applied to hired. */
  public static final List<Stage> PIPELINE =
      List.of(APPLIED, SCREENED, ASSESSMENT, INTERVIEW, OFFER, HIRED);

  /** The stages of an application still in progress, in pipeline order. */
  public static final List<Stage> LIVE = List.of(APPLIED, SCREENED, ASSESSMENT, INTERVIEW, OFFER);

  /** The final stages: no move out of them. */
  public static final List<Stage> FINAL = List.of(HIRED, REJECTED, WITHDRAWN);

  /** The value stored on {@code Application.stage} and {@code StageChange.to/from}. */
  public String graph() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Every graph value that reads as this stage (the current one first), for filters on stored
   * stages.
   */
  public List<String> graphSpellings() {
    return this == SCREENED ? List.of(graph(), LEGACY_SCREENED) : List.of(graph());
  }

  /** This stage as a Cypher string literal, e.g. {@code 'hired'}. */
  public String cypher() {
    return "'" + graph() + "'";
  }

  public boolean isFinal() {
    return FINAL.contains(this);
  }

  /** The graph values of {@code stages}, in their order. */
  public static List<String> graph(Collection<Stage> stages) {
    return stages.stream().map(Stage::graph).toList();
  }

  /** The graph values of every stage, in declaration order. */
  public static List<String> graphNames() {
    return graph(Arrays.asList(values()));
  }

  /** {@code stages} as a Cypher list literal, e.g. {@code ['hired', 'rejected']}. */
  public static String cypherList(Collection<Stage> stages) {
    return stages.stream().map(Stage::cypher).collect(Collectors.joining(", ", "[", "]"));
  }

  /**
   * The stage of a graph value, or null for none. Case-insensitive; {@code screening} (written by
   * older demo graphs) reads as {@link #SCREENED}.
   */
  public static Stage fromGraph(String value) {
    if (value == null || value.isBlank()) return null;
    String v = value.strip().toLowerCase(Locale.ROOT);
    if (v.equals(LEGACY_SCREENED)) return SCREENED;
    try {
      return Stage.valueOf(v.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * The stage whose graph value is exactly {@code value} (lower case, current spelling), or null.
   */
  public static Stage ofGraph(String value) {
    Stage s = fromGraph(value);
    return s != null && s.graph().equals(value) ? s : null;
  }
}
