package dev.talentgraph.ml.features;

import dev.talentgraph.schema.PersonalFields;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One declared feature: its name, the words a recruiter reads in explanations, how it is encoded
 * and where its value comes from.
 */
public record FeatureDefinition(
    String name, String description, FeatureType type, FeatureSource source) {

  public FeatureDefinition {
    if (name == null || name.isBlank())
      throw new IllegalArgumentException("a feature needs a name");
    if (type == null || source == null)
      throw new IllegalArgumentException("feature '" + name + "' needs a type and a source");
    if (description == null || description.isBlank()) description = name;
  }

  public static FeatureDefinition numeric(String name, String description, FeatureSource source) {
    return new FeatureDefinition(name, description, FeatureType.NUMERIC, source);
  }

  public static FeatureDefinition categorical(
      String name, String description, FeatureSource source) {
    return new FeatureDefinition(name, description, FeatureType.CATEGORICAL, source);
  }

  public static FeatureDefinition measure(GraphMeasure m) {
    return new FeatureDefinition(
        m.featureName(), m.description(), FeatureType.NUMERIC, new FeatureSource.Measure(m));
  }

  /**
   * True when the feature reads a protected attribute: a protected personal field, or a name or
   * property key that says gender, age, marital status or nationality.
   */
  public boolean isProtected() {
    if (ProtectedAttributes.isProtectedName(name)) return true;
    if (source instanceof FeatureSource.Personal p) {
      return PersonalFields.PROTECTED.contains(p.field())
          || ProtectedAttributes.isProtectedName(p.field());
    }
    if (source instanceof FeatureSource.Property p)
      return ProtectedAttributes.isProtectedName(p.key());
    if (source instanceof FeatureSource.YearsSince y)
      return ProtectedAttributes.isProtectedName(y.key());
    if (source instanceof FeatureSource.Column c)
      return ProtectedAttributes.isProtectedName(c.column());
    return false;
  }

  /** The definition as plain data for provenance. */
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("description", description);
    m.put("type", type.name());
    m.put("source", source.describe());
    return m;
  }
}
