package dev.talentgraph.ml.features;

/**
 * Where a feature's raw value comes from. Each source reads the graph through parameterised, fixed
 * Cypher: property keys are passed as parameters, never spliced into query text.
 */
public sealed interface FeatureSource {

  /** A column returned by the model kind's row query (its {@code cols} map). */
  record Column(String column) implements FeatureSource {}

  /** A property of the row's Expert node. */
  record Property(String key) implements FeatureSource {}

  /**
   * A date property of the row's Expert node, as years before the as-of date (tenure, time since).
   */
  record YearsSince(String key) implements FeatureSource {}

  /**
   * A field of the Expert's PersonalData node, decrypted with the {@code FieldCipher}; as years
   * before the as-of date when {@code yearsSince} (birth date becomes age).
   */
  record Personal(String field, boolean yearsSince) implements FeatureSource {}

  /** A measure computed on the graph around the Expert (degree, PageRank, courses completed...). */
  record Measure(GraphMeasure measure) implements FeatureSource {}

  /** A short form for provenance: "property:grade", "measure:PAGERANK". */
  default String describe() {
    if (this instanceof Column c) return "column:" + c.column();
    if (this instanceof Property p) return "property:" + p.key();
    if (this instanceof YearsSince y) return "yearsSince:" + y.key();
    if (this instanceof Personal p)
      return "personal:" + p.field() + (p.yearsSince() ? " (years since)" : "");
    return "measure:" + ((Measure) this).measure().name();
  }

  /**
   * Parses {@link #describe()} back, so a stored model's feature set can be rebuilt for scoring.
   */
  static FeatureSource parse(String s) {
    int colon = s.indexOf(':');
    if (colon < 0) throw new IllegalArgumentException("unknown feature source '" + s + "'");
    String kind = s.substring(0, colon), arg = s.substring(colon + 1);
    return switch (kind) {
      case "column" -> new Column(arg);
      case "property" -> new Property(arg);
      case "yearsSince" -> new YearsSince(arg);
      case "personal" ->
          arg.endsWith(" (years since)")
              ? new Personal(arg.substring(0, arg.length() - " (years since)".length()), true)
              : new Personal(arg, false);
      case "measure" -> new Measure(GraphMeasure.valueOf(arg));
      default -> throw new IllegalArgumentException("unknown feature source '" + s + "'");
    };
  }
}
