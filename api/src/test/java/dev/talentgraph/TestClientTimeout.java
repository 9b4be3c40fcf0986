package dev.talentgraph;

import java.time.Duration;
import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Test-only: WebTestClient's 5 s default is too short when Neo4j, the app and the test share 2
 * cores (CI). Picked up by component scanning in every test context alike, so it does not split the
 * context cache.
 */
@Configuration(proxyBeanMethods = false)
class TestClientTimeout {
  @Bean
  WebTestClientBuilderCustomizer generousTimeout() {
    return builder -> builder.responseTimeout(Duration.ofSeconds(60));
  }
}
