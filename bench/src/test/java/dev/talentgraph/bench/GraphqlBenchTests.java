package dev.talentgraph.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The warm-up rule of {@code bench graphql}: go on while the JIT is still raising the throughput.
 */
class GraphqlBenchTests {

  @Test
  void aWarmUpCurveThatIsStillRisingHasNotSettled() {
    // the curve of one run on 2 cores (20 s chunks): compilation until about 100 s, then flat
    // within noise
    List<Double> curve = List.of(510.0, 890.0, 1121.0, 1423.0, 1904.0, 2391.0, 2351.0, 2249.0);
    assertThat(GraphqlBench.settled(curve.subList(0, 2), 0.10))
        .as("fewer than three chunks")
        .isFalse();
    for (int n = 3; n <= 6; n++)
      assertThat(GraphqlBench.settled(curve.subList(0, n), 0.10))
          .as("first %d chunks", n)
          .isFalse();
    assertThat(GraphqlBench.settled(curve.subList(0, 7), 0.10))
        .as("1904 is 20%% below 2391")
        .isFalse();
    assertThat(GraphqlBench.settled(curve, 0.10)).isTrue();
    assertThat(GraphqlBench.settled(curve, 0.03))
        .as("a tighter tolerance waits for less noise")
        .isFalse();
  }

  @Test
  void noThroughputIsNeverSettled() {
    assertThat(GraphqlBench.settled(List.of(0.0, 0.0, 0.0), 0.10)).isFalse();
  }

  @Test
  void theCurveIsPrintedAsWholeRequestsPerSecond() {
    assertThat(GraphqlBench.curve(List.of(510.4, 889.6, 2391.0))).isEqualTo("510 890 2391");
  }
}
