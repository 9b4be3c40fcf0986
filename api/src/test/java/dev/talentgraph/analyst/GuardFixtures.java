package dev.talentgraph.analyst;

import dev.talentgraph.security.LocalUsers;
import dev.talentgraph.security.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.neo4j.driver.Driver;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A small talent graph with personal data, logins for every role, and the graph's fingerprint. */
public final class GuardFixtures {
  public static final String PASSWORD = "fixture-password-1";

  /** A personal value stored (as a fake ciphertext) on a PersonalData node: must never come out. */
  public static final String SECRET_EMAIL = "enc:v1:c2VjcmV0LWVtYWlsQGV4YW1wbGUub3Jn";

  private GuardFixtures() {}

  private static final java.util.Set<Driver> SEEDED =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  /**
   * Experts with skills and personal data, and one login per role (name = role in lower case); once
   * per Spring context (the test classes share one), since every login costs a BCrypt hash.
   */
  public static void seed(Driver driver, LocalUsers users) {
    if (!SEEDED.add(driver)) return;
    try (var s = driver.session()) {
      s.run(
              """
          UNWIND range(1, 6) AS i
          MERGE (e:Expert {id: 'guard-e' + i}) SET e.name = 'Expert ' + i
          MERGE (p:PersonalData {expertId: 'guard-e' + i})
          SET p.email = $secret, p.salary = 'enc:v1:c2FsYXJ5'
          MERGE (e)-[:HAS_PERSONAL_DATA]->(p)
          MERGE (s:Skill {id: 'guard-s' + (i % 3)}) SET s.name = ['Java', 'Cypher', 'Graphs'][i % 3]
          MERGE (e)-[:HAS_SKILL {level: i % 5 + 1}]->(s)
          """,
              Map.of("secret", SECRET_EMAIL))
          .consume();
    }
    for (Role r : Role.values()) users.upsert(r.name().toLowerCase(), PASSWORD, Set.of(r), null);
    users.upsert("admin-warmup", PASSWORD, Set.of(Role.ADMIN), null);
  }

  private static final java.util.concurrent.atomic.AtomicBoolean WARM =
      new java.util.concurrent.atomic.AtomicBoolean();

  /**
   * One GraphQL request through the whole stack (security, interceptors, instrumentations, a
   * database read) before timed assertions: on a cold JVM on a loaded machine the first one can
   * take seconds of class loading, which would otherwise count against the request time limit of
   * the first test.
   */
  public static void warmUp(WebTestClient web) {
    if (!WARM.compareAndSet(false, true)) return;
    graphql(
            web,
            "admin-warmup",
            "{ graphStats { experts } auditLog(first: 1) { pageInfo { hasNextPage } } }",
            null)
        .expectStatus()
        .isOk();
  }

  /**
   * Node and relationship counts and a SHA-256 over every label, type and property (audit events
   * excepted).
   */
  public static String fingerprint(Driver driver) {
    try (var s = driver.session()) {
      List<String> items = new ArrayList<>();
      s.run(
              "MATCH (n) WHERE NOT n:AuditEvent RETURN elementId(n) AS id, labels(n) AS l, properties(n) AS p")
          .forEachRemaining(
              r ->
                  items.add(
                      "N"
                          + r.get("id").asString()
                          + r.get("l").asList()
                          + new TreeMap<>(r.get("p").asMap())));
      s.run(
              "MATCH (a)-[r]->(b) WHERE NOT a:AuditEvent AND NOT b:AuditEvent"
                  + " RETURN elementId(r) AS id, type(r) AS t, elementId(a) AS a, elementId(b) AS b, properties(r) AS p")
          .forEachRemaining(
              r ->
                  items.add(
                      "R"
                          + r.get("id").asString()
                          + r.get("t").asString()
                          + r.get("a").asString()
                          + r.get("b").asString()
                          + new TreeMap<>(r.get("p").asMap())));
      items.sort(null);
      long nodes = items.stream().filter(i -> i.startsWith("N")).count();
      var digest = MessageDigest.getInstance("SHA-256");
      items.forEach(i -> digest.update(i.getBytes(StandardCharsets.UTF_8)));
      return nodes
          + " nodes, "
          + (items.size() - nodes)
          + " relationships, sha256 "
          + HexFormat.of().formatHex(digest.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static WebTestClient.ResponseSpec cypher(
      WebTestClient web, String user, String query, Map<String, Object> params) {
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("query", query);
    if (params != null) body.put("params", params);
    return web.mutate()
        .responseTimeout(java.time.Duration.ofSeconds(30))
        .build()
        .post()
        .uri("/cypher")
        .headers(
            h -> {
              if (user != null) h.setBasicAuth(user, PASSWORD);
            })
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange();
  }

  public static WebTestClient.ResponseSpec graphql(
      WebTestClient web, String user, String document, Map<String, Object> variables) {
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("query", document);
    if (variables != null) body.put("variables", variables);
    return web.mutate()
        .responseTimeout(java.time.Duration.ofSeconds(30))
        .build()
        .post()
        .uri("/graphql")
        .headers(h -> h.setBasicAuth(user, PASSWORD))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange();
  }
}
