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
    EnumSet<Role> roles = EnumSet.noneOf(Role.class);
    Object claim = claim(jwt.getClaims(), settings.rolesClaim());
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
    if (roles.isEmpty()) {
      throw new BadCredentialsException(
          "the JWT carries no TalentGraph role in claim '"
              + settings.rolesClaim()
              + "' (one of "
              + java.util.Arrays.toString(Role.values())
              + ")");
    }
    String username = jwt.getClaimAsString(settings.usernameClaim());
    if (username == null || username.isBlank()) username = jwt.getSubject();
    return new Principal(
        username, roles, jwt.getClaimAsString(settings.expertIdClaim()), "jwt:" + jwt.getIssuer());
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
