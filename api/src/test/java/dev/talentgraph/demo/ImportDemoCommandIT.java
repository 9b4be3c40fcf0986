package dev.talentgraph.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talentgraph.cli.TalentGraphCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code talentgraph import demo} on a store of its own: output, exit codes, idempotent re-run. */
class ImportDemoCommandIT {
  @TempDir Path dir;

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = TalentGraphCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void loadsOnceAsJsonThenReportsTheDemoIsThere() throws Exception {
    String store = dir.resolve("store").toString();
    Run first = run("import", "demo", "--data-dir", store, "--experts", "100", "--json");
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out().strip())
        .startsWith("{\"skipped\":false,")
        .contains("\"experts\":100")
        .contains("\"HAS_SKILL\":")
        .endsWith("}");
    assertThat(first.err()).contains("demo: 100%");
    // a machine can read it: parsed by a real JSON parser, the counts add up
    var json =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(first.out().lines().filter(l -> l.startsWith("{")).findFirst().orElseThrow());
    // 100 employees plus the hired external candidates, who are Experts too (ADR 0006)
    var expected =
        dev.talentgraph.importers.demo.DemoGenerator.generate(
                dev.talentgraph.importers.demo.DemoSettings.defaults().withExperts(100))
            .expectedCounts();
    assertThat(json.get("counts").get("Expert").asInt())
        .isEqualTo(expected.get("Expert"))
        .isGreaterThan(100);
    assertThat(json.get("counts").get("StageChange").asInt())
        .isEqualTo(expected.get("StageChange"))
        .isPositive();
    assertThat(json.get("nodesCreated").asLong()).isPositive();
    long rows = 0;
    for (var it = json.get("rowsByStep").elements(); it.hasNext(); ) {
      rows += it.next().asLong();
    }
    assertThat(rows).isEqualTo(json.get("rows").asLong());

    Run second = run("import", "demo", "--data-dir", store, "--experts", "100");
    assertThat(second.exit()).as(second.err()).isZero();
    assertThat(second.out()).contains("demo not written: the store already holds the demo graph");
  }

  @Test
  void badUsageExitsWithTwoAndNamesTheProblem() {
    Run small = run("import", "demo", "--data-dir", dir.resolve("s").toString(), "--experts", "5");
    assertThat(small.exit()).isEqualTo(2);
    assertThat(small.err()).contains("experts must be between 100 and 200000, was 5");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        System.getenv("TALENT_ENCRYPTION_KEYSET") == null,
        "TALENT_ENCRYPTION_KEYSET is set, so --uri without --keyset-file is legitimate here");
    Run remoteWithoutKey = run("import", "demo", "--uri", "bolt://localhost:1");
    assertThat(remoteWithoutKey.exit()).isEqualTo(2);
    assertThat(remoteWithoutKey.err()).contains("--keyset-file");
  }

  @Test
  void helpDescribesTheCommand() {
    Run help = run("import", "demo", "--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out())
        .contains("--seed")
        .contains("--experts")
        .contains("--force")
        .contains("--json")
        .contains("Exit codes");
  }
}
