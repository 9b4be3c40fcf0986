package dev.talentgraph.security;

import java.net.InetSocketAddress;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Puts the client's address into the Reactor context before the security chain runs, so the
 * password check can throttle by source ({@link LoginThrottle}). The socket's address, never a
 * forwarded header a client could write.
 */
final class ClientAddress implements WebFilter, Ordered {
  private static final String KEY = ClientAddress.class.getName();

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 10;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
    String address =
        remote == null || remote.getAddress() == null
            ? "unknown"
            : remote.getAddress().getHostAddress();
    return chain.filter(exchange).contextWrite(ctx -> ctx.put(KEY, address));
  }

  static String of(ContextView ctx) {
    return ctx.<String>getOrEmpty(KEY).orElse("unknown");
  }
}
