package dev.talentgraph.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talentgraph.importers.Progress;
import dev.talentgraph.security.ApiTokens;
import dev.talentgraph.security.Role;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The operator's endpoint as a client sees it: {@code /actuator/prometheus} answers the OPERATOR
 * role with the named meters and refuses every other role; health details go to the OPERATOR only.
 * Same context as {@code ServerIT}.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "talent.neo4j.embedded.bolt-port=0")
@AutoConfigureWebTestClient
class PrometheusIT {
  @Autowired WebTestClient web;
  @Autowired ApiTokens tokens;

  private String token(Role role) {
    return tokens
        .create(
            "prometheus-it-" + role + "-" + System.nanoTime(), "admin", Set.of(role), null, null)
        .token();
  }

  @Test
  void operatorScrapesTheNamedMetrics() {
    String operator = token(Role.OPERATOR);
    String portal = token(Role.PORTAL);
    // one answered request, one refused by the limits, one refused by the security chain
    web.post()
        .uri("/graphql")
        .headers(h -> h.setBearerAuth(portal))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("query", "{ graphStats { experts } }"))
        .exchange()
        .expectStatus()
        .isOk();
    web.post()
        .uri("/graphql")
        .headers(h -> h.setBearerAuth(portal))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("query", "{ experts(first: 100000) { totalCount } }"))
        .exchange()
        .expectStatus()
        .isOk();
    web.post()
        .uri("/graphql")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("query", "{ graphStats { experts } }"))
        .exchange()
        .expectStatus()
        .isUnauthorized();
    Progress progress = ImportMeters.wrap(Progress.NONE);
    progress.start("prometheus-it", 10);
    progress.update(4);

    String body =
        web.get()
            .uri("/actuator/prometheus")
            .headers(h -> h.setBearerAuth(operator))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(body)
        .contains(
            "talentgraph_graphql_requests_seconds_count{operation=\"query.graphStats\",outcome=\"ok\"}")
        .contains("talentgraph_graphql_requests_seconds_bucket{")
        .contains("operation=\"query.experts\",outcome=\"refused\"")
        .contains("talentgraph_refusals_total{reason=\"http_401\"}")
        .contains("talentgraph_refusals_total{reason=\"max_page_size_exceeded\"}")
        .contains("talentgraph_import_rows{source=\"prometheus-it\"} 4.0")
        .contains("talentgraph_import_expected{source=\"prometheus-it\"} 10.0")
        .contains("talentgraph_models_registered")
        .contains("talentgraph_store_size_bytes")
        .contains("neo4j_page_cache_hits")
        .contains("jvm_gc_live_data_size_bytes")
        .contains("talentgraph_jvm_heap_after_gc_bytes")
        .contains("jvm_memory_used_bytes{area=\"heap\"");
  }

  @Test
  void otherRolesAreRefused() {
    for (Role role : Role.values()) {
      if (role == Role.OPERATOR) continue;
      String t = token(role);
      web.get()
          .uri("/actuator/prometheus")
          .headers(h -> h.setBearerAuth(t))
          .exchange()
          .expectStatus()
          .isForbidden();
    }
    web.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
  }

  @Test
  void healthDetailsForTheOperatorOnly() {
    String portal = token(Role.PORTAL);
    web.get()
        .uri("/actuator/health")
        .headers(h -> h.setBearerAuth(portal))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("UP")
        .jsonPath("$.components.neo4j.status")
        .isEqualTo("UP")
        .jsonPath("$.components.neo4j.details")
        .doesNotExist()
        .jsonPath("$.components.diskSpace.details")
        .doesNotExist();
    String operator = token(Role.OPERATOR);
    web.get()
        .uri("/actuator/health")
        .headers(h -> h.setBearerAuth(operator))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.components.neo4j.details")
        .exists()
        .jsonPath("$.components.diskSpace.details.path")
        .exists();
  }
}
