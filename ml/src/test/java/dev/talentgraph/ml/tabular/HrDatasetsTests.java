package dev.talentgraph.ml.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.talentgraph.ml.model.Algorithm;
import dev.talentgraph.ml.model.TrainerSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The published figures on the real HR tables: skipped when the data sets are absent. The directory
 * comes from TALENT_DATASETS, else the build's default ../shared/data.
 */
class HrDatasetsTests {

  static Path datasets() {
    String env = System.getenv("TALENT_DATASETS");
    String dir =
        env != null && !env.isBlank()
            ? env
            : System.getProperty("talent.datasets.default", "../shared/data");
    return Path.of(dir);
  }

  static Path require(String relative) {
    Path p = datasets().resolve(relative);
    assumeTrue(
        Files.isRegularFile(p),
        "data set " + p + " is absent; set TALENT_DATASETS to the shared data directory");
    return p;
  }

  private static TabularReport run(Path csv, String label, String positive, List<String> drop) {
    TabularOptions o =
        new TabularOptions(
            label,
            positive,
            drop,
            List.of(),
            List.of(),
            5,
            0.5,
            TrainerSpec.defaults(Algorithm.LOGISTIC_REGRESSION, 1));
    return TabularCrossValidation.run(CsvTable.read(csv), o, s -> {}).report();
  }

  @Test
  void ibmAttritionReachesAuc081AboveBothBaselines() {
    TabularReport r =
        run(
            require("hr/ibm-attrition/WA_Fn-UseC_-HR-Employee-Attrition.csv"),
            "Attrition",
            "Yes",
            List.of());
    assertThat(r.data().rows()).isEqualTo(1470);
    assertThat(r.data().protectedColumns())
        .containsExactlyInAnyOrder("Age", "Gender", "MaritalStatus");
    assertThat(r.auc().mean()).isGreaterThanOrEqualTo(0.81);
    assertThat(r.auc().mean()).isGreaterThan(r.baselines().bestFeature().auc().mean() + 0.05);
    assertThat(r.auc().mean()).isGreaterThan(r.baselines().majority().auc().mean() + 0.05);
    assertThat(r.fairness())
        .extracting(TabularReport.FairnessRow::attribute)
        .containsExactly("Age", "Gender", "MaritalStatus");
  }

  @Test
  void jobChangeReachesAuc078AboveBothBaselines() {
    TabularReport r =
        run(require("hr/job-change/aug_train.csv"), "target", "1", List.of("enrollee_id"));
    assertThat(r.data().rows()).isEqualTo(19158);
    assertThat(r.data().protectedColumns()).containsExactly("gender");
    assertThat(r.auc().mean()).isGreaterThanOrEqualTo(0.78);
    assertThat(r.auc().mean()).isGreaterThan(r.baselines().bestFeature().auc().mean() + 0.03);
    assertThat(r.auc().mean()).isGreaterThan(r.baselines().majority().auc().mean() + 0.05);
  }
}
