package dev.talentgraph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talentgraph.db.EmbeddedNeo4j;
import dev.talentgraph.security.ApiTokens;
import dev.talentgraph.security.LocalUsers;
import dev.talentgraph.security.Role;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The server as a client sees it: health open, everything else behind the security chain, Bolt with
 * a password.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "talent.neo4j.embedded.bolt-port=0")
@AutoConfigureWebTestClient
class ServerIT {
  @Autowired WebTestClient web;
  @Autowired EmbeddedNeo4j neo4j;
  @Autowired LocalUsers users;
  @Autowired ApiTokens tokens;

  static final Map<String, String> STATS = Map.of("query", "{ graphStats { experts skills } }");

  @Test
  void healthIsOpenAndReportsTheDatabase() {
    web.get()
        .uri("/actuator/health")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("UP")
        .jsonPath("$.components.neo4j.status")
        .isEqualTo("UP");
  }

  @Test
  void graphqlWithoutCredentialsIsRefused() {
    web.post()
        .uri("/graphql")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(STATS)
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .valueMatches("WWW-Authenticate", "Basic.*");
    web.get().uri("/graphiql").exchange().expectStatus().isUnauthorized();
  }

  @Test
  void basicAuthForALocalUser() {
    users.upsert("alice", "correct horse battery", Set.of(Role.HR), null);
    web.post()
        .uri("/graphql")
        .headers(h -> h.setBasicAuth("alice", "correct horse battery"))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(STATS)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.data.graphStats.experts")
        .isEqualTo(0);
    web.post()
        .uri("/graphql")
        .headers(h -> h.setBasicAuth("alice", "wrong password!"))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(STATS)
        .exchange()
        .expectStatus()
        .isUnauthorized();
  }

  @Test
  void apiTokenBearerAndItsRevocation() {
    var created = tokens.create("it-token", "admin", Set.of(Role.ADMIN), null, null);
    assertThat(created.token()).startsWith("tg_").hasSizeGreaterThan(40);
    web.post()
        .uri("/graphql")
        .headers(h -> h.setBearerAuth(created.token()))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(STATS)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.data.graphStats.skills")
        .isEqualTo(0);
    assertThat(tokens.revoke("it-token")).isEqualTo(1);
    web.post()
        .uri("/graphql")
        .headers(h -> h.setBearerAuth(created.token()))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(STATS)
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectBody()
        .jsonPath("$.message")
        .isEqualTo("invalid, revoked or expired API token");
  }

  @Test
  void tokensAreStoredOnlyAsHashes() {
    var created = tokens.create("hash-check", "admin", Set.of(Role.ANALYST), null, null);
    try (var driver = GraphDatabase.driver(neo4j.boltUri(), neo4j.authToken());
        var s = driver.session()) {
      long clear =
          s.run(
                  "MATCH (t:ApiToken) WHERE any(k IN keys(t) WHERE t[k] = $secret) RETURN count(t) AS n",
                  Map.of("secret", created.token()))
              .single()
              .get("n")
              .asLong();
      assertThat(clear).isZero();
    }
  }

  @Test
  void boltRequiresThePassword() {
    try (var driver =
        GraphDatabase.driver(neo4j.boltUri(), AuthTokens.basic("neo4j", "not-the-password"))) {
      org.assertj.core.api.Assertions.assertThatThrownBy(driver::verifyConnectivity)
          .hasMessageContaining("authentication failure");
    }
    try (var driver = GraphDatabase.driver(neo4j.boltUri(), neo4j.authToken());
        var s = driver.session()) {
      assertThat(s.run("RETURN 1 AS one").single().get("one").asInt()).isEqualTo(1);
      // APOC and GDS procedures are registered in the embedded DBMS
      assertThat(s.run("RETURN apoc.text.capitalize('graph') AS c").single().get("c").asString())
          .isEqualTo("Graph");
      assertThat(
              s.run("CALL gds.version() YIELD gdsVersion RETURN gdsVersion")
                  .single()
                  .get(0)
                  .asString())
          .startsWith("2.13");
    }
    assertThat(neo4j.boltUri().getHost()).isIn("127.0.0.1", "localhost");
  }
}
