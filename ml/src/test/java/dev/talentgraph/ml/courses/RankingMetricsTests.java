package dev.talentgraph.ml.courses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RankingMetricsTests {

  @Test
  void ndcgWithOneRelevantItemIsOneOverLog2OfRankPlusOne() {
    assertThat(RankingMetrics.ndcg(1)).isEqualTo(1.0);
    assertThat(RankingMetrics.ndcg(2)).isCloseTo(1 / (Math.log(3) / Math.log(2)), within(1e-12));
    assertThat(RankingMetrics.ndcg(3)).isCloseTo(0.5, within(1e-12)); // log2(4) = 2
    assertThat(RankingMetrics.ndcg(7)).isCloseTo(1.0 / 3, within(1e-12)); // log2(8) = 3
  }

  @Test
  void hitRatesNdcgAndMrrAverageOverUsers() {
    RankingMetrics m = new RankingMetrics();
    m.add(1); // hit@5, hit@10, ndcg 1, rr 1
    m.add(3); // hit@5, hit@10, ndcg 0.5, rr 1/3
    m.add(7); // hit@10 only, ndcg 1/3, rr 1/7
    m.add(20); // miss, ndcg 0, rr 1/20
    assertThat(m.users()).isEqualTo(4);
    assertThat(m.hr5()).isCloseTo(0.5, within(1e-12));
    assertThat(m.hr10()).isCloseTo(0.75, within(1e-12));
    assertThat(m.ndcg10()).isCloseTo((1 + 0.5 + 1.0 / 3) / 4, within(1e-12));
    assertThat(m.mrr()).isCloseTo((1 + 1.0 / 3 + 1.0 / 7 + 1.0 / 20) / 4, within(1e-12));
  }

  @Test
  void rankCountsOnlyCandidatesAndBreaksTiesByTheFixedOrder() {
    double[] scores = {5, 9, 3, 3, 1};
    boolean[] excluded = {false, true, false, false, false};
    int[] tie = {0, 1, 2, 3, 4};
    // item 1 scores higher but is excluded (already taken): item 0 is first
    assertThat(RankingMetrics.rankOf(scores, 0, excluded, tie)).isEqualTo(1);
    // items 2 and 3 tie; the tie order puts 2 before 3
    assertThat(RankingMetrics.rankOf(scores, 2, excluded, tie)).isEqualTo(2);
    assertThat(RankingMetrics.rankOf(scores, 3, excluded, tie)).isEqualTo(3);
    int[] reversed = {4, 3, 2, 1, 0};
    assertThat(RankingMetrics.rankOf(scores, 3, excluded, reversed)).isEqualTo(2);
    assertThat(RankingMetrics.rankOf(scores, 4, excluded, tie)).isEqualTo(4);
  }

  @Test
  void tieOrderIsAPermutationFixedBySeed() {
    int[] a = RankingMetrics.tieOrder(50, 7);
    assertThat(a).containsExactlyInAnyOrder(java.util.stream.IntStream.range(0, 50).toArray());
    assertThat(RankingMetrics.tieOrder(50, 7)).isEqualTo(a);
    assertThat(RankingMetrics.tieOrder(50, 8)).isNotEqualTo(a);
  }

  @Test
  void rejectsZeroRank() {
    assertThatThrownBy(() -> new RankingMetrics().add(0)).hasMessageContaining("1-based");
  }
}
