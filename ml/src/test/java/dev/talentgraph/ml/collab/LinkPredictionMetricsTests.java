package dev.talentgraph.ml.collab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Every metric against figures worked out by hand. */
class LinkPredictionMetricsTests {

  static final double[] NEG = {5, 4, 3, 2, 1};

  @Test
  void hitsAtKCountsOnlyPositivesStrictlyAboveTheKthNegative() {
    // K = 2: the 2nd highest negative is 4; 4.0 ties it and does not count (OGB), 4.5 and 6 do
    double[] pos = {4.0, 4.5, 6, 1};
    assertThat(LinkPredictionMetrics.hitsAtK(pos, NEG, 2)).isEqualTo(0.5);
    // K = 1: threshold 5; only 6
    assertThat(LinkPredictionMetrics.hitsAtK(pos, NEG, 1)).isEqualTo(0.25);
    // K = 5: threshold 1; 1 ties, the other three count
    assertThat(LinkPredictionMetrics.hitsAtK(pos, NEG, 5)).isEqualTo(0.75);
  }

  @Test
  void hitsAtKIsOneWithFewerThanKNegatives() {
    assertThat(LinkPredictionMetrics.hitsAtK(new double[] {0}, NEG, 6)).isEqualTo(1.0);
  }

  @Test
  void hitsAtKTieRuleMakesAConstantScoreWorthNothing() {
    double[] pos = {0, 0, 0};
    double[] neg = {0, 0, 0, 0};
    assertThat(LinkPredictionMetrics.hitsAtK(pos, neg, 2)).isZero();
  }

  @Test
  void mrrRanksEachPositiveAmongTheNegativesWithHalfCostTies() {
    // 3.5 below 5 and 4: rank 3
    assertThat(LinkPredictionMetrics.mrr(new double[] {3.5}, new double[] {5, 4, 3}))
        .isCloseTo(1.0 / 3, within(1e-12));
    // 4 below 5, tied with 4: optimistic rank 2, pessimistic 3 -> 2.5
    assertThat(LinkPredictionMetrics.mrr(new double[] {4}, new double[] {5, 4, 3}))
        .isCloseTo(0.4, within(1e-12));
    // mean of 1/1 and 1/4
    assertThat(LinkPredictionMetrics.mrr(new double[] {9, 0}, new double[] {5, 4, 3}))
        .isCloseTo(0.625, within(1e-12));
  }

  @Test
  void aucIsTheShareOfPositiveNegativePairsOrderedRightTiesHalf() {
    // 3 beats 2, ties 3 (1.5); 1 beats none: 1.5 / 4
    assertThat(LinkPredictionMetrics.auc(new double[] {3, 1}, new double[] {2, 3}))
        .isCloseTo(0.375, within(1e-12));
    assertThat(LinkPredictionMetrics.auc(new double[] {10}, NEG)).isEqualTo(1.0);
    assertThat(LinkPredictionMetrics.auc(new double[] {0}, NEG)).isEqualTo(0.0);
  }

  @Test
  void refusesEmptyInputsAndNaN() {
    assertThatThrownBy(() -> LinkPredictionMetrics.auc(new double[0], NEG))
        .hasMessageContaining("no positives");
    assertThatThrownBy(() -> LinkPredictionMetrics.mrr(new double[] {1}, new double[0]))
        .hasMessageContaining("no negatives");
    assertThatThrownBy(() -> LinkPredictionMetrics.hitsAtK(new double[] {Double.NaN}, NEG, 1))
        .hasMessageContaining("NaN");
    assertThatThrownBy(() -> LinkPredictionMetrics.hitsAtK(new double[] {1}, NEG, 0))
        .hasMessageContaining("K must be");
  }
}
