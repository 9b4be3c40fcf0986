package dev.talentgraph.security;

import dev.talentgraph.db.DatabaseConfiguration.SchemaMigrations;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.neo4j.driver.Driver;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import reactor.core.publisher.Mono;

/** Puts the caller into every GraphQL request and installs the field access rules. */
@Configuration(proxyBeanMethods = false)
class GraphQlAccessConfiguration {

  @Bean
  @Order(0)
  WebGraphQlInterceptor requestAccessInterceptor(
      Driver driver, SchemaMigrations schema, SecuritySettings settings) {
    return (request, chain) ->
        ReactiveSecurityContextHolder.getContext()
            .map(SecurityContext::getAuthentication)
            .map(Optional::of)
            .defaultIfEmpty(Optional.empty())
            .flatMap(
                auth -> {
                  Principal principal =
                      auth.map(Authentication::getPrincipal)
                          .filter(Principal.class::isInstance)
                          .map(Principal.class::cast)
                          .orElse(settings.enabled() ? null : RequestAccess.ANONYMOUS_SECURITY_OFF);
                  InetSocketAddress remote = request.getRemoteAddress();
                  String from =
                      remote == null
                          ? null
                          : remote.getAddress() == null
                              ? remote.getHostString()
                              : remote.getAddress().getHostAddress();
                  RequestAccess access =
                      new RequestAccess(principal, from, driver, schema.database());
                  request.configureExecutionInput(
                      (input, builder) -> {
                        input.getGraphQLContext().put(RequestAccess.class, access);
                        return input;
                      });
                  // Resolved before execution, so that every field rule decides synchronously (a
                  // late DataLoader
                  // call after dispatch would never complete).
                  return Mono.when(access.managed(), access.hiring()).then(chain.next(request));
                });
  }

  @Bean
  GraphQlSourceBuilderCustomizer fieldAccessRules(AuditTrail audit) {
    return builder -> builder.typeVisitors(List.of(new FieldAccessRules(audit)));
  }
}
