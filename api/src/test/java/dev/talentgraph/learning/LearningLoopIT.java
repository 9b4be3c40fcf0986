package dev.talentgraph.learning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.talentgraph.GraphQlOverHttp;
import dev.talentgraph.security.ApiTokens;
import dev.talentgraph.security.LocalUsers;
import dev.talentgraph.security.Role;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The learning loop on the demo graph, through GraphQL as its users call it: a manager assigns a
 * path, the person enrols, records progress and completes the course with an assessed level; the
 * profile shows it, the skill's evidence is the assessment, the measured training effect counts it,
 * and invalid steps are refused with the field named and nothing written.
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
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LearningLoopIT {
  static final String PASSWORD = "learning-loop-pw";
  static final String ENROLMENT =
      "{ enrolment { status startedAt progress completedAt skillId levelBefore levelAfter"
          + " assessed { skillId levelBefore levelAfter } evidence feedbackRating }"
          + " errors { field code message } }";

  @Autowired WebTestClient web;
  @Autowired ApiTokens tokens;
  @Autowired LocalUsers users;
  @Autowired Driver driver;
  @Autowired dev.talentgraph.audit.AuditLog audit;
  final ObjectMapper json = new ObjectMapper();
  final LocalDate today = LocalDate.now(ZoneOffset.UTC);
  String admin;
  String expert;
  String manager;
  String team;
  String otherManager;

  /** A skill the expert holds below 5, taught by a course they never enrolled in. */
  String skill;

  int levelBefore;
  String course;

  /** A skill the expert lacks, taught by a course they never enrolled in. */
  String otherSkill;

  @BeforeAll
  void setUp() {
    admin = tokens.create("learning-loop-it", "admin", Set.of(Role.ADMIN), null, null).token();
    try (var s = driver.session()) {
      var r =
          s.run(
                  """
          MATCH (m:Expert)-[:MANAGES]->(t:Team)<-[:MEMBER_OF]-(e:Expert)-[h:HAS_SKILL]->(k:Skill)<-[:TEACHES]-(c:Course)
          WHERE m <> e AND h.level < 4 AND NOT (e)-[:ENROLLED]->(c)
            AND NOT EXISTS { (p:Course)-[:PREREQUISITE_OF]->(c) }
          MATCH (m2:Expert)-[:MANAGES]->(t2:Team) WHERE t2 <> t AND m2 <> m AND NOT (m2)-[:MANAGES]->(t)
          RETURN e.id AS e, m.id AS m, t.id AS t, m2.id AS m2, k.id AS k, h.level AS level, c.id AS c
          ORDER BY e.id, k.id, c.id LIMIT 1""")
              .single();
      expert = r.get("e").asString();
      manager = r.get("m").asString();
      team = r.get("t").asString();
      otherManager = r.get("m2").asString();
      skill = r.get("k").asString();
      levelBefore = r.get("level").asInt();
      otherSkill =
          s.run(
                  """
          MATCH (k:Skill)<-[:TEACHES]-(c:Course) WHERE k.id <> $k
            AND NOT EXISTS { (:Expert {id: $e})-[:HAS_SKILL]->(k) }
            AND NOT EXISTS { (:Expert {id: $e})-[:ENROLLED]->(c) }
          RETURN k.id AS k ORDER BY k.id LIMIT 1""",
                  Map.of("e", expert, "k", skill))
              .single()
              .get("k")
              .asString();
    }
    users.upsert("ll-self", PASSWORD, Set.of(Role.EMPLOYEE), expert);
    users.upsert("ll-manager", PASSWORD, Set.of(Role.MANAGER), manager);
    users.upsert("ll-other-manager", PASSWORD, Set.of(Role.MANAGER), otherManager);
    users.upsert("ll-stranger", PASSWORD, Set.of(Role.EMPLOYEE), otherManager);
    web = web.mutate().responseTimeout(Duration.ofSeconds(60)).build();
  }

  @Test
  @Order(1)
  void aManagerAssignsAPathWithADueDate() {
    JsonNode past =
        gql(
            "ll-manager",
            "mutation { assignLearningPath(input: {expertId: \"%s\", target: {skills: [{skillId: \"%s\", level: 5}]}, dueDate: \"%s\"}) { assignment { id } errors { field code } } }"
                .formatted(expert, skill, today.minusDays(1)));
    assertThat(past.at("/data/assignLearningPath/errors/0/field").asText()).isEqualTo("dueDate");
    assertThat(past.at("/data/assignLearningPath/assignment").isNull()).isTrue();

    JsonNode refused =
        gql(
            "ll-other-manager",
            "mutation { assignLearningPath(input: {expertId: \"%s\", target: {skills: [{skillId: \"%s\", level: 5}]}}) { assignment { id } } }"
                .formatted(expert, skill));
    assertThat(refused.at("/errors/0/extensions/classification").asText()).isEqualTo("FORBIDDEN");

    JsonNode r =
        gql(
            "ll-manager",
            "mutation { assignLearningPath(input: {expertId: \"%s\", target: {skills: [{skillId: \"%s\", level: 5}]}, dueDate: \"%s\"}) { assignment { id expertId assignedBy dueDate status overdue target courses { position courseId status } } errors { field message } } }"
                .formatted(expert, skill, today.plusDays(30)));
    JsonNode a = r.at("/data/assignLearningPath/assignment");
    assertThat(r.at("/data/assignLearningPath/errors").size()).as(r.toString()).isZero();
    assertThat(a.get("assignedBy").asText()).isEqualTo("ll-manager");
    assertThat(a.get("status").asText()).isEqualTo("OPEN");
    assertThat(a.get("overdue").asBoolean()).isFalse();
    assertThat(a.get("courses").size()).isPositive();
    assertThat(a.at("/courses/0/status").isNull()).isTrue();
    course = a.at("/courses/0/courseId").asText();
  }

  @Test
  @Order(2)
  void completionBeforeEnrolmentIsRefusedWithTheFieldNamed() {
    JsonNode r =
        gql(
            "ll-self",
            "mutation { completeCourse(input: {expertId: \"%s\", courseId: \"%s\", assessedLevels: [{skillId: \"%s\", level: 4}]}) %s }"
                .formatted(expert, course, skill, ENROLMENT));
    assertThat(r.at("/data/completeCourse/errors/0/field").asText()).isEqualTo("courseId");
    assertThat(r.at("/data/completeCourse/errors/0/code").asText()).isEqualTo("INVALID_TRANSITION");
    assertThat(level()).isEqualTo(levelBefore);
  }

  @Test
  @Order(3)
  void thePersonEnrolsAndRecordsProgress() {
    JsonNode e =
        gql(
            "ll-self",
            "mutation { enrol(input: {expertId: \"%s\", courseId: \"%s\", startedAt: \"%s\"}) %s }"
                .formatted(expert, course, today.minusDays(10), ENROLMENT));
    assertThat(e.at("/data/enrol/enrolment/status").asText())
        .as(e.toString())
        .isEqualTo("in_progress");
    JsonNode again =
        gql(
            "ll-self",
            "mutation { enrol(input: {expertId: \"%s\", courseId: \"%s\"}) %s }"
                .formatted(expert, course, ENROLMENT));
    assertThat(again.at("/data/enrol/errors/0/code").asText()).isEqualTo("INVALID_TRANSITION");

    JsonNode tooMuch =
        gql(
            "ll-self",
            "mutation { recordProgress(input: {expertId: \"%s\", courseId: \"%s\", percent: 140}) %s }"
                .formatted(expert, course, ENROLMENT));
    assertThat(tooMuch.at("/data/recordProgress/errors/0/field").asText()).isEqualTo("percent");
    JsonNode early =
        gql(
            "ll-self",
            "mutation { recordProgress(input: {expertId: \"%s\", courseId: \"%s\", percent: 10, at: \"%s\"}) %s }"
                .formatted(expert, course, today.minusDays(20), ENROLMENT));
    assertThat(early.at("/data/recordProgress/errors/0/field").asText()).isEqualTo("at");
    JsonNode p =
        gql(
            "ll-self",
            "mutation { recordProgress(input: {expertId: \"%s\", courseId: \"%s\", percent: 60}) %s }"
                .formatted(expert, course, ENROLMENT));
    assertThat(p.at("/data/recordProgress/enrolment/progress").asInt()).isEqualTo(60);
  }

  @Test
  @Order(4)
  void invalidCompletionsAreRefusedWithTheFieldNamedAndNothingWritten() {
    JsonNode level =
        gql(
            "ll-self",
            "mutation { completeCourse(input: {expertId: \"%s\", courseId: \"%s\", assessedLevels: [{skillId: \"%s\", level: 7}]}) %s }"
                .formatted(expert, course, skill, ENROLMENT));
    assertThat(level.at("/data/completeCourse/errors/0/field").asText())
        .isEqualTo("assessedLevels[0].level");
    assertThat(level.at("/data/completeCourse/errors/0/code").asText()).isEqualTo("OUT_OF_RANGE");
    JsonNode dates =
        gql(
            "ll-self",
            "mutation { completeCourse(input: {expertId: \"%s\", courseId: \"%s\", completedAt: \"%s\", assessedLevels: [{skillId: \"%s\", level: 4}]}) %s }"
                .formatted(expert, course, today.minusDays(11), skill, ENROLMENT));
    assertThat(dates.at("/data/completeCourse/errors/0/field").asText()).isEqualTo("completedAt");
    JsonNode unknown =
        gql(
            "ll-self",
            "mutation { completeCourse(input: {expertId: \"%s\", courseId: \"%s\", assessedLevels: [{skillId: \"%s\", level: 4}, {skillId: \"s-no-such-skill\", level: 2}]}) %s }"
                .formatted(expert, course, skill, ENROLMENT));
    assertThat(unknown.at("/data/completeCourse/errors/0/field").asText())
        .isEqualTo("assessedLevels[1].skillId");
    assertThat(level()).isEqualTo(levelBefore);
  }

  @Test
  @Order(5)
  void aCompletionWithAnAssessedLevelUpdatesTheSkillAndCountsInTheMeasuredEffect() {
    int enrolmentsBefore = measuredEnrolments();
    long effectRowsBefore = effectRows();
    JsonNode r =
        gql(
            "ll-self",
            "mutation { completeCourse(input: {expertId: \"%s\", courseId: \"%s\", assessedLevels: [{skillId: \"%s\", level: 4}], evidence: \"practical test, 82/100\", score: 82}) %s }"
                .formatted(expert, course, skill, ENROLMENT));
    JsonNode en = r.at("/data/completeCourse/enrolment");
    assertThat(en.get("status").asText()).as(r.toString()).isEqualTo("completed");
    assertThat(en.get("completedAt").asText()).isEqualTo(today.toString());
    assertThat(en.get("skillId").asText()).isEqualTo(skill);
    assertThat(en.get("levelBefore").asInt()).isEqualTo(levelBefore);
    assertThat(en.get("levelAfter").asInt()).isEqualTo(4);
    assertThat(en.at("/assessed/0/levelBefore").asInt()).isEqualTo(levelBefore);
    assertThat(level()).isEqualTo(4);

    // the profile shows the completion, the skill with the assessment as its evidence, and the
    // assignment done
    JsonNode profile =
        gql(
            "ll-self",
            ("{ talentProfile(expertId: \"%s\") { skills { skill { id } level evidence { text source } }"
                    + " courses { course { id } status levelBefore levelAfter measuredGain }"
                    + " learningAssignments { status overdue courses { courseId status progress } } } }")
                .formatted(expert));
    JsonNode p = profile.at("/data/talentProfile");
    JsonNode s = find(p.get("skills"), "/skill/id", skill);
    assertThat(s.get("level").asInt()).isEqualTo(4);
    assertThat(s.at("/evidence/source").asText()).isEqualTo("assessment");
    assertThat(s.at("/evidence/text").asText()).contains("assessment", course, "practical test");
    JsonNode c = find(p.get("courses"), "/course/id", course);
    assertThat(c.get("status").asText()).isEqualTo("completed");
    assertThat(c.get("measuredGain").asInt()).isEqualTo(4 - levelBefore);
    assertThat(p.at("/learningAssignments/0/courses/0/status").asText()).isEqualTo("completed");
    assertThat(p.at("/learningAssignments/0/courses/0/progress").asInt()).isEqualTo(100);

    // the measured training effect (metrics) and the training-effect model's rows count it
    assertThat(measuredEnrolments()).isEqualTo(enrolmentsBefore + 1);
    assertThat(effectRows()).isEqualTo(effectRowsBefore + 1);

    JsonNode twice =
        gql(
            "ll-self",
            "mutation { completeCourse(input: {expertId: \"%s\", courseId: \"%s\"}) %s }"
                .formatted(expert, course, ENROLMENT));
    assertThat(twice.at("/data/completeCourse/errors/0/code").asText())
        .isEqualTo("INVALID_TRANSITION");
    JsonNode withdraw =
        gql(
            "ll-self",
            "mutation { withdraw(input: {expertId: \"%s\", courseId: \"%s\"}) %s }"
                .formatted(expert, course, ENROLMENT));
    assertThat(withdraw.at("/data/withdraw/errors/0/field").asText()).isEqualTo("courseId");
  }

  @Test
  @Order(6)
  void feedbackIsRatedOneToFive() {
    JsonNode bad =
        gql(
            "ll-self",
            "mutation { courseFeedback(input: {expertId: \"%s\", courseId: \"%s\", rating: 6}) %s }"
                .formatted(expert, course, ENROLMENT));
    assertThat(bad.at("/data/courseFeedback/errors/0/field").asText()).isEqualTo("rating");
    JsonNode ok =
        gql(
            "ll-self",
            "mutation { courseFeedback(input: {expertId: \"%s\", courseId: \"%s\", rating: 5, text: \"useful\"}) %s }"
                .formatted(expert, course, ENROLMENT));
    assertThat(ok.at("/data/courseFeedback/enrolment/feedbackRating").asInt()).isEqualTo(5);
  }

  @Test
  @Order(7)
  void aManagerSeesTheOverdueAssignmentsOfTheirTeamOnly() {
    // a second assignment, never started, becomes overdue after its due date
    JsonNode r =
        gql(
            "ll-manager",
            "mutation { assignLearningPath(input: {expertId: \"%s\", target: {skills: [{skillId: \"%s\", level: 5}]}, dueDate: \"%s\"}) { assignment { id courses { courseId } } errors { field message } } }"
                .formatted(expert, otherSkill, today.plusDays(7)));
    String second = r.at("/data/assignLearningPath/assignment/id").asText();
    assertThat(second).as(r.toString()).startsWith("la-");
    String q =
        "{ teamLearning(teamId: \"%s\", overdueOnly: true, asOf: \"%s\") { id expertId dueDate overdue } }";
    JsonNode now = gql("ll-manager", q.formatted(team, today));
    assertThat(now.at("/data/teamLearning").findValuesAsText("id")).doesNotContain(second);
    JsonNode later = gql("ll-manager", q.formatted(team, today.plusDays(8)));
    assertThat(later.at("/data/teamLearning").findValuesAsText("id")).contains(second);
    assertThat(later.at("/data/teamLearning").findValuesAsText("overdue")).containsOnly("true");
    JsonNode other = gql("ll-other-manager", q.formatted(team, today));
    assertThat(other.at("/errors/0/extensions/code").asText()).isEqualTo("FORBIDDEN");
    JsonNode employee = gql("ll-self", q.formatted(team, today));
    assertThat(employee.at("/errors/0/extensions/classification").asText()).isEqualTo("FORBIDDEN");
  }

  @Test
  @Order(8)
  void everyLearningMutationIsAudited() {
    assertThat(audit.flush(Duration.ofSeconds(60))).isTrue();
    try (var s = driver.session()) {
      long n =
          s.run(
                  "MATCH (a:AuditEvent) WHERE a.action = 'graphql.mutation' AND a.target CONTAINS 'completeCourse' RETURN count(a) AS n")
              .single()
              .get("n")
              .asLong();
      assertThat(n).isGreaterThanOrEqualTo(1);
    }
  }

  private int level() {
    try (var s = driver.session()) {
      return s.run(
              "MATCH (:Expert {id: $e})-[h:HAS_SKILL]->(:Skill {id: $k}) RETURN h.level AS l",
              Map.of("e", expert, "k", skill))
          .single()
          .get("l")
          .asInt();
    }
  }

  private int measuredEnrolments() {
    JsonNode m =
        gql(
            null,
            "{ metrics(from: \"%s\", to: \"%s\") { trainingEffect { enrolments } } }"
                .formatted(today.minusDays(1), today));
    return m.at("/data/metrics/trainingEffect/enrolments").asInt();
  }

  private long effectRows() {
    try (var s = driver.session()) {
      return s.run(
              "MATCH (:Expert)-[r:ENROLLED]->(:Course) WHERE r.levelBefore IS NOT NULL AND r.levelAfter IS NOT NULL RETURN count(r) AS n")
          .single()
          .get("n")
          .asLong();
    }
  }

  private static JsonNode find(JsonNode list, String path, String value) {
    for (JsonNode n : list) if (value.equals(n.at(path).asText())) return n;
    throw new AssertionError("no " + path + " = " + value + " in " + list);
  }

  JsonNode gql(String user, String query) {
    return GraphQlOverHttp.userOrToken(web, user, PASSWORD, admin, query);
  }
}
