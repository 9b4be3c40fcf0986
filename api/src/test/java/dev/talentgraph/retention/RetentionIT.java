package dev.talentgraph.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talentgraph.audit.AuditLog;
import dev.talentgraph.db.EmbeddedNeo4j;
import dev.talentgraph.db.EmbeddedNeo4jSettings;
import dev.talentgraph.metrics.Metrics;
import dev.talentgraph.metrics.MetricsService;
import dev.talentgraph.schema.MigrationRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;

/**
 * Local rules: candidates in Germany (kept 6 months), France (2 years) and Japan (no rule: the
 * 180-day default, through the country of the opening since the candidate has none), rejected or
 * withdrawn 200 days before {@link #TODAY}, one still interviewing, one hired. The dry run lists
 * what is due per country and changes nothing; moving the clock two years on adds France; the real
 * run erases exactly the due ones (personal data, feedback, name), audits each, and leaves every
 * business metric as it was. Real embedded Neo4j, no application context.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetentionIT {
  static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
  static final Clock CLOCK =
      Clock.fixed(TODAY.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
  static final RetentionSettings POLICY =
      new RetentionSettings(
          Period.ofDays(180),
          Map.of("Germany", Period.ofMonths(6), "France", Period.ofYears(2)),
          null);

  @TempDir static Path dir;
  EmbeddedNeo4j neo4j;
  Driver driver;

  @BeforeAll
  void setUp() {
    neo4j = EmbeddedNeo4j.start(EmbeddedNeo4jSettings.of(dir.resolve("store"), 0));
    driver = neo4j.newDriver();
    new MigrationRunner(driver, "neo4j").migrate();
    String closed = TODAY.minusDays(200).toString();
    try (var s = driver.session()) {
      s.run(
              """
          CREATE (t:Team {id: 'rt-t', name: 'Platform', region: 'EMEA'})
          CREATE (o:JobOpening {id: 'rt-o', title: 'Engineer', country: 'Japan', region: 'EMEA', status: 'open', postedAt: date('2025-09-01')})-[:HIRES_FOR]->(t)
          WITH o
          UNWIND [
            ['rt-de', 'Germany', 'rejected'], ['rt-fr', 'France', 'rejected'], ['rt-jp', null, 'withdrawn'],
            ['rt-live', 'Germany', 'interview'], ['rt-hired', 'Germany', 'hired']
          ] AS row
          CREATE (c:Candidate {id: row[0], name: 'Name of ' + row[0], country: row[1]})
          CREATE (c)-[:APPLIED]->(a:Application {id: 'app-' + row[0], stage: row[2], appliedAt: date('2025-10-01'),
                  closedAt: CASE WHEN row[2] IN ['rejected', 'withdrawn', 'hired'] THEN date($closed) END})-[:TO]->(o)
          CREATE (a)-[:MOVED]->(:StageChange {id: 'sc1-' + row[0], seq: 1, to: 'applied', at: datetime('2025-10-01T10:00:00Z')})
          CREATE (a)-[:MOVED]->(:StageChange {id: 'sc2-' + row[0], seq: 2, from: 'applied', to: row[2], at: datetime($closed + 'T10:00:00Z')})
          CREATE (c)-[:HAS_PERSONAL_DATA]->(:PersonalData {email: 'sealed'})
          CREATE (a)-[:HAS_INTERVIEW]->(i:Interview {id: 'int-' + row[0], round: 1})-[:HAS_PERSONAL_DATA]->(:PersonalData {feedback: 'sealed'})
          """,
              Map.of("closed", closed))
          .consume();
    }
  }

  @AfterAll
  void tearDown() {
    if (driver != null) driver.close();
    if (neo4j != null) neo4j.close();
  }

  List<String> due(RetentionService.Report r) {
    return r.countries().stream()
        .flatMap(c -> c.candidates().stream().map(d -> c.country() + ":" + d.candidateId()))
        .toList();
  }

  @Test
  void dryRunListsPerCountryThenTheRunErasesAuditedWithMetricsUnchanged() {
    RetentionService dry =
        new RetentionService(
            driver,
            "neo4j",
            POLICY,
            e -> {
              throw new AssertionError("a dry run audits nothing");
            });
    RetentionService.Report listed = dry.run(true, CLOCK, "test");
    assertThat(due(listed)).containsExactly("Germany:rt-de", "Japan:rt-jp");
    assertThat(listed.countries().get(0).period()).isEqualTo(Period.ofMonths(6));
    assertThat(listed.countries().get(1).period()).isEqualTo(Period.ofDays(180));
    assertThat(listed.erased()).isZero();
    assertThat(personalNodes()).isEqualTo(10);

    // two years on, France's rule has expired too
    Clock later = Clock.offset(CLOCK, Duration.ofDays(2 * 366));
    assertThat(due(dry.run(true, later, "test")))
        .containsExactly("France:rt-fr", "Germany:rt-de", "Japan:rt-jp");

    assertThat(RetentionService.table(listed, POLICY))
        .contains("dry run on 2026-06-01")
        .containsPattern("Germany +P6M +1  rt-de \\(2025-11-13\\)")
        .containsPattern("Japan +P180D +1  rt-jp");

    MetricsService metrics = new MetricsService(driver, "neo4j");
    MetricsService.Request req =
        MetricsService.request("2025-01-01", TODAY.toString(), null, null, 5, 5, null, TODAY);
    Metrics before = metrics.compute(req, TODAY);

    RetentionService.Report run;
    try (AuditLog audit = new AuditLog(driver, "neo4j", 100)) {
      run = new RetentionService(driver, "neo4j", POLICY, audit::record).run(false, CLOCK, "test");
    }
    assertThat(run.erased()).isEqualTo(2);
    assertThat(run.nodesDeleted()).isEqualTo(4); // each: own personal data + interview feedback
    try (var s = driver.session()) {
      assertThat(
              s.run(
                      "MATCH (c:Candidate) WHERE c.erased RETURN collect(c.id) AS ids, collect(DISTINCT c.name) AS names")
                  .single()
                  .asMap())
          .isEqualTo(Map.of("ids", List.of("rt-de", "rt-jp"), "names", List.of("Erased person")));
      assertThat(
              s.run(
                      "MATCH (e:AuditEvent {action: 'retention.erase'}) RETURN e.actor AS actor, e.target AS target ORDER BY target")
                  .list(r -> r.get("actor").asString() + "/" + r.get("target").asString()))
          .containsExactly("test/rt-de", "test/rt-jp");
      assertThat(s.run("MATCH (a:Application) RETURN count(a) AS n").single().get("n").asInt())
          .isEqualTo(5);
    }
    assertThat(personalNodes()).isEqualTo(6);
    assertThat(metrics.compute(req, TODAY)).isEqualTo(before);
    // nothing is due any more today
    assertThat(due(dry.run(true, CLOCK, "test"))).isEmpty();
  }

  int personalNodes() {
    try (var s = driver.session()) {
      return s.run("MATCH (p:PersonalData) RETURN count(p) AS n").single().get("n").asInt();
    }
  }
}
