package dev.talentgraph.security;

/**
 * Where access decisions leave their trace. The audit log implements it (append-only, never the personal
 * values themselves); the access rules only say what happened.
 */
public interface AuditTrail {
  /** A personal field of a person was read (names the field, never its value). */
  void personalRead(Principal who, String expertId, String field);

  /** A request or field was refused. */
  void refused(Principal who, String what, String reason);

  /** A mutation ran (successfully or not). */
  void mutation(Principal who, String name, String target, String outcome);
}
