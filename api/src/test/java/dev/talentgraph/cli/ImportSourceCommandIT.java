package dev.talentgraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code talentgraph import <source> <path>} on a store of its own: reports, JSON, exit codes,
 * rejects beside the store.
 */
class ImportSourceCommandIT {
  static final Path FIXTURES = Path.of("../importers/src/test/resources/fixtures");

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
  void importsAnEdgeListThenAgainWithoutChangesAsJson() throws Exception {
    String store = dir.resolve("store").toString();
    Path edges = Files.writeString(dir.resolve("g.txt"), "# test\n1\t2\n2\t1\n2\t3\n");
    Run first = run("import", "snap", edges.toString(), "--data-dir", store, "--json");
    assertThat(first.exit()).as(first.err()).isZero();
    var json = new ObjectMapper().readTree(first.out().strip());
    assertThat(json.get("source").asText()).isEqualTo("snap");
    assertThat(json.get("rowsRead").asLong()).isEqualTo(3);
    assertThat(json.get("nodesCreated").asLong()).isEqualTo(3);
    assertThat(json.get("relationshipsCreated").asLong()).isEqualTo(2);
    Run second = run("import", "snap", edges.toString(), "--data-dir", store);
    assertThat(second.exit()).as(second.err()).isZero();
    assertThat(second.out())
        .contains("3 read, 2 written, 1 skipped, 0 rejected")
        .contains("0 nodes created, 0 relationships created");
  }

  @Test
  void csvWithMappingRejectsBadRowsBesideTheStoreAndExitsWithFour() throws Exception {
    String store = dir.resolve("store").toString();
    Path csv =
        Files.writeString(
            dir.resolve("employees.csv"),
            "id,name,email,team,level,hired,active,rating,mentor\n"
                + "e1,Ada Lovelace,ada@example.org,Research,5,2020-01-15,yes,4.5,\n"
                + "e2,Alan Turing,alan@example.org,Research,four,2019-03-01,no,4.0,e1\n");
    Run r =
        run(
            "import",
            "csv",
            csv.toString(),
            "--mapping",
            FIXTURES.resolve("hr/employees.yaml").toString(),
            "--data-dir",
            store);
    assertThat(r.exit()).as(r.err()).isEqualTo(ImportSourceCommand.EXIT_REJECTED_ROWS);
    assertThat(r.out())
        .contains("2 read, 1 written, 0 skipped, 1 rejected")
        .contains("employees.csv:3 [level]: 'four' is not a whole number")
        .contains("rejects: " + Path.of(store).resolve("rejects").resolve("csv.rejects.tsv"));
    assertThat(Files.readString(Path.of(store, "rejects", "csv.rejects.tsv")))
        .contains("BAD_NUMBER");
  }

  @Test
  void strictStopsWithTwoAndNamesFileLineAndField() throws Exception {
    Path csv =
        Files.writeString(
            dir.resolve("employees.csv"),
            "id,name,email,team,level,hired,active,rating,mentor\n"
                + "e1,Ada Lovelace,ada@example.org,Research,5,2020-13-15,yes,4.5,\n");
    Run r =
        run(
            "import",
            "csv",
            csv.toString(),
            "--mapping",
            FIXTURES.resolve("hr/employees.yaml").toString(),
            "--data-dir",
            dir.resolve("store").toString(),
            "--strict");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .contains("employees.csv:2 [hired]: '2020-13-15' is not a date (yyyy-MM-dd)");
  }

  @Test
  void missingFileAndMissingMappingAreUsageErrors() {
    Run missing =
        run(
            "import",
            "resumes",
            dir.resolve("none.csv").toString(),
            "--data-dir",
            dir.resolve("store").toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("none.csv: no such file or folder");
    Run noMapping = run("import", "csv", "x.csv", "--data-dir", dir.resolve("store").toString());
    assertThat(noMapping.exit()).isEqualTo(2);
    assertThat(noMapping.err()).contains("--mapping");
  }

  @Test
  void importsAStackExchangeDumpReportsSkillReachAndStopsOnATruncatedFile() throws Exception {
    String store = dir.resolve("store").toString();
    Path site = FIXTURES.resolve("stackexchange/demo");
    Run r = run("import", "stackexchange", site.toString(), "--data-dir", store);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("15 read")
        .contains("site demo: 3 questions, 5 answers (1 accepted)")
        .contains("tags reaching a taxonomy skill: 0 of 5 (0.0%); with emerging skills: 1 (20.0%)")
        .contains(
            "questions reaching a taxonomy skill: 0 of 3 (0.0%); with emerging skills: 3 (100.0%)");
    Run again = run("import", "stackexchange", site.toString(), "--data-dir", store);
    assertThat(again.out()).contains("0 nodes created, 0 relationships created");
    Path cut = Files.createDirectories(dir.resolve("cut/demo"));
    try (var files = Files.list(site)) {
      for (Path f : files.toList()) Files.copy(f, cut.resolve(f.getFileName()));
    }
    String posts = Files.readString(cut.resolve("Posts.xml"));
    Files.writeString(
        cut.resolve("Posts.xml"), posts.substring(0, posts.indexOf("<row Id=\"21\"") + 40));
    Run truncated =
        run(
            "import",
            "stackexchange",
            cut.toString(),
            "--data-dir",
            dir.resolve("other").toString());
    assertThat(truncated.exit()).isEqualTo(2);
    assertThat(truncated.err()).contains("Posts.xml:7").contains("not well-formed XML");
  }

  @Test
  void importAllRunsWhatIsThereAndSkipsTheRest() throws Exception {
    Path datasets = dir.resolve("datasets");
    Files.createDirectories(datasets.resolve("snap"));
    Files.writeString(datasets.resolve("snap/ca-GrQc.txt"), "1\t2\n2\t1\n");
    Run r =
        run("import", "all", datasets.toString(), "--data-dir", dir.resolve("store").toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("snap from")
        .contains("2 read, 1 written")
        .contains("skipped: ")
        .contains("total:");
  }

  @Test
  void helpListsTheSources() {
    Run help = run("import", "--help");
    assertThat(help.out())
        .contains(
            "esco",
            "onet",
            "aan",
            "snap",
            "mooccube",
            "resumes",
            "jobs",
            "stackexchange",
            "csv",
            "json",
            "all",
            "demo");
    Run csv = run("import", "csv", "--help");
    assertThat(csv.out())
        .contains(
            "--mapping",
            "--strict",
            "--dry-run",
            "--rejects",
            "--batch-size",
            "--json",
            "--data-dir",
            "--uri");
  }
}
