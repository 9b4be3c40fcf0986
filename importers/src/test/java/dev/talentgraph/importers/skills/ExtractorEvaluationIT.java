package dev.talentgraph.importers.skills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.talentgraph.importers.ImportReport;
import dev.talentgraph.importers.ImportRunner;
import dev.talentgraph.importers.TestGraph;
import dev.talentgraph.importers.aan.AanImporter;
import dev.talentgraph.importers.esco.EscoImporter;
import dev.talentgraph.importers.onet.OnetImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of the skill extractor on a hand-labelled set of resume and posting excerpts
 * ({@code src/test/resources/skill-extraction/labelled.jsonl}: each text with the taxonomy skills a
 * reader finds in it, by their canonical names), first with the ESCO + O*NET taxonomy alone, then
 * with the emerging skills the AAN import learns; and the share of AAN papers that carry a skill.
 * Needs the real data sets (TALENT_DATASETS).
 */
class ExtractorEvaluationIT {
  record Labelled(String id, String text, Set<String> gold) {}

  record Score(int tp, int fp, int fn, List<String> errors) {
    double precision() {
      return tp + fp == 0 ? 1 : tp / (double) (tp + fp);
    }

    double recall() {
      return tp + fn == 0 ? 1 : tp / (double) (tp + fn);
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "precision %.3f, recall %.3f (tp %d, fp %d, fn %d)",
          precision(),
          recall(),
          tp,
          fp,
          fn);
    }
  }

  static List<Labelled> labelled = new ArrayList<>();
  static Score taxonomyOnly;
  static Score withEmerging;
  static Score emergingPhrasesEverywhere;
  static Score emergingEverywhere;
  static double aanCoverage;

  @BeforeAll
  static void evaluate() throws Exception {
    assumeTrue(TestGraph.hasDatasets(), "TALENT_DATASETS not present");
    ObjectMapper om = new ObjectMapper();
    for (String line :
        Files.readAllLines(Path.of("src/test/resources/skill-extraction/labelled.jsonl"))) {
      if (line.isBlank()) continue;
      JsonNode n = om.readTree(line);
      Set<String> gold = new TreeSet<>();
      n.get("skills").forEach(s -> gold.add(s.asText().toLowerCase(Locale.ROOT)));
      labelled.add(new Labelled(n.get("id").asText(), n.get("text").asText(), gold));
    }
    TestGraph.reset();
    ImportRunner.run(new EscoImporter(), TestGraph.datasets().resolve("esco"), TestGraph.context());
    ImportRunner.run(new OnetImporter(), TestGraph.datasets().resolve("onet"), TestGraph.context());
    taxonomyOnly = score(TestGraph.context().skillExtractor());
    ImportReport aan =
        ImportRunner.run(
            new AanImporter(), TestGraph.datasets().resolve("aan"), TestGraph.context());
    withEmerging = score(TestGraph.context().skillExtractor());
    // What the emerging skills would do if they were used outside the titles they were learned
    // from.
    emergingPhrasesEverywhere =
        score(
            new SkillExtractor(
                SkillDictionary.load(
                    TestGraph.context()::query,
                    e -> "aan".equals(e.source()) && e.name().contains(" "))));
    emergingEverywhere =
        score(
            new SkillExtractor(
                SkillDictionary.load(TestGraph.context()::query, e -> "aan".equals(e.source()))));
    long papers = TestGraph.count("MATCH (p:Publication {source: 'aan'}) RETURN count(p)");
    long about =
        TestGraph.count(
            "MATCH (p:Publication {source: 'aan'}) WHERE (p)-[:ABOUT]->() RETURN count(p)");
    aanCoverage = about / (double) papers;
    System.out.println(
        "Skill extractor on "
            + labelled.size()
            + " labelled texts ("
            + labelled.stream().mapToInt(l -> l.gold().size()).sum()
            + " gold skills):");
    System.out.println("  ESCO + O*NET:                  " + taxonomyOnly);
    System.out.println(
        "  after the AAN import (emerging skills scoped to titles): " + withEmerging);
    System.out.println(
        "  if emerging phrases were used everywhere:              " + emergingPhrasesEverywhere);
    System.out.println(
        "  if all emerging skills were used everywhere:           " + emergingEverywhere);
    System.out.printf(
        Locale.ROOT,
        "  AAN papers with a skill: %d of %d (%.1f%%)%n",
        about,
        papers,
        100 * aanCoverage);
    withEmerging.errors().forEach(e -> System.out.println("  " + e));
    emergingEverywhere.errors().stream()
        .filter(e -> !withEmerging.errors().contains(e))
        .forEach(e -> System.out.println("  (if used everywhere) " + e));
    aan.notes().forEach(n -> System.out.println("  aan: " + n));
  }

  static Score score(SkillExtractor extractor) {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    List<String> errors = new ArrayList<>();
    for (Labelled l : labelled) {
      Set<String> found =
          extractor.distinctSkills(l.text()).stream()
              .map(m -> m.skillName().toLowerCase(Locale.ROOT))
              .collect(Collectors.toCollection(TreeSet::new));
      for (String f : found) {
        if (l.gold().contains(f)) tp++;
        else {
          fp++;
          errors.add(l.id() + " false positive: " + f);
        }
      }
      for (String g : l.gold()) {
        if (!found.contains(g)) {
          fn++;
          errors.add(l.id() + " missed: " + g);
        }
      }
    }
    return new Score(tp, fp, fn, errors);
  }

  @Test
  void labelledSetIsLargeEnough() {
    assertThat(labelled).hasSizeGreaterThanOrEqualTo(40);
    assertThat(labelled.stream().filter(l -> l.id().startsWith("jobs:"))).isNotEmpty();
    assertThat(labelled.stream().filter(l -> l.id().startsWith("resumes:"))).isNotEmpty();
  }

  @Test
  void precisionAndRecallOnTheLabelledSet() {
    assertThat(taxonomyOnly.precision()).isGreaterThanOrEqualTo(0.85);
    assertThat(taxonomyOnly.recall()).isGreaterThanOrEqualTo(0.75);
  }

  @Test
  void emergingSkillsDoNotLowerPrecision() {
    assertThat(withEmerging.precision()).isGreaterThanOrEqualTo(taxonomyOnly.precision());
    assertThat(withEmerging.recall()).isGreaterThanOrEqualTo(taxonomyOnly.recall());
  }

  @Test
  void atLeastEightyPercentOfAanPapersCarryASkill() {
    assertThat(aanCoverage).isGreaterThanOrEqualTo(0.80);
  }
}
