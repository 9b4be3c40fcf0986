package dev.talentgraph.ml.features;

import dev.talentgraph.schema.GraphSessions;
import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.Props;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

/**
 * Finds the typed properties that Expert nodes carry (an imported HR table puts its columns there)
 * and declares a feature for each: numbers and booleans as numeric, short-vocabulary strings (at
 * most {@value #MAX_CATEGORIES} values) as one-hot categories, dates as years before the as-of
 * date. Keys that identify, describe free text, or leak the label are excluded by the caller. The
 * discovered definitions become part of the model's recorded feature set, so scoring reads the same
 * properties.
 */
public final class PropertyDiscovery {
  private PropertyDiscovery() {}

  static final int MAX_CATEGORIES = 40;
  private static final Set<String> NEVER =
      Set.of(
          Props.ID,
          Props.NAME,
          Props.TITLE,
          Props.DESCRIPTION,
          Props.ALIASES,
          Props.SOURCE,
          Props.URI,
          Props.CREATED_AT,
          Props.UPDATED_AT,
          "email",
          "phone",
          "embedding");

  public static List<FeatureDefinition> discover(
      Driver driver, String database, List<String> sampleIds, Set<String> excluded) {
    List<FeatureDefinition> out = new ArrayList<>();
    List<String> sample = sampleIds.size() > 2000 ? sampleIds.subList(0, 2000) : sampleIds;
    try (Session s = driver.session(GraphSessions.read(driver, database))) {
      s.executeRead(
          tx -> {
            tx.run(
                    "UNWIND $ids AS id MATCH (e:"
                        + Labels.EXPERT
                        + " {"
                        + Props.ID
                        + ": id}) UNWIND keys(e) AS k "
                        + "WITH k, e[k] AS v RETURN k, collect(DISTINCT valueType(v)) AS types, count(DISTINCT v) AS distinct ORDER BY k",
                    Map.of("ids", sample))
                .forEachRemaining(
                    r -> {
                      String key = r.get("k").asString();
                      if (NEVER.contains(key) || excluded.contains(key)) return;
                      List<String> types =
                          r.get("types").asList(v -> v.asString().replace(" NOT NULL", ""));
                      long distinct = r.get("distinct").asLong();
                      if (types.stream()
                          .allMatch(
                              t ->
                                  t.equals("INTEGER")
                                      || t.equals("FLOAT")
                                      || t.equals("BOOLEAN"))) {
                        out.add(
                            FeatureDefinition.numeric(
                                key, words(key), new FeatureSource.Property(key)));
                      } else if (types.stream().allMatch(t -> t.equals("STRING"))
                          && distinct <= MAX_CATEGORIES) {
                        out.add(
                            FeatureDefinition.categorical(
                                key, words(key), new FeatureSource.Property(key)));
                      } else if (types.stream()
                          .allMatch(t -> t.equals("DATE") || t.contains("DATETIME"))) {
                        out.add(
                            FeatureDefinition.numeric(
                                key + "Years",
                                "years since " + words(key),
                                new FeatureSource.YearsSince(key)));
                      }
                    });
            return null;
          });
    }
    return out;
  }

  /** {@code monthlyIncome} or {@code MonthlyIncome} reads "monthly income". */
  static String words(String key) {
    return String.join(" ", ProtectedAttributes.words(key));
  }
}
