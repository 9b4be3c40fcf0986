package dev.talentgraph.ml.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.talentgraph.ml.model.Algorithm;
import dev.talentgraph.ml.model.TrainerSpec;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cross-validation on a 300-row fixture whose label depends on tenure, overtime, satisfaction and
 * department (generated with a known logistic model; Noise is pure noise, Age and Gender play no
 * part).
 */
class TabularCrossValidationTests {
  @TempDir Path tmp;

  static Path fixture() throws URISyntaxException {
    return Path.of(
        TabularCrossValidationTests.class.getResource("/fixtures/attrition-small.csv").toURI());
  }

  static TabularOptions options(String label, String positive, List<String> drop) {
    return new TabularOptions(
        label,
        positive,
        drop,
        List.of(),
        List.of(),
        5,
        0.5,
        TrainerSpec.defaults(Algorithm.LOGISTIC_REGRESSION, 1));
  }

  @Test
  void learnsMoreThanBothBaselinesAndExcludesProtectedAndConstantColumns() throws Exception {
    TabularCrossValidation.Result r =
        TabularCrossValidation.run(
            CsvTable.read(fixture()), options("Left", "Yes", List.of("EmployeeId")), s -> {});
    TabularReport rep = r.report();
    assertThat(rep.data().rows()).isEqualTo(300);
    assertThat(rep.data().positives()).isEqualTo(66);
    assertThat(rep.data().protectedColumns()).containsExactly("Age", "Gender");
    assertThat(rep.data().constant()).containsExactly("EmployeeCount");
    assertThat(rep.data().features())
        .containsExactly("YearsAtCompany", "OverTime", "Department", "JobSatisfaction", "Noise");
    assertThat(rep.auc().mean()).isGreaterThan(0.75);
    assertThat(rep.auc().mean()).isGreaterThan(rep.baselines().bestFeature().auc().mean());
    assertThat(rep.baselines().majority().auc().mean()).isEqualTo(0.5);
    assertThat(rep.logLoss().mean()).isLessThan(rep.baselines().majority().logLoss().mean());
    assertThat(rep.fairness())
        .extracting(TabularReport.FairnessRow::attribute)
        .containsExactly("Age", "Gender");
    assertThat(rep.fairness().get(0).groups())
        .extracting(TabularReport.GroupRow::group)
        .containsExactly("40 or over", "under 40");
    assertThat(rep.calibration()).hasSize(10);
    assertThat(rep.calibration().stream().mapToInt(TabularReport.CalibrationRow::count).sum())
        .isEqualTo(300);
  }

  @Test
  void sameSeedGivesAnIdenticalReport() throws Exception {
    TabularReport a =
        TabularCrossValidation.run(
                CsvTable.read(fixture()), options("Left", "Yes", List.of()), s -> {})
            .report();
    TabularReport b =
        TabularCrossValidation.run(
                CsvTable.read(fixture()), options("Left", "Yes", List.of()), s -> {})
            .report();
    assertThat(TabularCrossValidation.toJson(a)).isEqualTo(TabularCrossValidation.toJson(b));
    TabularOptions other =
        new TabularOptions(
            "Left",
            "Yes",
            List.of(),
            List.of(),
            List.of(),
            5,
            0.5,
            TrainerSpec.defaults(Algorithm.LOGISTIC_REGRESSION, 2));
    TabularReport c = TabularCrossValidation.run(CsvTable.read(fixture()), other, s -> {}).report();
    assertThat(c.auc().mean()).isNotEqualTo(a.auc().mean());
  }

  @Test
  void protectedOptionAddsColumnsAndFactorizationMachineRuns() throws Exception {
    TabularOptions o =
        new TabularOptions(
            "Left",
            null,
            List.of("EmployeeId"),
            List.of("Department"),
            List.of(),
            3,
            0.5,
            TrainerSpec.defaults(Algorithm.FM_CLASSIFICATION, 1));
    TabularReport r = TabularCrossValidation.run(CsvTable.read(fixture()), o, s -> {}).report();
    assertThat(r.data().positive()).isEqualTo("Yes"); // inferred from a two-valued label
    assertThat(r.data().protectedColumns()).contains("Department");
    assertThat(r.data().features()).doesNotContain("Department");
    assertThat(r.auc().mean()).isGreaterThan(0.7);
  }

  @Test
  void writesJsonTextAndSvgPlotsNextToEachOther() throws Exception {
    TabularCrossValidation.Result r =
        TabularCrossValidation.run(
            CsvTable.read(fixture()), options("Left", "Yes", List.of()), s -> {});
    TabularReport rep = TabularCrossValidation.writeFiles(r, tmp, "small");
    assertThat(Files.readString(tmp.resolve("small.json")))
        .contains("\"auc\"")
        .contains("\"mean\"");
    assertThat(Files.readString(tmp.resolve("small-roc.svg")))
        .startsWith("<svg")
        .contains("polyline");
    assertThat(Files.readString(tmp.resolve("small-calibration.svg"))).contains("circle");
    assertThat(Files.readString(tmp.resolve("small.txt")))
        .contains("majority class")
        .contains("best single feature")
        .contains("demographic parity difference");
    assertThat(rep.files()).containsKeys("json", "text", "roc", "calibration");
  }

  private Path csv(String content) throws IOException {
    Path p = tmp.resolve("bad.csv");
    Files.writeString(p, content);
    return p;
  }

  @Test
  void labelColumnThatDoesNotExist() throws Exception {
    assertThatThrownBy(
            () ->
                TabularCrossValidation.run(
                    CsvTable.read(fixture()), options("Attrition", "Yes", List.of()), s -> {}))
        .isInstanceOf(TabularInputException.class)
        .hasMessageContaining("no column 'Attrition'")
        .hasMessageContaining("Left");
  }

  @Test
  void singleClassLabel() throws Exception {
    Path p = csv("x,y\n1,a\n2,a\n3,a\n");
    assertThatThrownBy(
            () ->
                TabularCrossValidation.run(
                    CsvTable.read(p), options("y", null, List.of()), s -> {}))
        .isInstanceOf(TabularInputException.class)
        .hasMessageContaining("single class");
  }

  @Test
  void csvWithNoRows() throws Exception {
    Path p = csv("x,y\n");
    assertThatThrownBy(() -> CsvTable.read(p))
        .isInstanceOf(TabularInputException.class)
        .hasMessageContaining("no data rows");
    Path empty = csv("");
    assertThatThrownBy(() -> CsvTable.read(empty)).hasMessageContaining("empty");
  }

  @Test
  void nonNumericValueInANumericColumnNamesLineAndColumn() throws Exception {
    StringBuilder s = new StringBuilder("x,y\n");
    for (int i = 0; i < 120; i++)
      s.append(i == 57 ? "abc" : String.valueOf(i)).append(',').append(i % 2).append('\n');
    Path p = csv(s.toString());
    assertThatThrownBy(
            () ->
                TabularCrossValidation.run(CsvTable.read(p), options("y", "1", List.of()), x -> {}))
        .isInstanceOf(TabularInputException.class)
        .hasMessageContaining("bad.csv:59")
        .hasMessageContaining("column 'x' is numeric")
        .hasMessageContaining("'abc'");
  }

  @Test
  void tooFewRowsForTheFolds() throws Exception {
    Path p = csv("x,y\n1,1\n2,0\n3,0\n4,1\n5,0\n6,0\n");
    assertThatThrownBy(
            () ->
                TabularCrossValidation.run(CsvTable.read(p), options("y", "1", List.of()), x -> {}))
        .isInstanceOf(TabularInputException.class)
        .hasMessageContaining("too few rows for 5 folds");
  }

  @Test
  void raggedRowNamesItsLine() throws Exception {
    Path p = csv("x,y\n1,1\n2\n");
    assertThatThrownBy(() -> CsvTable.read(p))
        .hasMessageContaining("bad.csv:3")
        .hasMessageContaining("1 fields");
  }

  @Test
  void positiveValueThatNeverOccurs() throws Exception {
    assertThatThrownBy(
            () ->
                TabularCrossValidation.run(
                    CsvTable.read(fixture()), options("Left", "yes", List.of()), s -> {}))
        .hasMessageContaining("positive value 'yes' never occurs");
  }
}
