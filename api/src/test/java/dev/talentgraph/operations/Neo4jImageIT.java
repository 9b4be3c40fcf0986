package dev.talentgraph.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talentgraph.TalentGraphApplication;
import dev.talentgraph.security.ApiTokens;
import dev.talentgraph.security.Role;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.neo4j.Neo4jContainer;

/**
 * The server path against the official Neo4j 5.26 image (APOC and GDS plugins, auth on), and the
 * project's docker-compose.yml brought up as written. Needs a Docker engine: without one the class
 * is skipped (disabledWithoutDocker).
 */
@Testcontainers(disabledWithoutDocker = true)
class Neo4jImageIT {
  static final String IMAGE = "neo4j:5.26-community";

  @Test
  void theServerRunsOnTheNeo4jImage() {
    try (Neo4jContainer neo4j =
        new Neo4jContainer(IMAGE)
            .withAdminPassword("image-it-secret")
            .withPlugins("apoc", "graph-data-science")
            .withNeo4jConfig("dbms.security.procedures.unrestricted", "apoc.*,gds.*")) {
      neo4j.start();
      try (ConfigurableApplicationContext app =
          TalentGraphApplication.run(
              "--server.port=0",
              "--talent.neo4j.embedded.enabled=false",
              "--spring.neo4j.uri=" + neo4j.getBoltUrl(),
              "--spring.neo4j.authentication.username=neo4j",
              "--spring.neo4j.authentication.password=image-it-secret",
              "--talent.security.users[0].username=ops",
              "--talent.security.users[0].password-hash="
                  + new BCryptPasswordEncoder().encode("image-it-password"),
              "--talent.security.users[0].roles=ADMIN")) {
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        WebTestClient web =
            WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofMinutes(1))
                .build();
        web.post()
            .uri("/graphql")
            .headers(h -> h.setBasicAuth("ops", "image-it-password"))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("query", "{ graphStats { experts skills } }"))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.data.graphStats.experts")
            .isEqualTo(0);
        String operator =
            app.getBean(ApiTokens.class)
                .create("image-it-operator", "ops", Set.of(Role.OPERATOR), null, null)
                .token();
        String metrics =
            web.get()
                .uri("/actuator/prometheus")
                .headers(h -> h.setBearerAuth(operator))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(metrics).contains("talentgraph_graphql_requests_seconds_count");
      }
    }
  }

  /**
   * docker-compose.yml as shipped, with the demo switched on and a key set file generated in its
   * volume: the app becomes healthy and answers as the admin.
   */
  @Test
  void theComposeFileComesUpWithTheDemo() {
    Path root = Path.of(System.getProperty("user.dir")).getParent();
    File compose = root.resolve("docker-compose.yml").toFile();
    Assumptions.assumeTrue(
        Files.isRegularFile(root.resolve("api/target/talentgraph.jar")),
        "the product jar is not built (./mvnw -DskipTests package)");
    try (ComposeContainer env =
        new ComposeContainer(compose)
            .withEnv(
                Map.of(
                    "TALENT_BOLT_PASSWORD", "compose-it-secret",
                    "TALENT_ADMIN_PASSWORD", "compose-it-admin",
                    "TALENT_DEMO", "true",
                    "TALENT_DEMO_EXPERTS", "50"))
            .withExposedService(
                "talentgraph",
                8080,
                Wait.forHttp("/actuator/health")
                    .forStatusCode(200)
                    .withStartupTimeout(Duration.ofMinutes(10)))) {
      env.start();
      String base =
          "http://"
              + env.getServiceHost("talentgraph", 8080)
              + ":"
              + env.getServicePort("talentgraph", 8080);
      WebTestClient.bindToServer()
          .baseUrl(base)
          .responseTimeout(Duration.ofMinutes(1))
          .build()
          .post()
          .uri("/graphql")
          .headers(h -> h.setBasicAuth("admin", "compose-it-admin"))
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue(Map.of("query", "{ graphStats { experts } }"))
          .exchange()
          .expectStatus()
          .isOk()
          .expectBody()
          .jsonPath("$.data.graphStats.experts")
          .isEqualTo(50);
    }
  }
}
