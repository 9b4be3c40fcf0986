package dev.talentgraph.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The app with the embedded database switched off, against a separately started Neo4j
 * (neo4j-harness, with auth on): the path a server or cluster deployment takes. Migrations and the
 * admin user land there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class RemoteNeo4jIT {
  static final Neo4j SERVER =
      Neo4jBuilders.newInProcessBuilder()
          .withDisabledServer()
          .withConfig(BoltConnectorInternalSettings.enable_local_connector, false)
          .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
          .withConfig(
              GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(1))
          .withConfig(GraphDatabaseSettings.auth_enabled, true)
          .withFixture("CREATE (:Expert {id: 'remote-1', name: 'Grace Hopper'})")
          .build();

  static {
    SERVER.defaultDatabaseService(); // started
    SERVER
        .databaseManagementService()
        .database("system")
        .executeTransactionally(
            "ALTER USER neo4j SET PASSWORD 'remote-secret' CHANGE NOT REQUIRED");
  }

  @DynamicPropertySource
  static void neo4j(DynamicPropertyRegistry registry) {
    registry.add("talent.neo4j.embedded.enabled", () -> "false");
    registry.add("spring.neo4j.uri", () -> SERVER.boltURI().toString());
    registry.add("spring.neo4j.authentication.username", () -> "neo4j");
    registry.add("spring.neo4j.authentication.password", () -> "remote-secret");
    registry.add("talent.security.users[0].username", () -> "ops");
    // BCrypt of "ops-password-1"
    registry.add(
        "talent.security.users[0].password-hash",
        () ->
            new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder()
                .encode("ops-password-1"));
    registry.add("talent.security.users[0].roles", () -> "ADMIN");
  }

  @AfterAll
  static void stop() {
    SERVER.close();
  }

  @Autowired WebTestClient web;
  @Autowired ObjectProvider<EmbeddedNeo4j> embedded;

  @Test
  void servesTheRemoteGraphWithNoEmbeddedDatabase() {
    assertThat(embedded.getIfAvailable()).as("no embedded DBMS when switched off").isNull();
    web.post()
        .uri("/graphql")
        .headers(h -> h.setBasicAuth("ops", "ops-password-1"))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("query", "{ graphStats { experts } }"))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.data.graphStats.experts")
        .isEqualTo(1);
    var db = SERVER.defaultDatabaseService();
    long migrations =
        db.executeTransactionally(
            "MATCH (m:__Migration) RETURN count(m) AS n",
            Map.of(),
            r -> ((Number) r.next().get("n")).longValue());
    long admins =
        db.executeTransactionally(
            "MATCH (u:User {username: 'admin'}) RETURN count(u) AS n",
            Map.of(),
            r -> ((Number) r.next().get("n")).longValue());
    assertThat(migrations).isGreaterThanOrEqualTo(5);
    assertThat(admins).isEqualTo(1);
  }
}
