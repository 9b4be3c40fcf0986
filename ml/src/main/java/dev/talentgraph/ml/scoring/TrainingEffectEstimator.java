package dev.talentgraph.ml.scoring;

import dev.talentgraph.ml.courses.EffectModel;
import dev.talentgraph.ml.features.GraphFeatureExtractor;
import dev.talentgraph.ml.model.ModelKind;
import dev.talentgraph.schema.FieldCipher;
import dev.talentgraph.schema.GraphSessions;
import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.Props;
import dev.talentgraph.schema.RelTypes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Driver;

/**
 * The active {@code training-effect} model (a regression of {@code levelAfter - levelBefore} on the
 * learner's graph features and the course) asked about courses the learner has not taken: each
 * (expert, course) becomes the same row the model was trained on, with {@code levelBefore} = the
 * expert's current level in the skills the course teaches (0 when none). Reloads when another
 * version is activated.
 */
public final class TrainingEffectEstimator implements EffectModel {
  private final Driver driver;
  private final String database;
  private final FieldCipher cipher;
  private final ActiveModel active;

  /**
   * {@code kind} is the training-effect kind of the model catalogue ({@code
   * ModelKinds.TRAINING_EFFECT}).
   */
  public TrainingEffectEstimator(
      Driver driver, String database, FieldCipher cipher, ModelKind kind) {
    this.driver = driver;
    this.database = database;
    this.cipher = cipher;
    this.active = new ActiveModel(driver, database, kind.name());
  }

  @Override
  public String name() {
    return active
        .current()
        .map(l -> l.stored().info().kind() + " v" + l.stored().info().version())
        .orElse(null);
  }

  @Override
  public Map<String, Double> expectedGains(String expertId, List<String> courseIds) {
    return estimate(expertId, courseIds, null);
  }

  /**
   * The model's estimate for enrolments the expert has already made, each row as the model was
   * trained on it: {@code levelBefore} = the level recorded on the ENROLLED relationship (course id
   * -> level, 0 = none). Empty when no training-effect model is active.
   */
  public Map<String, Double> expectedGainsAt(String expertId, Map<String, Integer> levelBefore) {
    return estimate(expertId, List.copyOf(levelBefore.keySet()), levelBefore);
  }

  /** {@code levelBefore} null: the expert's current level in the skills the course teaches. */
  private Map<String, Double> estimate(
      String expertId, List<String> courseIds, Map<String, Integer> levelBefore) {
    Optional<ActiveModel.Loaded> model = active.current();
    if (model.isEmpty() || courseIds.isEmpty()) return Map.of();
    List<GraphFeatureExtractor.Row> rows = new ArrayList<>();
    try (var s = driver.session(GraphSessions.read(driver, database))) {
      s.run(
              "UNWIND $ids AS cid MATCH (c:"
                  + Labels.COURSE
                  + " {"
                  + Props.ID
                  + ": cid})"
                  + " OPTIONAL MATCH (c)-[:"
                  + RelTypes.TEACHES
                  + "]->(k:"
                  + Labels.SKILL
                  + ")"
                  + " OPTIONAL MATCH (:"
                  + Labels.EXPERT
                  + " {"
                  + Props.ID
                  + ": $e})-[h:"
                  + RelTypes.HAS_SKILL
                  + "]->(k)"
                  + " RETURN cid, max(coalesce(h."
                  + Props.LEVEL
                  + ", 0)) AS before, c."
                  + Props.HOURS
                  + " AS hours,"
                  + " c.provider AS provider",
              Map.of("ids", courseIds, "e", expertId))
          .forEachRemaining(
              r -> {
                String cid = r.get("cid").asString();
                Map<String, Object> cols = new HashMap<>();
                cols.put(
                    "levelBefore",
                    levelBefore == null
                        ? r.get("before").asNumber()
                        : levelBefore.getOrDefault(cid, 0));
                cols.put("hours", r.get("hours").isNull() ? null : r.get("hours").asObject());
                cols.put(
                    "provider", r.get("provider").isNull() ? null : r.get("provider").asString());
                rows.add(new GraphFeatureExtractor.Row(expertId + "|" + cid, expertId, null, cols));
              });
    }
    if (rows.isEmpty()) return Map.of();
    var x =
        new GraphFeatureExtractor(driver, database, cipher)
            .features(model.get().features(), rows, LocalDate.now());
    Map<String, Double> out = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      String courseId = rows.get(i).id().substring(expertId.length() + 1);
      out.put(courseId, model.get().stored().model().predict(x.get(i)));
    }
    return out;
  }
}
