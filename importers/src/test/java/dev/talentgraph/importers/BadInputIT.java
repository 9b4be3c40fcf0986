package dev.talentgraph.importers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.talentgraph.importers.aan.AanImporter;
import dev.talentgraph.importers.esco.EscoImporter;
import dev.talentgraph.importers.mapping.MappedImporter;
import dev.talentgraph.importers.mooccube.MoocCubeImporter;
import dev.talentgraph.importers.onet.OnetImporter;
import dev.talentgraph.importers.snap.SnapImporter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input, case by case: each message names file, line and column or field, and the graph is
 * unchanged afterwards (node, relationship and property counts before and after). Cases run with
 * {@code --strict} (stop at the first error, nothing written); the last ones show the default mode
 * (bad rows to the rejects file, good rows written), {@code --dry-run}, and a failed transaction.
 */
class BadInputIT {
  static final Path MAPPING = Path.of("src/test/resources/fixtures/hr/employees.yaml");
  static final String HEADER = "id,name,email,team,level,hired,active,rating,mentor\n";
  static final String GOOD =
      "e1,Ada Lovelace,ada@example.org,Research,5,2020-01-15,yes,4.5,\n"
          + "e2,Alan Turing,alan@example.org,Research,4,2019-03-01,no,4.0,e1\n";

  @TempDir Path dir;
  Map<String, Long> before;

  @BeforeEach
  void seed() throws Exception {
    TestGraph.reset();
    // Something already in the graph, so "unchanged" is not trivially "empty".
    TestGraph.query(
        "CREATE (:Expert {id: 'hr:employee/e0', name: 'Existing'})-[:MEMBER_OF]->(:Team {id: 'hr:team/x'})");
    before = TestGraph.counts();
  }

  /** Messages name a file by its folder and name. */
  String d() {
    return dir.getFileName() + "/";
  }

  Path write(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  static ImportOptions strict() {
    return ImportOptions.defaults().withStrict(true).withMapping(MAPPING);
  }

  /**
   * Runs a strict CSV import that must fail; returns the problem and checks the graph is unchanged.
   */
  Problem failsStrict(Importer importer, Path input, ImportOptions options) {
    Throwable t =
        org.assertj.core.api.Assertions.catchThrowable(
            () -> ImportRunner.run(importer, input, TestGraph.context(options)));
    assertThat(t).isInstanceOf(ImportFailedException.class);
    Problem p = ((ImportFailedException) t).problem();
    assertThat(p).isNotNull();
    System.out.println(p.kind() + " " + p);
    assertThat(TestGraph.counts()).as("graph unchanged").isEqualTo(before);
    return p;
  }

  Problem failsCsv(String content) throws IOException {
    return failsStrict(MappedImporter.csv(), write("employees.csv", content), strict());
  }

  @Nested
  class GenericCsv {
    @Test
    void wrongColumnCount() throws Exception {
      Problem p =
          failsCsv(HEADER + GOOD + "e3,Grace Hopper,grace@example.org,Platform,4,2019-07-30,yes\n");
      assertThat(p.kind()).isEqualTo(Problem.Kind.COLUMN_COUNT);
      assertThat(p.toString())
          .isEqualTo(d() + "employees.csv:4: expected 9 fields as in the header, found 7");
    }

    @Test
    void unparsableNumber() throws Exception {
      Problem p =
          failsCsv(
              HEADER
                  + GOOD
                  + "e3,Grace Hopper,grace@example.org,Platform,four,2019-07-30,yes,4.0,\n");
      assertThat(p.kind()).isEqualTo(Problem.Kind.BAD_NUMBER);
      assertThat(p.toString())
          .isEqualTo(d() + "employees.csv:4 [level]: 'four' is not a whole number");
    }

    @Test
    void unparsableDate() throws Exception {
      Problem p =
          failsCsv(
              HEADER + "e3,Grace Hopper,grace@example.org,Platform,4,2019-13-45,yes,4.0,\n" + GOOD);
      assertThat(p.kind()).isEqualTo(Problem.Kind.BAD_DATE);
      assertThat(p.toString())
          .isEqualTo(d() + "employees.csv:2 [hired]: '2019-13-45' is not a date (yyyy-MM-dd)");
    }

    @Test
    void badBoolean() throws Exception {
      Problem p =
          failsCsv(HEADER + "e3,Grace Hopper,grace@example.org,Platform,4,2019-07-30,maybe,4.0,\n");
      assertThat(p.kind()).isEqualTo(Problem.Kind.BAD_VALUE);
      assertThat(p.toString())
          .startsWith(d() + "employees.csv:2 [active]: 'maybe' is not one of [true, yes");
    }

    @Test
    void badEncoding() throws Exception {
      byte[] latin1 =
          (HEADER
                  + GOOD
                  + "e3,Jos\u00e9 Ram\u00edrez,jose@example.org,Platform,4,2019-07-30,yes,4.0,\n")
              .getBytes(StandardCharsets.ISO_8859_1);
      Path p0 = dir.resolve("employees.csv");
      Files.write(p0, latin1);
      Problem p = failsStrict(MappedImporter.csv(), p0, strict());
      assertThat(p.kind()).isEqualTo(Problem.Kind.BAD_ENCODING);
      assertThat(p.toString())
          .isEqualTo(
              d()
                  + "employees.csv:4 [byte 7]: invalid UTF-8 byte 0xE9 at byte 7 of the line"
                  + " (is the file Latin-1 or Windows-1252? save it as UTF-8)");
    }

    @Test
    void unknownReference() throws Exception {
      Problem p =
          failsCsv(
              HEADER
                  + GOOD
                  + "e3,Grace Hopper,grace@example.org,Platform,4,2019-07-30,yes,4.0,e99\n");
      assertThat(p.kind()).isEqualTo(Problem.Kind.UNKNOWN_REFERENCE);
      assertThat(p.toString())
          .isEqualTo(
              d()
                  + "employees.csv:4 [mentor]: unknown Expert 'hr:employee/e99': not in this file nor in the graph");
    }

    @Test
    void referenceToANodeAlreadyInTheGraphIsFine() throws Exception {
      ImportReport r =
          ImportRunner.run(
              MappedImporter.csv(),
              write(
                  "employees.csv",
                  HEADER + "e3,Grace Hopper,grace@example.org,Platform,4,2019-07-30,yes,4.0,e0\n"),
              TestGraph.context(strict()));
      assertThat(r.rowsWritten()).isEqualTo(1);
      assertThat(
              TestGraph.count(
                  "MATCH (:Expert {id: 'hr:employee/e0'})-[:MENTORS]->(:Expert {id: 'hr:employee/e3'}) RETURN count(*)"))
          .isEqualTo(1);
    }

    @Test
    void duplicateKey() throws Exception {
      Problem p =
          failsCsv(
              HEADER + GOOD + "e1,Ada Again,ada2@example.org,Research,5,2020-01-15,yes,4.5,\n");
      assertThat(p.kind()).isEqualTo(Problem.Kind.DUPLICATE_KEY);
      assertThat(p.toString())
          .isEqualTo(
              d() + "employees.csv:4 [id]: Expert key 'hr:employee/e1' already appeared on line 2");
    }

    @Test
    void emptyFile() throws Exception {
      Problem p = failsCsv("");
      assertThat(p.kind()).isEqualTo(Problem.Kind.EMPTY_FILE);
      assertThat(p.toString()).endsWith("employees.csv: file is empty");
    }

    @Test
    void headerOnly() throws Exception {
      Problem p = failsCsv(HEADER);
      assertThat(p.kind()).isEqualTo(Problem.Kind.EMPTY_FILE);
      assertThat(p.toString()).endsWith("employees.csv: no records");
    }

    @Test
    void missingFile() {
      Problem p = failsStrict(MappedImporter.csv(), dir.resolve("nope.csv"), strict());
      assertThat(p.kind()).isEqualTo(Problem.Kind.MISSING_FILE);
      assertThat(p.toString()).endsWith("nope.csv: no such file or folder");
    }

    @Test
    void headerDoesNotMatch() throws Exception {
      Problem p = failsCsv("id,name,mail,team,level,hired,active,rating,mentor\n" + GOOD);
      assertThat(p.kind()).isEqualTo(Problem.Kind.HEADER_MISMATCH);
      assertThat(p.toString())
          .isEqualTo(
              d()
                  + "employees.csv:1: header does not match: missing column [email];"
                  + " found [id, name, mail, team, level, hired, active, rating, mentor]");
    }

    @Test
    void fieldOfSeveralMegabytes() throws Exception {
      String huge = "x".repeat(3 * 1024 * 1024);
      Problem p =
          failsCsv(
              HEADER
                  + GOOD
                  + "e3,\""
                  + huge
                  + "\",grace@example.org,Platform,4,2019-07-30,yes,4.0,\n");
      assertThat(p.kind()).isEqualTo(Problem.Kind.FIELD_TOO_LARGE);
      assertThat(p.toString())
          .isEqualTo(d() + "employees.csv:4 [name]: field is larger than 1048576 characters");
    }

    @Test
    void spreadsheetFormula() throws Exception {
      Problem p =
          failsCsv(
              HEADER
                  + "e3,\"=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",g@example.org,Platform,4,2019-07-30,yes,4.0,\n");
      assertThat(p.kind()).isEqualTo(Problem.Kind.SPREADSHEET_FORMULA);
      assertThat(p.toString())
          .startsWith(
              d()
                  + "employees.csv:2 [name]: '=HYPERLINK(\"http://evil.example\",\"click\")' starts with '='"
                  + " and would run as a spreadsheet formula");
    }

    @Test
    void missingRequiredValue() throws Exception {
      Problem p = failsCsv(HEADER + "e3,,g@example.org,Platform,4,2019-07-30,yes,4.0,\n");
      assertThat(p.kind()).isEqualTo(Problem.Kind.MISSING_VALUE);
      assertThat(p.toString()).isEqualTo(d() + "employees.csv:2 [name]: 'name' is empty");
    }

    @Test
    void unterminatedQuote() throws Exception {
      Problem p =
          failsCsv(
              HEADER + GOOD + "e3,\"Grace Hopper,g@example.org,Platform,4,2019-07-30,yes,4.0,\n");
      assertThat(p.kind()).isEqualTo(Problem.Kind.BAD_SYNTAX);
      assertThat(p.toString())
          .isEqualTo(d() + "employees.csv:4: quoted field opened on line 4 is never closed");
    }

    @Test
    void quotesAndCypherInNamesAreJustValues() throws Exception {
      String nasty = "Robert'); MATCH (n) DETACH DELETE n; //\", `x` {id: $rows} \\u0027";
      ImportReport r =
          ImportRunner.run(
              MappedImporter.csv(),
              write(
                  "employees.csv",
                  HEADER
                      + "e3,\""
                      + nasty.replace("\"", "\"\"")
                      + "\",g@example.org,\"Team \"\"}) RETURN 1 //\",4,2019-07-30,yes,4.0,\n"),
              TestGraph.context(strict()));
      assertThat(r.rowsWritten()).isEqualTo(1);
      assertThat(
              TestGraph.query("MATCH (e:Expert {id: 'hr:employee/e3'}) RETURN e.name")
                  .get(0)
                  .get(0)
                  .asString())
          .isEqualTo(nasty);
      assertThat(TestGraph.count("MATCH (t:Team {name: 'Team \"}) RETURN 1 //'}) RETURN count(t)"))
          .isEqualTo(1);
      assertThat(TestGraph.counts().get("nodes"))
          .isEqualTo(before.get("nodes") + 3); // expert, team, personal data
    }
  }

  @Nested
  class Mappings {
    @Test
    void personalFieldNotMarkedPersonal() throws Exception {
      Path m =
          write(
              "bad.yaml",
              "source: hr\nnodes:\n  - label: Expert\n    key: id\n    properties:\n      - {column: email, property: email}\n");
      Problem p =
          failsStrict(
              MappedImporter.csv(), write("employees.csv", HEADER + GOOD), strict().withMapping(m));
      assertThat(p.kind()).isEqualTo(Problem.Kind.BAD_MAPPING);
      assertThat(p.message()).contains("'email' is personal data: mark it 'personal: true'");
    }

    @Test
    void labelThatIsNotAName() throws Exception {
      Path m =
          write(
              "bad.yaml",
              "source: hr\nnodes:\n  - label: \"Expert`) DETACH DELETE n //\"\n    key: id\n");
      Problem p =
          failsStrict(
              MappedImporter.csv(), write("employees.csv", HEADER + GOOD), strict().withMapping(m));
      assertThat(p.kind()).isEqualTo(Problem.Kind.BAD_MAPPING);
      assertThat(p.toString()).contains("[nodes[0].label]").contains("is not a valid name");
    }

    @Test
    void noCipherNoPersonalData() throws Exception {
      ImportContext noCipher = new ImportContext(TestGraph.driver(), "neo4j", strict(), null);
      assertThatThrownBy(
              () ->
                  ImportRunner.run(
                      MappedImporter.csv(), write("employees.csv", HEADER + GOOD), noCipher))
          .isInstanceOf(ImportFailedException.class)
          .hasMessageContaining(
              "no field cipher is configured; refusing to write personal data unencrypted");
      assertThat(TestGraph.counts()).isEqualTo(before);
    }
  }

  @Nested
  class Sources {
    @Test
    void aanMalformedRecord() throws Exception {
      Path f =
          write(
              "acl-metadata.txt",
              "id = {P01-1001}\nauthor = {Koehn, Philipp}\ntitle = {Parsing}\nvenue = {ACL}\nyear = {2001}\n\n"
                  + "id = {P01-1002}\nauthor = {Koehn, Philipp}\ntitle {Broken}\nvenue = {ACL}\nyear = {2001}\n");
      Problem p = failsStrict(new AanImporter(), f, ImportOptions.defaults().withStrict(true));
      assertThat(p.kind()).isEqualTo(Problem.Kind.BAD_SYNTAX);
      assertThat(p.toString())
          .isEqualTo(d() + "acl-metadata.txt:9: expected 'key = {value}', found 'title {Broken}'");
    }

    @Test
    void aanYearNotANumber() throws Exception {
      Path f =
          write(
              "acl-metadata.txt",
              "id = {P01-1001}\nauthor = {Koehn, Philipp}\ntitle = {Parsing}\nvenue = {ACL}\nyear = {20x1}\n");
      Problem p = failsStrict(new AanImporter(), f, ImportOptions.defaults().withStrict(true));
      assertThat(p.toString()).isEqualTo(d() + "acl-metadata.txt:1 [year]: '20x1' is not a year");
    }

    @Test
    void escoUnknownBroaderSkill() throws Exception {
      Path esco = Files.createDirectories(dir.resolve("esco"));
      Files.copy(
          Path.of("src/test/resources/fixtures/esco/skills_en-us.csv"),
          esco.resolve("skills_en-us.csv"));
      Files.writeString(
          esco.resolve("broaderRelationsSkillPillar.csv"),
          "conceptType,conceptUri,broaderType,broaderUri\n"
              + "KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/aaaa0002,SkillGroup,http://data.europa.eu/esco/skill/nope\n");
      Problem p = failsStrict(new EscoImporter(), esco, ImportOptions.defaults().withStrict(true));
      assertThat(p.kind()).isEqualTo(Problem.Kind.UNKNOWN_REFERENCE);
      assertThat(p.toString())
          .isEqualTo(
              "esco/broaderRelationsSkillPillar.csv:2 [broaderUri]: unknown skill"
                  + " http://data.europa.eu/esco/skill/nope (not in this import nor in the graph)");
    }

    @Test
    void escoMissingSkillsFile() throws Exception {
      Path esco = Files.createDirectories(dir.resolve("esco"));
      Problem p = failsStrict(new EscoImporter(), esco, ImportOptions.defaults().withStrict(true));
      assertThat(p.kind()).isEqualTo(Problem.Kind.MISSING_FILE);
      assertThat(p.toString()).startsWith("esco/skills_en-us.csv: file not found");
    }

    @Test
    void onetFlagThatIsNotYesOrNo() throws Exception {
      Path onet = Files.createDirectories(dir.resolve("onet"));
      Files.writeString(
          onet.resolve("Occupation Data.txt"),
          "O*NET-SOC Code\tTitle\tDescription\n15-2051.00\tData Scientists\tx\n");
      Files.writeString(
          onet.resolve("Technology Skills.txt"),
          "O*NET-SOC Code\tExample\tCommodity Code\tCommodity Title\tHot Technology\tIn Demand\n"
              + "15-2051.00\tPython\t43232405\tx\tMaybe\tN\n");
      Problem p = failsStrict(new OnetImporter(), onet, ImportOptions.defaults().withStrict(true));
      assertThat(p.toString())
          .isEqualTo("onet/Technology Skills.txt:2 [Hot Technology]: 'Maybe' is not Y or N");
    }

    @Test
    void snapNodeIdThatIsNotANumber() throws Exception {
      Problem p =
          failsStrict(
              new SnapImporter(),
              write("g.txt", "# c\n1\t2\n3\tx7\n"),
              ImportOptions.defaults().withStrict(true));
      assertThat(p.toString()).isEqualTo(d() + "g.txt:3 [column 2]: 'x7' is not a node id");
    }

    @Test
    void mooccubeLabelOutOfRange() throws Exception {
      Path m = Files.createDirectories(dir.resolve("mooccube"));
      Files.writeString(m.resolve("ratings_final.txt"), "0\t1\t1\n0\t2\t7\n");
      Problem p = failsStrict(new MoocCubeImporter(), m, ImportOptions.defaults().withStrict(true));
      assertThat(p.toString())
          .isEqualTo("mooccube/ratings_final.txt:2 [label]: label must be 0 or 1, was 7");
    }
  }

  @Nested
  class Modes {
    static final String MIXED =
        HEADER
            + GOOD
            + "e3,Grace Hopper,grace@example.org,Platform,four,2019-07-30,yes,4.0,\n"
            + "e4,Katherine Johnson,kj@example.org,Platform,4,2019-07-30,yes,4.0,e1\n"
            + "e5,\"=cmd|' /C calc'!A0\",x@example.org,Platform,4,2019-07-30,yes,4.0,\n";

    @Test
    void defaultModeRejectsBadRowsToTheRejectsFileAndWritesTheRest() throws Exception {
      Path rejects = dir.resolve("rejects");
      ImportReport r =
          ImportRunner.run(
              MappedImporter.csv(),
              write("employees.csv", MIXED),
              TestGraph.context(
                  ImportOptions.defaults().withMapping(MAPPING).withRejectsDir(rejects)));
      assertThat(r.rowsRead()).isEqualTo(5);
      assertThat(r.rowsWritten()).isEqualTo(3);
      assertThat(r.rowsRejected()).isEqualTo(2);
      assertThat(r.problemsByKind())
          .containsEntry(Problem.Kind.BAD_NUMBER, 1L)
          .containsEntry(Problem.Kind.SPREADSHEET_FORMULA, 1L);
      assertThat(r.rejectsFile()).isEqualTo(rejects.resolve("csv.rejects.tsv"));
      List<String> lines = Files.readAllLines(r.rejectsFile());
      assertThat(lines).hasSize(3);
      assertThat(lines.get(1))
          .startsWith(
              d()
                  + "employees.csv\t4\tlevel\tBAD_NUMBER\t'four' is not a whole number\te3,Grace Hopper,grace@example.org,Platform,four,");
      assertThat(lines.get(2)).startsWith(d() + "employees.csv\t6\tname\tSPREADSHEET_FORMULA\t");
      assertThat(r.toText()).contains("rejects: " + rejects.resolve("csv.rejects.tsv"));
      assertThat(TestGraph.count("MATCH (e:Expert {source: 'hr'}) RETURN count(e)")).isEqualTo(3);
    }

    @Test
    void dryRunValidatesEverythingAndWritesNothing() throws Exception {
      ImportReport r =
          ImportRunner.run(
              MappedImporter.csv(),
              write("employees.csv", MIXED),
              TestGraph.context(ImportOptions.defaults().withMapping(MAPPING).withDryRun(true)));
      assertThat(r.rowsRead()).isEqualTo(5);
      assertThat(r.rowsRejected()).isEqualTo(2);
      assertThat(r.nodesCreated()).isZero();
      assertThat(TestGraph.counts()).isEqualTo(before);
    }

    @Test
    void strictStopsAtTheFirstBadRowWithNothingWritten() throws Exception {
      Problem p =
          failsStrict(
              MappedImporter.csv(), write("employees.csv", MIXED), strict().withBatchSize(1));
      assertThat(p.toString())
          .isEqualTo(d() + "employees.csv:4 [level]: 'four' is not a whole number");
    }

    @Test
    void aFailedTransactionLeavesNoHalfWrittenBatchAndAReRunFinishes() throws Exception {
      // A source whose 4th row makes the database fail (division by zero), batches of 2 rows of 2
      // writes each.
      Statement node =
          Statement.nodes("t-node", "MERGE (e:Expert {id: row.id}) SET e.ratio = 10 / row.d");
      Statement rel =
          Statement.relationships(
              "t-rel",
              "MATCH (e:Expert {id: row.id}) MERGE (t:Team {id: 'tx:team'}) MERGE (e)-[:MEMBER_OF]->(t)");
      Importer failing =
          new Importer() {
            int zeroAt = 4;

            @Override
            public String name() {
              return "tx";
            }

            @Override
            public String usage() {
              return "";
            }

            @Override
            public void read(Path input, ImportContext ctx, RowSink out) {
              try {
                for (int i = 1; i <= 6; i++) {
                  Map<String, Object> row = Map.of("id", "tx:" + i, "d", i == zeroAt ? 0 : 1);
                  out.accept(
                      Location.line("t", i),
                      new Write(node, row),
                      new Write(rel, Map.of("id", "tx:" + i)));
                }
              } finally {
                zeroAt = -1; // "fixed" for the re-run
              }
            }
          };
      ImportContext ctx = TestGraph.context(ImportOptions.defaults().withBatchSize(2));
      assertThatThrownBy(() -> ImportRunner.run(failing, dir, ctx))
          .isInstanceOf(ImportFailedException.class)
          .hasMessageContaining("failed writing a batch of 2 rows")
          .hasMessageContaining("that batch was rolled back");
      // rows 1-2 (first batch) are in, rows 3-4 (the failed batch) are not, not even row 3's node
      // or relationship
      assertThat(
              TestGraph.query(
                      "MATCH (e:Expert) WHERE e.id STARTS WITH 'tx:' RETURN e.id AS id ORDER BY id")
                  .stream()
                  .map(x -> x.get("id").asString())
                  .toList())
          .containsExactly("tx:1", "tx:2");
      assertThat(
              TestGraph.count(
                  "MATCH (:Expert)-[r:MEMBER_OF]->(:Team {id: 'tx:team'}) RETURN count(r)"))
          .isEqualTo(2);
      ImportReport again = ImportRunner.run(failing, dir, ctx);
      assertThat(again.rowsWritten()).isEqualTo(6);
      assertThat(TestGraph.count("MATCH (e:Expert) WHERE e.id STARTS WITH 'tx:' RETURN count(e)"))
          .isEqualTo(6);
      assertThat(
              TestGraph.count(
                  "MATCH (:Expert)-[r:MEMBER_OF]->(:Team {id: 'tx:team'}) RETURN count(r)"))
          .isEqualTo(6);
    }
  }
}
