package dev.talentgraph.analyst;

import dev.talentgraph.audit.AuditLog;
import dev.talentgraph.audit.AuditWebFilters;
import dev.talentgraph.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code POST /cypher} with {@code {"query": "...", "params": {...}}}: 200 with {@code {columns,
 * rows, truncated, elapsedMs}}, or an error body {@code {error, message, reason?, operator?,
 * subject?}} with 403 (wrong role, refused by the plan check), 400 (invalid query, time limit), 429
 * (too many running) or 500.
 */
@RestController
class CypherController {
  record CypherRequest(String query, Map<String, Object> params) {}

  private final AnalystCypher cypher;

  CypherController(AnalystCypher cypher) {
    this.cypher = cypher;
  }

  @PostMapping(
      path = "/cypher",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  Mono<ResponseEntity<Object>> cypher(@RequestBody CypherRequest body, ServerWebExchange exchange) {
    String remote = AuditWebFilters.remoteAddress(exchange.getRequest().getRemoteAddress());
    return exchange
        .getPrincipal()
        .mapNotNull(
            p ->
                p instanceof Authentication a && a.getPrincipal() instanceof Principal tp
                    ? tp
                    : null)
        .map(java.util.Optional::of)
        .defaultIfEmpty(java.util.Optional.empty())
        .flatMap(p -> cypher.run(p.orElse(null), body.query(), body.params(), remote))
        .<ResponseEntity<Object>>map(ResponseEntity::ok)
        .onErrorResume(
            CypherException.class,
            e -> {
              exchange
                  .getAttributes()
                  .put(AuditWebFilters.RECORDED, true); // the service audited it
              return Mono.just(
                  ResponseEntity.status(e.kind().status)
                      .contentType(MediaType.APPLICATION_JSON)
                      .body(body(e)));
            });
  }

  static Map<String, Object> body(CypherException e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("error", e.kind().name().toLowerCase(java.util.Locale.ROOT));
    m.put("message", e.getMessage());
    if (e.refusal() != null) {
      m.put("reason", e.refusal().code());
      m.put("operator", e.refusal().operator());
      if (e.refusal().subject() != null) m.put("subject", e.refusal().subject());
    }
    return m;
  }

  /**
   * Keeps the import of AuditLog honest: the remote address key is shared with the GraphQL path.
   */
  static final String REMOTE_KEY = AuditLog.REMOTE_ADDRESS;
}
