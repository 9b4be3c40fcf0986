package dev.talentgraph.scoring;

import dev.talentgraph.schema.Props;
import java.util.ArrayList;
import java.util.List;
import org.neo4j.driver.Value;

/**
 * {@code type Score}: a model's score of an expert, read from a {@code Score} node's map
 * projection.
 */
public record ScoreView(
    String model, int version, double value, String at, List<ScoreReason> explanation) {

  /** {@code type ScoreReason}. */
  public record ScoreReason(String feature, double contribution, String text) {}

  /**
   * From {@code s {.model, .version, .value, .at, .explanation, .explanationFeatures,
   * .explanationContributions}}.
   */
  public static ScoreView from(Value s) {
    List<String> texts = s.get(Props.EXPLANATION).asList(Value::asString, List.of());
    List<String> features = s.get(Props.EXPLANATION_FEATURES).asList(Value::asString, List.of());
    List<Double> contributions =
        s.get(Props.EXPLANATION_CONTRIBUTIONS).asList(Value::asDouble, List.of());
    List<ScoreReason> why = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      why.add(
          new ScoreReason(
              i < features.size() ? features.get(i) : "",
              i < contributions.size() ? contributions.get(i) : 0,
              texts.get(i)));
    }
    return new ScoreView(
        s.get(Props.MODEL).asString(),
        s.get(Props.VERSION).asInt(),
        s.get(Props.VALUE).asDouble(),
        s.get(Props.AT).asZonedDateTime().toInstant().toString(),
        why);
  }
}
