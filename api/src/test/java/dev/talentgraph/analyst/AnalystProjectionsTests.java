package dev.talentgraph.analyst;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rule that decides whether a GDS graph an analyst projected may stay in the catalog. */
class AnalystProjectionsTests {
  static final Set<String> LABELS = Set.of("PerformanceReview", "PersonalData");
  static final Set<String> TYPES = Set.of("HAS_REVIEW", "HAS_PERSONAL_DATA");
  static final Set<String> PROPERTIES = Set.of("level", "weight");

  static Map<String, Object> node(String label, Object properties) {
    return Map.of("label", label, "properties", properties);
  }

  static Map<String, Object> rel(String type, Object properties) {
    return Map.of("type", type, "orientation", "NATURAL", "properties", properties);
  }

  static Optional<String> check(Map<String, Object> nodes, Map<String, Object> rels) {
    return check(Map.of("nodeProjection", nodes, "relationshipProjection", rels), 10);
  }

  static Optional<String> check(Map<String, Object> configuration, long elements) {
    return AnalystProjections.violation(configuration, elements, LABELS, TYPES, PROPERTIES, 1_000);
  }

  @Test
  void publicLabelsTypesAndAllowedPropertiesStay() {
    assertThat(
            check(
                Map.of("Expert", node("Expert", Map.of()), "Skill", node("Skill", Map.of())),
                Map.of(
                    "HAS_SKILL", rel("HAS_SKILL", Map.of("level", Map.of("property", "level"))))))
        .isEmpty();
  }

  @Test
  void aProtectedLabelIsRefusedEvenUnderAnotherName() {
    assertThat(
            check(
                Map.of("Review", node("PerformanceReview", Map.of())),
                Map.of("R", rel("HAS_SKILL", Map.of()))))
        .get()
        .asString()
        .contains("label PerformanceReview");
    assertThat(
            check(
                Map.of("Expert", node("Expert", Map.of())),
                Map.of("KNOWS", rel("HAS_REVIEW", Map.of()))))
        .get()
        .asString()
        .contains("relationship type HAS_REVIEW");
  }

  @Test
  void everyLabelOrTypeIsRefused() {
    assertThat(
            check(Map.of("__ALL__", node("*", Map.of())), Map.of("R", rel("HAS_SKILL", Map.of()))))
        .get()
        .asString()
        .contains("(*)");
    assertThat(
            check(
                Map.of("Expert", node("Expert", Map.of())), Map.of("__ALL__", rel("*", Map.of()))))
        .get()
        .asString()
        .contains("every relationship type");
  }

  @Test
  void propertiesOffTheAllowListAreRefusedByTheirSourceName() {
    // projected as "level" but read from "rating": the source name decides
    assertThat(
            check(
                Map.of("Expert", node("Expert", Map.of("level", Map.of("property", "rating")))),
                Map.of("R", rel("HAS_SKILL", Map.of()))))
        .get()
        .asString()
        .contains("'rating'");
    assertThat(
            check(
                Map.of(
                    "nodeProjection",
                    Map.of("Expert", node("Expert", Map.of())),
                    "relationshipProjection",
                    Map.of("R", rel("HAS_SKILL", Map.of())),
                    "nodeProperties",
                    List.of("grade")),
                10))
        .get()
        .asString()
        .contains("'grade'");
  }

  @Test
  void unknownProjectionFormsAndOversizedGraphsAreRefused() {
    assertThat(check(Map.of("query", "MATCH (n) RETURN n"), 10))
        .get()
        .asString()
        .contains("not a native projection");
    assertThat(
            check(
                Map.of(
                    "nodeProjection",
                    Map.of("Expert", node("Expert", Map.of())),
                    "relationshipProjection",
                    Map.of("R", rel("HAS_SKILL", Map.of()))),
                1_001))
        .get()
        .asString()
        .contains("more than the limit of 1000");
  }
}
