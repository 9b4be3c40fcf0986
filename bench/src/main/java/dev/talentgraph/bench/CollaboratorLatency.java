package dev.talentgraph.bench;

import dev.talentgraph.ml.collab.CollabGraph;
import dev.talentgraph.ml.collab.CollaboratorRanker;
import dev.talentgraph.ml.collab.CollaboratorRecommender;
import dev.talentgraph.ml.collab.EdgeList;
import dev.talentgraph.ml.collab.Neo4jCollabGraphLoader;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Latency of {@link CollaboratorRecommender#recommend} over seeded random experts, single-threaded,
 * after a warm-up, on a graph already in memory (the product loads it once at start-up).
 */
final class CollaboratorLatency {
  private CollaboratorLatency() {}

  /** Percentiles in milliseconds, plus how the graph and the recommender were built. */
  public record Latency(
      String graph,
      int experts,
      int collaborations,
      int queries,
      double p50,
      double p90,
      double p99,
      double max,
      double cpuP50,
      double cpuP99,
      double meanItems,
      double setupSeconds) {
    public String line() {
      return String.format(
          Locale.ROOT,
          "%-26s experts %,8d  collaborations %,8d  queries %,5d  wall p50 %6.2f  p90 %6.2f  p99 %6.2f  max %7.2f ms;"
              + "  thread CPU p50 %6.2f  p99 %6.2f ms  (setup %.1f s)",
          graph,
          experts,
          collaborations,
          queries,
          p50,
          p90,
          p99,
          max,
          cpuP50,
          cpuP99,
          setupSeconds);
    }
  }

  static Latency measure(
      String name,
      CollaboratorRecommender rec,
      int queries,
      int warmup,
      long seed,
      double setupSeconds) {
    CollabGraph g = rec.graph();
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < warmup; i++) rec.recommend(g.id(r.nextInt(g.size())), 10, null);
    long[] ns = new long[queries];
    long[] cpu = new long[queries];
    long items = 0;
    // wall time is what a caller waits; thread CPU time is the work, without the waits of a shared
    // machine
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    boolean cpuTime = mx.isCurrentThreadCpuTimeSupported();
    r = new SplittableRandom(seed + 1);
    for (int i = 0; i < queries; i++) {
      String id = g.id(r.nextInt(g.size()));
      long c = cpuTime ? mx.getCurrentThreadCpuTime() : 0;
      long t = System.nanoTime();
      var out = rec.recommend(id, 10, null);
      ns[i] = System.nanoTime() - t;
      cpu[i] = cpuTime ? mx.getCurrentThreadCpuTime() - c : 0;
      items += out.items().size();
    }
    Arrays.sort(ns);
    Arrays.sort(cpu);
    return new Latency(
        name,
        g.size(),
        g.edgeCount(),
        queries,
        pct(ns, 0.50),
        pct(ns, 0.90),
        pct(ns, 0.99),
        ns[ns.length - 1] / 1e6,
        pct(cpu, 0.50),
        pct(cpu, 0.99),
        (double) items / queries,
        setupSeconds);
  }

  static double pct(long[] sorted, double q) {
    int i = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }

  /**
   * A recommender over a graph with a ranker trained on the graph's own earlier snapshot (positives
   * capped).
   */
  static CollaboratorRecommender temporalRecommender(
      CollabGraph earlier,
      CollabGraph later,
      CollabGraph serving,
      int maxPositives,
      long seed,
      Consumer<String> progress) {
    long[] pos = Neo4jCollabGraphLoader.newPairs(earlier, later);
    if (pos.length > maxPositives) {
      EdgeList.shuffle(pos, new SplittableRandom(seed));
      pos = Arrays.copyOf(pos, maxPositives);
      Arrays.sort(pos);
    }
    progress.accept(String.format(Locale.ROOT, "training the ranker on %,d new pairs", pos.length));
    CollaboratorRanker ranker =
        CollaboratorRanker.train(
            earlier,
            pos,
            CollaboratorRanker.Settings.defaults(seed),
            "benchmark snapshot " + earlier);
    progress.accept("embedding the serving graph");
    return new CollaboratorRecommender(serving, ranker);
  }
}
