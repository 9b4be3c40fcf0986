package dev.talentgraph.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Maps a verified JWT to a {@link Principal}: role names from the configured claim
 * (case-insensitive, an optional {@code ROLE_} prefix, names TalentGraph does not know are
 * ignored), the user name and the linked Expert id. A token that carries no TalentGraph role is
 * refused: it would otherwise authenticate a caller no rule speaks of.
 */
final class JwtPrincipals {
  private final SecuritySettings.Jwt settings;

  public JwtPrincipals(SecuritySettings.Jwt settings) {
    this.settings = settings;
  }

  public Principal principal(Jwt jwt) {
    return principal(jwt.getClaims(), jwt.getSubject(), "jwt:" + jwt.getIssuer());
  }

  /**
   * The same mapping for any verified set of claims (a JWT's, an OIDC ID token's); {@code via} says
   * how the login was made.
   */
  Principal principal(Map<String, Object> claims, String subject, String via) {
    EnumSet<Role> roles = roles(claims);
    if (roles.isEmpty()) {
      throw new BadCredentialsException(
          "the token carries no TalentGraph role in claim '"
              + settings.rolesClaim()
              + "' (one of "
              + java.util.Arrays.toString(Role.values())
              + ")");
    }
    return new Principal(username(claims, subject), roles, expertId(claims), via);
  }

  /** The TalentGraph roles named in the configured roles claim (none when it names none). */
  EnumSet<Role> roles(Map<String, Object> claims) {
    EnumSet<Role> roles = EnumSet.noneOf(Role.class);
    Object claim = claim(claims, settings.rolesClaim());
    Iterable<?> names =
        claim instanceof Collection<?> c
            ? c
            : claim instanceof String s
                ? java.util.Arrays.asList(s.split("[\\s,]+"))
                : java.util.List.of();
    for (Object n : names) {
      String name = String.valueOf(n).strip().toUpperCase(Locale.ROOT);
      if (name.startsWith("ROLE_")) name = name.substring(5);
      for (Role r : Role.values()) {
        if (r.name().equals(name)) roles.add(r);
      }
    }
    return roles;
  }

  /** The login's user name: the configured claim, else the subject. */
  String username(Map<String, Object> claims, String subject) {
    Object username = claim(claims, settings.usernameClaim());
    return username == null || username.toString().isBlank() ? subject : username.toString();
  }

  /** The Expert the login is linked to by the configured claim, or null. */
  String expertId(Map<String, Object> claims) {
    Object id = claim(claims, settings.expertIdClaim());
    return id == null ? null : id.toString();
  }

  private static Object claim(Map<String, Object> claims, String path) {
    Object current = claims;
    for (String part : path.split("\\.")) {
      if (!(current instanceof Map<?, ?> m)) return null;
      current = m.get(part);
    }
    return current;
  }
}
