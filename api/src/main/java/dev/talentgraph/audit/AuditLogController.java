package dev.talentgraph.audit;

import dev.talentgraph.graphql.Paging;
import dev.talentgraph.security.Principal;
import dev.talentgraph.security.Role;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingFieldSelectionSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code auditLog(first, after, where: {actor, action, since})}: the audit log as a Relay
 * connection, newest first, for ADMIN only. Cursors are keyset positions (time and id of an event),
 * so a page stays right while new events arrive; {@code totalCount} is counted only when it is
 * selected.
 */
@Controller
class AuditLogController {
  record AuditEventWhere(String actor, String action, OffsetDateTime since) {}

  private final AuditLog audit;

  AuditLogController(AuditLog audit) {
    this.audit = audit;
  }

  @QueryMapping
  Mono<Paging.Connection<AuditEvent>> auditLog(
      @Argument Integer first,
      @Argument String after,
      @Argument AuditEventWhere where,
      DataFetchingFieldSelectionSet selection) {
    String actor = where == null ? null : where.actor();
    String action = where == null ? null : where.action();
    Instant since = where == null || where.since() == null ? null : where.since().toInstant();
    boolean total = selection.contains("totalCount");
    return ReactiveSecurityContextHolder.getContext()
        .mapNotNull(
            c ->
                c.getAuthentication() != null
                        && c.getAuthentication().getPrincipal() instanceof Principal p
                    ? p
                    : null)
        .switchIfEmpty(
            Mono.error(new Refused("the audit log is for ADMIN only; you are not signed in")))
        .flatMap(
            p -> {
              if (!p.has(Role.ADMIN)) {
                return Mono.error(
                    new Refused("the audit log is for ADMIN only; you have " + p.roles()));
              }
              int n = first == null ? 50 : first;
              return Mono.fromCallable(
                      () ->
                          connection(
                              audit.query(n, after, actor, action, since),
                              after,
                              total ? (int) audit.count(actor, action, since) : null))
                  .subscribeOn(Schedulers.boundedElastic())
                  .flatMap(
                      page ->
                          audit
                              .recordCurrent(
                                  "audit.read",
                                  filters(actor, action, since),
                                  AuditEvent.Outcome.ALLOWED,
                                  null)
                              .thenReturn(page));
            });
  }

  private static Paging.Connection<AuditEvent> connection(
      AuditLog.Page page, String after, Integer totalCount) {
    List<Paging.Edge<AuditEvent>> edges =
        page.events().stream().map(e -> new Paging.Edge<>(e, AuditLog.cursor(e))).toList();
    Paging.PageInfo info =
        new Paging.PageInfo(
            page.hasNextPage(),
            after != null && !after.isBlank(),
            edges.isEmpty() ? null : edges.get(0).cursor(),
            page.endCursor());
    return new Paging.Connection<>(edges, info, totalCount);
  }

  private static String filters(String actor, String action, Instant since) {
    return "auditLog(actor=" + actor + ", action=" + action + ", since=" + since + ")";
  }

  /** A refusal of this controller: FORBIDDEN, audited by {@link GraphQlAudit}. */
  static final class Refused extends RuntimeException {
    Refused(String message) {
      super(message);
    }
  }

  @GraphQlExceptionHandler
  GraphQLError refused(Refused e, DataFetchingEnvironment env) {
    return GraphqlErrorBuilder.newError(env)
        .errorType(ErrorType.FORBIDDEN)
        .message(e.getMessage())
        .extensions(Map.of("code", "FORBIDDEN", "refused", true))
        .build();
  }

  @GraphQlExceptionHandler
  GraphQLError badArgument(IllegalArgumentException e, DataFetchingEnvironment env) {
    return GraphqlErrorBuilder.newError(env)
        .errorType(ErrorType.BAD_REQUEST)
        .message(e.getMessage())
        .extensions(Map.of("code", "BAD_REQUEST"))
        .build();
  }
}
