package dev.talentgraph.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.talentgraph.graphql.spec.StatementLog;
import dev.talentgraph.security.ApiTokens;
import dev.talentgraph.security.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of the GraphQL integration tests: ONE application context (same configuration and properties
 * in every subclass, so Spring's test context cache starts one embedded Neo4j for all of them), the
 * {@link TestGraph} loaded once, and requests authenticated with an API token created through the
 * {@link ApiTokens} bean. Documents live in {@code src/test/resources/graphql-test/NAME.graphql}.
 * The driver records the statements it sends while a {@link StatementLog} recording is open (the
 * golden specification). The cost limit is off here: these tests send deliberately deep and wide
 * documents to count the engine's statements; the limits have their own tests ({@code
 * GraphQlLimitsIT}).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "talent.neo4j.embedded.bolt-port=0",
      "talent.graphql.round-trips-in-extensions=true",
      "talent.graphql.limits.max-complexity=0"
    })
@Import(StatementLog.Recording.class)
public abstract class GraphQlIT {
  private static final Map<String, String> DOCUMENTS = new ConcurrentHashMap<>();
  private static volatile String token;

  @LocalServerPort int port;
  @Autowired protected Driver driver;
  @Autowired ApiTokens tokens;

  protected WebTestClient web;

  @BeforeEach
  protected void connect() {
    TestGraph.load(driver);
    if (token == null)
      token = tokens.create("graphql-it", "admin", Set.of(Role.ADMIN), null, null).token();
    // 60 s like TestClientTimeout: the default 5 s is too short when 2 cores are shared with builds
    // (CI)
    web =
        WebTestClient.bindToServer()
            .baseUrl("http://localhost:" + port)
            .responseTimeout(java.time.Duration.ofSeconds(60))
            .codecs(c -> c.defaultCodecs().maxInMemorySize(32 * 1024 * 1024))
            .build();
  }

  /** The test's ADMIN API token (created in {@link #connect}). */
  protected static String adminToken() {
    return token;
  }

  protected static String document(String name) {
    return DOCUMENTS.computeIfAbsent(
        name,
        n -> {
          try {
            return new ClassPathResource("graphql-test/" + n + ".graphql")
                .getContentAsString(StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /** Vars as alternating names and values; a null value is sent as JSON null. */
  protected static Map<String, Object> vars(Object... kv) {
    Map<String, Object> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
    return m;
  }

  /** Runs a document as the test's admin token and returns the response, asserting HTTP 200. */
  protected Json run(String documentName, Map<String, Object> variables) {
    return runText(document(documentName), variables);
  }

  /** Runs a document given as text as the test's admin token, asserting HTTP 200. */
  protected Json runText(String document, Map<String, Object> variables) {
    String body =
        web.post()
            .uri("/graphql")
            .headers(h -> h.setBearerAuth(token))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("query", document, "variables", variables))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    return new Json(body);
  }

  /** Like {@link #run} and asserts the response has no top-level errors. */
  protected Json ok(String documentName, Map<String, Object> variables) {
    Json json = run(documentName, variables);
    assertThat(json.has("$.errors")).as("errors in %s", json.body()).isFalse();
    return json;
  }

  /** A response body with JSONPath access. */
  public record Json(String body) {
    public <T> T at(String path) {
      return JsonPath.read(body, path);
    }

    public boolean has(String path) {
      try {
        Object v = JsonPath.read(body, path);
        return v != null && !(v instanceof List<?> l && l.isEmpty());
      } catch (com.jayway.jsonpath.PathNotFoundException e) {
        return false;
      }
    }

    public int roundTrips() {
      return at("$.extensions.roundTrips");
    }

    @Override
    public String toString() {
      return body;
    }
  }
}
