package dev.talentgraph.analyst;

import static dev.talentgraph.analyst.GuardFixtures.cypher;
import static org.assertj.core.api.Assertions.assertThat;

import dev.talentgraph.security.LocalUsers;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The hostile-request suite for {@code POST /cypher}: every bypass of the plan check an ANALYST
 * might try (writes, schema, files and network, Cypher-in-a-string, DBMS administration, GDS
 * writes, personal data and secrets reached by label, type, id, untyped patterns or dynamic labels,
 * each disguised by case, comments, back-quotes, whitespace or unicode escapes), refused with the
 * named reason; and afterwards the graph's counts and property checksum are exactly what they were.
 */
@GuardTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CypherGuardIT {
  @Autowired WebTestClient web;
  @Autowired Driver driver;
  @Autowired LocalUsers users;
  String before;
  long personalDataNodeId;

  @BeforeAll
  void seed() {
    GuardFixtures.seed(driver, users);
    GuardFixtures.warmUp(web);
    try (var s = driver.session()) {
      personalDataNodeId =
          s.run("MATCH (p:PersonalData) RETURN id(p) AS id LIMIT 1").single().get("id").asLong();
      // a projected graph so GDS write/mutate modes get past "graph not found" to the guard's
      // decision
      s.run(
              "CALL gds.graph.exists('guard-g') YIELD exists WITH exists WHERE NOT exists"
                  + " CALL gds.graph.project('guard-g', 'Expert', '*') YIELD graphName RETURN graphName")
          .consume();
    }
    before = GuardFixtures.fingerprint(driver);
  }

  static Stream<Arguments> hostile() {
    return Stream.of(
        // writes, however written
        refused("create", "CREATE (n:Skill {id: 'evil'}) RETURN n", "operator"),
        refused(
            "set, lower case and a comment",
            "match (n:Skill) /* harmless */ sEt n.name = 'owned'",
            "operator"),
        refused(
            "set through back-quoted property",
            "MATCH (n:Skill) SET n.`name` = 'owned'",
            "operator"),
        refused("merge", "MERGE (n:Skill {id: 'evil'})", "operator"),
        refused("detach delete", "MATCH (n:Expert) DETACH DELETE n", "operator"),
        refused("remove a label", "MATCH (n:Skill)\n\tREMOVE n:Skill", "operator"),
        refused(
            "foreach create",
            "FOREACH (x IN [1, 2] | CREATE (:Skill {id: 'evil' + x}))",
            "operator"),
        refused(
            "write in a CALL {} subquery",
            "MATCH (e:Expert) CALL (e) { CREATE (:Skill {id: randomUUID()}) } RETURN count(*)",
            "operator"),
        refused(
            "CALL IN TRANSACTIONS",
            "UNWIND range(1, 3) AS i CALL (i) { MERGE (:Skill {id: 'evil' + i}) } IN TRANSACTIONS OF 1 ROW",
            "in_transactions"),
        // schema
        refused("create index", "CREATE INDEX evil FOR (n:Expert) ON (n.evil)", "command"),
        refused(
            "create constraint",
            "CREATE CONSTRAINT evil FOR (n:Expert) REQUIRE n.evil IS UNIQUE",
            "command"),
        refused("drop index", "DROP INDEX skill_name", "command"),
        // files and network
        refused("LOAD CSV", "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row", "load_csv"),
        refused("apoc.load.json", "CALL apoc.load.json('file:///etc/passwd')", "procedure"),
        refused(
            "apoc.load disguised",
            "cAlL /* x */ `apoc`.`load`.json('http://example.org/x') YIELD value RETURN value",
            "procedure"),
        refused(
            "apoc.load by unicode escape",
            "CALL \\u0061poc.load.json('http://example.org/x')",
            "procedure"),
        refused("apoc.export", "CALL apoc.export.csv.all('dump.csv', {})", "procedure"),
        refused(
            "apoc.import",
            "CALL apoc.import.csv([{fileName: 'file:///x.csv', labels: ['Skill']}], [], {})",
            "procedure"),
        // Cypher hidden in a string
        refused(
            "apoc.cypher.run",
            "CALL apoc.cypher.run('MATCH (p:PersonalData) RETURN p', {})",
            "procedure"),
        refused(
            "apoc.cypher.doIt",
            "CALL apoc.cypher.doIt('CREATE (:Skill {id: \"evil\"})', {})",
            "procedure"),
        refused(
            "apoc.cypher function",
            "RETURN apoc.cypher.runFirstColumnSingle('MATCH (u:User) RETURN u.passwordHash', {}) AS h",
            "function"),
        refused(
            "apoc.cypher function, unicode escape",
            "RETURN \\u0061poc.cypher.runFirstColumnSingle('MATCH (u:User) RETURN u', {}) AS h",
            "function"),
        refused(
            "apoc.periodic.iterate",
            "CALL apoc.periodic.iterate('MATCH (n:Skill) RETURN n', 'SET n.name = 1', {})",
            "procedure"),
        refused(
            "apoc.periodic.commit",
            "CALL apoc.periodic.commit('MATCH (n:Skill) WITH n LIMIT 1 DELETE n RETURN 0', {})",
            "procedure"),
        refused(
            "apoc.map.fromNodes reads a label given as a string",
            "RETURN apoc.map.fromNodes('PersonalData', 'email') AS m",
            "function"),
        refused("apoc.util hashing", "RETURN apoc.util.md5(['x']) AS h", "function"),
        // DBMS administration
        refused("dbms procedure", "CALL dbms.listConfig()", "procedure"),
        refused("dbms.components", "CALL dbms.components()", "procedure"),
        refused("SHOW SETTINGS", "SHOW SETTINGS", "operator"),
        refused("SHOW TRANSACTIONS", "SHOW TRANSACTIONS", "operator"),
        refused(
            "TERMINATE TRANSACTIONS", "TERMINATE TRANSACTIONS 'neo4j-transaction-1'", "operator"),
        refused("SHOW USERS", "SHOW USERS", "command"),
        refused(
            "fulltext index procedure",
            "CALL db.index.fulltext.queryNodes('skill_names', 'java')",
            "procedure"),
        // GDS writes
        refused(
            "gds write", "CALL gds.pageRank.write('guard-g', {writeProperty: 'pr'})", "procedure"),
        refused(
            "gds mutate",
            "CALL gds.pageRank.mutate('guard-g', {mutateProperty: 'pr'})",
            "procedure"),
        refused(
            "gds cypher projection",
            "CALL gds.graph.project.cypher('g2', 'MATCH (p:PersonalData) RETURN id(p) AS id', 'RETURN 0 AS source, 0 AS target')",
            "procedure"),
        refused(
            "gds cypher aggregation projection",
            "MATCH (a:Expert)-[:COLLABORATED_WITH]->(b:Expert) WITH gds.graph.project('g3', a, b) AS g RETURN g.nodeCount",
            "function"),
        refused(
            "gds.util.asNode",
            "CALL gds.pageRank.stream('guard-g') YIELD nodeId RETURN gds.util.asNode(nodeId).name",
            "function"),
        // personal data and secrets
        refused("PersonalData by label", "MATCH (p:PersonalData) RETURN p.email", "protected"),
        refused(
            "PersonalData through its type",
            "MATCH (e:Expert)-[:HAS_PERSONAL_DATA]->(p) RETURN properties(p)",
            "protected"),
        refused(
            "PersonalData by a back-quoted unicode label",
            "MATCH (p:`Personal\\u0044ata`) RETURN p{.*}",
            "protected"),
        refused("label union", "MATCH (n:Skill|PersonalData) RETURN n", "protected"),
        refused("all nodes", "MATCH (n) RETURN n", "unlabelled_scan"),
        refused(
            "all nodes filtered by labels()",
            "MATCH (n) WHERE 'PersonalData' IN labels(n) RETURN avg(size(n.salary))",
            "unlabelled_scan"),
        refused("negated label", "MATCH (n:!Skill) RETURN keys(n)", "unlabelled_scan"),
        refused("untyped expansion", "MATCH (e:Expert)-->(p) RETURN p{.*}", "untyped_relationship"),
        refused(
            "negated type",
            "MATCH (e:Expert)-[r:!HAS_SKILL]->(x) RETURN x",
            "untyped_relationship|unlabelled_scan"),
        refused(
            "variable length, untyped",
            "MATCH (e:Expert) WITH e MATCH (e)-[*1..2]-(x) RETURN x.email",
            "untyped_relationship"),
        refused(
            "optional untyped",
            "MATCH (e:Expert) OPTIONAL MATCH (e)-[r]->(x) RETURN keys(x)",
            "untyped_relationship"),
        refused(
            "quantified path pattern",
            "MATCH (e:Expert) ((a)-[]->(b)){1,2} (x) RETURN x.salary",
            "untyped_relationship"),
        refused(
            "path comprehension",
            "MATCH (e:Expert) RETURN [p = (e)-->() | p] AS paths",
            "untyped_relationship"),
        refused(
            "pattern comprehension over the protected type",
            "MATCH (e:Expert) RETURN [(e)-[:HAS_PERSONAL_DATA]->(p) | p.email] AS x",
            "protected"),
        refused(
            "EXISTS subquery",
            "MATCH (e:Expert) WHERE EXISTS { MATCH (e)-[:HAS_PERSONAL_DATA]->(p) WHERE p.salary > '0' } RETURN e.name",
            "protected"),
        refused(
            "dynamic label from a parameter",
            "MATCH (n:$($l)) RETURN n",
            Map.of("l", "PersonalData"),
            "dynamic_label"),
        refused("users", "MATCH (u:User) RETURN u.passwordHash", "protected"),
        refused(
            "users through IS", "MATCH (e:Expert)<-[:IS]-(u) RETURN u.passwordHash", "protected"),
        refused("api tokens", "MATCH (t:ApiToken) RETURN t.hash", "protected"),
        refused("audit events", "MATCH (a:AuditEvent) RETURN a", "protected"),
        refused(
            "shortest path, untyped",
            "MATCH p = shortestPath((a:Expert)-[*]-(b:Expert)) RETURN p",
            "untyped_relationship"),
        refused(
            "all relationships",
            "MATCH ()-[r]->() RETURN properties(endNode(r))",
            "unlabelled_scan"));
  }

  /**
   * By id without a label: the id of a PersonalData node is a parameter, so it is built per run.
   */
  @Test
  @Order(1)
  void nodeByIdWithoutALabelIsRefused() {
    cypher(
            web,
            "analyst",
            "MATCH (n) WHERE id(n) = $id RETURN properties(n)",
            Map.of("id", personalDataNodeId))
        .expectStatus()
        .isForbidden()
        .expectBody()
        .jsonPath("$.reason")
        .isEqualTo("unlabelled_scan")
        .jsonPath("$.operator")
        .isEqualTo("NodeByIdSeek");
  }

  static Arguments refused(String name, String query, String reason) {
    return refused(name, query, Map.of(), reason);
  }

  static Arguments refused(String name, String query, Map<String, Object> params, String reason) {
    return Arguments.of(name, query, params, reason);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostile")
  @Order(1)
  void hostileQueriesAreRefusedWithTheirReason(
      String name, String query, Map<String, Object> params, String reason) {
    String json =
        new String(
            cypher(web, "analyst", query, new HashMap<>(params))
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("refused")
                .jsonPath("$.reason")
                .value(r -> assertThat(r.toString()).matches(reason))
                .jsonPath("$.message")
                .value(m -> assertThat(m.toString()).startsWith("refused: "))
                .returnResult()
                .getResponseBody());
    assertThat(json).doesNotContain(GuardFixtures.SECRET_EMAIL);
  }

  @ParameterizedTest(name = "{0} may not use the Cypher endpoint")
  @MethodSource("otherRoles")
  @Order(2)
  void otherRolesAreRefused(String user) {
    cypher(web, user, "MATCH (s:Skill) RETURN s.name", null)
        .expectStatus()
        .isForbidden()
        .expectBody()
        .jsonPath("$.error")
        .isEqualTo("forbidden")
        .jsonPath("$.message")
        .value(m -> assertThat(m.toString()).contains("ANALYST and ADMIN"));
  }

  static Stream<String> otherRoles() {
    return Stream.of("portal", "employee", "hr", "manager");
  }

  @Test
  @Order(2)
  void unauthenticatedAndWrongPasswordAreRefused() {
    cypher(web, null, "MATCH (s:Skill) RETURN s.name", null).expectStatus().isUnauthorized();
    web.post()
        .uri("/cypher")
        .headers(h -> h.setBasicAuth("analyst", "not-the-password"))
        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("query", "MATCH (s:Skill) RETURN s.name"))
        .exchange()
        .expectStatus()
        .isUnauthorized();
    web.post()
        .uri("/cypher")
        .headers(h -> h.setBearerAuth("tg_not-a-real-token"))
        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("query", "MATCH (s:Skill) RETURN s.name"))
        .exchange()
        .expectStatus()
        .isUnauthorized();
  }

  @Test
  @Order(3)
  void analystAndAdminReadAggregatesWithParameters() {
    for (String user : List.of("analyst", "admin")) {
      cypher(
              web,
              user,
              "MATCH (e:Expert)-[h:HAS_SKILL]->(s:Skill) WHERE h.level >= $min"
                  + " RETURN s.name AS skill, count(e) AS experts ORDER BY skill",
              Map.of("min", 1))
          .expectStatus()
          .isOk()
          .expectBody()
          .jsonPath("$.columns[0]")
          .isEqualTo("skill")
          .jsonPath("$.columns[1]")
          .isEqualTo("experts")
          .jsonPath("$.rows.length()")
          .isEqualTo(3)
          .jsonPath("$.rows[0][0]")
          .isEqualTo("Cypher")
          .jsonPath("$.rows[0][1]")
          .isEqualTo(2)
          .jsonPath("$.truncated")
          .isEqualTo(false);
    }
    // parameters change the answer
    cypher(
            web,
            "analyst",
            "MATCH (e:Expert)-[h:HAS_SKILL]->(:Skill) WHERE h.level >= $min RETURN count(e) AS n",
            Map.of("min", 4))
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.rows[0][0]")
        .isEqualTo(2);
  }

  @Test
  @Order(3)
  void nodesComeBackAsMapsAndReadOnlyProceduresWork() {
    cypher(web, "analyst", "MATCH (s:Skill {id: $id}) RETURN s", Map.of("id", "guard-s1"))
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.rows[0][0].labels[0]")
        .isEqualTo("Skill")
        .jsonPath("$.rows[0][0].properties.name")
        .isEqualTo("Cypher");
    cypher(web, "analyst", "CALL db.labels() YIELD label RETURN label ORDER BY label", null)
        .expectStatus()
        .isOk();
    cypher(
            web,
            "analyst",
            "RETURN apoc.text.capitalize('graph') AS c, apoc.coll.sum([1, 2]) AS s",
            null)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.rows[0][0]")
        .isEqualTo("Graph")
        .jsonPath("$.rows[0][1]")
        .isEqualTo(3.0);
    // GDS in stream mode, joined back to experts by id with a label
    cypher(
            web,
            "analyst",
            "CALL gds.pageRank.stream('guard-g') YIELD nodeId, score"
                + " MATCH (e:Expert) WHERE id(e) = nodeId RETURN e.name AS name, score ORDER BY name LIMIT 2",
            null)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.rows.length()")
        .isEqualTo(2);
  }

  @Test
  @Order(3)
  void rowLimitStopsReadingAndSaysSo() {
    cypher(web, "analyst", "UNWIND range(1, 1000000) AS i RETURN i", null)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.rows.length()")
        .isEqualTo(5)
        .jsonPath("$.rows[4][0]")
        .isEqualTo(5)
        .jsonPath("$.truncated")
        .isEqualTo(true);
    cypher(web, "analyst", "UNWIND range(1, 5) AS i RETURN i", null)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.truncated")
        .isEqualTo(false);
  }

  @Test
  @Order(3)
  void timeLimitStopsALongQuery() {
    long t0 = System.nanoTime();
    cypher(
            web,
            "analyst",
            "UNWIND range(1, 2000000000) AS i WITH i WHERE i % 7 = 3 RETURN count(*) AS n",
            null)
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.error")
        .isEqualTo("time_limit")
        .jsonPath("$.message")
        .value(m -> assertThat(m.toString()).contains("time limit of 8000 ms"));
    assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(30_000);
  }

  @Test
  @Order(3)
  void invalidCypherIsABadRequest() {
    cypher(web, "analyst", "MATCH (n:Skill RETURN n", null)
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.error")
        .isEqualTo("invalid");
  }

  @Test
  @Order(4)
  void graphqlFieldFollowsTheSameRules() {
    GuardFixtures.graphql(
            web,
            "analyst",
            "query($q: String!, $p: CypherValue) { cypher(query: $q, params: $p) { columns rows truncated } }",
            Map.of(
                "q",
                "MATCH (s:Skill {id: $id}) RETURN s.name AS name",
                "p",
                Map.of("id", "guard-s2")))
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.data.cypher.rows[0][0]")
        .isEqualTo("Graphs");
    GuardFixtures.graphql(
            web,
            "analyst",
            "{ cypher(query: \"MATCH (p:PersonalData) RETURN p.email\") { rows } }",
            null)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.errors[0].extensions.code")
        .isEqualTo("CYPHER_REFUSED")
        .jsonPath("$.errors[0].extensions.reason")
        .isEqualTo("protected")
        .jsonPath("$.errors[0].extensions.subject")
        .isEqualTo("PersonalData");
    GuardFixtures.graphql(
            web, "hr", "{ cypher(query: \"MATCH (s:Skill) RETURN s.name\") { rows } }", null)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.errors[0].extensions.code")
        .isEqualTo("CYPHER_FORBIDDEN")
        .jsonPath("$.errors[0].message")
        .value(m -> assertThat(m.toString()).contains("ANALYST and ADMIN"));
  }

  @AfterAll
  void graphUnchanged() {
    assertThat(GuardFixtures.fingerprint(driver)).isEqualTo(before);
  }
}
