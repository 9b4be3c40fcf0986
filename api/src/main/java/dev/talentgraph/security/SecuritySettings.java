package dev.talentgraph.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code talent.security.*}.
 *
 * @param enabled false turns authentication off entirely: only for measuring what security costs
 *     (refused unless the embedded Bolt port is the only way in, see the README); never in
 *     production
 * @param users extra local users from configuration, with BCrypt hashes
 * @param tokens API tokens from configuration, given by their SHA-256 (hex)
 * @param jwt how OAuth2/OIDC JWT claims map to roles and to an Expert
 * @param oidc how a person's OIDC login on the portal maps to a local user
 */
@ConfigurationProperties("talent.security")
record SecuritySettings(
    Boolean enabled, List<ConfiguredUser> users, List<ConfiguredToken> tokens, Jwt jwt, Oidc oidc) {
  public SecuritySettings {
    if (enabled == null) enabled = true;
    if (users == null) users = List.of();
    if (tokens == null) tokens = List.of();
    if (jwt == null) jwt = new Jwt(null, null, null);
    if (oidc == null) oidc = new Oidc(null);
  }

  /**
   * OIDC login for people on the portal (the issuer and client are Spring's {@code
   * spring.security.oauth2.client.*}; the roles, user name and Expert claims are those of {@link
   * Jwt}).
   *
   * @param localUserClaim when set, a login whose claim of this name (e.g. {@code
   *     preferred_username} or {@code email}) names a local user is that user, with its roles and
   *     Expert: the issuer is trusted to vouch for it. Unset by default: roles come from the claims
   */
  public record Oidc(String localUserClaim) {}

  /**
   * How a JWT's claims become a TalentGraph principal (issuer and keys are Spring's {@code
   * spring.security.oauth2.resourceserver.jwt.*}).
   *
   * @param rolesClaim claim holding role names, a list or a space/comma separated string; a dotted
   *     path reaches nested claims (e.g. {@code realm_access.roles} for Keycloak); default {@code
   *     roles}
   * @param usernameClaim default {@code preferred_username}, falling back to {@code sub}
   * @param expertIdClaim links the login to its Expert node; default {@code expert_id}
   */
  public record Jwt(String rolesClaim, String usernameClaim, String expertIdClaim) {
    public Jwt {
      if (rolesClaim == null) rolesClaim = "roles";
      if (usernameClaim == null) usernameClaim = "preferred_username";
      if (expertIdClaim == null) expertIdClaim = "expert_id";
    }
  }

  public record ConfiguredUser(
      String username, String passwordHash, List<String> roles, String expertId) {}

  public record ConfiguredToken(
      String name, String sha256, String username, List<String> roles, String expertId) {}
}
