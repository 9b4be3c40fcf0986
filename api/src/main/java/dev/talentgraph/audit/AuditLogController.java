package dev.talentgraph.audit;

import dev.talentgraph.security.Principal;
import dev.talentgraph.security.Role;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@code auditLog(first, after, actor, action, since)}: the audit log, newest first, for ADMIN only. */
@Controller
class AuditLogController {
  private final AuditLog audit;

  AuditLogController(AuditLog audit) {
    this.audit = audit;
  }

  @QueryMapping
  Mono<AuditLog.Page> auditLog(@Argument Integer first, @Argument String after, @Argument String actor,
      @Argument String action, @Argument String since) {
    return ReactiveSecurityContextHolder.getContext()
        .mapNotNull(c -> c.getAuthentication() != null && c.getAuthentication().getPrincipal() instanceof Principal p ? p : null)
        .switchIfEmpty(Mono.error(new Refused("the audit log is for ADMIN only; you are not signed in")))
        .flatMap(p -> {
          if (!p.has(Role.ADMIN)) {
            return Mono.error(new Refused("the audit log is for ADMIN only; you have " + p.roles()));
          }
          int n = first == null ? 50 : first;
          Instant from = parseSince(since);
          return Mono.fromCallable(() -> audit.query(n, after, actor, action, from))
              .subscribeOn(Schedulers.boundedElastic())
              .flatMap(page -> audit.recordCurrent("audit.read", filters(actor, action, since), AuditEvent.Outcome.ALLOWED,
                  null).thenReturn(page));
        });
  }

  private static String filters(String actor, String action, String since) {
    return "auditLog(actor=" + actor + ", action=" + action + ", since=" + since + ")";
  }

  private static Instant parseSince(String since) {
    if (since == null || since.isBlank()) return null;
    try {
      return Instant.parse(since);
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(since).toInstant();
      } catch (DateTimeParseException e2) {
        throw new IllegalArgumentException("since must be an ISO-8601 instant such as 2026-11-28T23:00:00Z");
      }
    }
  }

  /** A refusal of this controller: FORBIDDEN, audited by {@link GraphQlAudit}. */
  static final class Refused extends RuntimeException {
    Refused(String message) {
      super(message);
    }
  }

  @GraphQlExceptionHandler
  GraphQLError refused(Refused e, DataFetchingEnvironment env) {
    return GraphqlErrorBuilder.newError(env).errorType(ErrorType.FORBIDDEN).message(e.getMessage())
        .extensions(Map.of("code", "FORBIDDEN", "refused", true)).build();
  }

  @GraphQlExceptionHandler
  GraphQLError badArgument(IllegalArgumentException e, DataFetchingEnvironment env) {
    return GraphqlErrorBuilder.newError(env).errorType(ErrorType.BAD_REQUEST).message(e.getMessage())
        .extensions(Map.of("code", "BAD_REQUEST")).build();
  }
}
