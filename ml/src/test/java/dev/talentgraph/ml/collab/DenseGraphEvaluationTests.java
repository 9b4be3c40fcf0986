package dev.talentgraph.ml.collab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A graph with fewer non-edges than the negatives asked for (USAir: about 49,000 against the
 * protocol's 100,000) is evaluated on all of its non-edges, and the report says so.
 */
class DenseGraphEvaluationTests {

  @TempDir Path dir;

  /** 60 nodes, each pair linked with probability 0.5: about 885 edges and 885 non-edges. */
  EdgeList dense(long seed) throws IOException {
    SplittableRandom r = new SplittableRandom(seed);
    StringBuilder sb = new StringBuilder("# dense\n");
    for (int u = 0; u < 60; u++) {
      for (int v = u + 1; v < 60; v++)
        if (r.nextBoolean()) sb.append(u).append('\t').append(v).append('\n');
    }
    Path f = dir.resolve("dense-" + seed + ".txt");
    Files.writeString(f, sb.toString());
    return EdgeList.load(f);
  }

  @Test
  void askingForMoreNonEdgesThanExistGivesEveryNonEdgeOnce() throws IOException {
    EdgeList.Split split = dense(1).split(0.1, 1);
    CollabGraph g = split.graph();
    Set<Long> exclude = PairSampler.asSet(split.positives());
    int[] nodes = g.connectedExperts();
    long[] all = PairSampler.nonEdges(g, nodes, 100_000, exclude, 1);
    long expected = (long) nodes.length * (nodes.length - 1) / 2 - g.edgeCount();
    for (long k : split.positives()) {
      if (g.degree(CollabGraph.pairFirst(k)) > 0 && g.degree(CollabGraph.pairSecond(k)) > 0)
        expected--;
    }
    assertThat(all).hasSize((int) expected);
    assertThat(Arrays.stream(all).distinct().count()).isEqualTo(all.length);
    for (long k : all) {
      assertThat(exclude).doesNotContain(k);
      assertThat(g.hasEdge(CollabGraph.pairFirst(k), CollabGraph.pairSecond(k))).isFalse();
    }
    assertThat(PairSampler.available(g, nodes, 100_000, exclude)).isEqualTo(all.length);
    // between the count and 1.5x it: a seeded draw of exactly the count asked, not a failure
    long[] some = PairSampler.nonEdges(g, nodes, all.length - 10, exclude, 2);
    assertThat(some).hasSize(all.length - 10);
    assertThat(PairSampler.nonEdges(g, nodes, all.length - 10, exclude, 2)).containsExactly(some);
    assertThat(Arrays.stream(some).distinct().count()).isEqualTo(some.length);
  }

  @Test
  void evaluationOnADenseGraphUsesEveryNonEdgeAndSaysSo() throws IOException {
    LinkPredictionEvaluation.Settings s =
        LinkPredictionEvaluation.Settings.defaults(1).withSamples(2);
    LinkPredictionEvaluation.Report r =
        LinkPredictionEvaluation.random(dense(1), "dense", 0.1, s, m -> {});
    assertThat(r.allNonEdges()).isTrue();
    assertThat(r.negativesAsked()).isEqualTo(100_000);
    assertThat(r.negativesPerSample()).isBetween(600, 1000);
    assertThat(r.toTable()).contains("fewer than the 100,000 negatives asked");
    assertThat(r.toMap()).containsEntry("allNonEdges", true);
    // the same negatives in every sample: no spread for a deterministic method
    assertThat(r.method(LinkPredictionEvaluation.ADAMIC_ADAR).metrics().get("auc").sd()).isZero();
  }

  @Test
  void reportCoversEveryNetworkWithTheRatioOverTheBestHeuristic() throws IOException {
    Map<String, EdgeList> nets = new LinkedHashMap<>();
    nets.put("dense-a", dense(2));
    nets.put("dense-b", dense(3));
    LinkPredictionEvaluation.Settings s =
        LinkPredictionEvaluation.Settings.defaults(1).withNegatives(500).withSamples(1);
    LinkPredictionReport r = LinkPredictionReport.run(nets, 0.1, 2, s, m -> {});
    assertThat(r.networks())
        .extracting(LinkPredictionReport.Network::name)
        .containsExactly("dense-a", "dense-b");
    LinkPredictionReport.Network a = r.networks().get(0);
    assertThat(a.splits()).isEqualTo(2);
    var aa = a.metric(LinkPredictionEvaluation.ADAMIC_ADAR, "hits@50");
    var ra = a.metric(LinkPredictionEvaluation.RESOURCE_ALLOCATION, "hits@50");
    var learned = a.metric(LinkPredictionEvaluation.LEARNED, "hits@50");
    assertThat(a.learnedOverBestHeuristic("hits@50"))
        .isEqualTo(learned.mean() / Math.max(aa.mean(), ra.mean()));
    // each split's figure is kept; two seeds split the edges differently
    assertThat(aa.values()).hasSize(2);
    assertThat(r.toTable()).contains("dense-a", "dense-b", "hits@50", "time s");
    // same seed, same figures
    LinkPredictionReport again = LinkPredictionReport.run(nets, 0.1, 2, s, m -> {});
    assertThat(again.networks().get(1).metric(LinkPredictionEvaluation.LEARNED, "mrr").values())
        .containsExactly(
            r.networks().get(1).metric(LinkPredictionEvaluation.LEARNED, "mrr").values());
  }
}
