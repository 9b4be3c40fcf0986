package dev.talentgraph.importers.stackexchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.talentgraph.importers.ImportAll;
import dev.talentgraph.importers.ImportReport;
import dev.talentgraph.importers.ImportRunner;
import dev.talentgraph.importers.TestGraph;
import dev.talentgraph.importers.catalog.Importers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The three Stack Exchange dumps of TALENT_DATASETS ({@code stackexchange/ai}, {@code
 * quantumcomputing}, {@code iot}) over the taxonomies and the AAN emerging skills, imported once
 * for the class; the counts follow from stackexchange/SOURCE.txt. Prints rows, seconds and the
 * shares of tags and questions that reach a skill (the figures of the importers README).
 */
class StackExchangeDatasetIT {
  static final Map<String, int[]> SITES = new LinkedHashMap<>();

  static {
    // questions, answers, accepted answers, users in Users.xml (SOURCE.txt)
    SITES.put("ai", new int[] {604, 1004, 285, 4931});
    SITES.put("quantumcomputing", new int[] {612, 1060, 389, 3461});
    SITES.put("iot", new int[] {320, 508, 185, 1944});
  }

  static final Map<String, ImportReport> reports = new LinkedHashMap<>();

  static Path site(String name) {
    return TestGraph.datasets().resolve("stackexchange").resolve(name);
  }

  @BeforeAll
  static void importOnce() throws Exception {
    assumeTrue(
        Files.isDirectory(site("ai")) && TestGraph.hasDatasets(),
        "TALENT_DATASETS ("
            + TestGraph.datasets()
            + ") has no esco/ and stackexchange/ai/: Stack Exchange data set tests skipped");
    TestGraph.reset();
    // The taxonomies (names, synonyms, SAME_AS) and the emerging skills learned from AAN titles.
    ImportAll.run(
        Importers.importAllSteps().subList(0, 3), TestGraph.datasets(), TestGraph.context());
    for (String s : SITES.keySet()) {
      ImportReport r = ImportRunner.run(new StackExchangeImporter(), site(s), TestGraph.context());
      System.out.println(r.toText());
      reports.put(s, r);
    }
    for (var e : reports.entrySet()) {
      System.out.printf(
          "MEASURED %s: %,d rows in %.1f s; %s; %s; %s%n",
          e.getKey(),
          e.getValue().rowsRead(),
          e.getValue().seconds(),
          e.getValue().notes().stream()
              .filter(n -> n.startsWith("tags reaching"))
              .findFirst()
              .orElse("?"),
          e.getValue().notes().stream()
              .filter(n -> n.startsWith("questions reaching"))
              .findFirst()
              .orElse("?"),
          e.getValue().notes().stream()
              .filter(n -> n.startsWith("tags by route"))
              .findFirst()
              .orElse("?"));
    }
  }

  @Test
  void everySiteLoadsAsInSource() {
    for (var e : SITES.entrySet()) {
      String c = "se:" + e.getKey();
      int[] n = e.getValue();
      ImportReport r = reports.get(e.getKey());
      assertThat(r.rowsRejected()).as(e.getKey()).isZero();
      assertThat(
              TestGraph.count(
                  "MATCH (q:Question)-[:IN_COMMUNITY]->(:Community {id: '"
                      + c
                      + "'}) RETURN count(q)"))
          .as(c)
          .isEqualTo(n[0]);
      assertThat(
              TestGraph.count(
                  "MATCH (a:Answer {site: '"
                      + e.getKey()
                      + "'})-[:ANSWER_TO]->(:Question) RETURN count(a)"))
          .as(c)
          .isEqualTo(n[1]);
      assertThat(
              TestGraph.count(
                  "MATCH (q:Question {site: '"
                      + e.getKey()
                      + "'})-[:ACCEPTED_ANSWER]->(a:Answer {accepted: true}) RETURN count(a)"))
          .as(c)
          .isEqualTo(n[2]);
      // Users.xml rows = people written + users who never asked nor answered.
      long people =
          TestGraph.count(
              "MATCH (e:Expert)-[:IN_COMMUNITY]->(:Community {id: '" + c + "'}) RETURN count(e)");
      assertThat(people).as(c).isPositive();
      assertThat(r.skipped().get("user without a question or answer") + people)
          .as(c)
          .isGreaterThanOrEqualTo(n[3]);
    }
  }

  /**
   * The taxonomies know few of these sites' subjects (ESCO has no "machine learning", "neural
   * networks", "MQTT" or "qubit" skill), so most tags reach a skill as an emerging one; nearly
   * every question has a tag that does. Floors a little under the measured shares (README).
   */
  @Test
  void tagsAndQuestionsReachSkillsAndAnswersAreEvidence() {
    Map<String, double[]> floors =
        Map.of(
            "ai",
            new double[] {0.10, 0.75, 0.95},
            "quantumcomputing",
            new double[] {0.05, 0.60, 0.95},
            "iot",
            new double[] {0.07, 0.35, 0.93});
    for (String s : SITES.keySet()) {
      double[] floor = floors.get(s);
      long tags = TestGraph.count("MATCH (t:Tag {site: '" + s + "'}) RETURN count(t)");
      long taxonomy =
          TestGraph.count(
              "MATCH (t:Tag {site: '"
                  + s
                  + "'}) WHERE EXISTS { (t)-[:DENOTES]->(:Skill {source: 'esco'}) }"
                  + " OR EXISTS { (t)-[:DENOTES]->(:Skill {source: 'onet'}) } RETURN count(t)");
      assertThat((double) taxonomy / tags).as(s).isGreaterThan(floor[0]);
      long reaching =
          TestGraph.count(
              "MATCH (t:Tag {site: '"
                  + s
                  + "'}) WHERE EXISTS { (t)-[:DENOTES]->(:Skill) } RETURN count(t)");
      assertThat((double) reaching / tags).as(s).isGreaterThan(floor[1]);
      long questions = TestGraph.count("MATCH (q:Question {site: '" + s + "'}) RETURN count(q)");
      long qReaching =
          TestGraph.count(
              "MATCH (q:Question {site: '"
                  + s
                  + "'}) WHERE EXISTS { (q)-[:TAGGED]->(:Tag)-[:DENOTES]->(:Skill) }"
                  + " RETURN count(q)");
      assertThat((double) qReaching / questions).as(s).isGreaterThan(floor[2]);
      assertThat(
              TestGraph.count(
                  "MATCH (:Expert)-[h:HAS_SKILL {site: '" + s + "'}]->(:Skill) RETURN count(h)"))
          .as(s)
          .isPositive();
    }
  }

  @Test
  void aSecondRunOfASiteChangesNoCount() throws Exception {
    Map<String, Long> before = TestGraph.counts();
    ImportReport again =
        ImportRunner.run(new StackExchangeImporter(), site("iot"), TestGraph.context());
    assertThat(TestGraph.counts()).isEqualTo(before);
    assertThat(again.nodesCreated()).isZero();
    assertThat(again.relationshipsCreated()).isZero();
  }
}
