package dev.talentgraph.security;

import dev.talentgraph.schema.GraphSessions;
import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.RelTypes;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.async.AsyncSession;
import org.neo4j.driver.async.ResultCursor;
import reactor.core.publisher.Mono;

/**
 * The caller of one GraphQL request, kept in its GraphQL context: the principal, and (for a
 * MANAGER) the experts in the teams they manage, looked up at most once per request and only when a
 * rule needs it.
 */
public final class RequestAccess {
  public static final Principal ANONYMOUS_SECURITY_OFF =
      new Principal("anonymous", Set.of(Role.ADMIN), null, "security-off");

  private final Principal principal;
  private final String remoteAddress;
  private final Mono<Set<String>> managed;
  private final Mono<HiringScope> hiring;

  RequestAccess(Principal principal, String remoteAddress, Driver driver, String database) {
    this.principal = principal;
    this.remoteAddress = remoteAddress;
    if (principal != null && principal.has(Role.MANAGER) && principal.expertId() != null) {
      SessionConfig cfg = GraphSessions.read(driver, database);
      this.managed =
          Mono.usingWhen(
                  Mono.fromSupplier(() -> driver.session(AsyncSession.class, cfg)),
                  s ->
                      Mono.fromCompletionStage(
                          s.runAsync(
                                  "MATCH (:"
                                      + Labels.EXPERT
                                      + " {id: $me})-[:"
                                      + RelTypes.MANAGES
                                      + "]->(:"
                                      + Labels.TEAM
                                      + ")<-[:"
                                      + RelTypes.MEMBER_OF
                                      + "]-(e:"
                                      + Labels.EXPERT
                                      + ") RETURN DISTINCT e.id AS id",
                                  Map.of("me", principal.expertId()))
                              .thenCompose(ResultCursor::listAsync)),
                  s -> Mono.fromCompletionStage(s.closeAsync()))
              .map(
                  rows -> {
                    Set<String> ids = new HashSet<>();
                    rows.forEach(r -> ids.add(r.get("id").asString()));
                    return Set.copyOf(ids);
                  })
              .cache();
      this.hiring = hiringScope(driver, cfg, principal.expertId());
    } else {
      this.managed = Mono.just(Set.of());
      this.hiring = Mono.just(HiringScope.NONE);
    }
  }

  /**
   * One statement: the openings a manager hires for, those they are hiring manager of, and their
   * applications.
   */
  private static Mono<HiringScope> hiringScope(Driver driver, SessionConfig cfg, String me) {
    String statement =
        "MATCH (me:"
            + Labels.EXPERT
            + " {id: $me})"
            + " CALL (me) { OPTIONAL MATCH (me)-[:"
            + RelTypes.MANAGES
            + "]->(:"
            + Labels.TEAM
            + ")<-[:"
            + RelTypes.HIRES_FOR
            + "]-(o:"
            + Labels.JOB_OPENING
            + ") RETURN collect(DISTINCT o.id) AS managed }"
            + " CALL (me) { OPTIONAL MATCH (me)-[h:"
            + RelTypes.ON_HIRING_TEAM
            + "]->(o:"
            + Labels.JOB_OPENING
            + ")"
            + " RETURN collect(DISTINCT o.id) AS onTeam,"
            + " collect(DISTINCT CASE WHEN h.role = 'hiring_manager' THEN o.id END) AS leads }"
            + " WITH managed, onTeam, leads, managed + onTeam AS all"
            + " CALL (all) { UNWIND all AS oid MATCH (:"
            + Labels.JOB_OPENING
            + " {id: oid})<-[:"
            + RelTypes.TO
            + "]-(a:"
            + Labels.APPLICATION
            + ") RETURN collect(DISTINCT a.id) AS apps }"
            + " RETURN all, managed + leads AS leads, apps";
    return Mono.usingWhen(
            Mono.fromSupplier(() -> driver.session(AsyncSession.class, cfg)),
            s ->
                Mono.fromCompletionStage(
                    s.runAsync(statement, Map.of("me", me)).thenCompose(ResultCursor::listAsync)),
            s -> Mono.fromCompletionStage(s.closeAsync()))
        .map(
            rows ->
                rows.isEmpty()
                    ? HiringScope.NONE
                    : new HiringScope(
                        new HashSet<>(rows.get(0).get("all").asList(v -> v.asString())),
                        new HashSet<>(rows.get(0).get("leads").asList(v -> v.asString())),
                        new HashSet<>(rows.get(0).get("apps").asList(v -> v.asString()))))
        .cache();
  }

  public Principal principal() {
    return principal;
  }

  public String remoteAddress() {
    return remoteAddress;
  }

  /**
   * The openings (and their applications) the caller hires for; empty unless MANAGER linked to an
   * Expert.
   */
  public Mono<HiringScope> hiring() {
    return hiring;
  }

  /** Experts in the teams the caller manages (empty unless MANAGER linked to an Expert). */
  public Mono<Set<String>> managed() {
    return managed;
  }
}
