package dev.talentgraph.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.talentgraph.cli.TalentGraphCli;
import dev.talentgraph.db.EmbeddedNeo4j;
import dev.talentgraph.db.EmbeddedNeo4jSettings;
import dev.talentgraph.security.TinkFieldCipher;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.w3c.dom.Document;
import picocli.CommandLine;

/**
 * {@code talentgraph report metrics} on the demo graph (100 experts, imported by {@code import
 * demo} over Bolt) writes metrics.json, at least four SVG charts and an index; every checked figure
 * in the JSON equals a count computed here with hand-written Cypher that shares no code with {@link
 * MetricsService}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportMetricsCommandIT {
  static final String AS_OF = "2026-06-30"; // the demo's "today"
  @TempDir static Path dir;
  EmbeddedNeo4j neo4j;
  Driver driver;
  String team;

  record Run(int exit, String out, String err) {}

  static Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = TalentGraphCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    java.io.PrintStream stdout = System.out;
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    System.setOut(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      int exit = cli.execute(args);
      return new Run(
          exit, out + captured.toString(java.nio.charset.StandardCharsets.UTF_8), err.toString());
    } finally {
      System.setOut(stdout);
    }
  }

  @BeforeAll
  void setUp() {
    // one running store; the commands reach it over Bolt like any --uri (one store start for the
    // class)
    neo4j = EmbeddedNeo4j.start(EmbeddedNeo4jSettings.of(dir.resolve("store"), 0));
    driver = neo4j.newDriver();
    Path keyset = dir.resolve("field-keyset.json");
    TinkFieldCipher.fromFile(keyset);
    Run imported =
        cli(
            "import",
            "demo",
            "--uri",
            neo4j.boltUri().toString(),
            "--password",
            neo4j.password(),
            "--keyset-file",
            keyset.toString(),
            "--experts",
            "100");
    assertThat(imported.exit()).as(imported.err()).isZero();
    try (var s = driver.session()) {
      team =
          s.run(
                  "MATCH (t:Team)<-[:MEMBER_OF]-(e:Expert) RETURN t.id AS id, count(e) AS n ORDER BY n DESC, id LIMIT 1")
              .single()
              .get("id")
              .asString();
    }
  }

  @AfterAll
  void tearDown() {
    if (driver != null) driver.close();
    if (neo4j != null) neo4j.close();
  }

  String[] report(Path out, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "report",
                "metrics",
                "--out",
                out.toString(),
                "--as-of",
                AS_OF,
                "--uri",
                neo4j.boltUri().toString(),
                "--password",
                neo4j.password()));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  List<Record> cypher(String q, Map<String, Object> p) {
    try (var s = driver.session()) {
      return s.run(q, p).list();
    }
  }

  long count(String q, Map<String, Object> p) {
    return cypher(q, p).get(0).get(0).asLong();
  }

  @Test
  void writesJsonChartsAndIndexWhoseFiguresMatchCypher() throws Exception {
    Path out = dir.resolve("report");
    // the 100-expert demo has few courses with 5 completions: rank those with 2 or more
    Run r = cli(report(out, "--min-enrolments", "2"));
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("metrics 2022-01-01 to 2026-06-30")
        .contains("metrics.json")
        .contains("index.html");

    // files: the JSON, >= 4 well-formed SVG charts with real content, an index naming every chart
    JsonNode m = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
    List<Path> svgs;
    try (Stream<Path> files = Files.list(out)) {
      svgs = files.filter(f -> f.toString().endsWith(".svg")).sorted().toList();
    }
    assertThat(svgs).hasSizeGreaterThanOrEqualTo(4);
    String index = Files.readString(out.resolve("index.html"));
    for (Path svg : svgs) {
      Document doc =
          DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder().parse(svg.toFile());
      assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
      assertThat(doc.getElementsByTagNameNS("*", "text").getLength())
          .as(svg.toString())
          .isGreaterThan(8);
      assertThat(index).contains("href=\"" + svg.getFileName() + "\"");
    }
    for (String chart :
        List.of("training-effect.svg", "retention-by-region.svg", "skill-gaps.svg")) {
      Document doc =
          DocumentBuilderFactory.newDefaultNSInstance()
              .newDocumentBuilder()
              .parse(out.resolve(chart).toFile());
      int marks =
          doc.getElementsByTagNameNS("*", "rect").getLength()
              + doc.getElementsByTagNameNS("*", "circle").getLength();
      assertThat(marks).as(chart + " draws data").isGreaterThan(4);
    }

    Map<String, Object> p =
        Map.of("from", m.at("/filter/from").asText(), "to", m.at("/filter/to").asText());
    assertThat(p).containsEntry("from", "2022-01-01").containsEntry("to", AS_OF);

    // hiring success: openings closed in the period and the hired applications to them
    assertThat(m.at("/hiringSuccess/closedOpenings").asLong())
        .isEqualTo(
            count(
                "MATCH (o:JobOpening) WHERE o.status = 'closed' AND o.closedAt >= date($from) AND o.closedAt <= date($to) RETURN count(o)",
                p));
    assertThat(m.at("/hiringSuccess/hires").asLong())
        .isEqualTo(
            count(
                "MATCH (a:Application)-[:TO]->(o:JobOpening)"
                    + " WHERE a.stage = 'hired' AND o.status = 'closed' AND o.closedAt >= date($from) AND o.closedAt <= date($to) RETURN count(a)",
                p));
    assertThat(m.at("/timeToHire/hires").asLong())
        .isEqualTo(
            count(
                "MATCH (a:Application)-[:TO]->(:JobOpening) WHERE EXISTS {"
                    + " MATCH (a)-[:MOVED]->(h:StageChange {to: 'hired'}) WHERE date(h.at) >= date($from) AND date(h.at) <= date($to) } RETURN count(a)",
                p));

    // stage conversion: reached X, and reached the next stage after X
    List<String> stages =
        List.of("applied", "screened", "assessment", "interview", "offer", "hired");
    JsonNode conv = m.get("stageConversion");
    assertThat(conv).hasSize(5);
    for (int i = 0; i < 5; i++) {
      Map<String, Object> q = new HashMap<>(p);
      q.put("x", stages.get(i));
      q.put("y", stages.get(i + 1));
      Record c =
          cypher(
                  "MATCH (a:Application)-[:TO]->(:JobOpening) WHERE a.appliedAt >= date($from) AND a.appliedAt <= date($to)"
                      + " AND EXISTS { (a)-[:MOVED]->(:StageChange {to: $x}) }"
                      + " RETURN count(a) AS reached, count(CASE WHEN EXISTS { MATCH (a)-[:MOVED]->(x:StageChange {to: $x}),"
                      + " (a)-[:MOVED]->(y:StageChange {to: $y}) WHERE y.seq > x.seq } THEN 1 END) AS next",
                  q)
              .get(0);
      assertThat(conv.get(i).get("from").asText()).isEqualTo(stages.get(i));
      assertThat(conv.get(i).get("reachedFrom").asLong())
          .as(stages.get(i))
          .isEqualTo(c.get("reached").asLong());
      assertThat(conv.get(i).get("reachedTo").asLong())
          .as(stages.get(i + 1))
          .isEqualTo(c.get("next").asLong());
    }
    assertThat(m.at("/offerAcceptance/decided").asLong())
        .isEqualTo(
            count(
                "MATCH (a:Application)-[:TO]->(:JobOpening)"
                    + " MATCH (a)-[:MOVED]->(c:StageChange {from: 'offer'}) WHERE c.to IN ['hired', 'withdrawn']"
                    + " AND date(c.at) >= date($from) AND date(c.at) <= date($to) RETURN count(DISTINCT a)",
                p));

    // training: completed enrolments with both levels in the period, their total and mean gain
    Record t =
        cypher(
                "MATCH (:Expert)-[r:ENROLLED]->(:Course) WHERE r.status = 'completed' AND r.completedAt >= date($from)"
                    + " AND r.completedAt <= date($to) AND r.levelBefore IS NOT NULL AND r.levelAfter IS NOT NULL"
                    + " RETURN count(r) AS n, sum(r.levelAfter - r.levelBefore) AS gain, avg(toFloat(r.levelAfter - r.levelBefore)) AS mean",
                p)
            .get(0);
    assertThat(t.get("n").asLong()).as("the demo has completed courses").isPositive();
    assertThat(m.at("/trainingEffect/enrolments").asLong()).isEqualTo(t.get("n").asLong());
    assertThat(m.at("/trainingEffect/totalGain").asLong()).isEqualTo(t.get("gain").asLong());
    assertThat(m.at("/trainingEffect/minEnrolments").asInt()).isEqualTo(2);
    assertThat(m.at("/trainingEffect/top").size()).isPositive();
    m.at("/trainingEffect/top")
        .forEach(c -> assertThat(c.get("enrolments").asLong()).isGreaterThanOrEqualTo(2));
    assertThat(m.at("/trainingEffect/meanGain").asDouble())
        .isCloseTo(t.get("mean").asDouble(), org.assertj.core.data.Offset.offset(1e-9));

    // retention: every overall period row, and the regions summing to it
    JsonNode overall = m.at("/retention/overall");
    assertThat(overall).hasSize(5);
    for (JsonNode row : overall) {
      Map<String, Object> q =
          Map.of("start", row.get("start").asText(), "end", row.get("end").asText());
      Record c =
          cypher(
                  "MATCH (e:Expert) WHERE e.hiredAt <= date($start) AND (e.departedAt IS NULL OR e.departedAt > date($start))"
                      + " RETURN count(e) AS active, count(CASE WHEN e.departedAt IS NULL OR e.departedAt > date($end) THEN 1 END) AS retained",
                  q)
              .get(0);
      assertThat(row.get("activeAtStart").asLong())
          .as(row.toString())
          .isEqualTo(c.get("active").asLong())
          .isPositive();
      assertThat(row.get("retained").asLong())
          .as(row.toString())
          .isEqualTo(c.get("retained").asLong());
      long regions = 0;
      for (JsonNode g : m.at("/retention/byRegion")) {
        if (g.get("period").asText().equals(row.get("period").asText()))
          regions += g.get("activeAtStart").asLong();
      }
      assertThat(regions).isEqualTo(row.get("activeAtStart").asLong());
    }

    // skill coverage: one team per demo team, each gap really below the best active level
    assertThat(m.at("/skillCoverage/teams").size())
        .isEqualTo((int) count("MATCH (t:Team) RETURN count(t)", Map.of()));
    assertThat(m.at("/skillCoverage/gapsBySkill").size()).isPositive();
    for (JsonNode tc : m.at("/skillCoverage/teams")) {
      for (JsonNode g : tc.get("gaps")) {
        long best =
            count(
                "MATCH (t:Team {id: $t})<-[:MEMBER_OF]-(e:Expert {status: 'active'}) OPTIONAL MATCH (e)-[h:HAS_SKILL]->(:Skill {id: $s})"
                    + " RETURN coalesce(max(h.level), 0)",
                Map.of("t", tc.get("teamId").asText(), "s", g.get("skillId").asText()));
        assertThat(g.get("bestLevel").asLong())
            .isEqualTo(best)
            .isLessThan(g.get("requiredLevel").asLong());
      }
    }
  }

  @Test
  void teamAndRegionFiltersMatchCypherToo() throws Exception {
    Path out = dir.resolve("team");
    Run r = cli(report(out, "--team", team, "--from", "2024-01-01", "--to", "2025-12-31"));
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode m = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
    Map<String, Object> p = Map.of("team", team, "from", "2024-01-01", "to", "2025-12-31");
    Record t =
        cypher(
                "MATCH (:Team {id: $team})<-[:MEMBER_OF]-(:Expert)-[r:ENROLLED {status: 'completed'}]->(:Course)"
                    + " WHERE date($from) <= r.completedAt <= date($to) AND r.levelBefore IS NOT NULL AND r.levelAfter IS NOT NULL"
                    + " RETURN count(r) AS n, sum(r.levelAfter - r.levelBefore) AS gain",
                p)
            .get(0);
    assertThat(m.at("/trainingEffect/enrolments").asLong()).isEqualTo(t.get("n").asLong());
    assertThat(m.at("/trainingEffect/totalGain").asLong()).isEqualTo(t.get("gain").asLong());
    JsonNode y2025 = m.at("/retention/overall/1");
    assertThat(y2025.get("period").asText()).isEqualTo("2025");
    assertThat(y2025.get("activeAtStart").asLong())
        .isEqualTo(
            count(
                "MATCH (:Team {id: $team})<-[:MEMBER_OF]-(e:Expert)"
                    + " WHERE e.hiredAt <= date('2025-01-01') AND (e.departedAt IS NULL OR e.departedAt > date('2025-01-01')) RETURN count(e)",
                p));
    assertThat(m.at("/skillCoverage/teams")).hasSize(1);
    assertThat(m.at("/hiringSuccess/closedOpenings").asLong())
        .isEqualTo(
            count(
                "MATCH (o:JobOpening)-[:HIRES_FOR]->(:Team {id: $team})"
                    + " WHERE o.status = 'closed' AND date($from) <= o.closedAt <= date($to) RETURN count(o)",
                p));

    String region =
        cypher("MATCH (e:Expert) RETURN e.region AS r ORDER BY r LIMIT 1", Map.of())
            .get(0)
            .get("r")
            .asString();
    Path byRegion = dir.resolve("region");
    Run rr = cli(report(byRegion, "--region", region, "--min-group-size", "5"));
    assertThat(rr.exit()).as(rr.err()).isZero();
    JsonNode mr = new ObjectMapper().readTree(byRegion.resolve("metrics.json").toFile());
    assertThat(mr.at("/filter/minGroupSize").asInt()).isEqualTo(5);
    assertThat(mr.at("/trainingEffect/enrolments").asLong())
        .isEqualTo(
            count(
                "MATCH (e:Expert {region: $r})-[x:ENROLLED {status: 'completed'}]->(:Course)"
                    + " WHERE date('2022-01-01') <= x.completedAt <= date($to) AND x.levelBefore IS NOT NULL AND x.levelAfter IS NOT NULL RETURN count(x)",
                Map.of("r", region, "to", AS_OF)));
    for (JsonNode row : mr.at("/retention/byTeam")) {
      assertThat(row.get("suppressed").asBoolean() || row.get("activeAtStart").asLong() >= 5)
          .as(row.toString())
          .isTrue();
    }
  }

  @Test
  void badArgumentsExitTwoAndWriteNothing() {
    Path out = dir.resolve("bad");
    Run backwards = cli(report(out, "--from", "2025-02-01", "--to", "2025-01-01"));
    assertThat(backwards.exit()).isEqualTo(2);
    assertThat(backwards.err())
        .contains("--from: from (2025-02-01) must not be after to (2025-01-01)");
    Run notADate = cli(report(out, "--to", "31/12/2025"));
    assertThat(notADate.exit()).isEqualTo(2);
    assertThat(notADate.err()).contains("--to: to must be an ISO date");
    Run unknown = cli(report(out, "--team", "t-none"));
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("--team: no team with id 't-none'");
    Run group = cli(report(out, "--min-group-size", "0"));
    assertThat(group.exit()).isEqualTo(2);
    assertThat(group.err()).contains("--min-group-size");
    assertThat(out).doesNotExist();
  }
}
