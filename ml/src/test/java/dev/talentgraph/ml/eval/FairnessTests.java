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

  @Test
  void unknownGroupsAreCountedApartNotComparedAsAGroup() {
    // without the unknowns F selects 1/2 and M 2/2; the unknowns (all refused) would otherwise
    // make a third group at rate 0 and widen the gap to 1
    String[] g = {"F", "F", "M", "M", null, "(missing)", null};
    boolean[] d = {true, false, true, true, false, false, false};
    boolean[] y = {true, false, true, true, true, false, true};
    Fairness.Report r = Fairness.evaluate("gender", g, d, y);
    assertThat(r.unknown()).isEqualTo(3);
    assertThat(r.groups()).extracting(Fairness.GroupRates::group).containsExactly("F", "M");
    assertThat(r.demographicParityDifference()).isCloseTo(0.5, within(1e-12));
    assertThat(r.equalOpportunityDifference()).isZero();
  }
}
