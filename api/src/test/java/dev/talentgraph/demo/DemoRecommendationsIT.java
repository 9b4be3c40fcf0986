package dev.talentgraph.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.talentgraph.GraphQlOverHttp;
import dev.talentgraph.security.ApiTokens;
import dev.talentgraph.security.Role;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The recommenders over GraphQL on the demo graph (same context as {@link DemoGraphIT}): skill gap,
 * course ranking and learning path for a real job opening, and collaborators; each answer checked
 * against Cypher.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "talent.neo4j.embedded.bolt-port=0",
      "talent.demo.enabled=true",
      "talent.demo.experts=100"
    })
@AutoConfigureWebTestClient
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoRecommendationsIT {
  @Autowired WebTestClient web;
  @Autowired ApiTokens tokens;
  @Autowired Driver driver;
  String token;
  String expert;
  String opening;

  @BeforeAll
  void setUp() {
    token = tokens.create("demo-recommendations", "admin", Set.of(Role.ADMIN), null, null).token();
    try (var s = driver.session()) {
      // an expert who lacks at least one required skill of an opening
      var r =
          s.run(
                  """
          MATCH (j:JobOpening)-[q:REQUIRES]->(k:Skill), (e:Expert)
          WHERE NOT (e)-[:HAS_SKILL]->(k) AND (e)-[:COLLABORATED_WITH]-() AND (e)-[:ENROLLED]->()
          RETURN e.id AS e, j.id AS j ORDER BY e.id, j.id LIMIT 1""")
              .single();
      expert = r.get("e").asString();
      opening = r.get("j").asString();
    }
  }

  JsonNode gql(String query) {
    return GraphQlOverHttp.bearer(web, token, query, null);
  }

  @Test
  void skillGapForAJobOpening() {
    JsonNode r =
        gql(
            "{ skillGap(expertId: \""
                + expert
                + "\", target: {jobOpeningId: \""
                + opening
                + "\"}) {"
                + " target { kind id } gaps { skillId requiredLevel currentLevel missing reason } met { skillId } } }");
    assertThat(r.get("errors")).as(r.toString()).isNull();
    assertThat(r.at("/data/skillGap/target/kind").asText()).isEqualTo("JobOpening");
    JsonNode gaps = r.at("/data/skillGap/gaps");
    assertThat(gaps.size()).isPositive();
    gaps.forEach(
        g -> {
          assertThat(g.get("missing").asDouble()).isPositive();
          assertThat(g.get("missing").asDouble())
              .isEqualTo(
                  Math.max(0, g.get("requiredLevel").asInt() - g.get("currentLevel").asDouble()),
                  org.assertj.core.data.Offset.offset(1e-9));
        });
  }

  @Test
  void recommendedCoursesCloseGapSkillsAndExcludeCompletedOnes() {
    JsonNode r =
        gql(
            "{ recommendTrainings(expertId: \""
                + expert
                + "\", target: {jobOpeningId: \""
                + opening
                + "\"}, first: 5) {"
                + " items { courseId score closes { skillId reason } why } note } }");
    assertThat(r.get("errors")).as(r.toString()).isNull();
    JsonNode items = r.at("/data/recommendTrainings/items");
    Set<String> completed;
    try (var s = driver.session()) {
      completed =
          new HashSet<>(
              s.run(
                      "MATCH (:Expert {id: $e})-[x:ENROLLED {status: 'completed'}]->(c:Course) RETURN c.id AS id",
                      Map.of("e", expert))
                  .list(x -> x.get("id").asString()));
    }
    for (JsonNode item : items) {
      assertThat(completed).doesNotContain(item.get("courseId").asText());
      assertThat(item.get("why").asText()).isNotBlank();
    }
    if (items.size() > 0)
      assertThat(items.get(0).get("closes").size())
          .as("the best course closes a gap skill")
          .isPositive();
    for (int i = 1; i < items.size(); i++) {
      assertThat(items.get(i).get("score").asDouble())
          .isLessThanOrEqualTo(items.get(i - 1).get("score").asDouble());
    }
  }

  @Test
  void theRankingUsesTheActiveTrainingEffectModel() {
    JsonNode trained =
        gql(
            "mutation { trainModel(input: {kind: TRAINING_EFFECT}) { model { version } errors { field message } } }");
    assertThat(trained.get("errors")).as(trained.toString()).isNull();
    String version = trained.at("/data/trainModel/model/version").asText();
    JsonNode r =
        gql(
            "{ recommendTrainings(expertId: \""
                + expert
                + "\", target: {jobOpeningId: \""
                + opening
                + "\"}, first: 5) {"
                + " items { courseId expectedGain why } } }");
    assertThat(r.get("errors")).as(r.toString()).isNull();
    JsonNode items = r.at("/data/recommendTrainings/items");
    assertThat(items.size()).isPositive();
    items.forEach(
        i ->
            assertThat(i.get("why").asText())
                .contains("training-effect v" + version + " expects +"));
  }

  @Test
  void learningPathPutsPrerequisitesFirstAndRespectsTheBudget() {
    JsonNode r =
        gql(
            "{ learningPath(expertId: \""
                + expert
                + "\", target: {jobOpeningId: \""
                + opening
                + "\"}, maxHours: 40) {"
                + " steps { position courseId hours closes { skillId } prerequisiteOf } totalHours maxHours uncovered { skillId reason } note } }");
    assertThat(r.get("errors")).as(r.toString()).isNull();
    JsonNode path = r.at("/data/learningPath");
    assertThat(path.get("totalHours").asInt()).isLessThanOrEqualTo(40);
    List<String> order = new java.util.ArrayList<>();
    path.get("steps").forEach(s -> order.add(s.get("courseId").asText()));
    // every course teaches a gap skill or is a prerequisite of one that does
    path.get("steps")
        .forEach(
            s ->
                assertThat(s.get("closes").size() + s.get("prerequisiteOf").size())
                    .as("step %s", s.get("courseId"))
                    .isPositive());
    try (var s = driver.session()) {
      for (var pair :
          s.run(
                  "MATCH (p:Course)-[:PREREQUISITE_OF]->(c:Course) WHERE p.id IN $ids AND c.id IN $ids"
                      + " RETURN p.id AS p, c.id AS c",
                  Map.of("ids", order))
              .list()) {
        assertThat(order.indexOf(pair.get("p").asString()))
            .isLessThan(order.indexOf(pair.get("c").asString()));
      }
    }
  }

  @Test
  void collaboratorsOnTheDemoGraphAreNewPeople() {
    JsonNode r =
        gql(
            "{ recommendCollaborators(expertId: \""
                + expert
                + "\", first: 5) { items { expert { id } reasons { text } } } }");
    assertThat(r.get("errors")).as(r.toString()).isNull();
    Set<String> existing;
    try (var s = driver.session()) {
      existing =
          new HashSet<>(
              s.run(
                      "MATCH (:Expert {id: $e})-[:COLLABORATED_WITH]-(c) RETURN c.id AS id",
                      Map.of("e", expert))
                  .list(x -> x.get("id").asString()));
    }
    JsonNode items = r.at("/data/recommendCollaborators/items");
    assertThat(items.size()).isPositive();
    items.forEach(
        i -> {
          assertThat(existing).doesNotContain(i.at("/expert/id").asText());
          assertThat(i.get("reasons").size()).isPositive();
        });
  }

  @Test
  void badInputIsNamed() {
    JsonNode unknown =
        gql(
            "{ skillGap(expertId: \"nobody\", target: {jobOpeningId: \""
                + opening
                + "\"}) { gaps { skillId } } }");
    assertThat(unknown.at("/errors/0/extensions/code").asText()).isEqualTo("UNKNOWN_EXPERT");
    JsonNode two =
        gql(
            "{ skillGap(expertId: \""
                + expert
                + "\", target: {jobOpeningId: \""
                + opening
                + "\", projectId: \"x\"}) { gaps { skillId } } }");
    assertThat(two.at("/errors/0/message").asText())
        .contains("Exactly one key")
        .contains("TargetInput");
    assertThat(two.at("/data/skillGap").isMissingNode() || two.at("/data/skillGap").isNull())
        .isTrue();
    JsonNode level =
        gql(
            "{ learningPath(expertId: \""
                + expert
                + "\", target: {skills: [{skillId: \"x\", level: 9}]}) { note } }");
    assertThat(level.at("/errors/0/extensions/argument").asText())
        .isEqualTo("target.skills[0].level");
  }

  @Test
  void theCourseRankerRetrainsOnASmallGraph() {
    // 100 experts: few enrolments per course, so the ensemble's members drew negatives with
    // different features
    // (retraining failed with "Model feature domains are not equal" before the members shared one
    // domain)
    JsonNode r =
        gql(
            "mutation { trainModel(input: {kind: COURSE_RANKER}) { model { id active } errors { message } } }");
    assertThat(r.get("errors")).as(r.toString()).isNull();
    assertThat(r.at("/data/trainModel/errors").size()).as(r.toString()).isZero();
    assertThat(r.at("/data/trainModel/model/id").asText()).startsWith("course-ranker:");
    JsonNode after =
        gql(
            "{ recommendTrainings(expertId: \""
                + expert
                + "\", target: {jobOpeningId: \""
                + opening
                + "\"}, first: 3) {"
                + " items { courseId score why } ranker } }");
    assertThat(after.get("errors")).as(after.toString()).isNull();
    assertThat(after.at("/data/recommendTrainings/ranker").asText())
        .startsWith(r.at("/data/trainModel/model/id").asText());
  }
}
