package dev.talentgraph.importers.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.talentgraph.schema.MigrationRunner;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/**
 * The demo's later events on a loaded demo graph: every event is dated in the window after {@code
 * from}, nobody is reviewed or promoted after leaving, and the events are the kinds the models
 * learn from (reviews, promotions, departures, hires).
 */
class DemoAdvanceIT {
  static Neo4j neo4j;
  static Driver driver;
  static final LocalDate FROM = DemoSettings.DEFAULT_AS_OF;

  @BeforeAll
  static void start() {
    neo4j =
        Neo4jBuilders.newInProcessBuilder()
            .withDisabledServer()
            .withConfig(BoltConnectorInternalSettings.enable_local_connector, false)
            .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
            .withConfig(
                GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(1))
            .build();
    driver = GraphDatabase.driver(neo4j.boltURI(), AuthTokens.none());
    new MigrationRunner(driver, "neo4j").migrate();
    new DemoLoader(driver, "neo4j", new AesGcmTestCipher())
        .load(
            DemoGenerator.generate(DemoSettings.defaults().withExperts(300)),
            ProgressListener.NONE);
  }

  @AfterAll
  static void stop() {
    driver.close();
    neo4j.close();
  }

  @Test
  void laterEventsAreDatedAfterTheWindowStartAndConsistent() {
    long before = count("MATCH (e:Expert {status: 'departed'}) RETURN count(e) AS n");
    DemoAdvance.Summary s = new DemoAdvance(driver, "neo4j").advance(FROM, 12, 7);
    assertThat(s.to()).isEqualTo(FROM.plusMonths(12));
    assertThat(s.reviews()).isGreaterThan(200);
    assertThat(s.promotions()).isPositive();
    assertThat(s.departures()).isPositive();
    assertThat(s.hires()).isPositive();
    Map<String, Object> p = Map.of("from", FROM, "to", s.to());
    assertThat(count("MATCH (e:Expert {status: 'departed'}) RETURN count(e) AS n"))
        .isEqualTo(before + s.departures());
    assertThat(count("MATCH (e:Expert) WHERE e.departedAt > $from RETURN count(e) AS n", p))
        .isEqualTo(s.departures());
    assertThat(
            count(
                "MATCH (e:Expert) WHERE e.departedAt > $from AND e.departedAt <= $to RETURN count(e) AS n",
                p))
        .isEqualTo(s.departures());
    assertThat(
            count(
                "MATCH (r:PerformanceReview {source: 'demo-advance'}) WHERE r.date <= $from OR r.date > $to RETURN count(r) AS n",
                p))
        .isZero();
    assertThat(count("MATCH (r:PerformanceReview {source: 'demo-advance'}) RETURN count(r) AS n"))
        .isEqualTo(s.reviews());
    assertThat(
            count(
                "MATCH (e:Expert)-[:HAS_REVIEW|PROMOTED]->(x {source: 'demo-advance'}) WHERE e.departedAt IS NOT NULL AND x.date >= e.departedAt RETURN count(x) AS n"))
        .isZero();
    assertThat(
            count(
                "MATCH (e:Expert {source: 'demo-advance'}) WHERE e.hiredAt > $from AND e.hiredAt <= $to AND e.status = 'active' RETURN count(e) AS n",
                p))
        .isEqualTo(s.hires());
    assertThatThrownBy(() -> new DemoAdvance(driver, "neo4j").advance(FROM, 0, 7))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static long count(String q) {
    return count(q, Map.of());
  }

  private static long count(String q, Map<String, Object> p) {
    try (Session s = driver.session()) {
      return s.run(q, p).single().get("n").asLong();
    }
  }
}
