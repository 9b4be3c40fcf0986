package dev.talentgraph.portal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Runs the portal's GraphQL documents in-process, through the same handler and interceptors as
 * {@code POST /graphql}, as the logged-in person: field rules, personal-data refusals, limits and
 * the audit apply exactly as for an API client. A page never reads the database itself.
 */
@Component
class PortalGraphQl {
  private final WebGraphQlHandler handler;
  private final GraphQlSource source;

  PortalGraphQl(WebGraphQlHandler handler, GraphQlSource source) {
    this.handler = handler;
    this.source = source;
  }

  /** The answer of one document: its data (fields the caller may not read are null) and errors. */
  record Answer(Map<String, Object> data, List<Map<String, Object>> errors) {
    /** The value at a path of field names and list indexes, null when any step is missing. */
    Object at(Object... path) {
      Object cur = data;
      for (Object step : path) {
        if (cur instanceof Map<?, ?> m && step instanceof String s) cur = m.get(s);
        else if (cur instanceof List<?> l && step instanceof Integer i)
          cur = i < l.size() ? l.get(i) : null;
        else return null;
      }
      return cur;
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list(Object... path) {
      Object v = at(path);
      return v instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> map(Object... path) {
      Object v = at(path);
      return v instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    /** Error messages other than the refusals of fields the caller may not read. */
    List<String> problems() {
      return errors.stream()
          .filter(e -> !"FORBIDDEN".equals(code(e)))
          .map(e -> String.valueOf(e.get("message")))
          .toList();
    }

    /**
     * The problems, less the API's answers that an argument cannot be served ({@code
     * INVALID_ARGUMENT} naming {@code argument}): a page that explains that case itself shows them
     * as its empty state, not as a failure.
     */
    List<String> problemsBesides(String argument) {
      return errors.stream()
          .filter(e -> !"FORBIDDEN".equals(code(e)) && !isInvalid(e, argument))
          .map(e -> String.valueOf(e.get("message")))
          .toList();
    }

    /** The message of the API's answer that {@code argument} cannot be served, or null. */
    String invalid(String argument) {
      return errors.stream()
          .filter(e -> isInvalid(e, argument))
          .map(e -> String.valueOf(e.get("message")))
          .findFirst()
          .orElse(null);
    }

    private static boolean isInvalid(Map<String, Object> e, String argument) {
      return "INVALID_ARGUMENT".equals(code(e))
          && e.get("extensions") instanceof Map<?, ?> x
          && argument.equals(x.get("argument"));
    }

    boolean refused() {
      return errors.stream().anyMatch(e -> "FORBIDDEN".equals(code(e)));
    }

    private static Object code(Map<String, Object> e) {
      return e.get("extensions") instanceof Map<?, ?> x ? x.get("code") : null;
    }
  }

  @SuppressWarnings("unchecked")
  Mono<Answer> run(ServerWebExchange exchange, String document, Map<String, Object> variables) {
    var request = exchange.getRequest();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    var graphQl =
        new WebGraphQlRequest(
            request.getURI(),
            headers,
            request.getCookies(),
            request.getRemoteAddress(),
            Map.of(),
            Map.of("query", document, "variables", variables),
            UUID.randomUUID().toString(),
            Locale.ROOT);
    return handler
        .handleRequest(graphQl)
        .map(
            r -> {
              Map<String, Object> spec = r.toMap();
              Object data = spec.get("data");
              Object errors = spec.get("errors");
              return new Answer(
                  data instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of(),
                  errors instanceof List<?> l ? (List<Map<String, Object>>) l : List.of());
            });
  }

  /** True when the served schema has this query field (features that are not built yet are not). */
  boolean hasQuery(String field) {
    var query = source.schema().getQueryType();
    return query != null && query.getFieldDefinition(field) != null;
  }

  boolean hasMutation(String field) {
    var mutation = source.schema().getMutationType();
    return mutation != null && mutation.getFieldDefinition(field) != null;
  }
}
