package dev.talentgraph.ml.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model families in nested cross-validation, on data whose label is an interaction (the sign of
 * x times y): invisible to a linear model, plain to trees and to product features.
 */
class TabularFamiliesTests {
  @TempDir Path tmp;

  Path xorCsv() throws Exception {
    SplittableRandom r = new SplittableRandom(5);
    StringBuilder sb = new StringBuilder("x,y,noise,label\n");
    for (int i = 0; i < 400; i++) {
      double x = r.nextDouble(-1, 1);
      double y = r.nextDouble(-1, 1);
      boolean label = x * y > 0 ? r.nextDouble() < 0.9 : r.nextDouble() < 0.1;
      sb.append(
          String.format(
              java.util.Locale.ROOT, "%.4f,%.4f,%.4f,%d%n", x, y, r.nextDouble(), label ? 1 : 0));
    }
    Path f = tmp.resolve("xor.csv");
    Files.writeString(f, sb.toString());
    return f;
  }

  @Test
  void treesAndInteractionsFindWhatALinearModelCannotAndTheInnerChoiceFollows() throws Exception {
    TabularOptions o = TabularCrossValidationTests.options("label", "1", List.of());
    TabularFamilies.Result r = TabularCrossValidation.families(CsvTable.read(xorCsv()), o, s -> {});
    assertThat(r.families())
        .extracting(TabularFamilies.FamilyResult::family)
        .containsExactly(
            "logistic regression (as given)",
            "logistic regression + interactions",
            "factorization machine",
            "gradient-boosted trees (XGBoost)",
            "logistic regression, engineered features",
            "mean of engineered logistic and trees");
    double plain = r.families().get(0).auc().mean();
    double interactions = r.families().get(1).auc().mean();
    double trees = r.families().get(3).auc().mean();
    assertThat(plain).isLessThan(0.65);
    assertThat(interactions).isGreaterThan(0.8);
    assertThat(trees).isGreaterThan(0.8);
    // chosen per fold on the inner folds only, never the plain model here
    assertThat(r.chosen().chosen()).hasSize(5).doesNotContain("logistic regression (as given)");
    assertThat(r.chosen().auc().mean()).isGreaterThan(0.8);
    assertThat(r.families().get(3).chosen()).allMatch(c -> c.contains("trees, depth"));
    // same seed, same figures
    TabularFamilies.Result again =
        TabularCrossValidation.families(CsvTable.read(xorCsv()), o, s -> {});
    assertThat(again.chosen().auc().mean()).isEqualTo(r.chosen().auc().mean());
    assertThat(r.toText()).contains("chosen by inner cross-validation");
  }
}
