package dev.talentgraph.ml.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FairnessTests {

  @Test
  void gapsInSelectionAndTruePositiveRates() {
    String[] g = {"F", "F", "F", "F", "M", "M", "M", "M"};
    boolean[] d = {true, false, false, false, true, true, true, false};
    boolean[] y = {true, true, false, false, true, true, false, false};
    Fairness.Report r = Fairness.evaluate("gender", g, d, y);
    // selection: F 1/4, M 3/4; TPR: F 1/2, M 2/2
    assertThat(r.demographicParityDifference()).isCloseTo(0.5, within(1e-12));
    assertThat(r.equalOpportunityDifference()).isCloseTo(0.5, within(1e-12));
    assertThat(r.groups()).extracting(Fairness.GroupRates::group).containsExactly("F", "M");
  }

  @Test
  void parityIsZeroAndGroupsWithoutPositivesAreLeftOutOfEqualOpportunity() {
    String[] g = {"a", "a", "b", "b", "c"};
    boolean[] d = {true, false, true, false, true};
    boolean[] y = {true, false, true, false, false};
    Fairness.Report r = Fairness.evaluate("x", g, d, y);
    assertThat(r.equalOpportunityDifference()).isZero(); // c has no positives
    assertThat(r.groups().get(2).truePositiveRate()).isNaN();
    assertThat(r.demographicParityDifference()).isCloseTo(0.5, within(1e-12)); // c selects 1/1
  }
}
