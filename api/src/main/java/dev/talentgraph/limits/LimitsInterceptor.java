package dev.talentgraph.limits;

import dev.talentgraph.audit.AuditWebFilters;
import dev.talentgraph.security.Principal;
import java.util.Set;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import reactor.core.publisher.Mono;

/**
 * Tells the limit instrumentations who is asking: the login (rate-limit key, introspection role) or
 * the address.
 */
final class LimitsInterceptor implements WebGraphQlInterceptor {
  @Override
  public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
    String address = AuditWebFilters.remoteAddress(request.getRemoteAddress());
    return ReactiveSecurityContextHolder.getContext()
        .mapNotNull(
            c ->
                c.getAuthentication() != null
                        && c.getAuthentication().getPrincipal() instanceof Principal p
                    ? new LimitInstrumentations.Caller("user:" + p.username(), p.roles())
                    : null)
        .defaultIfEmpty(new LimitInstrumentations.Caller("address:" + address, Set.of()))
        .flatMap(
            caller -> {
              request.configureExecutionInput(
                  (input, builder) -> {
                    input.getGraphQLContext().put(LimitInstrumentations.Caller.KEY, caller);
                    return input;
                  });
              return chain.next(request);
            });
  }
}
