package dev.talentgraph.security;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * The field rules for {@code node(id:)} resolvers of types that no query reads by id: the same
 * {@link AccessPolicy} decisions and the same refusal (null and a FORBIDDEN error naming the field
 * whose rule applies) as {@link FieldAccessRules} gives where the type is otherwise reached.
 */
public final class NodeAccess {
  private NodeAccess() {}

  /**
   * {@code read} when the caller has one of {@code roles}; else the refusal of {@code coordinate}.
   */
  public static Mono<Object> byRole(
      DataFetchingEnvironment env, String coordinate, Set<Role> roles, Mono<?> read) {
    RequestAccess access = FieldAccessRules.access(env);
    Principal p = access == null ? null : access.principal();
    if (p == null)
      return Mono.just(FieldAccessRules.deny(env, null, coordinate, "authentication required"));
    if (!AccessPolicy.hasAny(p, roles)) {
      return Mono.just(
          FieldAccessRules.deny(
              env,
              p,
              coordinate,
              "requires one of the roles " + roles + "; you have " + p.roles()));
    }
    return read.map(o -> (Object) o);
  }

  /**
   * {@code read} when the caller may read personal data of {@code expertId} (audited as a read of
   * {@code coordinate}); else the refusal of {@code coordinate}.
   */
  public static Mono<Object> personal(
      DataFetchingEnvironment env,
      String coordinate,
      String expertId,
      AuditTrail audit,
      Mono<?> read) {
    RequestAccess access = FieldAccessRules.access(env);
    Principal p = access == null ? null : access.principal();
    if (p == null)
      return Mono.just(FieldAccessRules.deny(env, null, coordinate, "authentication required"));
    return access
        .managed()
        .flatMap(
            managed -> {
              if (!AccessPolicy.mayReadPersonal(p, expertId, managed)) {
                return Mono.just(
                    (Object)
                        FieldAccessRules.deny(
                            env,
                            p,
                            coordinate,
                            "personal data of expert '"
                                + expertId
                                + "' is visible only to ADMIN and HR, the person themselves and their team's manager"));
              }
              audit.personalRead(p, expertId, coordinate, access.remoteAddress());
              return read.map(o -> (Object) o);
            });
  }

  /** Whether a result is a refusal made here or by a field rule (no data, errors). */
  public static boolean refused(Object result) {
    return result instanceof DataFetcherResult<?> r
        && r.getData() == null
        && !r.getErrors().isEmpty();
  }
}
