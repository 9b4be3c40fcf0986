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
  void aFlatCurveWhileTheCompilerIsStillBusyHasNotSettled() {
    List<Double> flat = List.of(389.0, 391.0, 438.0, 439.0, 417.0);
    assertThat(GraphqlBench.settled(flat, List.of(15.0, 15.0, 14.0, 12.0, 9.0), 0.10, 0.75))
        .as("within 10%% but compiling for 9 s of a 15 s chunk")
        .isFalse();
    assertThat(GraphqlBench.settled(flat, List.of(15.0, 15.0, 14.0, 3.0, 0.4), 0.10, 0.75))
        .isTrue();
    assertThat(GraphqlBench.settled(flat, List.of(15.0, Double.NaN), 0.10, 0.75))
        .as("compile time unknown: the throughput rule alone")
        .isTrue();
    assertThat(GraphqlBench.settled(List.of(100.0, 200.0, 400.0), List.of(0.0), 0.10, 0.75))
        .as("the compiler is quiet but the throughput still rises")
        .isFalse();
  }

  @Test
  void theCompileTimeIsReadFromJstat() {
    String out =
        "Compiled Failed Invalid   Time   FailedType FailedMethod\n"
            + "   36272      1       0   123.45          1 org/x/Y z\n";
    assertThat(BenchSupport.compileSeconds(out)).isEqualTo(123.45);
    assertThat(BenchSupport.compileSeconds("12345: no such process")).isNaN();
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
