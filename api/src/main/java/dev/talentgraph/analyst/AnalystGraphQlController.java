package dev.talentgraph.analyst;

import dev.talentgraph.audit.AuditLog;
import dev.talentgraph.security.Principal;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * The GraphQL face of the analyst endpoint: {@code cypher(query, params)}, same rules as {@code
 * POST /cypher}.
 */
@Controller
class AnalystGraphQlController {
  private final AnalystCypher cypher;

  AnalystGraphQlController(AnalystCypher cypher) {
    this.cypher = cypher;
  }

  @QueryMapping
  Mono<CypherResult> cypher(@Argument String query, @Argument Map<String, Object> params) {
    return Mono.deferContextual(
        ctx ->
            ReactiveSecurityContextHolder.getContext()
                .mapNotNull(
                    c ->
                        c.getAuthentication() != null
                                && c.getAuthentication().getPrincipal() instanceof Principal p
                            ? p
                            : null)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(
                    p ->
                        cypher.run(
                            p.orElse(null),
                            query,
                            params,
                            ctx.<String>getOrEmpty(AuditLog.REMOTE_ADDRESS).orElse(null))));
  }

  @GraphQlExceptionHandler
  GraphQLError failed(CypherException e, DataFetchingEnvironment env) {
    ErrorType type =
        switch (e.kind()) {
          case FORBIDDEN, REFUSED -> ErrorType.FORBIDDEN;
          case INVALID, TIME_LIMIT, BUSY -> ErrorType.BAD_REQUEST;
          case FAILED -> ErrorType.INTERNAL_ERROR;
        };
    Map<String, Object> ext = new LinkedHashMap<>();
    ext.put("code", e.kind().code);
    if (e.refusal() != null) {
      ext.put("reason", e.refusal().code());
      ext.put("operator", e.refusal().operator());
      if (e.refusal().subject() != null) ext.put("subject", e.refusal().subject());
    }
    return GraphqlErrorBuilder.newError(env)
        .errorType(type)
        .message(e.getMessage())
        .extensions(ext)
        .build();
  }
}
