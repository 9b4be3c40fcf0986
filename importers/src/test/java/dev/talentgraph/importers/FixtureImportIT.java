package dev.talentgraph.importers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talentgraph.importers.aan.AanImporter;
import dev.talentgraph.importers.esco.EscoImporter;
import dev.talentgraph.importers.jobs.JobPostingImporter;
import dev.talentgraph.importers.mapping.MappedImporter;
import dev.talentgraph.importers.mooccube.MoocCubeImporter;
import dev.talentgraph.importers.onet.OnetImporter;
import dev.talentgraph.importers.resumes.ResumeImporter;
import dev.talentgraph.importers.snap.SnapImporter;
import dev.talentgraph.schema.FieldCipher;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Every importer on small hand-written fixtures (src/test/resources/fixtures), in the order of
 * {@code import all}: what lands in the graph, property by property, and that a second run of each
 * changes nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FixtureImportIT {
  static final Path FIXTURES = Path.of("src/test/resources/fixtures");

  @BeforeAll
  static void empty() {
    TestGraph.reset();
  }

  static ImportReport run(Importer importer, String path) throws Exception {
    return run(importer, path, ImportOptions.defaults());
  }

  static ImportReport run(Importer importer, String path, ImportOptions options) throws Exception {
    ImportReport r = ImportRunner.run(importer, FIXTURES.resolve(path), TestGraph.context(options));
    System.out.println(r.toText());
    return r;
  }

  /** Runs an import a second time and checks that the graph did not change. */
  static void rerunChangesNothing(Importer importer, String path, ImportOptions options)
      throws Exception {
    Map<String, Long> before = TestGraph.counts();
    ImportReport again = run(importer, path, options);
    assertThat(again.nodesCreated()).isZero();
    assertThat(again.relationshipsCreated()).isZero();
    assertThat(TestGraph.counts()).isEqualTo(before);
  }

  static String one(String cypher) {
    return TestGraph.query(cypher).get(0).get(0).asString();
  }

  @Test
  @Order(1)
  void esco() throws Exception {
    ImportReport r = run(new EscoImporter(), "esco");
    assertThat(r.rowsRejected()).isZero();
    assertThat(r.skipped()).containsEntry("relation listed twice", 1L);
    assertThat(TestGraph.count("MATCH (s:Skill) WHERE NOT s:SkillGroup RETURN count(s)"))
        .isEqualTo(9);
    assertThat(TestGraph.count("MATCH (s:SkillGroup) RETURN count(s)")).isEqualTo(1);
    assertThat(TestGraph.count("MATCH (:Skill)-[r:BROADER]->(:Skill) RETURN count(r)"))
        .isEqualTo(3);
    var py =
        TestGraph.query("MATCH (s:Skill {id: 'esco:skill/aaaa0002'}) RETURN s")
            .get(0)
            .get(0)
            .asNode();
    assertThat(py.get("name").asString()).isEqualTo("Python");
    assertThat(py.get("uri").asString()).isEqualTo("http://data.europa.eu/esco/skill/aaaa0002");
    assertThat(py.get("aliases").asList(v -> v.asString()))
        .containsExactly("Python lang", "CPython");
    assertThat(py.get("source").asString()).isEqualTo("esco");
    assertThat(one("MATCH (s:Skill {id: 'esco:skill/aaaa0004'}) RETURN s.description"))
        .isEqualTo("A language for statistics, \"R\" for short.");
    assertThat(
            one(
                "MATCH (:Occupation {id: 'esco:occupation/oooo0001'})-[:BROADER]->(g:Occupation) RETURN g.iscoCode"))
        .isEqualTo("2511");
    rerunChangesNothing(new EscoImporter(), "esco", ImportOptions.defaults());
  }

  @Test
  @Order(2)
  void onetLinksTechnologiesToEscoTwins() throws Exception {
    ImportReport r = run(new OnetImporter(), "onet");
    assertThat(r.rowsRejected()).isZero();
    assertThat(TestGraph.count("MATCH (s:Skill {source: 'onet'}) RETURN count(s)")).isEqualTo(5);
    assertThat(
            TestGraph.count(
                "MATCH (:Occupation {source: 'onet'})-[r:REQUIRES]->(:Skill) RETURN count(r)"))
        .isEqualTo(6);
    // Python = Python, Apache Hadoop = Hadoop, Oracle Java = Java; Cisco IOS and Microsoft Excel
    // have no ESCO twin here.
    assertThat(
            TestGraph.query(
                    "MATCH (o:Skill {source: 'onet'})-[:SAME_AS]->(e:Skill {source: 'esco'}) RETURN o.name + ' = ' + e.name AS p ORDER BY p")
                .stream()
                .map(x -> x.get("p").asString())
                .toList())
        .containsExactly("Apache Hadoop = Hadoop", "Oracle Java = Java", "Python = Python");
    assertThat(
            TestGraph.query(
                    "MATCH (s:Skill {id: 'onet:tech/python'}) RETURN s.hotTechnology AS h, s.inDemand AS d")
                .get(0)
                .get("h")
                .asBoolean())
        .isTrue();
    assertThat(
            TestGraph.query(
                    "MATCH (:Occupation {id: 'onet:15-2051.00'})-[r:REQUIRES]->(:Skill {id: 'onet:tech/python'}) RETURN r.inDemand")
                .get(0)
                .get(0)
                .asBoolean())
        .isFalse();
    // UNSPSC: commodity -> class -> family -> segment, only for commodities in use
    assertThat(TestGraph.count("MATCH (g:SkillGroup {source: 'unspsc'}) RETURN count(g)"))
        .isEqualTo(4 + 4 + 1 + 1);
    assertThat(
            TestGraph.count(
                "MATCH (:Skill {id: 'onet:tech/python'})-[:BROADER*4]->(:SkillGroup {unspscLevel: 'segment'}) RETURN count(*)"))
        .isEqualTo(1);
    assertThat(
            TestGraph.query("MATCH (o:Occupation {id: 'onet:15-2051.00'}) RETURN o.aliases")
                .get(0)
                .get(0)
                .asList(v -> v.asString()))
        .contains("Machine Learning Scientist");
    rerunChangesNothing(new OnetImporter(), "onet", ImportOptions.defaults());
  }

  @Test
  @Order(3)
  void aanAuthorsPapersCollaborationAndSkills() throws Exception {
    ImportReport r = run(new AanImporter(), "aan");
    assertThat(r.rowsRead()).isEqualTo(6);
    assertThat(r.rowsRejected()).isZero();
    assertThat(r.notes()).anyMatch(n -> n.contains("1 lines were not UTF-8"));
    assertThat(TestGraph.count("MATCH (p:Publication) RETURN count(p)")).isEqualTo(6);
    // Entities decoded before splitting: "Gim&eacute;nez, Jes&uacute;s" is one author, not two.
    assertThat(
            TestGraph.query("MATCH (e:Expert {source: 'aan'}) RETURN e.name AS n ORDER BY n")
                .stream()
                .map(x -> x.get("n").asString())
                .toList())
        .containsExactly("Giménez, Jesús", "Koehn, Philipp", "Smith, Noah A.");
    assertThat(one("MATCH (p:Publication {id: 'aan:P04-1004'}) RETURN p.title"))
        .isEqualTo("Speech Recognition in \u201cNoisy\u201d Rooms");
    assertThat(TestGraph.count("MATCH (:Expert)-[r:AUTHORED]->(:Publication) RETURN count(r)"))
        .isEqualTo(2 + 2 + 2 + 1 + 1 + 1);
    var pair =
        TestGraph.query(
                "MATCH (a:Expert {id: 'aan:koehn-philipp'})-[r:COLLABORATED_WITH]-(b:Expert {id: 'aan:smith-noah-a'})"
                    + " RETURN r.count AS c, r.firstYear AS f, r.lastYear AS l, count(r) AS n")
            .get(0);
    assertThat(pair.get("n").asLong()).isEqualTo(1);
    assertThat(pair.get("c").asLong()).isEqualTo(2);
    assertThat(pair.get("f").asLong()).isEqualTo(2002);
    assertThat(pair.get("l").asLong()).isEqualTo(2003);
    // Titles -> skills: taxonomy skills, and the paper is ABOUT them with the span as evidence.
    assertThat(
            one(
                "MATCH (:Publication {id: 'aan:P04-1004'})-[r:ABOUT]->(s:Skill) RETURN s.name + ' | ' + r.evidence"))
        .isEqualTo("speech recognition | Speech Recognition");
    // Python found in a title resolves to the one canonical skill (ESCO), not the O*NET twin.
    assertThat(
            one(
                "MATCH (:Publication {id: 'aan:P03-1003'})-[:ABOUT]->(s:Skill) WHERE s.name = 'Python' RETURN s.id"))
        .isEqualTo("esco:skill/aaaa0002");
    // Koehn: machine translation-ish skill in 3 papers -> level 2; the evidence names the papers.
    var hs =
        TestGraph.query(
                "MATCH (:Expert {id: 'aan:koehn-philipp'})-[r:HAS_SKILL]->(s:Skill) RETURN s.name AS s, r.level AS l,"
                    + " r.evidenceCount AS n, r.evidence AS ev ORDER BY n DESC, s")
            .get(0);
    assertThat(hs.get("n").asLong()).isEqualTo(3);
    assertThat(hs.get("l").asLong()).isEqualTo(2);
    assertThat(hs.get("ev").asList(v -> v.asString()))
        .hasSize(3)
        .allMatch(e -> e.startsWith("aan:"));
    rerunChangesNothing(new AanImporter(), "aan", ImportOptions.defaults());
  }

  @Test
  @Order(4)
  void snapEdgeList() throws Exception {
    ImportReport r = run(new SnapImporter(), "snap/edges.txt");
    assertThat(TestGraph.count("MATCH (e:Expert {source: 'snap'}) RETURN count(e)")).isEqualTo(4);
    assertThat(
            TestGraph.count(
                "MATCH (:Expert {source: 'snap'})-[r:COLLABORATED_WITH]->() RETURN count(r)"))
        .isEqualTo(3);
    assertThat(r.skipped()).containsEntry("pair already read in the other direction", 2L);
    assertThat(one("MATCH (a)-[:COLLABORATED_WITH]->(b {id: 'snap:edges:2'}) RETURN a.id"))
        .isEqualTo("snap:edges:1");
    rerunChangesNothing(new SnapImporter(), "snap/edges.txt", ImportOptions.defaults());
  }

  @Test
  @Order(5)
  void mooccubeSkipsSampledNegatives() throws Exception {
    ImportReport r = run(new MoocCubeImporter(), "mooccube");
    assertThat(r.skipped()).containsEntry("label 0: a sampled negative, not an enrolment", 2L);
    assertThat(
            TestGraph.count(
                "MATCH (:Expert {source: 'mooccube'})-[r:ENROLLED]->(:Course) RETURN count(r)"))
        .isEqualTo(3);
    assertThat(TestGraph.count("MATCH (c:Course {source: 'mooccube'}) RETURN count(c)"))
        .isEqualTo(3);
    assertThat(TestGraph.count("MATCH (:Course)-[r:TEACHES]->(:Skill) RETURN count(r)"))
        .isEqualTo(4);
    assertThat(
            TestGraph.query("MATCH (c:Course {id: 'mooccube:course/2'}) RETURN c.kgR3")
                .get(0)
                .get(0)
                .asList(v -> v.asLong()))
        .containsExactly(20L);
    assertThat(
            TestGraph.count(
                "MATCH (s:Skill {source: 'mooccube'}) WHERE s.extract = false RETURN count(s)"))
        .isEqualTo(3);
    rerunChangesNothing(new MoocCubeImporter(), "mooccube", ImportOptions.defaults());
  }

  @Test
  @Order(6)
  void resumesDedupedRepairedWithEvidence() throws Exception {
    ImportReport r = run(new ResumeImporter(), "resumes/resumes.csv");
    assertThat(r.rowsWritten()).isEqualTo(2);
    assertThat(r.skipped()).containsEntry("duplicate resume text", 2L);
    assertThat(TestGraph.count("MATCH (c:Candidate {source: 'resumes'}) RETURN count(c)"))
        .isEqualTo(2);
    String text = one("MATCH (c:Candidate {category: 'Data Science'}) RETURN c.text");
    assertThat(text).contains("Naïve Bayes").contains("•").doesNotContain("Ã");
    List<String> skills =
        TestGraph.query(
                "MATCH (c:Candidate {category: 'Java Developer'})-[r:HAS_SKILL]->(s) RETURN s.name + '=' + r.evidenceSpan AS x ORDER BY x")
            .stream()
            .map(x -> x.get("x").asString())
            .toList();
    // "Chef" only with its capital, "R" only as a capital on its own, NLP expands to natural
    // language processing
    assertThat(skills)
        .containsExactlyInAnyOrder(
            "Java=Java", "Chef=Chef", "R=R", "SQL=SQL", "natural language processing=NLP");
    assertThat(
            one(
                "MATCH (c:Candidate {category: 'Data Science'})-[r:HAS_SKILL]->(:Skill {name: 'Hadoop'}) RETURN r.evidence"))
        .contains("Hadoop");
    rerunChangesNothing(new ResumeImporter(), "resumes/resumes.csv", ImportOptions.defaults());
  }

  @Test
  @Order(7)
  void jobsRequireMinimumVersusPreferred() throws Exception {
    ImportReport r = run(new JobPostingImporter(), "jobs/jobs.csv");
    assertThat(r.rowsWritten()).isEqualTo(2);
    assertThat(r.skipped()).hasSize(1);
    var reqs =
        TestGraph.query(
            "MATCH (:JobOpening {title: 'Data Engineer'})-[r:REQUIRES]->(s) RETURN s.name AS s, r.required AS q, r.section AS sec ORDER BY s");
    assertThat(
            reqs.stream()
                .map(
                    x ->
                        x.get("s").asString()
                            + ":"
                            + x.get("q").asBoolean()
                            + ":"
                            + x.get("sec").asString())
                .toList())
        .containsExactly("Hadoop:false:preferred", "Python:true:minimum", "SQL:true:minimum");
    rerunChangesNothing(new JobPostingImporter(), "jobs/jobs.csv", ImportOptions.defaults());
  }

  @Test
  @Order(8)
  void csvMappingWithPersonalDataSealed() throws Exception {
    ImportOptions o = ImportOptions.defaults().withMapping(FIXTURES.resolve("hr/employees.yaml"));
    ImportReport r = run(MappedImporter.csv(), "hr/employees.csv", o);
    assertThat(r.rowsRejected()).isZero();
    assertThat(TestGraph.count("MATCH (e:Expert {source: 'hr'}) RETURN count(e)")).isEqualTo(3);
    // The name full of quotes and Cypher is stored verbatim, as a value.
    assertThat(one("MATCH (e:Expert {id: 'hr:employee/e2'}) RETURN e.name"))
        .isEqualTo("O'Brien, \"Bobby\"}); MATCH (n) DETACH DELETE n //");
    var e1 =
        TestGraph.query("MATCH (e:Expert {id: 'hr:employee/e1'}) RETURN e").get(0).get(0).asNode();
    assertThat(e1.get("level").asLong()).isEqualTo(5);
    assertThat(e1.get("hiredOn").asLocalDate()).hasToString("2020-01-15");
    assertThat(e1.get("active").asBoolean()).isTrue();
    assertThat(e1.get("rating").asDouble()).isEqualTo(4.5);
    assertThat(e1.containsKey("email")).isFalse();
    String sealed =
        one(
            "MATCH (:Expert {id: 'hr:employee/e1'})-[:HAS_PERSONAL_DATA]->(p:PersonalData) RETURN p.email");
    assertThat(sealed).startsWith(FieldCipher.PREFIX).doesNotContain("ada@");
    assertThat(new TestGraph.TestCipher().decrypt(sealed, "hr:employee/e1/email"))
        .isEqualTo("ada@example.org");
    assertThat(
            TestGraph.count(
                "MATCH (:Expert {source: 'hr'})-[:MEMBER_OF]->(t:Team) RETURN count(DISTINCT t)"))
        .isEqualTo(2);
    assertThat(one("MATCH (t:Team {id: 'hr:team/platform-team'}) RETURN t.name"))
        .isEqualTo("Platform Team");
    assertThat(
            TestGraph.count(
                "MATCH (:Expert {id: 'hr:employee/e1'})-[:MENTORS]->(m) RETURN count(m)"))
        .isEqualTo(2);
    rerunChangesNothing(MappedImporter.csv(), "hr/employees.csv", o);
  }

  @Test
  @Order(9)
  void jsonMappingWithNestedFields() throws Exception {
    ImportOptions o =
        ImportOptions.defaults().withMapping(FIXTURES.resolve("hr/employees-json.yaml"));
    ImportReport r = run(MappedImporter.json(), "hr/employees.json", o);
    assertThat(r.rowsWritten()).isEqualTo(2);
    assertThat(
            TestGraph.query("MATCH (e:Expert {id: 'hrjson:employee/j1'}) RETURN e.skillNames")
                .get(0)
                .get(0)
                .asList(v -> v.asString()))
        .containsExactly("cryptography", "logic");
    String phone =
        one("MATCH (:Expert {id: 'hrjson:employee/j1'})-[:HAS_PERSONAL_DATA]->(p) RETURN p.phone");
    assertThat(new TestGraph.TestCipher().decrypt(phone, "hrjson:employee/j1/phone"))
        .isEqualTo("+44 1234");
    assertThat(
            TestGraph.query(
                    "MATCH (:Expert {id: 'hrjson:employee/j2'})-[:HAS_PERSONAL_DATA]->(p) RETURN p.phone")
                .get(0)
                .get(0)
                .isNull())
        .isTrue();
    rerunChangesNothing(MappedImporter.json(), "hr/employees.json", o);
  }
}
