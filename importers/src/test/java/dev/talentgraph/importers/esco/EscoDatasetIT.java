package dev.talentgraph.importers.esco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.talentgraph.importers.ImportReport;
import dev.talentgraph.importers.ImportRunner;
import dev.talentgraph.importers.TestGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real ESCO files (TALENT_DATASETS), imported once for the class; counts follow from
 * esco/SOURCE.txt.
 */
class EscoDatasetIT {
  static ImportReport report;

  @BeforeAll
  static void importOnce() throws Exception {
    assumeTrue(TestGraph.hasDatasets(), "TALENT_DATASETS not present");
    TestGraph.reset();
    report =
        ImportRunner.run(
            new EscoImporter(), TestGraph.datasets().resolve("esco"), TestGraph.context());
    System.out.println(report.toText());
  }

  @Test
  void skillsGroupsAndOccupationsAsInSource() {
    // SOURCE.txt: skills_en-us.csv 13,485 skills, of which 13 have no English label at all (no
    // name, no description):
    // they are rejected with MISSING_VALUE. hierarchy/skillGroups_en.csv 673 groups (the 17 v1.0
    // groups among them).
    assertThat(TestGraph.count("MATCH (s:Skill) WHERE NOT s:SkillGroup RETURN count(s)"))
        .isEqualTo(13_485 - 13);
    assertThat(TestGraph.count("MATCH (s:SkillGroup) RETURN count(s)")).isEqualTo(673);
    // occupations_en-us.csv 2,942 + ISCOGroups_en.csv 619
    assertThat(TestGraph.count("MATCH (o:Occupation {kind: 'occupation'}) RETURN count(o)"))
        .isEqualTo(2_942);
    assertThat(TestGraph.count("MATCH (o:Occupation {kind: 'isco-group'}) RETURN count(o)"))
        .isEqualTo(619);
    assertThat(report.problemsByKind())
        .containsEntry(dev.talentgraph.importers.Problem.Kind.MISSING_VALUE, 13L)
        .containsEntry(dev.talentgraph.importers.Problem.Kind.UNKNOWN_REFERENCE, 5L)
        .hasSize(2);
  }

  @Test
  void broaderEdgesFollowTheFiles() {
    // broaderRelationsSkillPillar.csv: 7,161 rows, 155 of them repeat a pair -> 7,006 distinct;
    // skillsHierarchy_en.csv: 656 concepts, 4 roots -> 652; collections add 176 pairs the pillar
    // lacks;
    // 5 pillar pairs name one of the 13 unlabelled skills and are rejected as unknown references.
    assertThat(TestGraph.count("MATCH (:Skill)-[r:BROADER]->(:Skill) RETURN count(r)"))
        .isEqualTo(7_006 + 652 + 176 - 5);
    // broaderRelationsOccPillar.csv: 3,551
    assertThat(TestGraph.count("MATCH (:Occupation)-[r:BROADER]->(:Occupation) RETURN count(r)"))
        .isEqualTo(3_551);
  }

  @Test
  void skillsKeepUriLabelsSynonymsAndDescription() {
    var r =
        TestGraph.query(
                "MATCH (s:Skill {uri: 'http://data.europa.eu/esco/skill/0005c151-5b5a-4a66-8aac-60e734beb1ab'})"
                    + " RETURN s.id AS id, s.name AS name, s.description AS d, s.source AS src")
            .get(0);
    assertThat(r.get("id").asString()).isEqualTo("esco:skill/0005c151-5b5a-4a66-8aac-60e734beb1ab");
    assertThat(r.get("name").asString()).isEqualTo("manage musical staff");
    assertThat(r.get("d").asString()).startsWith("Assign and manage staff tasks");
    assertThat(r.get("src").asString()).isEqualTo("esco");
    var js = TestGraph.query("MATCH (s:Skill {name: 'JavaScript'}) RETURN s.aliases AS a").get(0);
    assertThat(js.get("a").asList(v -> v.asString())).contains("Client-side JavaScript", "CSJS");
    // transversal collection synonyms
    long withAliases =
        TestGraph.count(
            "MATCH (s:Skill) WHERE NOT s:SkillGroup AND size(s.aliases) > 0 RETURN count(s)");
    assertThat(withAliases).isGreaterThan(300);
  }
}
