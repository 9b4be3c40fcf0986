package dev.talentgraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code talentgraph train hire} on a store of its own holding applications in the ADR 0006 shape:
 * it trains on the closed ones, registers hire:1 with AUC, calibration and fairness in the output,
 * and scores the open applications; on a store without closed applications it is a usage error.
 */
class TrainHireCommandIT {
  @TempDir Path dir;

  /**
   * Exit code, standard output and errors (the train commands print to System.out/err, errors go to
   * the command line's).
   */
  static String[] run(String... args) {
    StringWriter err = new StringWriter();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.io.PrintStream saved = System.out;
    CommandLine cli = TalentGraphCli.commandLine();
    cli.setErr(new PrintWriter(err, true));
    int exit;
    try {
      System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
      exit = cli.execute(args);
    } finally {
      System.setOut(saved);
    }
    return new String[] {
      String.valueOf(exit), out.toString(java.nio.charset.StandardCharsets.UTF_8), err.toString()
    };
  }

  @Test
  void trainsRegistersReportsAndScoresOpenApplications() throws Exception {
    GraphOptions options = new GraphOptions();
    options.dataDir = dir.resolve("store");
    options.database = "neo4j";
    try (GraphConnection g = options.open();
        var s = g.driver().session()) {
      // 80 closed applications (hired when the applicant's Java level is 4-5 or, by chance, every
      // seventh), 5 open ones
      s.run(
              """
          CREATE (java:Skill {id: 'th-java', name: 'Java'}), (j:JobOpening {id: 'th-j', title: 'Engineer', status: 'open'})
          CREATE (j)-[:REQUIRES {level: 4, required: true}]->(java)
          WITH j, java
          UNWIND range(1, 85) AS i
          CREATE (c:Candidate {id: 'th-c' + i, name: 'Candidate ' + i})-[:HAS_SKILL {level: 1 + i % 5, source: 'resumes'}]->(java)
          CREATE (c)-[:APPLIED]->(a:Application {id: 'th-a' + i, appliedAt: date('2026-01-01'),
            stage: CASE WHEN i > 80 THEN 'screened' WHEN i % 5 >= 3 OR i % 7 = 0 THEN 'hired' ELSE 'rejected' END})-[:TO]->(j)
          CREATE (a)-[:MOVED]->(:StageChange {id: 'th-a' + i + '/1', seq: 1, to: 'applied', actor: 'test'})
          CREATE (a)-[:MOVED]->(:StageChange {id: 'th-a' + i + '/2', seq: 2, from: 'applied', to: 'screened', actor: 'test'})
          """)
          .consume();
    }
    String store = dir.resolve("store").toString();
    String[] r =
        run(
            "train",
            "hire",
            "--data-dir",
            store,
            "--folds",
            "3",
            "--as-of",
            "2026-11-01",
            "--json");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    JsonNode json = new ObjectMapper().readTree(r[1]);
    assertThat(json.get("model").asText()).isEqualTo("hire:1");
    assertThat(json.get("rows").asInt()).isEqualTo(80);
    assertThat(json.at("/metrics/auc.mean").asDouble()).isGreaterThan(0.5);
    assertThat(json.get("calibration")).isNotEmpty();
    assertThat(json.get("fairness").isArray()).isTrue();
    assertThat(json.at("/scoring/scored").asInt()).isEqualTo(5);
    String[] text = run("train", "hire", "--data-dir", store, "--folds", "3", "--no-score");
    assertThat(text[0]).as(text[2]).isEqualTo("0");
    assertThat(text[1])
        .contains("model hire:2 (hire likelihood), active")
        .contains("auc.mean")
        .contains("calibration (out-of-fold)");
    try (GraphConnection g = options.open();
        var s = g.driver().session()) {
      assertThat(
              s.run(
                      "MATCH (a:Application {stage: 'screened'})-[:HAS_SCORE]->(:Score {model: 'hire'})-[:BY_MODEL]->(:Model {id: 'hire:1'}) "
                          + "RETURN count(a) AS n")
                  .single()
                  .get("n")
                  .asInt())
          .isEqualTo(5);
      s.run("MATCH (n) WHERE n:Application OR n:StageChange DETACH DELETE n").consume();
    }
    String[] none = run("train", "hire", "--data-dir", store);
    assertThat(none[0]).isEqualTo(String.valueOf(TalentGraphCli.EXIT_USAGE));
    assertThat(none[2]).contains("no labelled rows for hire");
  }
}
