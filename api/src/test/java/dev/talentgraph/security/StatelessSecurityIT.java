package dev.talentgraph.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.WebSessionManager;
import reactor.core.publisher.Mono;

/**
 * The security chain is stateless: no request opens a web session. Spring Security's defaults did, on every
 * request (the request cache looking for a saved request, the context repository for a stored login), and
 * creating one hopped to two other thread pools: a cost on every API call for nothing a client could use.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "talent.neo4j.embedded.bolt-port=0")
@AutoConfigureWebTestClient
class StatelessSecurityIT {
  static final AtomicInteger SESSIONS_OPENED = new AtomicInteger();

  /** WebFlux's session manager, counting the sessions anything asks for. */
  @TestConfiguration
  static class CountingSessions {
    @Bean(name = WebHttpHandlerBuilder.WEB_SESSION_MANAGER_BEAN_NAME)
    WebSessionManager webSessionManager() {
      DefaultWebSessionManager sessions = new DefaultWebSessionManager();
      return exchange -> Mono.defer(() -> {
        SESSIONS_OPENED.incrementAndGet();
        return sessions.getSession(exchange);
      });
    }
  }

  @Autowired WebTestClient web;
  @Autowired ApiTokens tokens;

  @Test
  void noRequestOpensAWebSession() {
    String token = tokens.create("stateless", "admin", Set.of(Role.ADMIN), null, null).token();
    SESSIONS_OPENED.set(0);
    for (int i = 0; i < 3; i++) {
      web.post().uri("/graphql").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
          .bodyValue(Map.of("query", "{ graphStats { experts } }")).exchange()
          .expectStatus().isOk().expectBody().jsonPath("$.data.graphStats.experts").isNumber();
    }
    web.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("query", "{ graphStats { experts } }"))
        .exchange().expectStatus().isUnauthorized();
    web.post().uri("/graphql").headers(h -> h.setBasicAuth("admin", "not-the-password")).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("query", "{ graphStats { experts } }")).exchange().expectStatus().isUnauthorized();
    web.get().uri("/actuator/health").exchange().expectStatus().isOk();
    assertThat(SESSIONS_OPENED.get()).as("web sessions asked for").isZero();
  }
}
