package dev.talentgraph.analyst;

import static dev.talentgraph.analyst.GuardFixtures.cypher;
import static org.assertj.core.api.Assertions.assertThat;

import dev.talentgraph.security.LocalUsers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * GDS through the analyst endpoint: a projection that would load personal data (by label, by a
 * relabelling disguise, by {@code *}, by a property off the allow-list, or chained to a stream in
 * the same query) is refused and leaves no graph behind; a projection of public facts works, and
 * analyst graphs are capped in number and dropped after their time to live.
 */
@GuardTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GdsProjectionIT {
  @Autowired WebTestClient web;
  @Autowired Driver driver;
  @Autowired LocalUsers users;
  @Autowired AnalystCypher analyst;

  @BeforeAll
  void seed() {
    GuardFixtures.seed(driver, users);
    GuardFixtures.warmUp(web);
    try (var s = driver.session()) {
      s.run(
              """
          MATCH (e:Expert) WHERE e.id IN ['guard-e1', 'guard-e2']
          MERGE (e)-[:HAS_REVIEW]->(r:PerformanceReview {id: 'gds-' + e.id})
          SET r.rating = 1, r.year = 2025, e.grade = 7
          """)
          .consume();
    }
  }

  @AfterEach
  void dropAnalystGraphs() {
    try (var s = driver.session()) {
      for (String g : analyst.projectedGraphs()) {
        s.run("CALL gds.graph.drop($g, false) YIELD graphName RETURN graphName", Map.of("g", g))
            .consume();
      }
    }
  }

  boolean exists(String graph) {
    try (var s = driver.session()) {
      return s.run("RETURN gds.graph.exists($g) AS e", Map.of("g", graph))
          .single()
          .get("e")
          .asBoolean();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // the attack as reported
        "CALL gds.graph.project('leak', {Expert: {}, PerformanceReview: {properties: ['rating', 'year']}}, 'HAS_REVIEW')",
        // a protected label under a public-looking projected name
        "CALL gds.graph.project('leak', {Expert: {label: 'Expert'}, Skill: {label: 'PerformanceReview'}}, {HAS_SKILL: {type: 'HAS_REVIEW'}})",
        // every label: personal data nodes come along
        "CALL gds.graph.project('leak', '*', 'HAS_SKILL')",
        // a public label with a property off the allow-list, renamed to an allowed one
        "CALL gds.graph.project('leak', {Expert: {properties: {level: {property: 'grade', defaultValue: 0}}}}, 'HAS_SKILL')",
        // names built at run time, invisible in the plan
        "WITH 'Performance' + 'Review' AS l CALL gds.graph.project('leak', ['Expert', l], 'HAS_' + 'REVIEW') YIELD graphName RETURN graphName"
      })
  void projectionsOfPersonalDataAreRefusedAndDropped(String query) {
    cypher(web, "analyst", query, null)
        .expectStatus()
        .isForbidden()
        .expectBody()
        .jsonPath("$.reason")
        .isEqualTo("gds_projection");
    assertThat(exists("leak")).isFalse();
    assertThat(analyst.projectedGraphs()).isEmpty();
  }

  @Test
  void aProjectionChainedToAStreamIsRefusedBeforeItRuns() {
    cypher(
            web,
            "analyst",
            "CALL gds.graph.project('leak', ['Expert', 'PerformanceReview'], 'HAS_REVIEW') YIELD graphName"
                + " CALL gds.graph.nodeProperty.stream(graphName, 'rating') YIELD nodeId, propertyValue"
                + " RETURN nodeId, propertyValue",
            null)
        .expectStatus()
        .isForbidden()
        .expectBody()
        .jsonPath("$.reason")
        .isEqualTo("gds_projection")
        .jsonPath("$.message")
        .value(m -> assertThat(m.toString()).contains("a query of its own"));
    assertThat(exists("leak")).isFalse();
  }

  @Test
  void publicProjectionsWorkAndAreCappedInNumber() {
    for (int i = 0; i < 4; i++) {
      cypher(
              web,
              "analyst",
              "CALL gds.graph.project('skills-"
                  + i
                  + "', ['Expert', 'Skill'],"
                  + " {HAS_SKILL: {properties: 'level'}}) YIELD nodeCount RETURN nodeCount",
              null)
          .expectStatus()
          .isOk()
          .expectBody()
          .jsonPath("$.rows[0][0]")
          .isEqualTo(9);
    }
    cypher(
            web,
            "analyst",
            "CALL gds.degree.stream('skills-0') YIELD nodeId, score RETURN count(*) AS n",
            null)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.rows[0][0]")
        .isEqualTo(9);
    cypher(
            web,
            "analyst",
            "CALL gds.graph.project('skills-4', ['Expert', 'Skill'], 'HAS_SKILL') YIELD nodeCount RETURN nodeCount",
            null)
        .expectStatus()
        .isForbidden()
        .expectBody()
        .jsonPath("$.message")
        .value(m -> assertThat(m.toString()).contains("at most 4 GDS graphs"));
    assertThat(exists("skills-4")).isFalse();
    assertThat(analyst.projectedGraphs()).hasSize(4);
  }

  @Test
  void analystGraphsAreDroppedAfterTheirTimeToLive() {
    var now = new AtomicReference<>(Instant.parse("2026-01-01T09:00:00Z"));
    Clock clock =
        new Clock() {
          @Override
          public ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now.get();
          }
        };
    var projections = new AnalystProjections(driver, "neo4j", AnalystSettings.defaults(), clock);
    projections.project(
        () -> {
          try (var s = driver.session()) {
            return s.run("CALL gds.graph.project('ttl-g', 'Skill', 'HAS_SKILL')").consume();
          }
        });
    assertThat(projections.owned()).containsExactly("ttl-g");
    now.set(now.get().plus(Duration.ofMinutes(29)));
    projections.sweep();
    assertThat(exists("ttl-g")).isTrue();
    now.set(now.get().plus(Duration.ofMinutes(2)));
    projections.sweep();
    assertThat(exists("ttl-g")).isFalse();
    assertThat(projections.owned()).isEmpty();
  }
}
