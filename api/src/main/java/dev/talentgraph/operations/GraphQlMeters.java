package dev.talentgraph.operations;

import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import reactor.core.publisher.Mono;

/**
 * Times every GraphQL request by operation ({@code talentgraph.graphql.requests}, tags {@code
 * operation} and {@code outcome}) and counts its refusals by reason ({@code talentgraph.refusals}).
 * The operation is the type and first root field of the document ({@code query.expert}), checked
 * against the schema so that a client cannot mint new tag values; the client-given operation name
 * is not used for the same reason.
 */
final class GraphQlMeters implements WebGraphQlInterceptor {
  static final String REQUESTS = "talentgraph.graphql.requests";
  static final String REFUSALS = "talentgraph.refusals";

  /** The operation keyword (optional), name, variables, then the first root field. */
  private static final Pattern FIRST_FIELD =
      Pattern.compile(
          "^\\s*(?:(query|mutation|subscription)\\b[^({]*(?:\\([^)]*\\))?[^{]*)?\\{\\s*(?:\\w+\\s*:\\s*)?(\\w+)");

  private final MeterRegistry registry;
  private final Set<String> queryFields = new HashSet<>();
  private final Set<String> mutationFields = new HashSet<>();

  GraphQlMeters(MeterRegistry registry, GraphQLSchema schema) {
    this.registry = registry;
    addFields(schema.getQueryType(), queryFields);
    addFields(schema.getMutationType(), mutationFields);
  }

  private static void addFields(GraphQLObjectType type, Set<String> into) {
    if (type != null) type.getFieldDefinitions().forEach(f -> into.add(f.getName()));
  }

  @Override
  public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
    long start = System.nanoTime();
    String operation = operation(request.getDocument());
    return chain
        .next(request)
        .doOnNext(
            response -> {
              String outcome = "ok";
              for (ResponseError e : response.getErrors()) {
                String reason = refusal(e);
                if (reason != null) {
                  outcome = "refused";
                  refused(registry, reason);
                } else if (!outcome.equals("refused")) {
                  outcome = "error";
                }
              }
              Timer.builder(REQUESTS)
                  .description("GraphQL requests by operation and outcome")
                  .tags("operation", operation, "outcome", outcome)
                  .publishPercentileHistogram()
                  .register(registry)
                  .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
            });
  }

  static void refused(MeterRegistry registry, String reason) {
    Counter.builder(REFUSALS)
        .description("Refused requests by reason: HTTP status or GraphQL error code")
        .tag("reason", reason)
        .register(registry)
        .increment();
  }

  /** {@code query.expert}, {@code mutation.setExpertSkill}, or {@code unknown}. */
  String operation(String document) {
    if (document == null) return "unknown";
    Matcher m = FIRST_FIELD.matcher(document);
    if (!m.find()) return "unknown";
    String kind = m.group(1) == null ? "query" : m.group(1);
    String field = m.group(2);
    Set<String> known =
        switch (kind) {
          case "query" -> queryFields;
          case "mutation" -> mutationFields;
          default -> Set.of();
        };
    return known.contains(field) ? kind + "." + field : kind + ".unknown";
  }

  /**
   * The reason an error refuses the request, or null for other errors: the limits' and guards'
   * {@code extensions.code}, else an access classification.
   */
  static String refusal(ResponseError e) {
    Map<String, Object> ext = e.getExtensions();
    Object code = ext == null ? null : ext.get("code");
    boolean refused = ext != null && Boolean.TRUE.equals(ext.get("refused"));
    if (code instanceof String c && refused) return c.toLowerCase(Locale.ROOT);
    if (e.getErrorType() == ErrorType.FORBIDDEN) return "forbidden";
    if (e.getErrorType() == ErrorType.UNAUTHORIZED) return "unauthorized";
    if (refused) return "refused";
    return null;
  }
}
