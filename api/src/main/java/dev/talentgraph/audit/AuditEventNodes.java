package dev.talentgraph.audit;

import dev.talentgraph.graphql.NodeResolver;
import dev.talentgraph.security.NodeAccess;
import dev.talentgraph.security.Role;
import graphql.schema.DataFetchingEnvironment;
import java.util.EnumSet;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@code node(id:)} for an AuditEvent: ADMIN only, like {@code auditLog}. */
@Component
class AuditEventNodes implements NodeResolver {
  private final AuditLog audit;

  AuditEventNodes(AuditLog audit) {
    this.audit = audit;
  }

  @Override
  public String type() {
    return "AuditEvent";
  }

  @Override
  public Mono<?> resolve(String key, DataFetchingEnvironment env) {
    return NodeAccess.byRole(
        env,
        "Query.auditLog",
        EnumSet.of(Role.ADMIN),
        Mono.fromCallable(() -> audit.byId(key)).subscribeOn(Schedulers.boundedElastic()));
  }
}
