package dev.talentgraph.audit;

import dev.talentgraph.security.Principal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Two web filters around the security chain (Spring Security's {@code WebFilterChainProxy} runs at
 * order -100), so refused requests are audited without changing the security configuration: {@link
 * Outer} (before it) records every response that ends in 401 or 403 and puts the client address
 * into the Reactor context; {@link Inner} (after it) remembers who the authenticated caller was, so
 * a 403 names them. A handler that audits its own refusal sets {@link #RECORDED} and is not
 * recorded twice.
 */
public final class AuditWebFilters {
  /** Exchange attribute: the request's refusal is already in the audit log. */
  public static final String RECORDED = AuditWebFilters.class.getName() + ".recorded";

  static final String PRINCIPAL = AuditWebFilters.class.getName() + ".principal";
  public static final int OUTER_ORDER = -200;
  public static final int INNER_ORDER = -90;

  private AuditWebFilters() {}

  /** The client's IP address, without port; null if unknown. */
  public static String remoteAddress(InetSocketAddress address) {
    if (address == null) return null;
    return address.getAddress() != null
        ? address.getAddress().getHostAddress()
        : address.getHostString();
  }

  /** Runs before the security chain. */
  static final class Outer implements WebFilter, org.springframework.core.Ordered {
    private final AuditLog audit;

    Outer(AuditLog audit) {
      this.audit = audit;
    }

    @Override
    public int getOrder() {
      return OUTER_ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
      String remote = remoteAddress(exchange.getRequest().getRemoteAddress());
      return chain
          .filter(exchange)
          .doOnSuccess(v -> recordIfRefused(exchange, remote))
          .contextWrite(ctx -> remote == null ? ctx : ctx.put(AuditLog.REMOTE_ADDRESS, remote));
    }

    private void recordIfRefused(ServerWebExchange exchange, String remote) {
      HttpStatusCode status = exchange.getResponse().getStatusCode();
      if (status == null || (status.value() != 401 && status.value() != 403)) return;
      if (exchange.getAttributes().containsKey(RECORDED)) return;
      String target =
          exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath().value();
      Object principal = exchange.getAttribute(PRINCIPAL);
      if (principal instanceof Principal p) {
        audit.record(
            AuditEvent.of(
                p,
                "http.request",
                target,
                AuditEvent.Outcome.REFUSED,
                status.value() + " forbidden",
                remote));
      } else {
        audit.record(
            AuditEvent.anonymous(
                claimedUser(exchange),
                "http.request",
                target,
                AuditEvent.Outcome.REFUSED,
                status.value()
                    + (status.value() == 401
                        ? " unauthenticated: " + credentialKind(exchange)
                        : " forbidden"),
                remote));
      }
    }
  }

  /** Runs after the security chain, for authenticated requests only. */
  static final class Inner implements WebFilter, org.springframework.core.Ordered {
    @Override
    public int getOrder() {
      return INNER_ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
      return ReactiveSecurityContextHolder.getContext()
          .doOnNext(
              c -> {
                if (c.getAuthentication() != null
                    && c.getAuthentication().getPrincipal() instanceof Principal p) {
                  exchange.getAttributes().put(PRINCIPAL, p);
                }
              })
          .then(chain.filter(exchange));
    }
  }

  /** The user name a refused Basic request claimed (never the password); null otherwise. */
  static String claimedUser(ServerWebExchange exchange) {
    String h = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
    if (h == null || !h.regionMatches(true, 0, "Basic ", 0, 6)) return null;
    try {
      String decoded =
          new String(Base64.getDecoder().decode(h.substring(6).strip()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      String user = colon < 0 ? decoded : decoded.substring(0, colon);
      return user.isBlank() ? null : user.length() > 64 ? user.substring(0, 64) : user;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** What kind of credential was presented (never the credential itself). */
  static String credentialKind(ServerWebExchange exchange) {
    String h = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
    if (h == null) return "no credentials";
    if (h.regionMatches(true, 0, "Basic ", 0, 6)) return "wrong user name or password";
    if (h.regionMatches(true, 0, "Bearer ", 0, 7))
      return "invalid, revoked or expired bearer token";
    return "unsupported authorization scheme";
  }
}
