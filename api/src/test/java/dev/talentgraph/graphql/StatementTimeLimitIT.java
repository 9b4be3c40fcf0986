package dev.talentgraph.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.talentgraph.analyst.GuardTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.Neo4jException;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A statement of the GraphQL layer carries the request's time limit (4 s in {@link GuardTest}), so
 * Neo4j stops work that would outlive the request: a statement that would run for two minutes ends
 * with a timeout error long before.
 */
@GuardTest
class StatementTimeLimitIT {
  @Autowired CypherGateway gateway;

  @Test
  void neo4jStopsAStatementAtTheRequestTimeLimit() {
    long t0 = System.nanoTime();
    assertThatThrownBy(
            () ->
                gateway
                    .read(new RoundTrips(), "CALL apoc.util.sleep(120000) RETURN 1 AS x", Map.of())
                    .block(Duration.ofSeconds(110)))
        .isInstanceOf(Neo4jException.class)
        .satisfies(e -> assertThat(((Neo4jException) e).code()).contains("TransactionTimedOut"));
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(110));
  }
}
