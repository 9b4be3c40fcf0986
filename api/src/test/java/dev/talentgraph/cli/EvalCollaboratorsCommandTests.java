package dev.talentgraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code eval collaborators} on small edge files: the JSON contract, determinism and bad input exit
 * codes.
 */
class EvalCollaboratorsCommandTests {

  @TempDir Path dir;

  record Run(int exit, String out, String err) {}

  Run run(String... args) {
    CommandLine cli = TalentGraphCli.commandLine();
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    PrintStream old = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      int code = cli.execute(args);
      return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString());
    } finally {
      System.setOut(old);
    }
  }

  /** Communities of 30 with dense insides: structure predicts held-out edges well. */
  Path communityGraph() throws Exception {
    SplittableRandom r = new SplittableRandom(4);
    StringBuilder sb = new StringBuilder("# FromNodeId\tToNodeId\n");
    for (int i = 0; i < 3000; i++) {
      int c = r.nextInt(20);
      int a = c * 30 + r.nextInt(30);
      int b = r.nextDouble() < 0.9 ? c * 30 + r.nextInt(30) : r.nextInt(600);
      sb.append(a).append('\t').append(b).append('\n');
    }
    Path f = dir.resolve("g.txt");
    Files.writeString(f, sb.toString());
    return f;
  }

  @Test
  void printsEveryMethodAsJsonAndTheSameSeedGivesTheSameFigures() throws Exception {
    Path f = communityGraph();
    String[] args = {
      "eval",
      "collaborators",
      "--edges",
      f.toString(),
      "--test-fraction",
      "0.1",
      "--seed",
      "3",
      "--negatives",
      "5000",
      "--samples",
      "2",
      "--json",
      "-q"
    };
    Run a = run(args);
    assertThat(a.exit()).as(a.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(a.out());
    for (String m :
        new String[] {
          "common_neighbours",
          "adamic_adar",
          "resource_allocation",
          "embedding_similarity",
          "learned_ranker"
        }) {
      for (String k : new String[] {"hits@20", "hits@50", "hits@100", "mrr", "auc"}) {
        assertThat(json.at("/methods/" + m + "/" + k + "/mean").isNumber())
            .as(m + " " + k)
            .isTrue();
        assertThat(json.at("/methods/" + m + "/" + k + "/values").size()).isEqualTo(2);
      }
    }
    assertThat(json.at("/methods/adamic_adar/auc/mean").asDouble()).isGreaterThan(0.7);
    Run b = run(args);
    assertThat(new ObjectMapper().readTree(b.out()).get("methods")).isEqualTo(json.get("methods"));
  }

  @Test
  void badInputExitsTwoWithAClearMessage() throws Exception {
    Path empty = dir.resolve("empty.txt");
    Files.writeString(empty, "# nothing here\n");
    Run r = run("eval", "collaborators", "--edges", empty.toString(), "-q");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("holds no edges");
    Path bad = dir.resolve("bad.txt");
    Files.writeString(bad, "1\t2\n1 2 3\n");
    r = run("eval", "collaborators", "--edges", bad.toString(), "-q");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("bad.txt:2");
    r = run("eval", "collaborators", "--aan", dir.toString(), "-q");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--train-until");
    r =
        run(
            "eval",
            "collaborators",
            "--aan",
            dir.toString(),
            "--train-until",
            "2009",
            "--test-until",
            "2011",
            "-q");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("lacks papers.tsv");
  }
}
