package dev.talentgraph.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.talentgraph.schema.GraphSessions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.driver.Driver;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.neo4j.autoconfigure.ConfigBuilderCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The app with the embedded database switched off, against a separately started Neo4j
 * (neo4j-harness, with auth on) through a routing {@code neo4j://} URI: the path a server or
 * cluster deployment takes. Migrations and the admin user land there.
 *
 * <p>Community Neo4j has no cluster, so where work would go is read off what the driver sends: a
 * routing driver picks a reader or the leader by the access mode of each transaction, and that mode
 * travels in the Bolt message that opens it ({@code mode: "r"} on BEGIN, or on the RUN of an
 * auto-commit statement; no mode is a write). {@link BoltWire} records those messages from the
 * app's own driver.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class RemoteNeo4jIT {
  /** Bolt's port, chosen up front: the routing table must advertise the port Bolt listens on. */
  static final int BOLT_PORT = freePort();

  static final Neo4j SERVER =
      Neo4jBuilders.newInProcessBuilder()
          .withDisabledServer()
          .withConfig(BoltConnector.listen_address, new SocketAddress("localhost", BOLT_PORT))
          .withConfig(BoltConnector.advertised_address, new SocketAddress("localhost", BOLT_PORT))
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
    registry.add("spring.neo4j.pool.connection-acquisition-timeout", () -> "5s");
    registry.add(
        "spring.neo4j.uri", () -> "neo4j://localhost:" + BOLT_PORT); // routing, as to a cluster
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

  private static int freePort() {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterAll
  static void stop() {
    SERVER.close();
  }

  /** Records the Bolt messages of the app's driver (its debug log) for the routing checks. */
  @TestConfiguration(proxyBeanMethods = false)
  static class WireTap {
    @Bean
    BoltWire boltWire() {
      return new BoltWire();
    }

    @Bean
    ConfigBuilderCustomizer recordBoltMessages(BoltWire wire) {
      return config -> config.withLogging(wire);
    }
  }

  @Autowired WebTestClient web;
  @Autowired BoltWire wire;
  @Autowired Driver driver;
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

  @Test
  void queriesRunOnReadersAndTheirOwnWritesAreCarriedToTheNextRead() {
    // reads of several kinds: the GraphQL engine (auto-commit), services in managed read
    // transactions (who knows, metrics, audit), the request's access checks
    wire.clear();
    graphql(
            "{ graphStats { experts } experts(first: 5) { totalCount edges { node { id name } } }"
                + " expert(id: \"remote-1\") { name skills { level } } }")
        .jsonPath("$.errors")
        .doesNotExist();
    graphql("{ whoKnows(text: \"compilers\") { items { expert { id } } } }")
        .jsonPath("$.errors")
        .doesNotExist();
    graphql("{ metrics { definitions } }").jsonPath("$.errors").doesNotExist();
    graphql("{ auditLog(first: 3) { totalCount } }").jsonPath("$.errors").doesNotExist();
    List<BoltWire.Statement> reads = wire.statements();
    assertThat(reads)
        .as("every statement reading for a query goes to a reader")
        .filteredOn(st -> !st.cypher().contains("CREATE (a:AuditEvent)"))
        .hasSizeGreaterThanOrEqualTo(4)
        .allSatisfy(st -> assertThat(st.read()).as(st.cypher()).isTrue());
    assertThat(reads)
        .as("the audit trail of those reads is written on the leader")
        .filteredOn(st -> st.cypher().contains("CREATE (a:AuditEvent)"))
        .allSatisfy(st -> assertThat(st.read()).as(st.cypher()).isFalse());

    // a write, then the same person's read: the write goes to the leader, and the read waits for
    // the bookmark the write's commit returned (or a later one), so a lagging reader cannot answer
    // it before it has the write
    wire.clear();
    graphql(
            "mutation { updateExpert(input: {id: \"remote-1\", title: \"Rear Admiral\"})"
                + " { expert { id } errors { message } } }")
        .jsonPath("$.data.updateExpert.errors")
        .isEmpty();
    graphql("{ expert(id: \"remote-1\") { title } }")
        .jsonPath("$.data.expert.title")
        .isEqualTo("Rear Admiral");
    List<BoltWire.Statement> sent = wire.statements();
    BoltWire.Statement update =
        sent.stream().filter(st -> st.cypher().contains("SET n +=")).findFirst().orElseThrow();
    assertThat(update.read()).as("the update goes to the leader").isFalse();
    assertThat(update.committedAs()).as("the update's commit returned a bookmark").isNotNull();
    BoltWire.Statement read =
        sent.stream()
            .filter(st -> st.cypher().contains("RETURN n {.title}"))
            .reduce((a, b) -> b)
            .orElseThrow();
    assertThat(read.read()).as("the next read goes to a reader").isTrue();
    List<String> returned = wire.bookmarksReturned();
    List<String> sinceUpdate =
        returned.subList(returned.indexOf(update.committedAs()), returned.size());
    assertThat(read.waitedFor())
        .as("the read waits for the update or a later commit")
        .containsAnyElementsOf(sinceUpdate);
  }

  @Test
  void aReadSessionCannotWrite() {
    // the access mode is not only a routing hint: the server refuses a write in a READ session
    try (var s = driver.session(GraphSessions.read(driver, "neo4j"))) {
      assertThatThrownBy(() -> s.run("CREATE (:Probe)").consume())
          .isInstanceOf(ClientException.class)
          .hasMessageContaining("read access mode");
    }
    long probes =
        SERVER
            .defaultDatabaseService()
            .executeTransactionally(
                "MATCH (p:Probe) RETURN count(p) AS n",
                Map.of(),
                r -> ((Number) r.next().get("n")).longValue());
    assertThat(probes).isZero();
  }

  private WebTestClient.BodyContentSpec graphql(String query) {
    return web.post()
        .uri("/graphql")
        .headers(h -> h.setBasicAuth("ops", "ops-password-1"))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("query", query))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody();
  }
}
