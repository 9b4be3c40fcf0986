package dev.talentgraph.security;

import java.util.Map;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * OIDC login for people on the portal, when an issuer is configured ({@code
 * spring.security.oauth2.client.*}): the issuer's verified ID token becomes a TalentGraph {@link
 * Principal}, so every rule of the API applies to an OIDC login exactly as to a local one.
 *
 * <p>The mapping: when {@code talent.security.oidc.local-user-claim} is set and the claim names a
 * local user, the login is that user (its roles and Expert); otherwise the roles, user name and
 * Expert come from the claims configured under {@code talent.security.jwt.*}, as for a JWT bearer
 * token. A login that ends with no TalentGraph role is refused, and the login page says so.
 */
final class OidcLogins {
  private final JwtPrincipals claims;
  private final LocalUsers users;
  private final String localUserClaim;
  private final ReactiveOAuth2UserService<OidcUserRequest, OidcUser> idTokens =
      new OidcReactiveOAuth2UserService();

  OidcLogins(JwtPrincipals claims, LocalUsers users, String localUserClaim) {
    this.claims = claims;
    this.users = users;
    this.localUserClaim =
        localUserClaim == null || localUserClaim.isBlank() ? null : localUserClaim;
  }

  /** An OIDC user that carries the TalentGraph principal it was mapped to. */
  static final class MappedOidcUser extends DefaultOidcUser {
    private final Principal principal;

    MappedOidcUser(OidcUser user, Principal principal) {
      super(
          SecurityConfiguration.authenticated(principal).getAuthorities(),
          user.getIdToken(),
          user.getUserInfo());
      this.principal = principal;
    }

    Principal principal() {
      return principal;
    }
  }

  /** The user service of the login: the standard OIDC one, then the mapping. */
  ReactiveOAuth2UserService<OidcUserRequest, OidcUser> userService() {
    return request ->
        idTokens
            .loadUser(request)
            .flatMap(
                user ->
                    Mono.fromCallable(() -> (OidcUser) new MappedOidcUser(user, principal(user)))
                        .subscribeOn(Schedulers.boundedElastic()));
  }

  /** The TalentGraph principal of a verified OIDC login; refused when it has no role. */
  Principal principal(OidcUser user) {
    Map<String, Object> c = user.getClaims();
    String via = "oidc:" + user.getIssuer();
    if (localUserClaim != null && c.get(localUserClaim) != null) {
      var local = users.find(c.get(localUserClaim).toString());
      if (local.isPresent()) {
        var u = local.get();
        return new Principal(u.username(), u.roles(), u.expertId(), via);
      }
    }
    try {
      return claims.principal(c, user.getSubject(), via);
    } catch (BadCredentialsException e) {
      String message =
          "the OIDC login of '"
              + claims.username(c, user.getSubject())
              + "' names no local user and carries no TalentGraph role";
      throw new OAuth2AuthenticationException(
          new OAuth2Error("access_denied", message, null), message);
    }
  }

  /**
   * Keeps the mapped principal, not the OIDC user, in the web session: the portal's pages and the
   * GraphQL rules read a {@link Principal}, whatever the login.
   */
  static final class SessionRepository implements ServerSecurityContextRepository {
    private final WebSessionServerSecurityContextRepository delegate =
        new WebSessionServerSecurityContextRepository();

    @Override
    public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
      if (context != null
          && context.getAuthentication() != null
          && context.getAuthentication().getPrincipal() instanceof MappedOidcUser user) {
        context = new SecurityContextImpl(SecurityConfiguration.authenticated(user.principal()));
      }
      return delegate.save(exchange, context);
    }

    @Override
    public Mono<SecurityContext> load(ServerWebExchange exchange) {
      return delegate.load(exchange);
    }
  }
}
