package dev.talentgraph.hostile;

import static dev.talentgraph.analyst.GuardFixtures.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.talentgraph.GraphQlOverHttp;
import dev.talentgraph.analyst.GuardFixtures;
import dev.talentgraph.analyst.GuardTest;
import dev.talentgraph.audit.AuditLog;
import dev.talentgraph.collaboration.CollaboratorService;
import dev.talentgraph.security.ApiTokens;
import dev.talentgraph.security.LocalUsers;
import dev.talentgraph.security.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Erasure reaches every copy (finding 4): after {@code eraseExpert}, a scan of every node and
 * relationship property of the whole graph (audit events included), the collaboration index's
 * answers and the API's answers about the person find neither their name nor their id, except the
 * id as the key of the anonymous record that keeps their skills and team for counts; their login
 * and their API token are refused at once.
 */
@GuardTest
class ErasureScanIT {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String ID = "ex-zelda";
  static final String NAME = "Zelda Erasable";

  @Autowired WebTestClient web;
  @Autowired Driver driver;
  @Autowired LocalUsers users;
  @Autowired ApiTokens tokens;
  @Autowired AuditLog audit;
  @Autowired CollaboratorService collaborators;

  @Test
  void afterErasureNoTraceRemainsAndTheTokenIsRefused() throws Exception {
    GuardFixtures.seed(driver, users);
    try (var s = driver.session()) {
      s.run(
              """
          MERGE (z:Expert {id: $id}) SET z.name = $name, z.grade = 3, z.status = 'departed',
            z.departedAt = date('2025-02-01'), z.departureReason = 'left after Zelda Erasable moved',
            z.title = 'Engineer', z.hiredAt = date('2019-01-01')
          MERGE (a:Expert {id: 'ex-ann'}) SET a.name = 'Ann Other'
          MERGE (b:Expert {id: 'ex-bob'}) SET b.name = 'Bob Other'
          MERGE (a)-[:COLLABORATED_WITH {weight: 3}]->(z)
          MERGE (z)-[:COLLABORATED_WITH {weight: 3}]->(b)
          MERGE (sk:Skill {id: 'ex-skill'}) SET sk.name = 'Erasure'
          MERGE (z)-[:HAS_SKILL {level: 4, evidence: 'Zelda Erasable wrote it'}]->(sk)
          MERGE (t:Team {id: 'ex-team'}) SET t.name = 'Erasers'
          MERGE (z)-[:MEMBER_OF]->(t)
          MERGE (z)-[:HAS_PERSONAL_DATA]->(:PersonalData {expertId: $id, email: 'enc:v1:x'})
          MERGE (z)-[:HAS_REVIEW]->(:PerformanceReview {id: 'ex-rev', rating: 2, summary: 'Zelda Erasable ok'})
          MERGE (z)-[:HAS_SCORE]->(:Score {id: 'ex-score', explanation: 'rating of ex-zelda is 2'})
          MERGE (z)-[:PROMOTED]->(:Promotion {id: 'ex-promo', toGrade: 3})
          MERGE (z)-[:CONTESTED]->(:Contest {id: 'ex-ct', reason: 'I, Zelda Erasable, object', actor: 'zelda'})
          MERGE (j:JobOpening {id: 'ex-j'}) SET j.title = 'Eraser', j.headcount = 2
          MERGE (z)-[:APPLIED]->(ap:Application {id: 'ex-app', stage: 'screened'})-[:TO]->(j)
          MERGE (ap)-[:MOVED]->(:StageChange {id: 'ex-app-1', seq: 1, reason: 'Zelda Erasable fits'})
          MERGE (m:Mentorship {id: 'ex-ment', note: 'for ex-zelda'})
          MERGE (m)-[:HAS_MENTEE]->(z) MERGE (m)-[:HAS_MENTOR]->(a)
          MERGE (q:Question {id: 'ex-q'}) SET q.title = 'Ask Zelda Erasable about erasure'
          """,
              Map.of("id", ID, "name", NAME))
          .consume();
    }
    users.upsert("zelda", PASSWORD, Set.of(Role.EMPLOYEE), ID);
    users.upsert("ex-hr", PASSWORD, Set.of(Role.HR), null);
    String token = tokens.create("zelda-cli", "zelda", Set.of(Role.EMPLOYEE), ID, null).token();
    // the person acts: their token and login work, and an audit event carries their login
    bearer(token).expectStatus().isOk();
    assertThat(gql("zelda", "{ expert(id: \"" + ID + "\") { name } }").toString()).contains(NAME);
    gql("zelda", "{ auditLog(first: 1) { pageInfo { hasNextPage } } }");
    // the collaboration index is read again, so it holds the fixture
    collaborators.refresh();
    String before =
        gql(
                "ex-hr",
                "{ recommendCollaborators(expertId: \"ex-ann\", first: 5) { items { expert"
                    + " { id name } reasons { text } } } }")
            .toString();
    assertThat(before).contains(NAME);

    JsonNode erased =
        gql(
            "ex-hr",
            "mutation { eraseExpert(input: {expertId: \""
                + ID
                + "\"}) { erased errors"
                + " { message } } }");
    assertThat(erased.at("/data/eraseExpert/erased").asBoolean()).as(erased.toString()).isTrue();
    // the graph-wide scrub of free text runs after the request; it marks the record when done
    awaitScrubbed();
    assertThat(audit.flush(Duration.ofSeconds(20))).isTrue();
    try (var s = driver.session()) {
      assertThat(
              s.run("MATCH (a:AuditEvent {action: 'erasure.scrubbed'}) RETURN count(a) AS n")
                  .single()
                  .get("n")
                  .asLong())
          .as("the scrub's completion is audited")
          .isPositive();
    }

    // the whole graph: every property of every node and relationship
    List<String> traces = new ArrayList<>();
    try (var s = driver.session()) {
      s.run("MATCH (n) RETURN labels(n) AS l, properties(n) AS p")
          .forEachRemaining(r -> scan("node " + r.get("l").asList(), r.get("p"), traces));
      s.run("MATCH ()-[r]->() RETURN type(r) AS t, properties(r) AS p")
          .forEachRemaining(r -> scan("relationship " + r.get("t").asString(), r.get("p"), traces));
    }
    assertThat(traces)
        .as("only the anonymous record keeps the id")
        .containsExactly("node [Expert].id");
    try (var s = driver.session()) {
      var tomb = s.run("MATCH (e:Expert {id: $id}) RETURN e", Map.of("id", ID)).single().get("e");
      assertThat(tomb.asNode().asMap())
          .containsEntry("name", "Erased person")
          .doesNotContainKeys("departedAt", "departureReason", "grade", "title", "hiredAt");
      assertThat(
              s.run(
                      "MATCH (e:Expert {id: $id})-[:HAS_SKILL|MEMBER_OF]->(x) RETURN count(x) AS n",
                      Map.of("id", ID))
                  .single()
                  .get("n")
                  .asLong())
          .as("skills and team stay for counts")
          .isEqualTo(2);
    }

    // the in-memory index and the API's answers
    List<String> answers =
        List.of(
            gql(
                    "ex-hr",
                    "{ recommendCollaborators(expertId: \"ex-ann\", first: 5) { items {"
                        + " expert { id name } reasons { text } } } }")
                .toString(),
            gql(
                    "ex-hr",
                    "{ recommendCollaborators(expertId: \"ex-bob\", first: 5) { items {"
                        + " expert { id name } reasons { text } } } }")
                .toString(),
            gql("ex-hr", "{ experts(first: 5, where: {nameContains: \"Zelda\"}) { totalCount } }")
                .toString(),
            gql(
                    "ex-hr",
                    "{ exportPersonalData(expertId: \""
                        + ID
                        + "\") { profile { name } document } }")
                .toString(),
            gql(
                    "ex-hr",
                    "{ talentProfile(expertId: \""
                        + ID
                        + "\") { careerEvents { title }"
                        + " contests { reason } } }")
                .toString(),
            gql("ex-hr", "{ expert(id: \"ex-ann\") { collaborators { id name } } }").toString());
    for (String a : answers) {
      assertThat(a).doesNotContain("Zelda").doesNotContain("Erasable");
    }
    assertThat(answers.get(2)).contains("\"totalCount\":0");

    // their token and their login are refused at once
    bearer(token).expectStatus().isUnauthorized();
    web.post()
        .uri("/graphql")
        .headers(h -> h.setBasicAuth("zelda", PASSWORD))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("query", "{ graphStats { experts } }"))
        .exchange()
        .expectStatus()
        .isUnauthorized();
  }

  /** Waits (at most two minutes, so a slow machine does not fail it) for the scrub's mark. */
  void awaitScrubbed() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (true) {
      try (var s = driver.session()) {
        if (s.run(
                "MATCH (e:Expert {id: $id}) RETURN e.scrubbedAt IS NOT NULL AS done",
                Map.of("id", ID))
            .single()
            .get("done")
            .asBoolean()) return;
      }
      assertThat(System.nanoTime()).as("the scrub finished in time").isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  /** Records "where.key" for every value naming the person (strings, lists of strings). */
  static void scan(String where, Value props, List<String> traces) {
    for (String k : props.keys()) {
      Object v = props.get(k).asObject();
      List<Object> values = v instanceof List<?> l ? new ArrayList<>(l) : List.of(v);
      for (Object x : values) {
        String text = String.valueOf(x);
        if (text.contains("Zelda") || text.contains("Erasable") || text.contains(ID)) {
          traces.add(where + "." + k + (text.equals(ID) ? "" : " = " + text));
        }
      }
    }
  }

  WebTestClient.ResponseSpec bearer(String token) {
    return web.post()
        .uri("/graphql")
        .headers(h -> h.setBearerAuth(token))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("query", "{ graphStats { experts } }"))
        .exchange();
  }

  JsonNode gql(String user, String document) {
    return GraphQlOverHttp.basic(
        web.mutate().responseTimeout(Duration.ofSeconds(30)).build(),
        user,
        PASSWORD,
        document,
        null);
  }
}
