package dev.talentgraph.security;

import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.RelTypes;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.async.AsyncSession;
import org.neo4j.driver.async.ResultCursor;
import reactor.core.publisher.Mono;

/**
 * The caller of one GraphQL request, kept in its GraphQL context: the principal, and (for a MANAGER) the
 * experts in the teams they manage, looked up at most once per request and only when a rule needs it.
 */
public final class RequestAccess {
  public static final Principal ANONYMOUS_SECURITY_OFF =
      new Principal("anonymous", Set.of(Role.ADMIN), null, "security-off");

  private final Principal principal;
  private final String remoteAddress;
  private final Mono<Set<String>> managed;

  RequestAccess(Principal principal, String remoteAddress, Driver driver, String database) {
    this.principal = principal;
    this.remoteAddress = remoteAddress;
    if (principal != null && principal.has(Role.MANAGER) && principal.expertId() != null) {
      SessionConfig cfg = SessionConfig.builder().withDatabase(database).withDefaultAccessMode(AccessMode.READ).build();
      this.managed = Mono.usingWhen(Mono.fromSupplier(() -> driver.session(AsyncSession.class, cfg)),
          s -> Mono.fromCompletionStage(s.runAsync("MATCH (:" + Labels.EXPERT + " {id: $me})-[:" + RelTypes.MANAGES + "]->(:"
                  + Labels.TEAM + ")<-[:" + RelTypes.MEMBER_OF + "]-(e:" + Labels.EXPERT + ") RETURN DISTINCT e.id AS id",
              Map.of("me", principal.expertId())).thenCompose(ResultCursor::listAsync)),
          s -> Mono.fromCompletionStage(s.closeAsync()))
          .map(rows -> {
            Set<String> ids = new HashSet<>();
            rows.forEach(r -> ids.add(r.get("id").asString()));
            return Set.copyOf(ids);
          })
          .cache();
    } else {
      this.managed = Mono.just(Set.of());
    }
  }

  public Principal principal() {
    return principal;
  }

  public String remoteAddress() {
    return remoteAddress;
  }

  /** Experts in the teams the caller manages (empty unless MANAGER linked to an Expert). */
  public Mono<Set<String>> managed() {
    return managed;
  }
}
