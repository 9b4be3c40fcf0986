package dev.talentgraph.audit;

import dev.talentgraph.security.Principal;
import dev.talentgraph.security.Role;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One entry of the audit log: who (login, roles, how they authenticated), what (action and target),
 * when, from where, and the outcome with its reason. It never carries the personal values or
 * secrets that were read or refused: callers pass names and ids (an Expert id, a field name, a
 * refusal reason), and free text is cut to {@link #MAX_TEXT} characters.
 *
 * @param actor the login name; for refused anonymous requests the user name the client claimed, or
 *     {@code anonymous}
 * @param action what was attempted, dotted: {@code cypher.query}, {@code graphql.query}, {@code
 *     graphql.mutation}, {@code http.request}, {@code audit.read}, {@code personal.read}, ...
 * @param target what it was attempted on: a path, an operation's top-level fields, an Expert id
 * @param remoteAddress the client's IP address as the server saw it
 */
public record AuditEvent(
    String id,
    Instant at,
    String actor,
    List<String> roles,
    String via,
    String action,
    String target,
    Outcome outcome,
    String reason,
    String remoteAddress) {

  public static final int MAX_TEXT = 1000;

  /** How the attempt ended. */
  public enum Outcome {
    /** Done as asked. */
    ALLOWED,
    /** Refused by a rule: authentication, role, query guard or a limit. */
    REFUSED,
    /** Allowed but failed (an error, a time limit during execution). */
    FAILED
  }

  public AuditEvent {
    if (id == null) id = UUID.randomUUID().toString();
    if (at == null) at = Instant.now();
    if (actor == null || actor.isBlank()) actor = "anonymous";
    roles = roles == null ? List.of() : List.copyOf(roles);
    if (action == null || action.isBlank())
      throw new IllegalArgumentException("an audit event needs an action");
    if (outcome == null) throw new IllegalArgumentException("an audit event needs an outcome");
    actor = cut(actor, 128);
    via = cut(via, 128);
    action = cut(action, 128);
    target = cut(target, MAX_TEXT);
    reason = cut(reason, MAX_TEXT);
    remoteAddress = cut(remoteAddress, 64);
  }

  /** An event for an authenticated caller. */
  public static AuditEvent of(
      Principal principal,
      String action,
      String target,
      Outcome outcome,
      String reason,
      String remoteAddress) {
    if (principal == null) return anonymous(null, action, target, outcome, reason, remoteAddress);
    return new AuditEvent(
        null,
        null,
        principal.username(),
        principal.roles().stream().map(Role::name).sorted().toList(),
        principal.via(),
        action,
        target,
        outcome,
        reason,
        remoteAddress);
  }

  /**
   * An event for a caller that is not (or not yet) authenticated; {@code claimed} is the name it
   * gave, if any.
   */
  public static AuditEvent anonymous(
      String claimed,
      String action,
      String target,
      Outcome outcome,
      String reason,
      String remoteAddress) {
    return new AuditEvent(
        null,
        null,
        claimed == null ? "anonymous" : claimed,
        List.of(),
        "unauthenticated",
        action,
        target,
        outcome,
        reason,
        remoteAddress);
  }

  private static String cut(String s, int max) {
    if (s == null) return null;
    StringBuilder b = new StringBuilder(Math.min(s.length(), max));
    for (int i = 0; i < s.length() && b.length() < max; i++) {
      char c = s.charAt(i);
      b.append(Character.isISOControl(c) ? ' ' : c);
    }
    return s.length() <= max ? b.toString() : b.substring(0, max - 1) + "…";
  }
}
