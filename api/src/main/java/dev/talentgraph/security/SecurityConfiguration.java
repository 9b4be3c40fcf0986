package dev.talentgraph.security;

import dev.talentgraph.db.DatabaseConfiguration.SchemaMigrations;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.HttpBasicServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The security chain: every request but health and the public job board ({@code GET /jobs...})
 * needs a user. Humans use HTTP Basic against local users (BCrypt, verified once per process);
 * programs send {@code Authorization: Bearer tg_...} API tokens, checked by a hash lookup;
 * deployments with an identity provider send OAuth2/OIDC JWTs ({@code
 * spring.security.oauth2.resourceserver.jwt.*}). Nothing is reachable around this chain.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableReactiveMethodSecurity
@EnableConfigurationProperties(SecuritySettings.class)
class SecurityConfiguration {
  private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

  /** Paths served to anyone: the public job board, which publishes open openings only. */
  static final String[] PUBLIC_JOB_BOARD = {"/jobs", "/jobs/*", "/jobs/*/*"};

  @Bean
  LocalUsers localUsers(Driver driver, SchemaMigrations schema, SecuritySettings settings) {
    LocalUsers users = new LocalUsers(driver, schema.database()).reload();
    for (var u : settings.users()) {
      users.upsertHash(u.username(), u.passwordHash(), Role.setOf(u.roles()), u.expertId());
    }
    users.bootstrapAdmin(System.getenv(LocalUsers.ENV_ADMIN_PASSWORD), System.err::println);
    return users;
  }

  @Bean
  LoginThrottle loginThrottle() {
    return LoginThrottle.defaults();
  }

  @Bean
  ClientAddress clientAddress() {
    return new ClientAddress();
  }

  @Bean
  ApiTokens apiTokens(Driver driver, SchemaMigrations schema, SecuritySettings settings) {
    ApiTokens tokens = new ApiTokens(driver, schema.database()).reload();
    for (var t : settings.tokens()) {
      tokens.registerConfigured(
          t.sha256(), t.name(), t.username(), Role.setOf(t.roles()), t.expertId());
    }
    return tokens;
  }

  @Bean
  JwtPrincipals jwtPrincipals(SecuritySettings settings) {
    return new JwtPrincipals(settings.jwt());
  }

  @Bean
  SecurityWebFilterChain securityWebFilterChain(
      ServerHttpSecurity http,
      SecuritySettings settings,
      LocalUsers users,
      LoginThrottle throttle,
      ApiTokens tokens,
      ObjectProvider<ReactiveJwtDecoder> jwtDecoder,
      JwtPrincipals jwtPrincipals) {
    // Stateless: every request carries its credentials, so nothing here reads or opens a web
    // session. No login is stored in one, and no request is saved for after a login: this chain
    // answers a request without credentials with a 401 challenge, never a redirect to a login page,
    // so there is nothing to come back to. Spring Security's default request cache would still look
    // for a saved request in the web session on every request, and creating that session
    // (InMemoryWebSessionStore) hops to the bounded-elastic pool and back to the parallel pool.
    // The portal's chains keep the default cache for their login redirect.
    http.csrf(ServerHttpSecurity.CsrfSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .requestCache(c -> c.requestCache(NoOpServerRequestCache.getInstance()));
    if (!settings.enabled()) {
      log.warn(
          "talent.security.enabled=false: every request is served WITHOUT authentication."
              + " Use this only to measure the cost of security.");
      return http.authorizeExchange(e -> e.anyExchange().permitAll()).build();
    }
    var entryPoint = new HttpBasicServerAuthenticationEntryPoint();
    entryPoint.setRealm("TalentGraph");
    http.httpBasic(
            b ->
                b.authenticationManager(basicManager(users, throttle))
                    .authenticationEntryPoint(entryPoint))
        .addFilterAt(
            bearerFilter(tokens, jwtDecoder.getIfAvailable(), jwtPrincipals),
            SecurityWebFiltersOrder.AUTHENTICATION)
        .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint))
        .authorizeExchange(
            e ->
                e.pathMatchers("/actuator/health", "/actuator/health/**")
                    .permitAll()
                    // the public job board (jobboard package): open openings only, GET only
                    .pathMatchers(HttpMethod.GET, PUBLIC_JOB_BOARD)
                    .permitAll()
                    .pathMatchers("/actuator/**")
                    .hasRole(Role.OPERATOR.name())
                    .anyExchange()
                    .authenticated());
    return http.build();
  }

  /**
   * No observation per security filter: with the actuator's registry each of the chain's filters
   * opened and closed an observation on every request (about 3% of the server's CPU on the expert
   * page). The HTTP request observation is switched in {@code application.yml} ({@code
   * management.observations.enable}).
   */
  @Bean
  SecurityObservationSettings securityObservationSettings() {
    return SecurityObservationSettings.noObservations();
  }

  static ReactiveAuthenticationManager basicManager(LocalUsers users, LoginThrottle throttle) {
    return passwordManager(users, throttle, "password");
  }

  /** HTTP Basic and the portal's form: the password checked through the throttle. */
  static ReactiveAuthenticationManager passwordManager(
      LocalUsers users, LoginThrottle throttle, String via) {
    return auth ->
        Mono.deferContextual(
            ctx ->
                Mono.fromCallable(
                        () -> {
                          var u =
                              throttle.authenticate(
                                  users,
                                  auth.getName(),
                                  String.valueOf(auth.getCredentials()),
                                  ClientAddress.of(ctx));
                          return authenticated(
                              new Principal(u.username(), u.roles(), u.expertId(), via));
                        })
                    .subscribeOn(Schedulers.boundedElastic()));
  }

  /**
   * One filter for every {@code Authorization: Bearer} credential: {@code tg_...} API tokens are
   * looked up by hash; anything else is an OAuth2/OIDC JWT, checked by the configured decoder
   * (issuer, keys, expiry) and mapped to roles by {@link JwtPrincipals}. Without a decoder, only
   * API tokens are accepted.
   */
  private static AuthenticationWebFilter bearerFilter(
      ApiTokens tokens, ReactiveJwtDecoder jwtDecoder, JwtPrincipals jwtPrincipals) {
    ReactiveAuthenticationManager manager =
        auth -> {
          String token = (String) auth.getCredentials();
          if (!token.startsWith(ApiTokens.PREFIX)) {
            if (jwtDecoder == null) {
              return Mono.error(
                  new BadCredentialsException(
                      "unknown bearer token: API tokens start with "
                          + ApiTokens.PREFIX
                          + "; no JWT issuer is configured"));
            }
            return jwtDecoder
                .decode(token)
                .onErrorMap(
                    JwtException.class,
                    e -> new BadCredentialsException("invalid JWT: " + e.getMessage(), e))
                .map(jwt -> authenticated(jwtPrincipals.principal(jwt)));
          }
          Mono<java.util.Optional<ApiTokens.TokenRecord>> checked =
              tokens.answersFromMemory(token)
                  ? Mono.just(tokens.check(token))
                  : Mono.fromCallable(() -> tokens.check(token))
                      .subscribeOn(Schedulers.boundedElastic());
          return checked
              .flatMap(Mono::justOrEmpty)
              .<Authentication>map(
                  t ->
                      authenticated(
                          new Principal(
                              t.username(), t.roles(), t.expertId(), "token:" + t.name())))
              .switchIfEmpty(
                  Mono.error(new BadCredentialsException("invalid, revoked or expired API token")));
        };
    var filter = new AuthenticationWebFilter(manager);
    filter.setServerAuthenticationConverter(SecurityConfiguration::bearer);
    filter.setAuthenticationFailureHandler(jsonFailure());
    return filter;
  }

  private static Mono<Authentication> bearer(ServerWebExchange exchange) {
    String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) return Mono.empty();
    String token = header.substring(7).strip();
    if (token.isEmpty()) return Mono.empty();
    return Mono.just(new PresentedToken(token));
  }

  static Authentication authenticated(Principal p) {
    var authorities =
        p.roles().stream()
            .map(r -> new SimpleGrantedAuthority(r.authority()))
            .collect(Collectors.toList());
    return UsernamePasswordAuthenticationToken.authenticated(p, null, authorities);
  }

  private static ServerAuthenticationFailureHandler jsonFailure() {
    return (webFilterExchange, exception) ->
        unauthorized(webFilterExchange.getExchange(), exception);
  }

  static Mono<Void> unauthorized(ServerWebExchange exchange, AuthenticationException e) {
    var response = exchange.getResponse();
    response.setStatusCode(HttpStatus.UNAUTHORIZED);
    response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
    String body =
        "{\"error\":\"unauthorized\",\"message\":\"" + e.getMessage().replace("\"", "'") + "\"}";
    DataBuffer buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
    return response.writeWith(Mono.just(buffer));
  }

  /** An API token as presented, before it is checked. */
  static final class PresentedToken extends AbstractAuthenticationToken {
    private final String token;

    PresentedToken(String token) {
      super(List.of());
      this.token = token;
    }

    @Override
    public Object getCredentials() {
      return token;
    }

    @Override
    public Object getPrincipal() {
      return "api-token";
    }
  }
}
