package dev.talentgraph.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.talentgraph.GraphQlOverHttp;
import dev.talentgraph.graphql.CypherGateway;
import dev.talentgraph.security.ApiTokens;
import dev.talentgraph.security.LocalUsers;
import dev.talentgraph.security.Role;
import java.time.Duration;
import java.util.ArrayList;
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
 * {@code talentProfile} on the demo graph (the context of DemoGraphIT: 100 experts). An expert with
 * skills, projects, papers, courses, collaborators, a promotion and (after training attrition and
 * training-effect here) a score gets every section, each fact with its evidence, checked against
 * Cypher; PORTAL and another employee get the public sections and a refusal for each personal one;
 * the person, HR and their team's manager get everything. The non-recommendation sections cost one
 * statement.
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
class TalentProfileIT {
  static final String PASSWORD = "talent-profile-pw";
  static final List<String> PERSONAL =
      List.of("scores", "performanceReviews", "careerEvents", "careerStage", "contests");
  static final List<String> PUBLIC =
      List.of("skills", "timeline", "projects", "publications", "collaborators", "courses");

  static final String SECTIONS =
      """
        expertId expert { id name title }
        skills { skill { id name } level since lastSeen contested evidence { kind ref text source date } lastSeenEvidence { kind ref date } }
        timeline { kind date endDate title refId role evidence { kind ref date } }
        projects { project { id name } role from to evidence { kind ref text } }
        publications { publication { id title year } about evidence { kind ref } }
        collaborators { expert { id name } count firstYear lastYear sharedProjects sharedPublications evidence { kind ref text } }
        courses { course { id title } status completedAt skill { id } levelBefore levelAfter measuredGain modelEstimate model
                  evidence { kind ref text } }
        scores { score { model version value explanation { feature text } } contested evidence { kind ref text date } }
        performanceReviews { review { id year rating } date evidence { kind ref } }
        careerEvents { kind date title grade outcome evidence { kind ref } }
        careerStage { stage grade yearsAtCompany yearsInGrade status rule evidence { kind ref } }
        contests { id status factKey }
      """;

  @Autowired WebTestClient web;
  @Autowired ApiTokens tokens;
  @Autowired LocalUsers users;
  @Autowired Driver driver;
  @Autowired CypherGateway gateway;
  final ObjectMapper json = new ObjectMapper();
  String admin;
  String expert;
  String other;

  /** Someone in a team whose manager is another person. */
  String managed;

  @BeforeAll
  void setUp() {
    admin = tokens.create("talent-profile-it", "admin", Set.of(Role.ADMIN), null, null).token();
    web = web.mutate().responseTimeout(Duration.ofMinutes(3)).build(); // training takes seconds
    for (String kind : List.of("ATTRITION", "TRAINING_EFFECT")) {
      JsonNode trained =
          gqlToken(
              "mutation { trainModel(input: {kind: "
                  + kind
                  + "}) { model { id } errors { message } } }");
      assertThat(trained.at("/data/trainModel/errors").size()).as(trained.toString()).isZero();
    }
    try (var s = driver.session()) {
      // with 100 demo experts, one or two have every kind of fact
      expert =
          s.run(
                  """
          MATCH (e:Expert)-[:HAS_SCORE]->(:Score)
          WHERE (e)-[:WORKED_ON]->() AND (e)-[:AUTHORED]->() AND (e)-[:COLLABORATED_WITH]-() AND (e)-[:MEMBER_OF]->()
            AND (e)-[:PROMOTED]->() AND (e)-[:HAS_REVIEW]->()
            AND EXISTS { MATCH (e)-[n:ENROLLED]->() WHERE n.levelBefore IS NOT NULL }
          RETURN DISTINCT e.id AS e ORDER BY e LIMIT 1""")
              .single()
              .get("e")
              .asString();
      var pair =
          s.run(
                  """
          MATCH (m:Expert)-[:MANAGES]->(:Team)<-[:MEMBER_OF]-(e:Expert)-[:HAS_SCORE]->(:Score)
          WHERE m <> e AND e.id <> $e AND (e)-[:HAS_REVIEW]->()
          RETURN e.id AS e, m.id AS m ORDER BY e.id LIMIT 1""",
                  Map.of("e", expert))
              .single();
      managed = pair.get("e").asString();
      String manager = pair.get("m").asString();
      other =
          s.run(
                  "MATCH (o:Expert) WHERE NOT o.id IN [$e, $m] AND NOT (o)-[:MANAGES]->() RETURN o.id AS id ORDER BY o.id LIMIT 1",
                  Map.of("e", expert, "m", manager))
              .single()
              .get("id")
              .asString();
      users.upsert("tp-self", PASSWORD, Set.of(Role.EMPLOYEE), expert);
      users.upsert("tp-other", PASSWORD, Set.of(Role.EMPLOYEE), other);
      users.upsert("tp-portal", PASSWORD, Set.of(Role.PORTAL), null);
      users.upsert("tp-hr", PASSWORD, Set.of(Role.HR), null);
      users.upsert("tp-manager", PASSWORD, Set.of(Role.MANAGER), manager);
    }
  }

  JsonNode gqlToken(String query) {
    return gql(null, query);
  }

  JsonNode gql(String user, String query) {
    return GraphQlOverHttp.userOrToken(web, user, PASSWORD, admin, query);
  }

  JsonNode profile(String user, String id) {
    return gql(user, "{ talentProfile(expertId: \"" + id + "\") {" + SECTIONS + "} }");
  }

  long count(String cypher) {
    try (var s = driver.session()) {
      return s.run(cypher, Map.of("e", expert)).single().get(0).asLong();
    }
  }

  static void hasEvidence(JsonNode items, String kind) {
    assertThat(items.size()).isPositive();
    items.forEach(
        i -> {
          assertThat(i.at("/evidence/kind").asText()).as(i.toString()).isEqualTo(kind);
          assertThat(i.at("/evidence/ref").asText()).as(i.toString()).isNotBlank();
        });
  }

  @Test
  void hrGetsEverySectionEachFactWithItsEvidence() {
    JsonNode r = profile("tp-hr", expert);
    assertThat(r.get("errors")).as(r.toString()).isNull();
    JsonNode p = r.at("/data/talentProfile");
    assertThat(p.at("/expert/id").asText()).isEqualTo(expert);

    JsonNode skills = p.get("skills");
    assertThat((long) skills.size())
        .isEqualTo(count("MATCH (:Expert {id: $e})-[h:HAS_SKILL]->() RETURN count(h)"));
    hasEvidence(skills, "HAS_SKILL");
    skills.forEach(
        s -> {
          assertThat(s.at("/evidence/ref").asText())
              .isEqualTo(expert + "-[HAS_SKILL]->" + s.at("/skill/id").asText());
          assertThat(s.get("lastSeen").asText()).as(s.toString()).isNotBlank();
          assertThat(ProfileQuery.sortKey(s.get("lastSeen").asText()))
              .isGreaterThanOrEqualTo(ProfileQuery.sortKey(s.get("since").asText()));
          assertThat(s.at("/lastSeenEvidence/ref").asText()).isNotBlank();
        });
    for (int i = 1; i < skills.size(); i++) {
      assertThat(skills.get(i).get("level").asInt())
          .isLessThanOrEqualTo(skills.get(i - 1).get("level").asInt());
    }

    JsonNode projects = p.get("projects");
    assertThat((long) projects.size())
        .isEqualTo(count("MATCH (:Expert {id: $e})-[w:WORKED_ON]->() RETURN count(w)"));
    hasEvidence(projects, "WORKED_ON");
    assertThat((long) p.get("publications").size())
        .isEqualTo(count("MATCH (:Expert {id: $e})-[a:AUTHORED]->() RETURN count(a)"));
    hasEvidence(p.get("publications"), "AUTHORED");
    JsonNode collaborators = p.get("collaborators");
    assertThat((long) collaborators.size())
        .isEqualTo(count("MATCH (:Expert {id: $e})-[c:COLLABORATED_WITH]-() RETURN count(c)"));
    hasEvidence(collaborators, "COLLABORATED_WITH");
    collaborators.forEach(
        c ->
            assertThat(c.get("sharedProjects").size() + c.get("sharedPublications").size())
                .as("a collaboration traces to a shared project or paper: %s", c)
                .isPositive());

    JsonNode courses = p.get("courses");
    assertThat((long) courses.size())
        .isEqualTo(count("MATCH (:Expert {id: $e})-[n:ENROLLED]->() RETURN count(n)"));
    hasEvidence(courses, "ENROLLED");
    List<JsonNode> measured = new ArrayList<>();
    courses.forEach(
        c -> {
          if (!c.get("levelBefore").isNull()) measured.add(c);
        });
    assertThat(measured)
        .isNotEmpty()
        .allSatisfy(
            c -> {
              assertThat(c.get("measuredGain").asInt())
                  .isEqualTo(c.get("levelAfter").asInt() - c.get("levelBefore").asInt());
              assertThat(c.get("modelEstimate").isNumber())
                  .as("training-effect estimate: %s", c)
                  .isTrue();
              assertThat(c.get("model").asText()).startsWith("training-effect v");
            });

    JsonNode timeline = p.get("timeline");
    List<String> kinds = timeline.findValuesAsText("kind");
    assertThat(kinds).contains("HIRED", "TEAM", "PROJECT");
    timeline.forEach(t -> assertThat(t.at("/evidence/ref").asText()).isNotBlank());

    JsonNode scores = p.get("scores");
    assertThat(scores.findValuesAsText("model")).contains("attrition");
    hasEvidence(scores, "Score");
    assertThat(scores.get(0).at("/score/explanation").size()).isPositive();
    assertThat(scores.get(0).at("/evidence/ref").asText())
        .isEqualTo(expert + "/" + scores.get(0).at("/score/model").asText());

    assertThat((long) p.get("performanceReviews").size())
        .isEqualTo(count("MATCH (:Expert {id: $e})-[r:HAS_REVIEW]->() RETURN count(r)"));
    hasEvidence(p.get("performanceReviews"), "PerformanceReview");
    JsonNode promotions = p.get("careerEvents");
    assertThat(promotions.findValuesAsText("kind")).contains("PROMOTED");
    promotions.forEach(t -> assertThat(t.at("/evidence/ref").asText()).isNotBlank());

    JsonNode stage = p.get("careerStage");
    try (var s = driver.session()) {
      int grade =
          s.run("MATCH (e:Expert {id: $e}) RETURN e.grade AS g", Map.of("e", expert))
              .single()
              .get("g")
              .asInt();
      assertThat(stage.get("grade").asInt()).isEqualTo(grade);
      assertThat(stage.get("stage").asText())
          .isEqualTo(
              grade <= 2
                  ? "EARLY_CAREER"
                  : grade <= 4 ? "MID_CAREER" : grade == 5 ? "SENIOR" : "PRINCIPAL");
    }
    assertThat(stage.get("rule").asText()).contains("grade").contains("years at the company");
    assertThat(stage.get("yearsInGrade").asDouble())
        .isLessThanOrEqualTo(stage.get("yearsAtCompany").asDouble());
    assertThat(stage.get("evidence").findValuesAsText("kind")).contains("Expert", "Promotion");
    assertThat(p.get("contests").isArray()).isTrue();
  }

  @Test
  void recommendationSectionsReuseTheRecommenders() {
    JsonNode r =
        gql(
            "tp-portal",
            "{ talentProfile(expertId: \""
                + expert
                + "\") { recommendedTrainings(first: 3) { items { courseId why } note }"
                + " recommendedCollaborators(first: 3) { items { expert { id } reasons { text } } model } } }");
    assertThat(r.get("errors")).as(r.toString()).isNull();
    JsonNode trainings = r.at("/data/talentProfile/recommendedTrainings/items");
    assertThat(trainings.size()).isBetween(1, 3);
    trainings.forEach(t -> assertThat(t.get("why").asText()).isNotBlank());
    JsonNode people = r.at("/data/talentProfile/recommendedCollaborators/items");
    assertThat(people.size()).isBetween(1, 3);
    assertThat(people.findValuesAsText("id")).doesNotContain(expert);
    JsonNode bad =
        gql(
            null,
            "{ talentProfile(expertId: \""
                + expert
                + "\") { recommendedTrainings(first: 0) { note } } }");
    assertThat(bad.at("/errors/0/extensions/argument").asText()).isEqualTo("first");
  }

  @Test
  void portalAndOtherEmployeesGetThePublicSectionsAndARefusalForEachPersonalOne() {
    for (String user : List.of("tp-portal", "tp-other")) {
      JsonNode r = profile(user, expert);
      JsonNode p = r.at("/data/talentProfile");
      for (String section : PUBLIC)
        assertThat(p.get(section).size()).as(user + " " + section).isPositive();
      for (String section : PERSONAL)
        assertThat(p.get(section).isNull()).as(user + " " + section).isTrue();
      assertThat(r.get("errors").size()).as(r.toString()).isEqualTo(PERSONAL.size());
      r.get("errors")
          .forEach(
              e -> {
                assertThat(e.at("/extensions/code").asText()).isEqualTo("FORBIDDEN");
                assertThat(e.at("/extensions/field").asText()).startsWith("TalentProfile.");
              });
      assertThat(r.toString()).doesNotContain("\"rating\"").doesNotContain("attrition");
    }
  }

  @Test
  void thePersonTheirManagerAndHrSeeThePersonalSections() {
    for (String user : List.of("tp-self", "tp-manager", "tp-hr")) {
      JsonNode r = profile(user, user.equals("tp-manager") ? managed : expert);
      assertThat(r.get("errors")).as(user + ": " + r).isNull();
      JsonNode p = r.at("/data/talentProfile");
      for (String section :
          user.equals("tp-manager")
              ? List.of("scores", "performanceReviews")
              : List.of("scores", "performanceReviews", "careerEvents")) {
        assertThat(p.get(section).size()).as(user + " " + section).isPositive();
      }
      assertThat(p.at("/careerStage/stage").asText()).isNotEqualTo("UNKNOWN");
    }
    // the employee's own profile is theirs; someone else's is not
    JsonNode others =
        gql(
            "tp-self",
            "{ talentProfile(expertId: \""
                + other
                + "\") { skills { level } scores { contested } } }");
    assertThat(others.at("/data/talentProfile/scores").isNull()).isTrue();
    assertThat(others.at("/errors/0/extensions/code").asText()).isEqualTo("FORBIDDEN");
  }

  @Test
  void unknownExpertIsNull() {
    JsonNode r = profile("tp-hr", "no-such-expert");
    assertThat(r.get("errors")).as(r.toString()).isNull();
    assertThat(r.at("/data/talentProfile").isNull()).isTrue();
  }

  @Test
  void theNonRecommendationSectionsCostOneStatement() {
    long before = gateway.totalRoundTrips();
    JsonNode r = profile("tp-hr", expert);
    long full = gateway.totalRoundTrips() - before;
    assertThat(r.get("errors")).isNull();
    assertThat(full).as("every public and personal section in one statement").isEqualTo(1);
    before = gateway.totalRoundTrips();
    JsonNode nested =
        gql(
            "tp-hr",
            "{ talentProfile(expertId: \""
                + expert
                + "\") { skills { level } expert { skills { level } teams { name }"
                + " personal { email } } collaborators { expert { skills { level } } } } }");
    long withNested = gateway.totalRoundTrips() - before;
    assertThat(nested.get("errors")).as(nested.toString()).isNull();
    assertThat(nested.at("/data/talentProfile/expert/personal/email").asText()).contains("@");
    // the profile + one batch per nested Expert list (skills of the expert and of all collaborators
    // together,
    // teams, personal): a fixed bound, whatever the number of collaborators
    assertThat(withNested).isBetween(4L, 5L);
  }
}
