package dev.talentgraph.importers.esco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.talentgraph.importers.ImportReport;
import dev.talentgraph.importers.ImportRunner;
import dev.talentgraph.importers.Problem;
import dev.talentgraph.importers.TestGraph;
import dev.talentgraph.importers.skills.SkillDictionary;
import dev.talentgraph.importers.skills.SkillExtractor;
import dev.talentgraph.importers.skills.SkillMatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The multilingual ESCO import on a slice of the real files ({@code fixtures/esco-i18n}: eight
 * skills and two occupations of ESCO with their English, Spanish, French and German rows, one v1.1
 * concept the graph lacks and one bad row): labels land on the nodes {@code import esco} made, no
 * node is created, a second run changes nothing, and the extractor and the full-text index find the
 * same skills in every language.
 */
class EscoI18nImportIT {
  static final Path FIXTURE = Path.of("src/test/resources/fixtures/esco-i18n");
  static final String ML = "esco:skill/8369c2d6-c100-4cf6-bd83-9668d8678433";
  static ImportReport report;
  static long skillsBefore;

  @BeforeAll
  static void load() throws Exception {
    TestGraph.reset();
    ImportRunner.run(new EscoImporter(), FIXTURE.resolve("esco"), TestGraph.context());
    skillsBefore = TestGraph.count("MATCH (s:Skill) RETURN count(s)");
    report = ImportRunner.run(new EscoI18nImporter(), FIXTURE.resolve("i18n"), TestGraph.context());
    System.out.println(report.toText());
  }

  static String one(String cypher) {
    return TestGraph.query(cypher, Map.of()).get(0).get(0).asString();
  }

  @Test
  void labelsLandOnTheExistingSkillsAndNoNodeIsCreated() {
    assertThat(report.nodesCreated()).isZero();
    assertThat(TestGraph.count("MATCH (s:Skill) RETURN count(s)")).isEqualTo(skillsBefore);
    assertThat(one("MATCH (s:Skill {id: '" + ML + "'}) RETURN s.label_es"))
        .isEqualTo("utilizar aprendizaje automático");
    assertThat(one("MATCH (s:Skill {id: '" + ML + "'}) RETURN s.label_fr"))
        .isEqualTo("utiliser l’apprentissage automatique");
    // The v1.1 preferred label joins the English synonyms; the name stays the v1.0 one.
    assertThat(
            TestGraph.query("MATCH (s:Skill {id: '" + ML + "'}) RETURN s.altLabels_en", Map.of())
                .get(0)
                .get(0)
                .asList(v -> v.asString()))
        .containsExactly("utilise machine learning");
    assertThat(
            TestGraph.count(
                "MATCH (o:Occupation) WHERE o.label_de IS NOT NULL AND o.description_es IS NOT NULL"
                    + " RETURN count(o)"))
        .isEqualTo(2);
  }

  @Test
  void theReportCountsLabelsPerLanguageAndSkipsConceptsTheGraphLacks() {
    assertThat(report.notes())
        .anySatisfy(
            n ->
                assertThat(n)
                    .startsWith("skills: ")
                    .contains("es 8 labels")
                    .contains("fr 8 labels"));
    assertThat(report.notes()).anySatisfy(n -> assertThat(n).startsWith("occupations: "));
    assertThat(report.skipped())
        .containsKey("skill not in the graph (import esco has no such concept)");
    assertThat(report.rowsRejected()).isEqualTo(1);
    Problem p = report.problems().get(0);
    assertThat(p.kind()).isEqualTo(Problem.Kind.BAD_VALUE);
    assertThat(p.at().file()).endsWith("skills_en.csv");
    assertThat(p.at().line()).isPositive();
    assertThat(p.at().field()).isEqualTo("conceptUri");
  }

  @Test
  void aSecondRunChangesNothing() throws Exception {
    Map<String, Long> before = TestGraph.counts();
    ImportReport again =
        ImportRunner.run(new EscoI18nImporter(), FIXTURE.resolve("i18n"), TestGraph.context());
    assertThat(again.nodesCreated()).isZero();
    assertThat(TestGraph.counts()).isEqualTo(before);
  }

  static Set<String> ids(SkillExtractor e, String text) {
    return e.distinctSkills(text).stream()
        .map(SkillMatch::skillId)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void aSpanishAndAFrenchSentenceYieldTheSkillsOfTheirEnglishTwin() {
    SkillExtractor e = new SkillExtractor(SkillDictionary.load(TestGraph.context()::query));
    Set<String> en =
        ids(
            e,
            "I manage budgets, lead project management and data mining, and utilize machine learning.");
    Set<String> es =
        ids(
            e,
            "Sé administrar presupuestos, dirijo la gestión de proyectos y la extracción de datos, y sé"
                + " utilizar aprendizaje automático.");
    Set<String> fr =
        ids(
            e,
            "Je sais gérer des budgets, je mène la gestion de projets et l'exploration de données, et"
                + " j'utilise l’apprentissage automatique : utiliser l’apprentissage automatique.");
    assertThat(en).hasSize(4).contains(ML);
    assertThat(es).isEqualTo(en);
    assertThat(fr).isEqualTo(en);
  }

  @Test
  void withoutTheLanguagesTheExtractorFindsOnlyEnglish() {
    SkillExtractor englishOnly =
        new SkillExtractor(SkillDictionary.load(TestGraph.context()::query, x -> false, Set.of()));
    assertThat(ids(englishOnly, "Sé administrar presupuestos y gestión de proyectos.")).isEmpty();
  }

  @Test
  void theFullTextIndexFindsASkillByItsSpanishLabelWithOrWithoutAccents() {
    TestGraph.query("CALL db.awaitIndexes(60)", Map.of());
    // French elision stays glued under the standard tokenizer: "l’apprentissage" is one token.
    for (String q :
        List.of(
            "aprendizaje automático", "aprendizaje automatico", "l’apprentissage automatique")) {
      assertThat(
              TestGraph.query(
                      "CALL db.index.fulltext.queryNodes('skill_names', $q) YIELD node"
                          + " RETURN node.id AS id LIMIT 1",
                      Map.of("q", q))
                  .get(0)
                  .get("id")
                  .asString())
          .as(q)
          .isEqualTo(ML);
    }
  }

  /** The same import on the real folder, limited to checking the joins; skipped without data. */
  @Test
  void theRealFolderJoinsOntoTheFixtureSkillsWithoutNewNodes() throws Exception {
    Path real = TestGraph.datasets().resolve("esco-i18n");
    assumeTrue(
        Files.isDirectory(real),
        "TALENT_DATASETS/esco-i18n not present: real-folder check skipped");
    long nodes = TestGraph.count("MATCH (n) WHERE NOT n:__Migration RETURN count(n)");
    ImportReport r = ImportRunner.run(new EscoI18nImporter(), real, TestGraph.context());
    assertThat(r.nodesCreated()).isZero();
    assertThat(r.rowsRejected()).isZero();
    assertThat(TestGraph.count("MATCH (n) WHERE NOT n:__Migration RETURN count(n)"))
        .isEqualTo(nodes);
    assertThat(one("MATCH (s:Skill {id: '" + ML + "'}) RETURN s.label_es"))
        .isEqualTo("utilizar aprendizaje automático");
  }
}
