package dev.talentgraph.hostile;

import static dev.talentgraph.analyst.GuardFixtures.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.talentgraph.analyst.GuardFixtures;
import dev.talentgraph.analyst.GuardTest;
import dev.talentgraph.audit.AuditLog;
import dev.talentgraph.security.ApiTokens;
import dev.talentgraph.security.LocalUsers;
import dev.talentgraph.security.Role;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
 * The hostile tester's attacks, each as written and with two variants, by role: the analyst
 * endpoint reading personal data through GDS projections, unprotected nodes, open relationship
 * types and personal properties (findings 1, 2); GraphQL bombs as PORTAL (3); unbounded list
 * arguments and result sizes (5); refusal floods, the data-subject export, password guessing (6); a
 * manager's export, revoked tokens, large bodies, GraphiQL's scripts (7). Every attack is refused
 * or bounded and leaks none of the fixture's secrets; afterwards the graph (audit events excepted)
 * is what it was and health is UP. Erasure (4) and the hiring race (7) change the graph and have
 * their own classes ({@link ErasureScanIT}, {@link HiringRaceIT}); all share the one {@link
 * GuardTest} context.
 */
@GuardTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileSuiteIT {
  static final ObjectMapper JSON = new ObjectMapper();

  /** Values that must never come out of any answer. */
  static final List<String> SECRETS =
      List.of(
          "hx-secret-reason",
          "hx-secret-explanation",
          "hx-secret-contest",
          "Candidate Secret",
          GuardFixtures.SECRET_EMAIL);

  @Autowired WebTestClient web;
  @Autowired Driver driver;
  @Autowired LocalUsers users;
  @Autowired ApiTokens tokens;
  @Autowired AuditLog audit;
  String before;
  String revokedToken;

  @BeforeAll
  void seed() {
    GuardFixtures.seed(driver, users);
    GuardFixtures.warmUp(web);
    try (var s = driver.session()) {
      s.run(
              """
          MERGE (e:Expert {id: 'hx-e1'}) SET e.name = 'Hx Person', e.grade = 4, e.status = 'departed',
            e.departureReason = 'hx-secret-reason', e.departedAt = date('2025-01-01')
          MERGE (m:Model {id: 'hx-model'})
          MERGE (e)-[:HAS_SCORE]->(sc:Score {id: 'hx-score'})-[:BY_MODEL]->(m)
          SET sc.value = 0.1, sc.explanation = 'hx-secret-explanation'
          MERGE (e)-[:PROMOTED]->(:Promotion {id: 'hx-promo', toGrade: 4})
          MERGE (e)-[:HAS_REVIEW]->(:PerformanceReview {id: 'hx-rev', rating: 1, year: 2024})
          MERGE (c:Candidate {id: 'hx-c1'}) SET c.name = 'Candidate Secret'
          MERGE (sk:Skill {id: 'guard-s1'})
          MERGE (c)-[:HAS_SKILL {level: 3, evidence: 'hx-secret-evidence'}]->(sk)
          MERGE (e)-[:HAS_SKILL {level: 4}]->(sk)
          MERGE (j:JobOpening {id: 'hx-j1'}) SET j.title = 'Hx Opening', j.headcount = 1
          MERGE (e)-[:APPLIED]->(a:Application {id: 'hx-a1', stage: 'screened'})-[:TO]->(j)
          MERGE (a)-[:MOVED]->(:StageChange {id: 'hx-a1-1', seq: 1, from: 'applied', to: 'screened'})
          MERGE (e)-[:CONTESTED]->(:Contest {id: 'hx-ct', reason: 'hx-secret-contest', actor: 'hx-self'})
          MERGE (t:Team {id: 'hx-t1'}) SET t.name = 'Hx Team'
          MERGE (e)-[:MEMBER_OF]->(t)
          MERGE (boss:Expert {id: 'hx-m1'}) SET boss.name = 'Hx Manager'
          MERGE (boss)-[:MANAGES]->(t)
          """)
          .consume();
    }
    users.upsert("hx-manager", PASSWORD, Set.of(Role.MANAGER), "hx-m1");
    // logins of this class only, so the shared context's per-user rate limit is not spent here
    for (Role r : Role.values())
      users.upsert("hx-" + r.name().toLowerCase(), PASSWORD, Set.of(r), null);
    users.upsert("hx-locked", PASSWORD, Set.of(Role.EMPLOYEE), null);
    // a token used once (so any cache knows it), then revoked by another process's instance, as
    // 'talentgraph token revoke' over Bolt does
    revokedToken = tokens.create("hx-revoked", "admin", Set.of(Role.ADMIN), null, null).token();
    bearer(revokedToken, "{ graphStats { experts } }").expectStatus().isOk();
    assertThat(new ApiTokens(driver, "neo4j").revoke("hx-revoked")).isEqualTo(1);
    before = GuardFixtures.fingerprint(driver);
  }

  // ------------------------------------------------------------------ the analyst endpoint

  static Stream<Arguments> analystAttacks() {
    return Stream.of(
        // finding 1: GDS projections of protected labels and types
        attack(
            1,
            "as written: reviews through a GDS projection",
            "CALL gds.graph.project('hx-g1', {Expert: {}, PerformanceReview: {properties:"
                + " ['rating', 'year']}}, 'HAS_REVIEW')"),
        attack(
            1,
            "variant: applications through a GDS projection",
            "CALL gds.graph.project('hx-g2', ['Expert', 'Application', 'JobOpening'], ['APPLIED',"
                + " 'TO'])"),
        attack(
            1,
            "variant: scores under another name in a GDS projection",
            "CALL gds.graph.project('hx-g3', 'Expert', {R: {type: 'HAS_SCORE', orientation:"
                + " 'NATURAL'}})"),
        // finding 2: personal data on nodes and properties the guard did not know
        attack(
            2,
            "as written: scores with explanations by BY_MODEL",
            "MATCH (:Model)<-[:BY_MODEL]-(s) RETURN s.id, s.value, s.explanation"),
        attack(
            2,
            "as written: an expert's grade, status and departure",
            "MATCH (e:Expert) RETURN e.grade, e.status, e.departureReason, e.departedAt"),
        attack(2, "as written: promotions", "MATCH (p:Promotion) RETURN p.toGrade"),
        attack(2, "as written: candidates", "MATCH (c:Candidate) RETURN c.name"),
        attack(
            2,
            "variant: a candidate reached over HAS_SKILL without a label",
            "MATCH (s:Skill)<-[h:HAS_SKILL]-(c) RETURN c.name, h.evidence"),
        attack(
            2,
            "variant: every property at once",
            "MATCH (e:Expert {id: 'hx-e1'}) RETURN properties(e) AS p"),
        attack(2, "variant: a map projection of every property", "MATCH (e:Expert) RETURN e{.*}"),
        attack(
            2,
            "variant: a property key from a parameter",
            "MATCH (e:Expert) RETURN e[$k]",
            Map.of("k", "departureReason")),
        attack(
            2,
            "variant: a property key from a string",
            "MATCH (e:Expert) WITH e, 'departure' + 'Reason' AS k RETURN e[k]"),
        attack(
            2,
            "variant: the node as JSON",
            "MATCH (e:Expert {id: 'hx-e1'}) RETURN apoc.convert.toJson(e)"),
        attack(
            2,
            "variant: the departure in a WHERE (an oracle)",
            "MATCH (e:Expert) WHERE e.departureReason STARTS WITH 'hx' RETURN count(e)"),
        // finding 5: results without a size
        attack(
            5,
            "as written: apoc.text.repeat grows one value without bound",
            "RETURN apoc.text.repeat('x', 1500000000) AS x"),
        attack(5, "variant: padding", "RETURN apoc.text.lpad('', 1500000000, 'x') AS x"),
        attack(5, "variant: a filled list", "RETURN apoc.coll.fill('x', 1500000000) AS x"));
  }

  static Arguments attack(int finding, String name, String query) {
    return attack(finding, name, query, Map.of());
  }

  static Arguments attack(int finding, String name, String query, Map<String, Object> params) {
    return Arguments.of(finding, name, query, params);
  }

  /** Every role that is not the analyst's is refused outright; the analyst by the guard. */
  static Stream<Arguments> analystAttacksByRole() {
    List<Arguments> out = new ArrayList<>();
    for (String user :
        List.of("hx-analyst", "hx-admin", "hx-hr", "hx-manager", "hx-employee", "hx-portal", "")) {
      analystAttacks()
          .forEach(
              a -> {
                Object[] x = a.get();
                out.add(Arguments.of(user, x[0], x[1], x[2], x[3]));
              });
    }
    return out.stream();
  }

  @ParameterizedTest(name = "[{0}] finding {1}: {2}")
  @MethodSource("analystAttacksByRole")
  void analystEndpointRefusesEveryAttack(
      String user, int finding, String name, String query, Map<String, Object> params) {
    var spec = GuardFixtures.cypher(web, user.isEmpty() ? null : user, query, params);
    var result = spec.expectBody(String.class).returnResult();
    int status = result.getStatus().value();
    String body = String.valueOf(result.getResponseBody());
    assertThat(status)
        .as(name + " as " + user + ": " + body)
        .isIn(user.isEmpty() ? List.of(401) : List.of(403));
    noSecrets(body);
  }

  @Test
  void analystGetsNodesWithoutPersonalPropertiesAndNoProjectionStays() {
    String body =
        GuardFixtures.cypher(web, "hx-analyst", "MATCH (e:Expert {id: 'hx-e1'}) RETURN e", null)
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(body).contains("Hx Person").doesNotContain("grade").doesNotContain("departed");
    noSecrets(body);
    // skills of experts, the ordinary analyst question, still answers
    GuardFixtures.cypher(
            web,
            "hx-analyst",
            "MATCH (s:Skill)<-[:HAS_SKILL]-(e:Expert) RETURN s.name AS skill, count(e) AS n",
            null)
        .expectStatus()
        .isOk();
    try (var s = driver.session()) {
      assertThat(
              s.run("CALL gds.graph.list() YIELD graphName RETURN collect(graphName) AS g")
                  .single()
                  .get("g")
                  .asList())
          .doesNotContain("hx-g1", "hx-g2", "hx-g3");
    }
  }

  @Test
  void resultSizeIsBoundedByBytes() {
    // five rows of 2 MB each: the budget (8 MB) stops the reading, and the result says so
    // the answer itself is several MB: the test client must be allowed to read it
    WebTestClient big =
        web.mutate().codecs(c -> c.defaultCodecs().maxInMemorySize(32 * 1024 * 1024)).build();
    GuardFixtures.cypher(
            big,
            "hx-analyst",
            "UNWIND range(1, 5) AS r RETURN reduce(s = '', i IN range(1, 21) | s + s + 'x') AS x",
            null)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.truncated")
        .isEqualTo(true)
        .jsonPath("$.rows.length()")
        .value(n -> assertThat((Integer) n).isLessThan(5));
  }

  // ------------------------------------------------------------------ GraphQL

  static final String NESTED =
      "{ expert(id: \"guard-e1\") { collaborators { collaborators { collaborators {"
          + " collaborators { collaborators { id name } } } } } } }";

  static Stream<Arguments> graphqlAttacks() {
    StringBuilder aliases = new StringBuilder("{ expert(id: \"guard-e1\") {");
    for (int i = 0; i < 12; i++)
      aliases.append(" c").append(i).append(": collaborators { collaborators { id } }");
    aliases.append(" } }");
    StringBuilder longList = new StringBuilder("{ experts(first: 5, where: {hasSkill: [");
    for (int i = 0; i < 6_000; i++) longList.append("{id: \"s").append(i).append("\"},");
    longList.append("]}) { totalCount } }");
    return Stream.of(
        // finding 3
        Arguments.of(3, "as written: nested collaborators", NESTED, null),
        Arguments.of(3, "variant: aliases of collaborators", aliases.toString(), null),
        Arguments.of(
            3,
            "variant: nesting through fragments",
            "{ expert(id: \"guard-e1\") { ...a } } fragment a on Expert { collaborators { ...b } }"
                + " fragment b on Expert { collaborators { ...c } } fragment c on Expert {"
                + " collaborators { collaborators { collaborators { id } } } }",
            null),
        // finding 5
        Arguments.of(5, "as written: a hasSkill list of 6,000 items", longList.toString(), null),
        Arguments.of(
            5,
            "variant: the list in a variable",
            "query($w: ExpertWhere) { experts(first: 5, where: $w) { totalCount } }",
            Map.of(
                "w",
                Map.of(
                    "hasSkill",
                    java.util.stream.IntStream.range(0, 6_000)
                        .mapToObj(i -> Map.of("id", "s" + i))
                        .toList()))),
        Arguments.of(
            5,
            "variant: a list of names in routeQuestion's tags",
            "query($t: [String!]) { routeQuestion(text: \"x\", tags: $t) { model } }",
            Map.of("t", java.util.Collections.nCopies(5_000, "java"))));
  }

  static Stream<Arguments> graphqlAttacksByRole() {
    List<Arguments> out = new ArrayList<>();
    for (String user : List.of("hx-portal", "hx-employee", "hx-manager", "hx-analyst", "hx-hr")) {
      graphqlAttacks()
          .forEach(
              a -> {
                Object[] x = a.get();
                out.add(Arguments.of(user, x[0], x[1], x[2], x[3]));
              });
    }
    return out.stream();
  }

  @ParameterizedTest(name = "[{0}] finding {1}: {2}")
  @MethodSource("graphqlAttacksByRole")
  @SuppressWarnings("unchecked")
  void graphqlBombsAndLongListsAreRefusedBeforeTheyRun(
      String user, int finding, String name, String document, Object variables) {
    JsonNode r =
        gql(user, PASSWORD, document, variables == null ? null : (Map<String, Object>) variables);
    assertThat(r.path("errors").isArray()).as(name + ": " + r).isTrue();
    String code = r.at("/errors/0/extensions/code").asText();
    if (code.isEmpty()) code = r.at("/errors/0/extensions/classification").asText();
    assertThat(code)
        .as(name + ": " + r)
        .isIn(
            "InvalidSyntax",
            "MAX_COMPLEXITY_EXCEEDED",
            "MAX_DEPTH_EXCEEDED",
            "MAX_ALIASES_EXCEEDED",
            "MAX_LIST_SIZE_EXCEEDED");
    assertThat(r.path("data").isNull() || r.path("data").isMissingNode()).as(name).isTrue();
  }

  @Test
  void aListUnderTheCapRunsAsOneClause() {
    StringBuilder list = new StringBuilder("{ experts(first: 5, where: {hasSkill: [");
    for (int i = 0; i < 150; i++) list.append("{id: \"guard-s").append(i % 3).append("\"},");
    list.append("]}) { totalCount } }");
    JsonNode r = gql("hx-portal", PASSWORD, list.toString(), null);
    assertThat(r.path("errors").isMissingNode()).as(r.toString()).isTrue();
    assertThat(r.at("/data/experts/totalCount").asInt()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void personalSectionsStayForTheRolesThatMaySeeThem() {
    for (String user : List.of("hx-portal", "hx-analyst", "hx-employee")) {
      JsonNode r =
          gql(
              user,
              PASSWORD,
              "{ talentProfile(expertId: \"hx-e1\") { careerStage { grade } careerEvents { title } } }",
              null);
      assertThat(r.toString()).as(user).doesNotContain("\"grade\":4").contains("FORBIDDEN");
      noSecrets(r.toString());
    }
  }

  // ------------------------------------------------------------------ finding 6

  @Test
  void aFloodOfRefusedRequestsWritesABoundedNumberOfAuditEvents() {
    long before = auditEvents();
    for (int i = 0; i < 250; i++) {
      web.get().uri("/hostile-flood").exchange().expectStatus().isUnauthorized();
    }
    assertThat(audit.flush(Duration.ofSeconds(20))).isTrue();
    assertThat(auditEvents() - before).isBetween(1L, 101L);
  }

  @Test
  void theExportHoldsApplicationsHistoryAndContestsAsRealJson() throws Exception {
    JsonNode r =
        gql("hx-hr", PASSWORD, "{ exportPersonalData(expertId: \"hx-e1\") { document } }", null);
    JsonNode doc = JSON.readTree(r.at("/data/exportPersonalData/document").asText());
    assertThat(doc.at("/applications/0/application/id").asText()).isEqualTo("hx-a1");
    assertThat(doc.at("/applications/0/opening").asText()).isEqualTo("hx-j1");
    assertThat(doc.at("/applications/0/history/0/to").asText()).isEqualTo("screened");
    assertThat(doc.at("/contests/0/reason").asText()).isEqualTo("hx-secret-contest");
    assertThat(doc.at("/expert/departedAt").asText()).isEqualTo("2025-01-01");
  }

  @Test
  void passwordGuessingIsBackedOffPerUser() {
    for (int i = 0; i < 5; i++) {
      assertThat(gqlStatus("hx-locked", "guess-" + i)).isEqualTo(401);
    }
    // the right password during the back-off is refused too, without a hash
    var r =
        web.post()
            .uri("/graphql")
            .headers(h -> h.setBasicAuth("hx-locked", PASSWORD))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("query", "{ graphStats { experts } }"))
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(String.valueOf(r)).doesNotContain("experts");
  }

  // ------------------------------------------------------------------ finding 7

  @Test
  void aManagerMayNotExportTheirTeamMember() {
    JsonNode r =
        gql(
            "hx-manager",
            PASSWORD,
            "{ exportPersonalData(expertId: \"hx-e1\") { document } }",
            null);
    assertThat(r.at("/errors/0/extensions/code").asText()).isEqualTo("FORBIDDEN");
    assertThat(r.at("/data/exportPersonalData").isNull()).isTrue();
    noSecrets(r.toString());
  }

  @Test
  void aRevokedTokenIsRefusedAtOnce() {
    bearer(revokedToken, "{ graphStats { experts } }").expectStatus().isUnauthorized();
    bearer(revokedToken + "x", "{ graphStats { experts } }").expectStatus().isUnauthorized();
  }

  @Test
  void aTokenWithoutATimeToLiveIsRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> tokens.create("hx-neg", "admin", Set.of(Role.ADMIN), null, Duration.ofDays(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> tokens.create("hx-zero", "admin", Set.of(Role.ADMIN), null, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aBodyOver256KbAnswers413() {
    String big = "{ graphStats { experts } } #" + "x".repeat(300 * 1024);
    for (String path : List.of("/graphql", "/cypher")) {
      web.post()
          .uri(path)
          .headers(h -> h.setBasicAuth("admin", PASSWORD))
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue(Map.of("query", big))
          .exchange()
          .expectStatus()
          .isEqualTo(413);
    }
    web.post()
        .uri("/graphql")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("query", big))
        .exchange()
        .expectStatus()
        .isEqualTo(413);
  }

  @Test
  void graphiqlLoadsItsScriptsFromTheJar() throws Exception {
    try (var in = getClass().getResourceAsStream("/templates/portal/graphiql.html")) {
      String html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(html).contains("/webjars/");
      // every script, style sheet and image the page loads comes from the application itself
      var loads =
          java.util.regex.Pattern.compile("(?:src|href)\\s*=\\s*[\"']([^\"']*)[\"']").matcher(html);
      int n = 0;
      while (loads.find()) {
        n++;
        assertThat(loads.group(1)).doesNotContain("//");
      }
      assertThat(n).isPositive();
    }
  }

  @AfterAll
  void graphUnchangedAndHealthy() {
    assertThat(GuardFixtures.fingerprint(driver)).isEqualTo(before);
    web.get()
        .uri("/actuator/health")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("UP");
  }

  // ------------------------------------------------------------------ helpers

  static void noSecrets(String body) {
    for (String s : SECRETS) assertThat(body).doesNotContain(s);
  }

  long auditEvents() {
    try (var s = driver.session()) {
      return s.run("MATCH (a:AuditEvent) RETURN count(a) AS n").single().get("n").asLong();
    }
  }

  WebTestClient.ResponseSpec bearer(String token, String document) {
    return web.post()
        .uri("/graphql")
        .headers(h -> h.setBearerAuth(token))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("query", document))
        .exchange();
  }

  int gqlStatus(String user, String password) {
    return web.post()
        .uri("/graphql")
        .headers(h -> h.setBasicAuth(user, password))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("query", "{ graphStats { experts } }"))
        .exchange()
        .expectBody(String.class)
        .returnResult()
        .getStatus()
        .value();
  }

  JsonNode gql(String user, String password, String document, Map<String, Object> variables) {
    Map<String, Object> body = new HashMap<>();
    body.put("query", document);
    if (variables != null) body.put("variables", variables);
    String out =
        web.mutate()
            .responseTimeout(Duration.ofSeconds(30))
            .build()
            .post()
            .uri("/graphql")
            .headers(h -> h.setBasicAuth(user, password))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    try {
      return JSON.readTree(out);
    } catch (Exception e) {
      throw new IllegalStateException(out, e);
    }
  }
}
