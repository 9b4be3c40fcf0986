package dev.talentgraph.operations;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Counts requests refused at the HTTP level ({@code talentgraph.refusals}, reason {@code http_401},
 * {@code http_403}, {@code http_413}, {@code http_429}) before any GraphQL runs. First in the
 * chain, so that the security chain's answers are seen.
 */
final class HttpRefusalMeters implements WebFilter, Ordered {
  private final MeterRegistry registry;

  HttpRefusalMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    exchange
        .getResponse()
        .beforeCommit(
            () -> {
              HttpStatusCode status = exchange.getResponse().getStatusCode();
              if (status != null) {
                int s = status.value();
                if (s == 401 || s == 403 || s == 413 || s == 429) {
                  GraphQlMeters.refused(registry, "http_" + s);
                }
              }
              return Mono.empty();
            });
    return chain.filter(exchange);
  }
}
