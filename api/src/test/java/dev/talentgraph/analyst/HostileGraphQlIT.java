package dev.talentgraph.analyst;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.talentgraph.security.ApiTokens;
import dev.talentgraph.security.LocalUsers;
import dev.talentgraph.security.Role;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The GraphQL half of the hostile-request suite (the Cypher half is {@link CypherGuardIT}, in the
 * same context): bad or missing credentials, each role reaching beyond itself at the top, nested
 * and inside a connection, bombs, oversized pages, introspection. Each is refused with a clear
 * error; afterwards the graph's counts and property checksum are what they were (audit events
 * excepted).
 */
@GuardTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileGraphQlIT {
  static final String PW = GuardFixtures.PASSWORD;
  @Autowired WebTestClient web;
  @Autowired Driver driver;
  @Autowired LocalUsers users;
  @Autowired ApiTokens tokens;
  String before;
  String expiring;
  long expiringCreated;
  String revoked;

  @BeforeAll
  void seed() {
    GuardFixtures.seed(driver, users);
    GuardFixtures.warmUp(web);
    // own logins, so the rate limit of the shared context is not spent by other classes
    for (Role r : Role.values())
      users.upsert("h-" + r.name().toLowerCase(), PW, Set.of(r), "guard-e1");
    // tokens the test presents: set up before the fingerprint (they are not the hostile requests'
    // doing)
    expiring =
        tokens
            .create("h-expiring", "h-admin", Set.of(Role.ADMIN), null, Duration.ofMillis(800))
            .token();
    expiringCreated = System.nanoTime();
    revoked = tokens.create("h-revoked", "h-admin", Set.of(Role.ADMIN), null, null).token();
    tokens.revoke("h-revoked");
    before = GuardFixtures.fingerprint(driver);
  }

  @AfterAll
  void graphUnchanged() {
    assertThat(GuardFixtures.fingerprint(driver)).isEqualTo(before);
  }

  static Arguments refused(String user, String why, String document, String expected) {
    return Arguments.of(user, why, document, expected);
  }

  static Stream<Arguments> wrongRole() {
    String personalTop = "{ expert(id: \"guard-e2\") { name personal { email } } }";
    String personalInConnection =
        "{ experts(first: 3) { edges { node { id personal { email salary } } } } }";
    String reviews = "{ expert(id: \"guard-e2\") { performanceReviews { rating } } }";
    String scores = "{ expert(id: \"guard-e2\") { scores { value } } }";
    return Stream.of(
        refused("h-portal", "portal reads personal data at the top", personalTop, "FORBIDDEN"),
        refused(
            "h-portal",
            "portal reads personal data inside a connection",
            personalInConnection,
            "FORBIDDEN"),
        refused("h-portal", "portal reads ratings", reviews, "FORBIDDEN"),
        refused("h-portal", "portal reads model scores", scores, "FORBIDDEN"),
        refused(
            "h-portal",
            "portal creates an expert",
            "mutation { createExpert(input: {id: \"x\", name: \"X\"}) { errors { field } } }",
            "FORBIDDEN"),
        refused(
            "h-portal",
            "portal exports someone",
            "{ exportPersonalData(expertId: \"guard-e2\") { document } }",
            "FORBIDDEN"),
        refused(
            "h-portal",
            "portal erases someone",
            "mutation { eraseExpert(input: {expertId: \"guard-e2\"}) { erased } }",
            "FORBIDDEN"),
        refused("h-analyst", "analyst reads personal data", personalTop, "FORBIDDEN"),
        refused(
            "h-analyst",
            "analyst reads personal data in a connection",
            personalInConnection,
            "FORBIDDEN"),
        refused(
            "h-analyst",
            "analyst changes a skill",
            "mutation { setExpertSkill(input: {expertId: \"guard-e2\", skillId: \"guard-s1\", level: 5}) { errors { field } } }",
            "FORBIDDEN"),
        refused(
            "h-analyst",
            "analyst deletes a skill",
            "mutation { deleteSkill(input: {id: \"guard-s1\"}) { errors { field } } }",
            "FORBIDDEN"),
        refused(
            "h-analyst",
            "analyst reads the audit log",
            "{ auditLog(first: 1) { pageInfo { hasNextPage } } }",
            "FORBIDDEN"),
        refused(
            "h-employee", "employee reads a colleague's personal data", personalTop, "FORBIDDEN"),
        refused("h-employee", "employee reads a colleague's ratings", reviews, "FORBIDDEN"),
        refused(
            "h-employee",
            "employee changes a colleague's skill",
            "mutation { setExpertSkill(input: {expertId: \"guard-e2\", skillId: \"guard-s1\", level: 1}) { errors { field } } }",
            "FORBIDDEN"),
        refused(
            "h-employee",
            "employee erases a colleague",
            "mutation { eraseExpert(input: {expertId: \"guard-e2\"}) { erased } }",
            "FORBIDDEN"),
        refused(
            "h-employee",
            "employee trains a model",
            "mutation { trainModel(input: {kind: ATTRITION}) { errors { field } } }",
            "FORBIDDEN"),
        refused("h-manager", "manager reads someone outside their teams", personalTop, "FORBIDDEN"),
        refused(
            "h-manager",
            "manager deletes an expert",
            "mutation { deleteExpert(input: {id: \"guard-e2\"}) { errors { field } } }",
            "FORBIDDEN"),
        refused(
            "h-hr",
            "HR reads the audit log",
            "{ auditLog(first: 1) { pageInfo { hasNextPage } } }",
            "FORBIDDEN"),
        refused(
            "h-hr",
            "HR retrains the recommender",
            "mutation { trainModel(input: {kind: COLLABORATOR_RANKER}) { errors { field } } }",
            "FORBIDDEN"),
        refused(
            "h-hr",
            "HR queries Cypher",
            "{ cypher(query: \"MATCH (n:Skill) RETURN count(n) AS n\") { columns } }",
            "CYPHER_FORBIDDEN"),
        refused(
            "h-portal",
            "depth bomb",
            "{ expert(id: \"guard-e1\") { collaborators { collaborators { collaborators { collaborators {"
                + " collaborators { collaborators { collaborators { collaborators { name } } } } } } } } } }",
            "MAX_DEPTH_EXCEEDED"),
        refused("h-portal", "alias bomb", "{ " + aliases(12) + " }", "MAX_ALIASES_EXCEEDED"),
        refused(
            "h-portal",
            "oversized page",
            "{ experts(first: 5000) { totalCount } }",
            "MAX_PAGE_SIZE_EXCEEDED"),
        refused(
            "h-portal",
            "page above the API's cap",
            "{ experts(first: 150) { totalCount } }",
            "INVALID_ARGUMENT"),
        refused(
            "h-portal",
            "introspection by a non-admin",
            "{ __schema { types { name } } }",
            "INTROSPECTION_DISABLED"));
  }

  static String aliases(int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) sb.append("a").append(i).append(": graphStats { experts } ");
    return sb.toString();
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("wrongRole")
  void refusedWithAClearError(String user, String why, String document, String expectedCode)
      throws Exception {
    byte[] body =
        GuardFixtures.graphql(web, user, document, null)
            .expectStatus()
            .isOk()
            .expectBody()
            .returnResult()
            .getResponseBody();
    JsonNode r = new ObjectMapper().readTree(body);
    assertThat(r.get("errors")).as("%s: %s", why, r).isNotNull();
    boolean found = false;
    for (JsonNode e : r.get("errors")) {
      String code = e.at("/extensions/code").asText(e.at("/extensions/classification").asText());
      if (code.equals(expectedCode)) found = true;
      assertThat(e.get("message").asText()).as("a message a person can act on").isNotBlank();
    }
    assertThat(found).as("%s: expected %s in %s", why, expectedCode, r).isTrue();
    assertThat(r.toString()).doesNotContain(GuardFixtures.SECRET_EMAIL);
  }

  WebTestClient.ResponseSpec raw(
      java.util.function.Consumer<org.springframework.http.HttpHeaders> auth) {
    return web.post()
        .uri("/graphql")
        .headers(auth)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("query", "{ experts(first: 1) { totalCount } }"))
        .exchange();
  }

  @Test
  void badCredentialsAreRefusedWith401() throws InterruptedException {
    raw(h -> {}).expectStatus().isUnauthorized();
    raw(h -> h.setBasicAuth("h-hr", "not the password")).expectStatus().isUnauthorized();
    raw(h -> h.setBasicAuth("nobody-at-all", PW)).expectStatus().isUnauthorized();
    raw(h -> h.setBearerAuth("tg_forged-token-value")).expectStatus().isUnauthorized();
    raw(h -> h.setBearerAuth("eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9."))
        .expectStatus()
        .isUnauthorized();
    long waitMs = 1000 - (System.nanoTime() - expiringCreated) / 1_000_000;
    if (waitMs > 0) Thread.sleep(waitMs);
    raw(h -> h.setBearerAuth(expiring))
        .expectStatus()
        .isUnauthorized()
        .expectBody()
        .jsonPath("$.message")
        .isEqualTo("invalid, revoked or expired API token");
    raw(h -> h.setBearerAuth(revoked)).expectStatus().isUnauthorized();
  }

  @Test
  void injectionLookingFilterStringsAreJustValues() throws Exception {
    for (String evil :
        new String[] {
          "') MATCH (n) DETACH DELETE n //", "\" OR 1=1 --", "x}) CALL dbms.killQueries(['1']) //"
        }) {
      byte[] body =
          GuardFixtures.graphql(
                  web,
                  "h-analyst",
                  "query($s: String) { experts(first: 5, where: {nameContains: $s}) {"
                      + " totalCount } }",
                  Map.of("s", evil))
              .expectStatus()
              .isOk()
              .expectBody()
              .returnResult()
              .getResponseBody();
      JsonNode r = new ObjectMapper().readTree(body);
      assertThat(r.get("errors")).as(r.toString()).isNull();
      assertThat(r.at("/data/experts/totalCount").asInt()).isZero();
    }
  }
}
