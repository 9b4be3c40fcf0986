package dev.talentgraph.audit;

import static dev.talentgraph.analyst.GuardFixtures.cypher;
import static dev.talentgraph.analyst.GuardFixtures.graphql;
import static org.assertj.core.api.Assertions.assertThat;

import dev.talentgraph.analyst.GuardFixtures;
import dev.talentgraph.analyst.GuardTest;
import dev.talentgraph.security.LocalUsers;
import dev.talentgraph.security.Role;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The audit log: refusals of every kind are recorded with who, what, when, where and why; no secret
 * a request carried (a password, a token, a personal value in a query literal) ends up in it; ADMIN
 * reads it through GraphQL with filters and cursors, everybody else is refused (and that is audited
 * too).
 */
@GuardTest
class AuditLogIT {
  static final String WRONG_PASSWORD = "Wr0ng-Secret-Pass!";
  static final String FAKE_TOKEN = "tg_SECRETxTOKENxTHATxISxNOTxVALIDxxxxxxxxxx";
  static final String LITERAL = "private.person@example.org";

  @Autowired WebTestClient web;
  @Autowired Driver driver;
  @Autowired LocalUsers users;
  @Autowired AuditLog audit;

  @BeforeEach
  void seed() {
    GuardFixtures.seed(driver, users);
    if (users.find("auditor").isEmpty())
      users.upsert("auditor", GuardFixtures.PASSWORD, Set.of(Role.ADMIN), null);
    if (users.find("curious").isEmpty())
      users.upsert("curious", GuardFixtures.PASSWORD, Set.of(Role.ANALYST), null);
    GuardFixtures.warmUp(web);
  }

  @Test
  void refusalsAreRecordedWithoutTheSecretsTheyCarried() {
    // 401: wrong password, invalid token; refused Cypher with a personal value as literal; wrong
    // role
    web.post()
        .uri("/cypher")
        .headers(h -> h.setBasicAuth("curious", WRONG_PASSWORD))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("query", "RETURN 1"))
        .exchange()
        .expectStatus()
        .isUnauthorized();
    web.post()
        .uri("/graphql")
        .headers(h -> h.setBearerAuth(FAKE_TOKEN))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("query", "{ graphStats { experts } }"))
        .exchange()
        .expectStatus()
        .isUnauthorized();
    cypher(
            web,
            "curious",
            "MATCH (e:Expert)-[:HAS_PERSONAL_DATA]->(p) WHERE p.email = '"
                + LITERAL
                + "' RETURN e.name",
            Map.of("mail", LITERAL))
        .expectStatus()
        .isForbidden();
    cypher(web, "portal", "MATCH (s:Skill) RETURN s.name", null).expectStatus().isForbidden();
    assertThat(audit.flush(Duration.ofSeconds(10))).isTrue();

    try (var s = driver.session()) {
      var rows =
          s.run("MATCH (a:AuditEvent) RETURN properties(a) AS p").list(r -> r.get("p").asMap());
      String all = rows.toString();
      assertThat(all)
          .doesNotContain(WRONG_PASSWORD)
          .doesNotContain(FAKE_TOKEN)
          .doesNotContain(LITERAL)
          .doesNotContain(GuardFixtures.SECRET_EMAIL)
          .doesNotContain(GuardFixtures.PASSWORD);
      assertThat(rows)
          .anySatisfy(
              p ->
                  assertThat(p)
                      .containsEntry("actor", "curious")
                      .containsEntry("action", "http.request")
                      .containsEntry("outcome", "REFUSED")
                      .containsEntry("target", "POST /cypher")
                      .containsEntry("reason", "401 unauthenticated: wrong user name or password")
                      .containsKey("remoteAddress")
                      .containsKey("at"));
      assertThat(rows)
          .anySatisfy(
              p ->
                  assertThat(p)
                      .containsEntry("actor", "anonymous")
                      .containsEntry("target", "POST /graphql")
                      .containsEntry(
                          "reason",
                          "401 unauthenticated: invalid, revoked or expired bearer token"));
      assertThat(rows)
          .anySatisfy(
              p ->
                  assertThat(p)
                      .containsEntry("actor", "curious")
                      .containsEntry("action", "cypher.query")
                      .containsEntry("outcome", "REFUSED")
                      .containsEntry("roles", List.of("ANALYST"))
                      .containsEntry("via", "password")
                      .satisfies(
                          m -> assertThat(m.get("reason").toString()).contains("HAS_PERSONAL_DATA"))
                      .satisfies(
                          m ->
                              assertThat(m.get("target").toString())
                                  .contains("p.email = ?")
                                  .contains("params [mail]")));
      assertThat(rows)
          .anySatisfy(
              p ->
                  assertThat(p)
                      .containsEntry("actor", "portal")
                      .containsEntry("action", "cypher.query")
                      .containsEntry("outcome", "REFUSED")
                      .satisfies(
                          m ->
                              assertThat(m.get("reason").toString())
                                  .contains("ANALYST and ADMIN")));
    }
  }

  @Test
  void adminReadsTheLogWithFiltersAndCursors() {
    for (int i = 0; i < 5; i++) {
      cypher(web, "curious", "MATCH (u:User) RETURN u.passwordHash", null)
          .expectStatus()
          .isForbidden();
    }
    assertThat(audit.flush(Duration.ofSeconds(10))).isTrue();
    String q =
        "query($after: String) { auditLog(first: 2, after: $after, where: {actor: \"curious\", action: \"cypher\","
            + " since: \"2020-01-01T00:00:00Z\"}) { edges { cursor node { id at actor roles action target outcome reason"
            + " remoteAddress } } pageInfo { endCursor hasNextPage hasPreviousPage } totalCount } }";
    var first =
        graphql(web, "auditor", q, null)
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.errors")
            .doesNotExist()
            .jsonPath("$.data.auditLog.edges.length()")
            .isEqualTo(2)
            .jsonPath("$.data.auditLog.edges[0].node.actor")
            .isEqualTo("curious")
            .jsonPath("$.data.auditLog.edges[0].node.action")
            .isEqualTo("cypher.query")
            .jsonPath("$.data.auditLog.edges[0].node.outcome")
            .isEqualTo("REFUSED")
            .jsonPath("$.data.auditLog.pageInfo.hasNextPage")
            .isEqualTo(true)
            .jsonPath("$.data.auditLog.pageInfo.hasPreviousPage")
            .isEqualTo(false)
            .jsonPath("$.data.auditLog.totalCount")
            .value(n -> assertThat(((Number) n).intValue()).isGreaterThanOrEqualTo(5))
            .returnResult()
            .getResponseBody();
    String json = new String(first);
    String cursor = com.jayway.jsonpath.JsonPath.read(json, "$.data.auditLog.pageInfo.endCursor");
    assertThat(cursor)
        .isEqualTo(com.jayway.jsonpath.JsonPath.read(json, "$.data.auditLog.edges[1].cursor"));
    List<String> firstIds =
        com.jayway.jsonpath.JsonPath.read(json, "$.data.auditLog.edges[*].node.id");
    byte[] second =
        graphql(web, "auditor", q, Map.of("after", cursor))
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.data.auditLog.edges.length()")
            .isEqualTo(2)
            .jsonPath("$.data.auditLog.pageInfo.hasPreviousPage")
            .isEqualTo(true)
            .returnResult()
            .getResponseBody();
    List<String> secondIds =
        com.jayway.jsonpath.JsonPath.read(new String(second), "$.data.auditLog.edges[*].node.id");
    assertThat(secondIds).doesNotContainAnyElementsOf(firstIds);
  }

  @Test
  void othersMayNotReadTheLogAndTheAttemptIsRecorded() {
    for (String user : List.of("curious", "hr", "portal")) {
      graphql(web, user, "{ auditLog(first: 5) { edges { node { actor } } } }", null)
          .expectStatus()
          .isOk()
          .expectBody()
          .jsonPath("$.data")
          .doesNotExist()
          .jsonPath("$.errors[0].extensions.code")
          .isEqualTo("FORBIDDEN")
          .jsonPath("$.errors[0].message")
          .value(m -> assertThat(m.toString()).contains("ADMIN"));
    }
    assertThat(audit.flush(Duration.ofSeconds(10))).isTrue();
    var page = audit.query(10, null, "portal", "graphql", null);
    assertThat(page.events())
        .anySatisfy(
            e -> {
              assertThat(e.outcome()).isEqualTo(AuditEvent.Outcome.REFUSED);
              assertThat(e.target()).contains("auditLog");
              assertThat(e.reason()).contains("FORBIDDEN");
            });
  }

  @Test
  void recordingDoesNotWaitForTheDatabase() {
    long t0 = System.nanoTime();
    for (int i = 0; i < 2_000; i++) {
      audit.record(
          AuditEvent.anonymous(
              "load-" + i, "test.burst", "x", AuditEvent.Outcome.ALLOWED, null, "127.0.0.1"));
    }
    long queued = System.nanoTime() - t0;
    assertThat(audit.flush(Duration.ofSeconds(60))).isTrue();
    long stored = System.nanoTime() - t0;
    // the callers were done long before the events were in the database: nobody waited for the
    // writes
    assertThat(queued).as("ns to record 2000 events vs ns until stored").isLessThan(stored / 2);
    assertThat(audit.query(1000, null, null, "test.burst", null).events()).hasSize(1000);
    assertThat(audit.dropped()).isZero();
  }
}
