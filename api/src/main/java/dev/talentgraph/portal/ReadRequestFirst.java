package dev.talentgraph.portal;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A GET or HEAD request is read to its end (its empty body's last chunk) before it is handled.
 *
 * <p>Why: a page answers asynchronously, from the database driver's thread, while the server's
 * event loop may still be taking in the request's trailing chunk. When the two cross, Reactor Netty
 * (1.3.6) can leave the keep-alive connection without a read armed for the next request
 * (reactor/reactor-netty#4347, #4361): the browser's next request on that connection is never read
 * and never answered, with no thread busy and nothing logged. About one page request in a hundred
 * was lost so; the fast, fully asynchronous pages (the graph views) most often. Requests with a
 * body are not concerned: their handlers read the body before they answer.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReadRequestFirst implements WebFilter {
  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    HttpMethod method = exchange.getRequest().getMethod();
    if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method))
      return chain.filter(exchange);
    return exchange
        .getRequest()
        .getBody()
        .doOnNext(DataBufferUtils::release)
        .then(Mono.defer(() -> chain.filter(exchange)));
  }
}
