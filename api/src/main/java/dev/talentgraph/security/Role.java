package dev.talentgraph.security;

/**
 * The roles of TalentGraph. What each may see is decided in one place (see the security issue); the
 * foundation only distinguishes "authenticated" from "not".
 */
public enum Role {
  /** Everything, including user management, the audit log and the analyst endpoint. */
  ADMIN,
  /** Recruiting and people data. */
  HR,
  /** Their own teams' people data. */
  MANAGER,
  /** Aggregates and the guarded Cypher endpoint; no personal data. */
  ANALYST,
  /** Themselves, and the public part of others. */
  EMPLOYEE,
  /** The public knowledge-sharing view: names, skills, publications. */
  PORTAL,
  /**
   * Runs the server: the Prometheus metrics and the health details; no graph data (GraphQL answers
   * it like any role without a rule for the field).
   */
  OPERATOR;

  public String authority() {
    return "ROLE_" + name();
  }

  /** Parses role names (see {@link #parse}); null or empty gives the empty set. */
  public static java.util.EnumSet<Role> setOf(java.util.Collection<String> names) {
    java.util.EnumSet<Role> roles = java.util.EnumSet.noneOf(Role.class);
    if (names != null) names.forEach(n -> roles.add(parse(n)));
    return roles;
  }

  /** Parses a role name case-insensitively, with an error that lists the valid ones. */
  public static Role parse(String name) {
    try {
      return Role.valueOf(name.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown role '" + name + "'; valid roles: " + java.util.Arrays.toString(values()), e);
    }
  }
}
