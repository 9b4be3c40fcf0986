package dev.talentgraph.importers.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talentgraph.importers.ImportContext;
import dev.talentgraph.importers.ImportOptions;
import dev.talentgraph.importers.skills.SkillDictionary;
import dev.talentgraph.importers.skills.SkillExtractor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code eval extractor} code path on a four-file data set: coverage before and after the
 * synonyms, precision per stratum from judgements, and Jaccard agreement per language.
 */
class ExtractorEvaluationTests {
  static final String PM = "esco:skill/pm";
  static final String BUDGET = "esco:skill/budget";

  @Test
  void coveragePrecisionAndAgreementOnATinyDataSet(@TempDir Path data) throws Exception {
    Files.createDirectories(data.resolve("resumes"));
    Files.createDirectories(data.resolve("jobs"));
    Path occ = Files.createDirectories(data.resolve("esco-i18n/occupations-v1.0.8"));
    Files.writeString(
        data.resolve("resumes/UpdatedResumeDataSet.csv"),
        "Category,Resume\nPM,\"Skills: project management\"\nPM,\"Skills: budgeting\"\n");
    Files.writeString(
        data.resolve("jobs/job_skills.csv"),
        "Company;Title;Category;Location;Responsibilities;Minimum Qualifications;Preferred Qualifications\n"
            + "G;Manager;PM;X;Own the budgeting;Nothing;None\n");
    String header = "conceptUri,preferredLabel,description\n";
    Files.writeString(
        occ.resolve("occupations_en.csv"),
        header + "u1,manager,\"Leads project management and budgeting.\"\n");
    Files.writeString(
        occ.resolve("occupations_es.csv"),
        header + "u1,gerente,\"Dirige la gestión de proyectos.\"\n");
    SkillDictionary.Builder base =
        SkillDictionary.builder().add(PM, "project management", List.of(), "esco");
    SkillExtractor before =
        new SkillExtractor(base.add(BUDGET, "manage budgets", List.of(), "esco").build());
    SkillExtractor after =
        new SkillExtractor(
            SkillDictionary.builder()
                .add(PM, "project management", List.of(), "esco")
                .add(BUDGET, "manage budgets", List.of(), "esco")
                .labels(BUDGET, "en", List.of("budgeting"))
                .build());
    SkillExtractor all =
        new SkillExtractor(
            SkillDictionary.builder()
                .add(PM, "project management", List.of(), "esco")
                .add(BUDGET, "manage budgets", List.of(), "esco")
                .labels(BUDGET, "en", List.of("budgeting"))
                .labels(PM, "es", List.of("gestión de proyectos"))
                .build());
    ImportContext ctx = new ImportContext(null, "neo4j", ImportOptions.defaults(), null);
    Map<String, Boolean> judged = Map.of("resume:L2 " + PM, true, "resume:L3 " + BUDGET, false);

    ExtractorEvaluation.Report r =
        ExtractorEvaluation.run(data, ctx, before, after, all, judged, s -> {});

    ExtractorEvaluation.Coverage resumesBefore = r.coverage().get(0);
    ExtractorEvaluation.Coverage resumesAfter = r.coverage().get(1);
    assertThat(resumesBefore.documents()).isEqualTo(2);
    assertThat(resumesBefore.withSkill()).isEqualTo(1);
    assertThat(resumesAfter.withSkill()).isEqualTo(2);
    assertThat(r.coverage().get(3).withSkill()).as("the posting, after").isEqualTo(1);
    assertThat(r.precision().get(0).value()).isEqualTo(1.0);
    assertThat(r.precision().get(1).value()).isEqualTo(0.0);
    ExtractorEvaluation.Agreement es =
        r.agreement().stream().filter(a -> a.language().equals("es")).findFirst().orElseThrow();
    assertThat(es.occupations()).isEqualTo(1);
    assertThat(es.meanJaccard()).as("{pm} vs {pm, budget}").isEqualTo(0.5);
    assertThat(ExtractorEvaluation.table(r)).contains("| resumes | 2 | 50.0% | 100.0% |");
  }
}
