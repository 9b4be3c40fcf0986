package dev.talentgraph.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The figures of {@code bench soak}: nearest-rank quantiles and the heap read from a scrape. */
class SoakBenchTests {
  @Test
  void quantilesByNearestRank() {
    long[] sorted = new long[100];
    for (int i = 0; i < 100; i++) sorted[i] = i + 1;
    assertThat(SoakBench.quantile(sorted, 0.50)).isEqualTo(50);
    assertThat(SoakBench.quantile(sorted, 0.99)).isEqualTo(99);
    assertThat(SoakBench.quantile(new long[] {7}, 0.99)).isEqualTo(7);
    assertThat(SoakBench.quantile(new long[0], 0.99)).isZero();
  }

  @Test
  void heapFiguresAreSummedFromThePrometheusText() {
    String scrape =
        """
        # HELP jvm_gc_live_data_size_bytes Size of long-lived heap memory pool after reclamation
        # TYPE jvm_gc_live_data_size_bytes gauge
        jvm_gc_live_data_size_bytes 1.5E8
        talentgraph_jvm_heap_after_gc_bytes 2.5E8
        jvm_memory_used_bytes{area="heap",id="PS Eden Space"} 1.0E8
        jvm_memory_used_bytes{area="heap",id="PS Old Gen"} 2.0E8
        jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 9.0E7
        """;
    assertThat(SoakBench.scrape(scrape, "talentgraph_jvm_heap_after_gc_bytes", null))
        .isEqualTo(2.5e8);
    assertThat(SoakBench.scrape(scrape, "jvm_memory_used_bytes", "area=\"heap\"")).isEqualTo(3.0e8);
    assertThat(SoakBench.scrape(scrape, "jvm_memory_used_bytes", "Old Gen")).isEqualTo(2.0e8);
    assertThat(SoakBench.scrape(scrape, "jvm_gc_pause_seconds_max", null)).isNaN();
  }
}
