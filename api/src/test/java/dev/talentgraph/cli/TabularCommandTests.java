package dev.talentgraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code talentgraph train tabular} on a 300-row fixture: report, JSON, files, determinism and exit
 * codes.
 */
class TabularCommandTests {
  @TempDir Path tmp;

  record Run(int exit, String out, String err) {}

  private Run run(String... args) {
    PrintStream out = System.out, err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
    System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
    try {
      var cli = TalentGraphCli.commandLine();
      cli.setErr(new java.io.PrintWriter(System.err, true));
      int code = cli.execute(args);
      return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  private String fixture() throws Exception {
    return Path.of(getClass().getResource("/tabular/attrition-small.csv").toURI()).toString();
  }

  @Test
  void printsTheReportWithBaselinesAndWritesThePlots() throws Exception {
    Run r =
        run(
            "train",
            "tabular",
            "--csv",
            fixture(),
            "--label",
            "Left",
            "--positive",
            "Yes",
            "--drop",
            "EmployeeId",
            "--folds",
            "5",
            "--seed",
            "1",
            "--out",
            tmp.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains(
            "majority class",
            "best single feature",
            "Calibration",
            "Gender: demographic parity difference")
        .contains("protected, excluded from features: Age, Gender");
    try (var files = Files.list(tmp)) {
      assertThat(files.map(p -> p.getFileName().toString()).toList())
          .contains(
              "attrition-small-Left-seed1-roc.svg",
              "attrition-small-Left-seed1-calibration.svg",
              "attrition-small-Left-seed1.json");
    }
    Run again =
        run(
            "eval",
            "tabular",
            "--csv",
            fixture(),
            "--label",
            "Left",
            "--positive",
            "Yes",
            "--drop",
            "EmployeeId",
            "--folds",
            "5",
            "--seed",
            "1",
            "--out",
            tmp.toString());
    assertThat(again.out()).isEqualTo(r.out());
  }

  @Test
  void jsonHasTheModelsMeanAuc() throws Exception {
    Run r =
        run(
            "train",
            "tabular",
            "--csv",
            fixture(),
            "--label",
            "Left",
            "--json",
            "--out",
            tmp.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    Object auc = com.jayway.jsonpath.JsonPath.read(r.out(), "$.auc.mean");
    assertThat(((Number) auc).doubleValue()).isGreaterThan(0.7);
  }

  @Test
  void badInputExitsWithTwoAndAClearMessage() throws Exception {
    Run noColumn =
        run(
            "train",
            "tabular",
            "--csv",
            fixture(),
            "--label",
            "Attrition",
            "--out",
            tmp.toString());
    assertThat(noColumn.exit()).isEqualTo(2);
    assertThat(noColumn.err()).contains("no column 'Attrition'");
    Run folds =
        run(
            "train",
            "tabular",
            "--csv",
            fixture(),
            "--label",
            "Left",
            "--folds",
            "200",
            "--out",
            tmp.toString());
    assertThat(folds.exit()).isEqualTo(2);
    assertThat(folds.err()).contains("too few rows for 200 folds");
    Run epochs =
        run(
            "train",
            "tabular",
            "--csv",
            fixture(),
            "--label",
            "Left",
            "--epochs",
            "0",
            "--out",
            tmp.toString());
    assertThat(epochs.exit()).isEqualTo(2);
    assertThat(epochs.err()).contains("epochs must be in 1..10000");
    Run file =
        run("train", "tabular", "--csv", tmp.resolve("nope.csv").toString(), "--label", "Left");
    assertThat(file.exit()).isEqualTo(2);
    assertThat(file.err()).contains("no such file");
  }
}
