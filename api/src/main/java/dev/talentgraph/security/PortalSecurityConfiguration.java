package dev.talentgraph.security;

import java.net.URI;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeReactiveAuthenticationManager;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.HttpBasicServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.MediaTypeServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * The portal's own security chains, in front of the API's ({@link SecurityConfiguration}, which
 * still answers everything else, unchanged). People log in once on a form and keep a session
 * cookie; forms and the session's GraphQL calls carry a CSRF token; every portal answer has a
 * Content-Security-Policy without inline scripts. The users and roles are the same {@link
 * LocalUsers} as HTTP Basic, and the {@link Principal} is built the same way, so every rule of the
 * GraphQL API applies to what the portal shows.
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurityConfiguration {
  /** The portal's pages, its static files and GraphiQL; the API keeps every other path. */
  static final String[] PORTAL_PATHS = {
    "/",
    "/login",
    "/logout",
    "/search",
    "/people/**",
    "/skills/**",
    "/learning",
    "/ask",
    "/communities",
    "/communities/**",
    "/teams",
    "/graphiql",
    "/portal/**",
    "/webjars/**",
    "/oauth2/**",
    "/login/oauth2/**"
  };

  /**
   * Scripts only from the application itself (no inline script, no eval); styles may be inline
   * (GraphiQL's editor sets element styles); nothing may frame the portal.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
          + " img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none';"
          + " base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  @Bean
  @Order(1)
  SecurityWebFilterChain portalPageSecurity(
      ServerHttpSecurity http,
      SecuritySettings settings,
      LocalUsers users,
      JwtPrincipals jwtPrincipals,
      ObjectProvider<ReactiveClientRegistrationRepository> oidcIssuers,
      LoginThrottle throttle) {
    http.securityMatcher(ServerWebExchangeMatchers.pathMatchers(PORTAL_PATHS))
        .headers(
            h ->
                h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                    .referrerPolicy(r -> {}));
    if (!settings.enabled()) {
      return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
          .authorizeExchange(e -> e.anyExchange().permitAll())
          .build();
    }
    ReactiveAuthenticationManager manager = formManager(users, throttle);
    // a browser asking for a page is sent to the login form; anything else (a script, curl) gets
    // the same 401 and Basic challenge as the API
    var basic = new HttpBasicServerAuthenticationEntryPoint();
    basic.setRealm("TalentGraph");
    var html = new MediaTypeServerWebExchangeMatcher(MediaType.TEXT_HTML);
    html.setIgnoredMediaTypes(java.util.Set.of(MediaType.ALL));
    var logoutDone = new RedirectServerLogoutSuccessHandler();
    logoutDone.setLogoutSuccessUrl(URI.create("/login?logout"));
    http.formLogin(f -> f.loginPage("/login").authenticationManager(manager))
        .httpBasic(b -> b.authenticationManager(manager).authenticationEntryPoint(basic))
        .logout(l -> l.logoutUrl("/logout").logoutSuccessHandler(logoutDone))
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(
                    (exchange, ex) ->
                        html.matches(exchange)
                            .flatMap(
                                m ->
                                    m.isMatch()
                                        ? new RedirectServerAuthenticationEntryPoint("/login")
                                            .commence(exchange, ex)
                                        : basic.commence(exchange, ex))))
        .authorizeExchange(
            e ->
                e.pathMatchers("/login", "/portal/**", "/webjars/**")
                    .permitAll()
                    .anyExchange()
                    .authenticated());
    ReactiveClientRegistrationRepository issuers = oidcIssuers.getIfAvailable();
    if (issuers != null) {
      // OIDC login beside the form, only when an issuer is configured
      var oidc = new OidcLogins(jwtPrincipals, users, settings.oidc().localUserClaim());
      var failed = new RedirectServerAuthenticationFailureHandler("/login?oidcError");
      http.oauth2Login(
          o ->
              o.clientRegistrationRepository(issuers)
                  .loginPage("/login")
                  .authenticationManager(oidcManager(oidc))
                  .securityContextRepository(new OidcLogins.SessionRepository())
                  .authenticationFailureHandler(failed));
    }
    return http.build();
  }

  /**
   * GraphQL calls of a logged-in page (GraphiQL, the graph views): the session cookie and a CSRF
   * header instead of credentials. A request that carries an {@code Authorization} header, or no
   * session cookie, goes to the API's chain as before.
   */
  @Bean
  @Order(2)
  SecurityWebFilterChain portalGraphQlSecurity(ServerHttpSecurity http, SecuritySettings settings) {
    ServerWebExchangeMatcher sessionCall =
        new AndServerWebExchangeMatcher(
            ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/graphql"),
            exchange -> {
              var request = exchange.getRequest();
              boolean fromSession =
                  settings.enabled()
                      && !request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
                      && request.getCookies().containsKey("SESSION");
              return fromSession
                  ? ServerWebExchangeMatcher.MatchResult.match()
                  : ServerWebExchangeMatcher.MatchResult.notMatch();
            });
    return http.securityMatcher(sessionCall)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(
                    (exchange, ex) -> SecurityConfiguration.unauthorized(exchange, ex)))
        .authorizeExchange(e -> e.anyExchange().authenticated())
        .build();
  }

  /** The standard OIDC authorization-code login, with the claims mapped by {@link OidcLogins}. */
  private static ReactiveAuthenticationManager oidcManager(OidcLogins oidc) {
    var manager =
        new OidcAuthorizationCodeReactiveAuthenticationManager(
            new WebClientReactiveAuthorizationCodeTokenResponseClient(), oidc.userService());
    return manager;
  }

  private static ReactiveAuthenticationManager formManager(
      LocalUsers users, LoginThrottle throttle) {
    return SecurityConfiguration.passwordManager(users, throttle, "portal");
  }
}
