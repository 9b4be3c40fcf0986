package dev.talentgraph.importers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.talentgraph.importers.catalog.Importers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code import all} over the real data sets (TALENT_DATASETS) into an empty graph, then again: the
 * counts the source files imply, and a second run that changes none of them.
 */
class ImportAllDatasetIT {
  static List<ImportReport> first;
  static List<ImportReport> second;
  static Map<String, Long> afterFirst;
  static Map<String, Long> afterSecond;

  static Map<String, Long> snapshot() {
    Map<String, Long> m = new LinkedHashMap<>();
    for (var r :
        TestGraph.query(
            "MATCH (n) WHERE NOT n:__Migration UNWIND labels(n) AS l RETURN l, count(*) AS c ORDER BY l")) {
      m.put(":" + r.get("l").asString(), r.get("c").asLong());
    }
    for (var r :
        TestGraph.query("MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS c ORDER BY t")) {
      m.put("-" + r.get("t").asString(), r.get("c").asLong());
    }
    m.put(
        "properties",
        TestGraph.count("MATCH (n) WHERE NOT n:__Migration RETURN sum(size(keys(n)))")
            + TestGraph.count("MATCH ()-[r]->() RETURN sum(size(keys(r)))"));
    return m;
  }

  @BeforeAll
  static void importTwice() throws Exception {
    assumeTrue(TestGraph.hasDatasets(), "TALENT_DATASETS not present");
    TestGraph.reset();
    first = Importers.importAll(TestGraph.datasets(), TestGraph.context());
    first.forEach(r -> System.out.println(r.toText()));
    afterFirst = snapshot();
    System.out.println(afterFirst);
    second = Importers.importAll(TestGraph.datasets(), TestGraph.context());
    afterSecond = snapshot();
  }

  static long n(String cypher) {
    return TestGraph.count(cypher);
  }

  @Test
  void countsFollowFromTheSourceFiles() {
    // ESCO: 13,485 skills in skills_en-us.csv less 13 without any English label; 673 skill groups;
    // 2,942 occupations + 619 ISCO groups
    assertThat(n("MATCH (s:Skill {source: 'esco'}) WHERE NOT s:SkillGroup RETURN count(s)"))
        .isEqualTo(13_472);
    assertThat(n("MATCH (s:SkillGroup {source: 'esco'}) RETURN count(s)")).isEqualTo(673);
    assertThat(n("MATCH (o:Occupation {source: 'esco'}) RETURN count(o)")).isEqualTo(2_942 + 619);
    // O*NET: 1,016 occupations; 8,768 distinct technology examples; 32,627 occupation-technology
    // rows
    assertThat(n("MATCH (o:Occupation {source: 'onet'}) RETURN count(o)")).isEqualTo(1_016);
    assertThat(n("MATCH (s:Skill {source: 'onet'}) RETURN count(s)")).isEqualTo(8_768);
    assertThat(n("MATCH (:Occupation {source: 'onet'})-[r:REQUIRES]->() RETURN count(r)"))
        .isEqualTo(32_627);
    assertThat(
            n(
                "MATCH (:Skill {source: 'onet'})-[r:SAME_AS]->(:Skill {source: 'esco'}) RETURN count(r)"))
        .isGreaterThan(50);
    // AAN: 18,041 papers. SOURCE.txt counts 14,385 author strings and 45,144 pairs from a split on
    // ';' that also cuts
    // HTML entities ("Gim&eacute;nez" -> "Gim&eacute" + "nez"); with entities decoded first, and
    // names folded for case,
    // accents and punctuation ("Gasic, Milica" = "Gašić, Milica"), there are 13,939 people and
    // 39,330 co-author pairs.
    assertThat(n("MATCH (p:Publication {source: 'aan'}) RETURN count(p)")).isEqualTo(18_041);
    assertThat(n("MATCH (e:Expert {source: 'aan'}) RETURN count(e)")).isEqualTo(13_939);
    assertThat(n("MATCH (:Expert {source: 'aan'})-[r:COLLABORATED_WITH]->() RETURN count(r)"))
        .isEqualTo(39_330);
    assertThat(n("MATCH (p:Publication {source: 'aan'}) WHERE (p)-[:ABOUT]->() RETURN count(p)"))
        .isGreaterThanOrEqualTo(18_041 * 80 / 100);
    // SNAP ca-GrQc: 5,242 nodes, 14,484 undirected edges
    assertThat(n("MATCH (e:Expert {source: 'snap'}) RETURN count(e)")).isEqualTo(5_242);
    assertThat(n("MATCH (:Expert {source: 'snap'})-[r:COLLABORATED_WITH]->() RETURN count(r)"))
        .isEqualTo(14_484);
    // MOOCCube: 219 courses, 7,157 users, 32,086 label-1 enrolments (the 32,086 label-0 rows are
    // not), 16,821 relation-5 triples
    assertThat(n("MATCH (c:Course {source: 'mooccube'}) RETURN count(c)")).isEqualTo(219);
    assertThat(n("MATCH (e:Expert {source: 'mooccube'}) RETURN count(e)")).isEqualTo(7_157);
    assertThat(n("MATCH (:Expert)-[r:ENROLLED]->(:Course) RETURN count(r)")).isEqualTo(32_086);
    assertThat(n("MATCH (:Course)-[r:TEACHES]->() RETURN count(r)")).isEqualTo(16_821);
    // Resumes: 962 rows, 166 distinct texts. Jobs: 1,250 postings, 1,127 distinct.
    assertThat(n("MATCH (c:Candidate {source: 'resumes'}) RETURN count(c)")).isEqualTo(166);
    assertThat(n("MATCH (j:JobOpening {source: 'jobs'}) RETURN count(j)")).isEqualTo(1_127);
    // HR: 1,470 IBM employees in 3 departments; 19,158 job-change enrollees; personal data sealed
    // apart
    assertThat(n("MATCH (e:Expert {source: 'ibm'}) RETURN count(e)")).isEqualTo(1_470);
    assertThat(n("MATCH (t:Team {source: 'ibm'}) RETURN count(t)")).isEqualTo(3);
    assertThat(n("MATCH (c:Candidate {source: 'jobchange'}) RETURN count(c)")).isEqualTo(19_158);
    assertThat(
            n(
                "MATCH (e:Expert {source: 'ibm'}) WHERE e.salary IS NOT NULL OR e.gender IS NOT NULL OR e.age IS NOT NULL RETURN count(e)"))
        .isZero();
    assertThat(
            n(
                "MATCH (:Expert {source: 'ibm'})-[:HAS_PERSONAL_DATA]->(p:PersonalData) WHERE p.salary STARTS WITH 'enc:v1:' RETURN count(p)"))
        .isEqualTo(1_470);
  }

  @Test
  void secondRunChangesNoCount() {
    assertThat(afterSecond).isEqualTo(afterFirst);
    for (ImportReport r : second) {
      assertThat(r.nodesCreated()).as(r.source() + " nodes created on the second run").isZero();
      assertThat(r.relationshipsCreated())
          .as(r.source() + " relationships created on the second run")
          .isZero();
    }
  }
}
