package dev.talentgraph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The integration tests' way of asking {@code POST /graphql} as a caller (an API token, or a user
 * and password): the document and its variables as JSON, the answer expected with status 200
 * (GraphQL errors are in the body) and read as a JSON tree.
 */
public final class GraphQlOverHttp {
  private static final ObjectMapper JSON = new ObjectMapper();

  private GraphQlOverHttp() {}

  /** The answer to {@code query} with {@code variables} (none when null), as the token's holder. */
  public static JsonNode bearer(
      WebTestClient web, String token, String query, Map<String, Object> variables) {
    return post(web, h -> h.setBearerAuth(token), query, variables);
  }

  /** The answer to {@code query} with {@code variables} (none when null), as {@code user}. */
  public static JsonNode basic(
      WebTestClient web,
      String user,
      String password,
      String query,
      Map<String, Object> variables) {
    return post(web, h -> h.setBasicAuth(user, password), query, variables);
  }

  /** As {@code user} with {@code password}, or as the token's holder when {@code user} is null. */
  public static JsonNode userOrToken(
      WebTestClient web, String user, String password, String token, String query) {
    return user == null ? bearer(web, token, query, null) : basic(web, user, password, query, null);
  }

  /**
   * The answer to {@code query} with {@code variables} (none when null), authenticated by {@code
   * auth}.
   */
  public static JsonNode post(
      WebTestClient web, Consumer<HttpHeaders> auth, String query, Map<String, Object> variables) {
    Map<String, Object> body = new HashMap<>();
    body.put("query", query);
    body.put("variables", variables == null ? Map.of() : variables);
    byte[] answer =
        web.post()
            .uri("/graphql")
            .headers(auth)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .returnResult()
            .getResponseBody();
    try {
      return JSON.readTree(answer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
