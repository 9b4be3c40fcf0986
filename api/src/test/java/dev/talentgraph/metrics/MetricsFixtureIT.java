package dev.talentgraph.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.talentgraph.db.EmbeddedNeo4j;
import dev.talentgraph.db.EmbeddedNeo4jSettings;
import dev.talentgraph.schema.MigrationRunner;
import dev.talentgraph.security.Principal;
import dev.talentgraph.security.Role;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;

/**
 * A hand-built graph in the shape of docs/adr/0006 (4 openings, 8 applications with their
 * StageChange histories, 7 people, 2 courses, 5 projects) where every figure is worked out by hand
 * in the comments, and asserted exactly, with and without the team, region and period filters. Real
 * embedded Neo4j.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsFixtureIT {
  static final LocalDate AS_OF = LocalDate.of(2026, 1, 15);
  @TempDir static Path dir;
  EmbeddedNeo4j neo4j;
  Driver driver;
  MetricsService service;

  @BeforeAll
  void setUp() {
    neo4j = EmbeddedNeo4j.start(EmbeddedNeo4jSettings.of(dir.resolve("store"), 0));
    driver = neo4j.newDriver();
    new MigrationRunner(driver, "neo4j").migrate();
    try (var s = driver.session()) {
      s.executeWriteWithoutResult(tx -> tx.run(FIXTURE));
    }
    service = new MetricsService(driver, "neo4j");
  }

  @AfterAll
  void tearDown() {
    if (driver != null) driver.close();
    if (neo4j != null) neo4j.close();
  }

  /** Applications: (id, opening, appliedAt, final stage, [to, date] moves in order). */
  static final String FIXTURE =
      """
      CREATE (tA:Team {id: 'tA', name: 'Graph Platform', region: 'EMEA', department: 'Engineering'}),
             (tB:Team {id: 'tB', name: 'Field Sales', region: 'AMER', department: 'Sales'})
      CREATE (o1:JobOpening {id: 'o1', title: 'Engineer', region: 'EMEA', status: 'closed', postedAt: date('2025-01-01'), closedAt: date('2025-03-31')})-[:HIRES_FOR]->(tA),
             (o2:JobOpening {id: 'o2', title: 'Seller', region: 'AMER', status: 'closed', postedAt: date('2025-04-01'), closedAt: date('2025-06-30')})-[:HIRES_FOR]->(tB),
             (o3:JobOpening {id: 'o3', title: 'Engineer II', region: 'EMEA', status: 'open', postedAt: date('2025-05-01')})-[:HIRES_FOR]->(tA),
             (o4:JobOpening {id: 'o4', title: 'Seller II', region: 'AMER', status: 'closed', postedAt: date('2024-10-01'), closedAt: date('2024-12-15')})-[:HIRES_FOR]->(tB)
      WITH *
      UNWIND [
        ['a1', 'o1', '2025-01-10', 'hired', [['applied','2025-01-10'],['screened','2025-01-15'],['assessment','2025-01-20'],['interview','2025-02-01'],['interview','2025-02-10'],['offer','2025-02-20'],['hired','2025-03-01']]],
        ['a2', 'o1', '2025-01-12', 'rejected', [['applied','2025-01-12'],['screened','2025-01-20'],['rejected','2025-01-25']]],
        ['a3', 'o1', '2025-01-15', 'withdrawn', [['applied','2025-01-15'],['screened','2025-01-18'],['assessment','2025-01-25'],['interview','2025-02-02'],['interview','2025-02-09'],['offer','2025-02-18'],['withdrawn','2025-02-25']]],
        ['a4', 'o2', '2025-04-05', 'withdrawn', [['applied','2025-04-05'],['screened','2025-04-08'],['assessment','2025-04-12'],['withdrawn','2025-04-20']]],
        ['a5', 'o2', '2025-04-10', 'rejected', [['applied','2025-04-10'],['rejected','2025-04-11']]],
        ['a6', 'o3', '2025-05-10', 'offer', [['applied','2025-05-10'],['screened','2025-05-12'],['assessment','2025-05-20'],['interview','2025-06-01'],['interview','2025-06-08'],['offer','2025-06-15']]],
        ['a7', 'o3', '2025-05-12', 'applied', [['applied','2025-05-12']]],
        ['a8', 'o4', '2024-10-05', 'hired', [['applied','2024-10-05'],['screened','2024-10-10'],['assessment','2024-10-15'],['interview','2024-10-25'],['interview','2024-11-05'],['offer','2024-11-20'],['hired','2024-12-01']]]
      ] AS row
      MATCH (o:JobOpening {id: row[1]})
      CREATE (c:Candidate {id: 'cand-' + row[0]})-[:APPLIED]->(a:Application {id: row[0], appliedAt: date(row[2]), stage: row[3]})-[:TO]->(o)
      WITH a, row
      UNWIND range(0, size(row[4]) - 1) AS i
      CREATE (a)-[:MOVED]->(:StageChange {id: row[0] + '-' + (i + 1), seq: i + 1, to: row[4][i][0],
          from: CASE WHEN i = 0 THEN null ELSE row[4][i - 1][0] END,
          at: datetime(row[4][i][1] + 'T10:00:00Z'), actor: 'test'})
      WITH count(*) AS moves
      MATCH (tA:Team {id: 'tA'}), (tB:Team {id: 'tB'})
      CREATE (e1:Expert {id: 'x1', status: 'active', region: 'EMEA', hiredAt: date('2020-01-01')})-[:MEMBER_OF]->(tA),
             (e2:Expert {id: 'x2', status: 'departed', region: 'EMEA', hiredAt: date('2020-06-01'), departedAt: date('2025-03-15'), departureReason: 'voluntary'})-[:MEMBER_OF]->(tA),
             (e3:Expert {id: 'x3', status: 'active', region: 'EMEA', hiredAt: date('2025-02-01')})-[:MEMBER_OF]->(tA),
             (e4:Expert {id: 'x4', status: 'departed', region: 'AMER', hiredAt: date('2019-01-01'), departedAt: date('2024-06-30'), departureReason: 'involuntary'})-[:MEMBER_OF]->(tB),
             (e5:Expert {id: 'x5', status: 'active', region: 'AMER', hiredAt: date('2021-01-01')})-[:MEMBER_OF]->(tB),
             (e6:Expert {id: 'x6', status: 'departed', region: 'AMER', hiredAt: date('2018-01-01'), departedAt: date('2025-12-31'), departureReason: 'retirement'})-[:MEMBER_OF]->(tB),
             (e7:Expert {id: 'x7', status: 'departed', region: 'EMEA', hiredAt: date('2022-01-01'), departedAt: date('2025-01-01'), departureReason: 'voluntary'})-[:MEMBER_OF]->(tA)
      CREATE (c1:Course {id: 'c1', title: 'Graphs'}), (c2:Course {id: 'c2', title: 'Cypher'})
      CREATE (e1)-[:ENROLLED {status: 'completed', completedAt: date('2025-03-01'), levelBefore: 2, levelAfter: 4}]->(c1),
             (e5)-[:ENROLLED {status: 'completed', completedAt: date('2025-05-01'), levelBefore: 1, levelAfter: 2}]->(c1),
             (e2)-[:ENROLLED {status: 'completed', completedAt: date('2024-11-01'), levelBefore: 1, levelAfter: 3}]->(c1),
             (e3)-[:ENROLLED {status: 'dropped', levelBefore: 1, levelAfter: 1}]->(c1),
             (e1)-[:ENROLLED {status: 'completed', completedAt: date('2025-06-01'), levelBefore: 3, levelAfter: 3}]->(c2),
             (e6)-[:ENROLLED {status: 'completed', completedAt: date('2025-07-01'), levelBefore: 2, levelAfter: 4}]->(c2),
             (e5)-[:ENROLLED {status: 'completed', completedAt: date('2025-08-01')}]->(c2)
      CREATE (s1:Skill {id: 's1', name: 'Java'}), (s2:Skill {id: 's2', name: 'Neo4j'}), (s3:Skill {id: 's3', name: 'Kotlin'})
      CREATE (p1:Project {id: 'p1', status: 'active', department: 'Engineering'}),
             (p2:Project {id: 'p2', status: 'planned', department: 'Engineering'}),
             (p3:Project {id: 'p3', status: 'active', department: 'Sales'}),
             (p4:Project {id: 'p4', status: 'completed', department: 'Sales'}),
             (p5:Project {id: 'p5', status: 'active', department: 'Engineering'})
      CREATE (e1)-[:WORKED_ON {role: 'lead', from: date('2025-01-01')}]->(p1),
             (e2)-[:WORKED_ON {role: 'lead', from: date('2024-01-01')}]->(p3),
             (e5)-[:WORKED_ON {role: 'contributor', from: date('2023-01-01'), to: date('2024-01-01')}]->(p3),
             (e5)-[:WORKED_ON {role: 'contributor', from: date('2023-01-01')}]->(p4),
             (e5)-[:WORKED_ON {role: 'contributor', from: date('2025-01-01')}]->(p5)
      CREATE (p1)-[:REQUIRES {level: 4, required: true}]->(s1), (p1)-[:REQUIRES {level: 3, required: true}]->(s2),
             (p2)-[:REQUIRES {level: 4, required: true}]->(s2), (p2)-[:REQUIRES {level: 2, required: false}]->(s3),
             (p3)-[:REQUIRES {level: 5, required: true}]->(s1), (p4)-[:REQUIRES {level: 3, required: true}]->(s3),
             (p5)-[:REQUIRES {level: 2, required: true}]->(s1)
      CREATE (e1)-[:HAS_SKILL {level: 5}]->(s1), (e3)-[:HAS_SKILL {level: 2}]->(s2), (e2)-[:HAS_SKILL {level: 5}]->(s3),
             (e5)-[:HAS_SKILL {level: 1}]->(s1), (e6)-[:HAS_SKILL {level: 5}]->(s1)
      """;

  Metrics run(String from, String to, String team, String region, Integer minGroupSize) {
    return service.compute(
        MetricsService.request(from, to, team, region, 5, 1, minGroupSize, AS_OF), AS_OF);
  }

  @Test
  void recruitingFiguresFor2025() {
    Metrics m = run("2025-01-01", "2025-12-31", null, null, null);
    // o1 and o2 closed in 2025 (o4 in 2024); one hire (a1 on o1)
    assertThat(m.hiringSuccess()).isEqualTo(new Metrics.Hiring(2, 1, 1, 0.5));
    // a1: 2025-01-10 -> 2025-03-01 = 50 days; posted 2025-01-01 -> 59 days
    assertThat(m.timeToHire().hires()).isEqualTo(1);
    assertThat(m.timeToHire().fromApplied())
        .isEqualTo(new Metrics.DayStats(1, 50L, 50.0, 50.0, 50.0, 50L, 50L));
    assertThat(m.timeToHire().fromPosted().median()).isEqualTo(59.0);
    assertThat(m.timeToHire().distribution())
        .filteredOn(b -> b.count() > 0)
        .extracting(Metrics.Bucket::label)
        .containsExactly("45-59 days");
    // a1..a7 applied in 2025: 7 applied, 5 screened, 4 assessment, 3 interview, 3 offer, 1 hired
    assertThat(m.stageConversion())
        .containsExactly(
            new Metrics.Conversion("applied", "screened", 7, 5, 5 / 7.0),
            new Metrics.Conversion("screened", "assessment", 5, 4, 0.8),
            new Metrics.Conversion("assessment", "interview", 4, 3, 0.75),
            new Metrics.Conversion("interview", "offer", 3, 3, 1.0),
            new Metrics.Conversion("offer", "hired", 3, 1, 1 / 3.0));
    // out of offer in 2025: a1 hired, a3 withdrawn (a6's offer is pending, a8's was decided in
    // 2024)
    assertThat(m.offerAcceptance()).isEqualTo(new Metrics.OfferAcceptance(2, 1, 1, 0, 0.5));
  }

  @Test
  void recruitingFiltersByHiringTeamRegionAndPeriod() {
    Metrics a = run("2025-01-01", "2025-12-31", "tA", null, null);
    assertThat(a.filter().teamName()).isEqualTo("Graph Platform");
    assertThat(a.hiringSuccess()).isEqualTo(new Metrics.Hiring(1, 1, 1, 1.0));
    // tA's applications: a1, a2, a3 (o1), a6, a7 (o3)
    assertThat(a.stageConversion().get(0))
        .isEqualTo(new Metrics.Conversion("applied", "screened", 5, 4, 0.8));
    assertThat(a.stageConversion().get(4))
        .isEqualTo(new Metrics.Conversion("offer", "hired", 3, 1, 1 / 3.0));
    assertThat(a.offerAcceptance().decided()).isEqualTo(2);

    Metrics amer = run("2025-01-01", "2025-12-31", null, "AMER", null);
    assertThat(amer.hiringSuccess()).isEqualTo(new Metrics.Hiring(1, 0, 0, 0.0));
    assertThat(amer.timeToHire().hires()).isZero();
    assertThat(amer.timeToHire().fromApplied().mean()).isNull();
    assertThat(amer.stageConversion().get(0))
        .isEqualTo(new Metrics.Conversion("applied", "screened", 2, 1, 0.5));
    assertThat(amer.offerAcceptance()).isEqualTo(new Metrics.OfferAcceptance(0, 0, 0, 0, null));

    Metrics y2024 = run("2024-01-01", "2024-12-31", null, null, null);
    assertThat(y2024.hiringSuccess()).isEqualTo(new Metrics.Hiring(1, 1, 1, 1.0));
    // a8: 2024-10-05 -> 2024-12-01 = 57 days, posted 2024-10-01 -> 61
    assertThat(y2024.timeToHire().fromApplied().mean()).isEqualTo(57.0);
    assertThat(y2024.timeToHire().fromPosted().mean()).isEqualTo(61.0);
    assertThat(y2024.offerAcceptance()).isEqualTo(new Metrics.OfferAcceptance(1, 1, 0, 0, 1.0));
    assertThat(y2024.stageConversion().get(4))
        .isEqualTo(new Metrics.Conversion("offer", "hired", 1, 1, 1.0));

    // both years: two hires, 50 and 57 days
    Metrics both = run("2024-01-01", "2025-12-31", null, null, null);
    assertThat(both.timeToHire().fromApplied())
        .isEqualTo(new Metrics.DayStats(2, 107L, 53.5, 53.5, 57.0, 50L, 57L));
  }

  @Test
  void trainingEffectPerCourseAndOverall() {
    Metrics m = run("2025-01-01", "2025-12-31", null, null, null);
    // completed in 2025 with both levels: c1 +2 (x1), +1 (x5); c2 0 (x1), +2 (x6)
    Metrics.Training t = m.trainingEffect();
    assertThat(t.enrolments()).isEqualTo(4);
    assertThat(t.totalGain()).isEqualTo(5);
    assertThat(t.meanGain()).isEqualTo(1.25);
    assertThat(t.top())
        .containsExactly(
            new Metrics.CourseGain("c1", "Graphs", 2, 3, 1.5),
            new Metrics.CourseGain("c2", "Cypher", 2, 2, 1.0));
    assertThat(t.bottom()).extracting(Metrics.CourseGain::courseId).containsExactly("c2", "c1");
    // team tA (x1 only): c1 +2, c2 0
    Metrics.Training a = run("2025-01-01", "2025-12-31", "tA", null, null).trainingEffect();
    assertThat(a.enrolments()).isEqualTo(2);
    assertThat(a.meanGain()).isEqualTo(1.0);
    // region AMER: x5 c1 +1, x6 c2 +2
    Metrics.Training amer = run("2025-01-01", "2025-12-31", null, "AMER", null).trainingEffect();
    assertThat(amer.enrolments()).isEqualTo(2);
    assertThat(amer.totalGain()).isEqualTo(3);
    // 2024: x2 c1 +2
    assertThat(run("2024-01-01", "2024-12-31", null, null, null).trainingEffect().meanGain())
        .isEqualTo(2.0);
    // groups under 5: the overall figure stays, no course is listed
    Metrics.Training small = run("2025-01-01", "2025-12-31", null, null, 5).trainingEffect();
    assertThat(small.meanGain()).isEqualTo(1.25);
    assertThat(small.top()).isEmpty();
    assertThat(small.unrankedCourses()).isEqualTo(2);
    // by default a course needs 5 completed enrolments to be ranked: none here, the totals stay
    Metrics.Training ranked =
        service
            .compute(
                MetricsService.request("2025-01-01", "2025-12-31", null, null, 5, null, null, AS_OF)
                    .withMinGroupSize(null),
                AS_OF)
            .trainingEffect();
    assertThat(ranked.minEnrolments()).isEqualTo(5);
    assertThat(ranked.top()).isEmpty();
    assertThat(ranked.enrolments()).isEqualTo(4);
  }

  @Test
  void retentionByPeriodTeamAndRegion() {
    Metrics m = run("2024-01-01", "2025-12-31", null, null, null);
    // 2024: active on 1 Jan x1, x2, x4, x5, x6, x7; x4 left 2024-06-30
    // 2025: active on 1 Jan x1, x2, x5, x6 (x3 hired later, x7 left on 1 Jan); x2 and x6 (on 31
    // Dec) left
    assertThat(m.retention().overall())
        .containsExactly(
            new Metrics.RetentionRow(
                "2024",
                "2024-01-01",
                "2024-12-31",
                "all",
                "everyone",
                6L,
                5L,
                5 / 6.0,
                List.of(new Metrics.Count("involuntary", 1)),
                false),
            new Metrics.RetentionRow(
                "2025",
                "2025-01-01",
                "2025-12-31",
                "all",
                "everyone",
                4L,
                2L,
                0.5,
                List.of(new Metrics.Count("retirement", 1), new Metrics.Count("voluntary", 1)),
                false));
    assertThat(m.retention().byTeam())
        .extracting(
            r -> r.period() + " " + r.group() + " " + r.retained() + "/" + r.activeAtStart())
        .containsExactly("2024 tA 3/3", "2024 tB 2/3", "2025 tA 1/2", "2025 tB 1/2");
    assertThat(m.retention().byRegion())
        .extracting(
            r -> r.period() + " " + r.group() + " " + r.retained() + "/" + r.activeAtStart())
        .containsExactly("2024 AMER 2/3", "2024 EMEA 3/3", "2025 AMER 1/2", "2025 EMEA 1/2");
    // a period clipped to the filter: 2025-03-16 .. 2025-12-30: x1, x3, x5, x6 active; all four
    // stay to the 30th
    Metrics clipped = run("2025-03-16", "2025-12-30", null, null, null);
    assertThat(clipped.retention().overall())
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.start() + " " + r.end() + " " + r.retained() + "/" + r.activeAtStart())
                    .isEqualTo("2025-03-16 2025-12-30 4/4"));
    // team filter: people of tB only
    assertThat(
            run("2025-01-01", "2025-12-31", "tB", null, null)
                .retention()
                .overall()
                .get(0)
                .activeAtStart())
        .isEqualTo(2L);
    // minimum group size 5: every team and region row and the 2025 total are hidden, 2024's 6 stay
    Metrics small = run("2024-01-01", "2025-12-31", null, null, 5);
    assertThat(small.retention().overall())
        .extracting(Metrics.RetentionRow::suppressed)
        .containsExactly(false, true);
    assertThat(small.retention().overall().get(1).activeAtStart()).isNull();
    assertThat(small.retention().byTeam())
        .allMatch(r -> r.suppressed() && r.rate() == null && r.departuresByReason().isEmpty());
    assertThat(small.retention().suppressedGroups()).isEqualTo(1 + 4 + 4);
  }

  @Test
  void skillCoverageAgainstTheTeamsProjects() {
    Metrics m = run(null, null, null, null, null);
    // tA: active x1, x3; projects p1 (x1 works on it), p2 (planned, Engineering); needs s1 4, s2 4,
    // s3 2
    //     best: s1 5 (x1), s2 2 (x3), s3 none (x2 has 5 but left) -> s3 missing, s2 below by 2
    // tB: active x5; projects p5 only (p3 x5 left it, p4 completed); needs s1 2, best 1 -> below by
    // 1
    assertThat(m.skillCoverage().teams())
        .containsExactly(
            new Metrics.TeamCoverage(
                "tA",
                "Graph Platform",
                "EMEA",
                2,
                2,
                3,
                1,
                1 / 3.0,
                List.of(
                    new Metrics.TeamGap("s3", "Kotlin", 2, 0, 2, "missing", 1),
                    new Metrics.TeamGap("s2", "Neo4j", 4, 2, 2, "below", 2))),
            new Metrics.TeamCoverage(
                "tB",
                "Field Sales",
                "AMER",
                1,
                1,
                1,
                0,
                0.0,
                List.of(new Metrics.TeamGap("s1", "Java", 2, 1, 1, "below", 1))));
    assertThat(m.skillCoverage().gapsBySkill())
        .extracting(Metrics.SkillGapSummary::skillId)
        .containsExactly("s3", "s1", "s2");
    assertThat(run(null, null, null, "AMER", null).skillCoverage().teams())
        .extracting(Metrics.TeamCoverage::teamId)
        .containsExactly("tB");
    assertThat(run(null, null, "tA", null, null).skillCoverage().gapsBySkill())
        .extracting(Metrics.SkillGapSummary::skillId)
        .containsExactly("s3", "s2");
  }

  @Test
  void badArgumentsAreTypedAndNameTheArgument() {
    assertError(() -> run("2025-02-01", "2025-01-01", null, null, null), "from", "FROM_AFTER_TO");
    assertError(() -> run("2025-01-01", "2025-13-01", null, null, null), "to", "INVALID_DATE");
    assertError(() -> run("yesterday", null, null, null, null), "from", "INVALID_DATE");
    assertError(() -> run(null, null, "t-nope", null, null), "team", "UNKNOWN_TEAM");
    assertError(() -> run(null, null, null, "Mars", null), "region", "UNKNOWN_REGION");
    assertError(
        () -> MetricsService.request(null, null, null, null, 0, null, null, AS_OF),
        "top",
        "OUT_OF_RANGE");
    assertError(
        () -> MetricsService.request(null, null, null, null, 5, 0, null, AS_OF),
        "minEnrolments",
        "OUT_OF_RANGE");
    assertError(
        () -> MetricsService.request(null, null, null, null, 5, 5, 0, AS_OF),
        "minGroupSize",
        "OUT_OF_RANGE");
    // defaults: to = today, from = 1 January four years earlier
    MetricsService.Request d =
        MetricsService.request(null, null, " ", null, null, null, null, AS_OF);
    assertThat(d.from()).isEqualTo(LocalDate.of(2022, 1, 1));
    assertThat(d.to()).isEqualTo(AS_OF);
    assertThat(d.team()).isNull();
  }

  @Test
  void whoSeesWhat() {
    java.util.function.Function<String, List<String>> manages =
        id -> id.equals("x1") ? List.of("tA") : List.of();
    assertThat(
            MetricsController.scope(
                new Principal("hr", Set.of(Role.HR), null, "test"), null, manages))
        .isNull();
    assertThat(
            MetricsController.scope(
                new Principal("admin", Set.of(Role.ADMIN), null, "test"), "tB", manages))
        .isNull();
    assertThat(
            MetricsController.scope(
                new Principal("an", Set.of(Role.ANALYST), null, "test"), null, manages))
        .isEqualTo(5);
    Principal manager = new Principal("m", Set.of(Role.MANAGER), "x1", "test");
    assertThat(MetricsController.scope(manager, "tA", manages)).isNull();
    assertError(() -> MetricsController.scope(manager, "tB", manages), "team", "FORBIDDEN");
    assertError(() -> MetricsController.scope(manager, null, manages), "team", "FORBIDDEN");
    assertThat(
            MetricsController.scope(
                new Principal("ma", Set.of(Role.MANAGER, Role.ANALYST), "x1", "test"),
                "tB",
                manages))
        .isEqualTo(5);
    assertError(
        () ->
            MetricsController.scope(
                new Principal("p", Set.of(Role.PORTAL), null, "test"), null, manages),
        "metrics",
        "FORBIDDEN");
    assertError(
        () ->
            MetricsController.scope(
                new Principal("e", Set.of(Role.EMPLOYEE), "x1", "test"), "tA", manages),
        "metrics",
        "FORBIDDEN");
    assertThat(service.managedTeams("x1")).isEmpty();
  }

  static void assertError(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String argument, String code) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            MetricsException.class,
            e -> {
              assertThat(e.argument()).as(e.getMessage()).isEqualTo(argument);
              assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
            });
  }
}
