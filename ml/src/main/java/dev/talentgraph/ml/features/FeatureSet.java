package dev.talentgraph.ml.features;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A named, versioned list of feature definitions: what a model kind sees. Recorded whole in each
 * model's provenance, so a stored model says exactly which inputs it was trained on.
 */
public record FeatureSet(String name, int version, List<FeatureDefinition> definitions) {

  public FeatureSet {
    definitions = List.copyOf(definitions);
    Set<String> names = new HashSet<>();
    for (FeatureDefinition d : definitions) {
      if (!names.add(d.name()))
        throw new IllegalArgumentException(
            "feature set " + name + " declares '" + d.name() + "' twice");
    }
  }

  /**
   * The definitions a model may use: protected ones are removed unless their name is in {@code
   * allowedProtected} (an explicit, recorded decision).
   */
  public FeatureSet withoutProtected(Set<String> allowedProtected) {
    List<FeatureDefinition> kept = new ArrayList<>();
    for (FeatureDefinition d : definitions) {
      if (!d.isProtected() || allowedProtected.contains(d.name())) kept.add(d);
    }
    return new FeatureSet(name, version, kept);
  }

  /** The protected definitions of this set (for fairness reports). */
  public List<FeatureDefinition> protectedDefinitions() {
    return definitions.stream().filter(FeatureDefinition::isProtected).toList();
  }

  public FeatureSet plus(List<FeatureDefinition> more) {
    List<FeatureDefinition> all = new ArrayList<>(definitions);
    Set<String> have = new HashSet<>();
    definitions.forEach(d -> have.add(d.name()));
    for (FeatureDefinition d : more) if (have.add(d.name())) all.add(d);
    return new FeatureSet(name, version, all);
  }

  public List<FeatureEncoder.Column> columns() {
    return definitions.stream()
        .map(d -> new FeatureEncoder.Column(d.name(), d.description(), d.type()))
        .toList();
  }

  /** The set as plain data for provenance. */
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("version", version);
    m.put("definitions", definitions.stream().map(FeatureDefinition::describe).toList());
    return m;
  }

  /** Rebuilds a set from {@link #describe()}, as stored in a model's provenance. */
  @SuppressWarnings("unchecked")
  public static FeatureSet fromDescription(Map<String, Object> m) {
    List<FeatureDefinition> defs = new ArrayList<>();
    for (Map<String, Object> d : (List<Map<String, Object>>) m.get("definitions")) {
      defs.add(
          new FeatureDefinition(
              (String) d.get("name"),
              (String) d.get("description"),
              FeatureType.valueOf((String) d.get("type")),
              FeatureSource.parse((String) d.get("source"))));
    }
    return new FeatureSet((String) m.get("name"), ((Number) m.get("version")).intValue(), defs);
  }
}
