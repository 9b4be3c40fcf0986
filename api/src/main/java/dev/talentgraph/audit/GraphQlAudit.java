package dev.talentgraph.audit;

import dev.talentgraph.graphql.OperationInstrumentations.OperationLevel;
import dev.talentgraph.security.Principal;
import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import reactor.core.publisher.Mono;

/**
 * Audits GraphQL: every mutation (allowed, refused or failed) and every query refused by a role
 * check ({@code FORBIDDEN}/{@code UNAUTHORIZED} errors of method security) or by a rule of ours
 * (errors whose extensions say {@code refused: true}, with a {@code code}: the request limits, role
 * checks). GraphQL answers refusals with HTTP 200 and errors, so the web filters do not see them.
 * Errors coded {@code CYPHER_*} are audited by the analyst service itself. The event names the
 * operation's top-level fields, never argument values.
 */
final class GraphQlAudit {
  static final String OPERATION = GraphQlAudit.class.getName() + ".operation";
  private static final Set<String> REFUSAL_TYPES = Set.of("FORBIDDEN", "UNAUTHORIZED");

  private GraphQlAudit() {}

  /**
   * Notes the operation type and its top-level fields for the interceptor; runs first among
   * instrumentations.
   */
  static final class OperationInstrumentation extends SimplePerformantInstrumentation
      implements Ordered, OperationLevel {
    @Override
    public int getOrder() {
      return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
        InstrumentationExecuteOperationParameters p, InstrumentationState state) {
      var ctx = p.getExecutionContext();
      OperationDefinition op = ctx.getOperationDefinition();
      String fields =
          op.getSelectionSet().getSelections().stream()
              .map(s -> s instanceof Field f ? f.getName() : "...")
              .distinct()
              .collect(Collectors.joining(","));
      ctx.getGraphQLContext()
          .put(
              OPERATION,
              new Operation(
                  op.getOperation().name().toLowerCase(java.util.Locale.ROOT),
                  op.getName(),
                  fields));
      return SimpleInstrumentationContext.noOp();
    }
  }

  record Operation(String type, String name, String fields) {
    String target() {
      return (name == null ? "" : name + " ") + "{" + fields + "}";
    }
  }

  /** Records after the response is known. */
  static final class Interceptor implements WebGraphQlInterceptor {
    private final AuditLog audit;

    Interceptor(AuditLog audit) {
      this.audit = audit;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
      String remote = AuditWebFilters.remoteAddress(request.getRemoteAddress());
      return ReactiveSecurityContextHolder.getContext()
          .map(
              c ->
                  Optional.ofNullable(
                      c.getAuthentication() != null
                              && c.getAuthentication().getPrincipal() instanceof Principal p
                          ? p
                          : null))
          .defaultIfEmpty(Optional.empty())
          .flatMap(
              principal ->
                  chain.next(request).doOnNext(r -> record(r, principal.orElse(null), remote)));
    }

    private void record(WebGraphQlResponse response, Principal principal, String remote) {
      Operation op = response.getExecutionInput().getGraphQLContext().get(OPERATION);
      List<String> refusals = new ArrayList<>();
      boolean failed = false;
      for (ResponseError e : response.getErrors()) {
        Map<String, Object> ext = e.getExtensions();
        Object code = ext == null ? null : ext.get("code");
        if (code != null && code.toString().startsWith("CYPHER_")) continue;
        String type = e.getErrorType() == null ? "" : e.getErrorType().toString();
        if (ext != null && Boolean.TRUE.equals(ext.get("refused"))) {
          refusals.add(code + ": " + e.getMessage());
        } else if (REFUSAL_TYPES.contains(type)) {
          refusals.add(
              type + (e.getPath() == null || e.getPath().isEmpty() ? "" : " at " + e.getPath()));
        } else {
          failed = true;
        }
      }
      boolean mutation = op != null && op.type().equals("mutation");
      if (refusals.isEmpty() && !mutation) return;
      String action = "graphql." + (op == null ? "request" : op.type());
      String target = op == null ? "(not executed)" : op.target();
      AuditEvent.Outcome outcome =
          !refusals.isEmpty()
              ? AuditEvent.Outcome.REFUSED
              : failed ? AuditEvent.Outcome.FAILED : AuditEvent.Outcome.ALLOWED;
      audit.record(
          AuditEvent.of(
              principal,
              action,
              target,
              outcome,
              refusals.isEmpty() ? null : String.join("; ", refusals),
              remote));
    }
  }
}
