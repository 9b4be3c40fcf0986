package dev.talentgraph.ml.courses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.talentgraph.ml.hiring.HireFeatures;
import dev.talentgraph.ml.hiring.SkillCoverage;
import dev.talentgraph.schema.MigrationRunner;
import dev.talentgraph.schema.skills.SkillCredit.Relation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/**
 * The skill gap of one person for one opening (training advice) and their match to the same opening
 * (what candidate matching and internal mobility compute, {@link HireFeatures}) agree requirement
 * by requirement, on the fixture {@code credit/fixture.cypher} where every relation of the
 * skill-credit policy occurs once.
 */
class SkillCreditGapMatchIT {
  static Neo4j neo4j;
  static Driver driver;

  @BeforeAll
  static void start() throws IOException {
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
    try (InputStream in =
            SkillCreditGapMatchIT.class.getResourceAsStream("/credit/fixture.cypher");
        var s = driver.session()) {
      s.run(new String(in.readAllBytes(), StandardCharsets.UTF_8)).consume();
    }
  }

  @AfterAll
  static void stop() {
    driver.close();
    neo4j.close();
  }

  /**
   * Required skill, the relation that reaches it (null: none), the credit and the gap in levels.
   */
  record Expected(String skill, Relation relation, String from, double credit, double gap) {}

  static final List<Expected> EXPECTED =
      List.of(
          new Expected("sql", Relation.EXACT, "sql", 0.5, 2.0), // own level 2 of 4
          new Expected(
              "kubernetes", Relation.SAME_AS, "onet-kubernetes", 0.5, 2.0), // twin, level 2 of 4
          new Expected("java", Relation.NARROWER, "spring", 0.5, 2.0), // one step, level 5 of 4
          new Expected("backend", Relation.NARROWER, "spring", 0.25, 1.5), // two steps
          new Expected("programming", null, null, 0, 1.0), // three steps: beyond the depth
          new Expected("pandas", Relation.BROADER, "python", 0.25, 1.5),
          new Expected("kotlin", Relation.RELATED, "scala", 0.5, 1.5),
          new Expected("c-lang", Relation.SIBLING, "zig", 0.3, 1.4),
          new Expected("docker", null, null, 0, 2.0), // podman shares only a skill group
          new Expected("cobol", null, null, 0, 2.0));

  @Test
  void theGapAndTheMatchAgreeSkillBySkill() {
    SkillCoverage.Coverage match =
        HireFeatures.compute(
                driver,
                "neo4j",
                List.of(new HireFeatures.Pair("row", "pat", "job-x", null)),
                LocalDate.of(2026, 6, 1))
            .get("row")
            .coverage();
    SkillGap gap =
        new TrainingAdvisor(driver, "neo4j", null).skillGap("pat", new Target.JobOpening("job-x"));

    Map<String, SkillCoverage.Match> matches = new HashMap<>();
    match.matches().forEach(m -> matches.put(m.requirement().skillId(), m));
    Map<String, SkillGap.Comparison> gaps = new HashMap<>();
    gap.gaps().forEach(g -> gaps.put(g.skillId(), g));
    gap.met().forEach(g -> gaps.put(g.skillId(), g));
    assertThat(matches.keySet())
        .containsExactlyInAnyOrderElementsOf(EXPECTED.stream().map(Expected::skill).toList());
    assertThat(gaps.keySet()).isEqualTo(matches.keySet());

    for (Expected x : EXPECTED) {
      SkillCoverage.Match m = matches.get(x.skill());
      SkillGap.Comparison g = gaps.get(x.skill());
      int wanted = m.requirement().wanted();
      assertThat(g.requiredLevel()).as(x.skill()).isEqualTo(wanted);
      // the shared definition: gap = wanted level * (1 - credit)
      assertThat(g.missing())
          .as(x.skill() + " gap")
          .isCloseTo(wanted * (1 - m.credit()), within(1e-9));
      assertThat(m.credit()).as(x.skill() + " credit").isCloseTo(x.credit(), within(1e-9));
      assertThat(g.missing()).as(x.skill() + " missing").isCloseTo(x.gap(), within(1e-9));
      // the same held skill stands in on both sides
      Relation relation =
          m.status() == SkillCoverage.Status.COVERED ? Relation.EXACT : m.relation();
      assertThat(relation).as(x.skill() + " relation").isEqualTo(x.relation());
      assertThat(m.held() == null ? null : m.held().skillId())
          .as(x.skill() + " held")
          .isEqualTo(x.from());
      if (x.relation() != null && x.relation() != Relation.EXACT) {
        assertThat(g.creditedFrom()).as(x.skill() + " credited from").isEqualTo(x.from());
        assertThat(g.reason())
            .as(x.skill())
            .contains(g.skillName().equals("Kubernetes") ? "SAME_AS" : x.relation().word);
      }
    }
    assertThat(gap.met()).isEmpty();
    assertThat(match.missingRequired()).isEqualTo(3);
  }
}
