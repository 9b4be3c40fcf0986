package dev.talentgraph.graphql;

import java.util.Map;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Gives every GraphQL request its own {@link RoundTrips} counter and, when {@code
 * talent.graphql.round-trips-in-extensions} is on, reports it in the response as {@code
 * extensions.roundTrips} (off by default: it is a diagnostic, not part of the contract).
 */
@Component
class RequestContextInterceptor implements WebGraphQlInterceptor {
  private final boolean expose;

  RequestContextInterceptor(GraphQlSettings settings) {
    this.expose = settings.roundTripsInExtensions();
  }

  @Override
  public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
    RoundTrips roundTrips = new RoundTrips();
    request.configureExecutionInput(
        (input, builder) -> {
          input.getGraphQLContext().put(RoundTrips.KEY, roundTrips);
          return input;
        });
    Mono<WebGraphQlResponse> response = chain.next(request);
    if (!expose) return response;
    return response.map(
        r ->
            r.transform(
                b -> {
                  Map<Object, Object> extensions = new java.util.LinkedHashMap<>(r.getExtensions());
                  extensions.put("roundTrips", roundTrips.count());
                  b.extensions(extensions);
                }));
  }
}
