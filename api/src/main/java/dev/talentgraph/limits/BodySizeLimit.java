package dev.talentgraph.limits;

import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Request bodies above the codecs' in-memory limit (256 KB by default) answer 413 Payload Too Large
 * with a JSON error: at once when the declared length says so, and when a body sent without a
 * length (chunked) runs over while it is read. The decoder's own refusal would otherwise surface as
 * a 500.
 */
final class BodySizeLimit implements WebFilter, Ordered {
  private final long maxBytes;

  BodySizeLimit(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 5;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    long declared = exchange.getRequest().getHeaders().getContentLength();
    if (declared > maxBytes) return tooLarge(exchange);
    return chain
        .filter(exchange)
        .onErrorResume(
            e -> causedByLimit(e) && !exchange.getResponse().isCommitted(),
            e -> tooLarge(exchange));
  }

  private static boolean causedByLimit(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DataBufferLimitException) return true;
      if (t.getCause() == t) break;
    }
    return false;
  }

  private Mono<Void> tooLarge(ServerWebExchange exchange) {
    var response = exchange.getResponse();
    response.setStatusCode(HttpStatus.PAYLOAD_TOO_LARGE);
    response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
    byte[] body =
        ("{\"error\":\"payload_too_large\",\"message\":\"the request body is larger than "
                + maxBytes
                + " bytes\"}")
            .getBytes(StandardCharsets.UTF_8);
    return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
  }
}
