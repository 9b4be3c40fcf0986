package dev.talentgraph.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.talentgraph.GraphQlOverHttp;
import dev.talentgraph.schema.FieldCipher;
import dev.talentgraph.security.LocalUsers;
import dev.talentgraph.security.Role;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Roles against personal data and mutations, at the top and nested: who sees what, who may change
 * what, and erasure with export. Fixture: team t1 (ada, bob) managed by mia; team t2 (cyd).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "talent.neo4j.embedded.bolt-port=0")
@AutoConfigureWebTestClient
class AccessRulesIT {
  static final String PASSWORD = "access-rules-pw";
  @Autowired WebTestClient web;
  @Autowired Driver driver;
  @Autowired FieldCipher cipher;
  @Autowired LocalUsers users;
  @Autowired dev.talentgraph.audit.AuditLog auditLog;
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void fixture() {
    try (var s = driver.session()) {
      s.run("MATCH (n) WHERE n.fixture = 'access' DETACH DELETE n").consume();
      s.run(
              """
          CREATE (t1:Team {id: 'ar-t1', name: 'Vision', fixture: 'access'}), (t2:Team {id: 'ar-t2', name: 'Speech', fixture: 'access'})
          CREATE (ml:Skill {id: 'ar-ml', name: 'Machine learning', fixture: 'access'})
          CREATE (ada:Expert {id: 'ar-ada', name: 'Ada', country: 'UK', fixture: 'access'})-[:MEMBER_OF]->(t1)
          CREATE (bob:Expert {id: 'ar-bob', name: 'Bob', country: 'UK', fixture: 'access'})-[:MEMBER_OF]->(t1)
          CREATE (cyd:Expert {id: 'ar-cyd', name: 'Cyd', country: 'FR', fixture: 'access'})-[:MEMBER_OF]->(t2)
          CREATE (mia:Expert {id: 'ar-mia', name: 'Mia', country: 'UK', fixture: 'access'})-[:MANAGES]->(t1)
          CREATE (ada)-[:HAS_SKILL {level: 4, evidence: 'thesis on CNNs'}]->(ml), (cyd)-[:HAS_SKILL {level: 3}]->(ml)
          CREATE (ada)-[:COLLABORATED_WITH {count: 2}]->(cyd)
          CREATE (ada)-[:HAS_REVIEW]->(:PerformanceReview {id: 'ar-rev1', year: 2025, rating: 4, fixture: 'access'})
          """)
          .consume();
      for (String id : new String[] {"ar-ada", "ar-bob", "ar-cyd"}) {
        s.run(
                "MATCH (e:Expert {id: $id}) CREATE (e)-[:HAS_PERSONAL_DATA]->(:PersonalData {expertId: $id, fixture: 'access',"
                    + " email: $email, salary: $salary})",
                Map.of(
                    "id",
                    id,
                    "email",
                    cipher.encrypt(id + "@example.org", FieldCipher.aad(id, "email")),
                    "salary",
                    cipher.encrypt("91000", FieldCipher.aad(id, "salary"))))
            .consume();
      }
    }
    users.upsert("ar-hr", PASSWORD, Set.of(Role.HR), null);
    users.upsert("ar-portal", PASSWORD, Set.of(Role.PORTAL), null);
    users.upsert("ar-analyst", PASSWORD, Set.of(Role.ANALYST), null);
    users.upsert("ar-ada", PASSWORD, Set.of(Role.EMPLOYEE), "ar-ada");
    users.upsert("ar-mia", PASSWORD, Set.of(Role.MANAGER), "ar-mia");
  }

  JsonNode gql(String user, String query) {
    return GraphQlOverHttp.basic(web, user, PASSWORD, query, null);
  }

  static final String PROFILE =
      "{ expert(id: \"ar-ada\") { name skills { level skill { name } } teams { name }"
          + " personal { email salary } performanceReviews { rating } } }";

  @Test
  void portalSeesThePublicProfileButNoPersonalField() {
    JsonNode r = gql("ar-portal", PROFILE);
    assertThat(r.at("/data/expert/name").asText()).isEqualTo("Ada");
    assertThat(r.at("/data/expert/skills/0/skill/name").asText()).isEqualTo("Machine learning");
    assertThat(r.at("/data/expert/personal").isNull()).isTrue();
    assertThat(r.at("/data/expert/performanceReviews").isNull()).isTrue();
    assertThat(r.get("errors")).hasSize(2);
    assertThat(r.at("/errors/0/extensions/code").asText()).isEqualTo("FORBIDDEN");
    assertThat(r.toString()).doesNotContain("ar-ada@example.org").doesNotContain("91000");
  }

  @Test
  void hrSeesDecryptedPersonalData() {
    JsonNode r = gql("ar-hr", PROFILE);
    assertThat(r.get("errors")).isNull();
    assertThat(r.at("/data/expert/personal/email").asText()).isEqualTo("ar-ada@example.org");
    assertThat(r.at("/data/expert/personal/salary").asDouble()).isEqualTo(91000.0);
    assertThat(r.at("/data/expert/performanceReviews/0/rating").asInt()).isEqualTo(4);
    // the audit log holds HR's reads (which field of whom), never the values
    assertThat(auditLog.flush(java.time.Duration.ofSeconds(30))).isTrue();
    try (var s = driver.session()) {
      var reads =
          s.run(
                  "MATCH (a:AuditEvent {actor: 'ar-hr', action: 'personal.read'}) RETURN a.target AS t")
              .list(x -> x.get("t").asString());
      assertThat(reads)
          .anyMatch(t -> t.contains("ar-ada") && t.contains("Expert.personal"))
          .anyMatch(t -> t.contains("ar-ada") && t.contains("Expert.performanceReviews"));
      long leaks =
          s.run(
                  "MATCH (a:AuditEvent) WITH apoc.convert.toJson(properties(a)) AS text"
                      + " WHERE text CONTAINS 'ar-ada@example.org' OR text CONTAINS '91000' RETURN count(*) AS n")
              .single()
              .get("n")
              .asLong();
      assertThat(leaks).isZero();
    }
  }

  @Test
  void anEmployeeSeesTheirOwnButNotACollaboratorsNestedPersonalData() {
    JsonNode r =
        gql(
            "ar-ada",
            "{ expert(id: \"ar-ada\") { personal { email } collaborators { name personal { email } } } }");
    assertThat(r.at("/data/expert/personal/email").asText()).isEqualTo("ar-ada@example.org");
    assertThat(r.at("/data/expert/collaborators/0/name").asText()).isEqualTo("Cyd");
    assertThat(r.at("/data/expert/collaborators/0/personal").isNull()).isTrue();
    assertThat(r.at("/errors/0/message").asText()).contains("Expert.personal").contains("ar-cyd");
  }

  @Test
  void aManagerSeesTheirTeamOnlyAlsoInsideAConnection() {
    JsonNode r =
        gql(
            "ar-mia",
            "{ experts(first: 10, where: {nameContains: \"\"}, orderBy: {field: ID}) {"
                + " edges { node { id personal { email } } } } }");
    Map<String, String> seen = new java.util.TreeMap<>();
    r.at("/data/experts/edges")
        .forEach(
            e -> {
              String id = e.at("/node/id").asText();
              if (id.startsWith("ar-"))
                seen.put(
                    id,
                    e.at("/node/personal/email").isMissingNode() || e.at("/node/personal").isNull()
                        ? null
                        : e.at("/node/personal/email").asText());
            });
    assertThat(seen)
        .containsEntry("ar-ada", "ar-ada@example.org")
        .containsEntry("ar-bob", "ar-bob@example.org");
    assertThat(seen.get("ar-cyd")).isNull();
  }

  @Test
  void analystsAndPortalsCannotMutateAndNothingIsWritten() {
    long before = count();
    for (String user : new String[] {"ar-portal", "ar-analyst", "ar-ada"}) {
      JsonNode r =
          gql(
              user,
              "mutation { createExpert(input: {id: \"ar-new\", name: \"New\"}) { expert { id } errors { field } } }");
      assertThat(r.at("/errors/0/extensions/code").asText()).as(user).isEqualTo("FORBIDDEN");
      assertThat(r.at("/errors/0/message").asText())
          .contains("Mutation.createExpert")
          .contains("HR");
    }
    JsonNode r =
        gql(
            "ar-ada",
            "mutation { setExpertSkill(input: {expertId: \"ar-cyd\", skillId: \"ar-ml\", level: 5}) { errors { field } } }");
    assertThat(r.at("/errors/0/extensions/code").asText()).isEqualTo("FORBIDDEN");
    assertThat(count()).isEqualTo(before);
    JsonNode own =
        gql(
            "ar-ada",
            "mutation { setExpertSkill(input: {expertId: \"ar-ada\", skillId: \"ar-ml\", level: 5}) { errors { field } } }");
    assertThat(own.get("errors")).isNull();
  }

  @Test
  void eraseThenExportReturnsNothingPersonalAndAggregatesStay() {
    String aggregate =
        "MATCH (e:Expert)-[:HAS_SKILL]->(s:Skill {id: 'ar-ml'}) WITH count(e) AS bySkill"
            + " MATCH (e:Expert)-[:MEMBER_OF]->(t:Team) WHERE t.id STARTS WITH 'ar-' RETURN bySkill, count(e) AS byTeam";
    Map<String, Object> before;
    try (var s = driver.session()) {
      before = s.run(aggregate).single().asMap();
    }
    JsonNode refused =
        gql("ar-portal", "mutation { eraseExpert(input: {expertId: \"ar-ada\"}) { erased } }");
    assertThat(refused.at("/errors/0/extensions/code").asText()).isEqualTo("FORBIDDEN");

    JsonNode erased =
        gql(
            "ar-hr",
            "mutation { eraseExpert(input: {expertId: \"ar-ada\"}) { erased nodesDeleted relationshipsDeleted errors { field } } }");
    assertThat(erased.at("/data/eraseExpert/erased").asBoolean()).isTrue();
    assertThat(erased.at("/data/eraseExpert/nodesDeleted").asInt())
        .isEqualTo(2); // personal data + review
    JsonNode export =
        gql(
            "ar-hr",
            "{ exportPersonalData(expertId: \"ar-ada\") { profile { name } personal { email }"
                + " performanceReviews { rating } facts { type otherId } document } }");
    assertThat(export.at("/data/exportPersonalData/personal").isNull()).isTrue();
    assertThat(export.at("/data/exportPersonalData/performanceReviews")).isEmpty();
    assertThat(export.at("/data/exportPersonalData/profile/name").asText())
        .isEqualTo("Erased person");
    assertThat(export.toString())
        .doesNotContain("ar-ada@example.org")
        .doesNotContain("Ada\"")
        .doesNotContain("thesis on CNNs")
        .doesNotContain("COLLABORATED_WITH");
    try (var s = driver.session()) {
      assertThat(s.run(aggregate).single().asMap()).isEqualTo(before);
    }
    JsonNode again =
        gql(
            "ar-hr",
            "mutation { eraseExpert(input: {expertId: \"ar-ada\"}) { erased nodesDeleted } }");
    assertThat(again.at("/data/eraseExpert/nodesDeleted").asInt()).as("idempotent").isZero();
  }

  @Test
  void exportIsForThePersonAndPeopleAdminsOnly() {
    assertThat(
            gql("ar-ada", "{ exportPersonalData(expertId: \"ar-ada\") { personal { email } } }")
                .at("/data/exportPersonalData/personal/email")
                .asText())
        .isEqualTo("ar-ada@example.org");
    JsonNode other =
        gql("ar-ada", "{ exportPersonalData(expertId: \"ar-cyd\") { personal { email } } }");
    assertThat(other.at("/data/exportPersonalData").isNull()).isTrue();
    assertThat(other.at("/errors/0/extensions/code").asText()).isEqualTo("FORBIDDEN");
  }

  long count() {
    try (var s = driver.session()) {
      return s.run("MATCH (n) WHERE NOT n:AuditEvent RETURN count(n) AS n")
          .single()
          .get("n")
          .asLong();
    }
  }
}
