package dev.talentgraph.security;

import java.util.Set;

/**
 * Who is calling: a login (local user, API token or JWT subject), its roles and, when linked, the
 * Expert node that is this person (so EMPLOYEE sees their own personal data, MANAGER their teams').
 */
public record Principal(String username, Set<Role> roles, String expertId, String via) {
  public Principal {
    roles = Set.copyOf(roles);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }
}
