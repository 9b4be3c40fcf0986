package dev.talentgraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eval trainings} on a small generated MOOCCube-format directory: exit codes and output. */
class EvalTrainingsCommandTests {

  static int run(ByteArrayOutputStream out, String... args) {
    PrintStream old = System.out;
    PrintStream oldErr = System.err;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      return TalentGraphCli.execute(args);
    } finally {
      System.setOut(old);
      System.setErr(oldErr);
    }
  }

  @Test
  void printsEveryMethodAndTheSameFiguresForTheSameSeed(@TempDir Path dir) throws IOException {
    StringBuilder ratings = new StringBuilder();
    SplittableRandom r = new SplittableRandom(3);
    for (int u = 0; u < 120; u++) {
      int base = (u % 3) * 4;
      for (int k = 0; k < 3; k++) {
        ratings.append(u).append('\t').append(base + r.nextInt(4)).append("\t1\n");
      }
      ratings.append(u).append('\t').append(r.nextInt(12)).append("\t0\n");
    }
    Files.writeString(dir.resolve("ratings_final.txt"), ratings);
    StringBuilder kg = new StringBuilder();
    for (int c = 0; c < 12; c++) {
      kg.append(c).append("\t5\t").append(100 + c / 4).append('\n');
      kg.append(c).append("\t5\t").append(200 + c % 2).append('\n');
    }
    Files.writeString(dir.resolve("kg_final.txt"), kg);

    ByteArrayOutputStream first = new ByteArrayOutputStream();
    assertThat(
            run(first, "eval", "trainings", "--mooccube", dir.toString(), "--seed", "1", "--json"))
        .isZero();
    String json = first.toString(StandardCharsets.UTF_8);
    assertThat(json)
        .contains(
            "\"popularity\"",
            "\"item-kNN\"",
            "\"EASE\"",
            "\"FM\"",
            "\"FM + concepts\"",
            "\"HR@10\"",
            "\"NDCG@10\"",
            "\"MRR\"",
            "\"seeds\" : [ 1, 2, 3, 4, 5 ]");
    ByteArrayOutputStream table = new ByteArrayOutputStream();
    assertThat(run(table, "eval", "trainings", "--mooccube", dir.toString(), "--seed", "1"))
        .isZero();
    String text = table.toString(StandardCharsets.UTF_8);
    assertThat(text).contains("FM / item-kNN: HR@10", "re-run: bin/talentgraph eval trainings");
    // same seed, same figures: the table's HR@10 of the FM equals the JSON's
    String fmMean = json.substring(json.indexOf("\"method\" : \"FM\""));
    fmMean = fmMean.substring(fmMean.indexOf("\"HR@10\" : ") + "\"HR@10\" : ".length());
    double hr10 = Double.parseDouble(fmMean.substring(0, fmMean.indexOf(',')).trim());
    assertThat(text)
        .containsPattern(
            "(?m)^FM +  [0-9.]+ ± [0-9.]+  "
                + String.format(java.util.Locale.ROOT, "%.4f", hr10).replace(".", "\\."));
  }

  @Test
  void missingDataIsBadUsage(@TempDir Path dir) {
    assertThat(
            run(
                new ByteArrayOutputStream(),
                "eval",
                "trainings",
                "--mooccube",
                dir.resolve("nope").toString()))
        .isEqualTo(TalentGraphCli.EXIT_USAGE);
  }

  @Test
  void malformedFileIsBadUsage(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("ratings_final.txt"), "0\t1\t1\n0\tx\t1\n");
    assertThat(run(new ByteArrayOutputStream(), "eval", "trainings", "--mooccube", dir.toString()))
        .isEqualTo(TalentGraphCli.EXIT_USAGE);
  }
}
