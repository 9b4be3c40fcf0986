package dev.talentgraph.ml.collab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The margin rule of the ranker's held-out choice: the best heuristic is kept unless a learned
 * candidate beats it by more than the standard error of their paired difference, decided on the
 * training graph alone.
 */
class CollaboratorRankerMarginTests {

  @Test
  void aLeadWithinOneStandardErrorKeepsTheHeuristicAndALargerOneTakesTheModel() {
    // 200 positives, the heuristic hits 100 of them; one model misses one of those and hits two
    // others (+0.005, standard error 0.0087), another hits 30 more (+0.15, standard error 0.025)
    double[] heuristic = new double[200];
    double[] small = new double[200];
    double[] large = new double[200];
    for (int i = 0; i < 100; i++) heuristic[i] = small[i] = large[i] = 1;
    small[0] = 0;
    small[100] = small[101] = 1;
    for (int i = 100; i < 130; i++) large[i] = 1;
    Map<String, double[]> rows = new LinkedHashMap<>();
    rows.put("learned", small);
    rows.put("resource_allocation", heuristic);
    CollaboratorRanker.MarginChoice near =
        CollaboratorRanker.MarginChoice.of(rows, Set.of("learned"));
    assertThat(near.chosen()).isEqualTo("resource_allocation");
    assertThat(near.difference()).isCloseTo(0.005, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(near.standardError()).isGreaterThan(near.difference());

    rows.put("learned", large);
    CollaboratorRanker.MarginChoice far =
        CollaboratorRanker.MarginChoice.of(rows, Set.of("learned"));
    assertThat(far.chosen()).isEqualTo("learned");
    assertThat(far.difference()).isGreaterThan(far.standardError());
    assertThat(far.describe()).contains("learned minus resource_allocation +0.1500");
  }

  @Test
  void onAGraphWhoseNewLinksAreResourceAllocationsTopPairsTheHeuristicIsKept() {
    CollabGraph g = background(300, 900, 11).build(2020);
    // the new links are exactly the 160 non-adjacent pairs resource allocation ranks first: no
    // model can rank them higher, and a tie must not displace the heuristic
    Map<Long, Double> ra = new java.util.HashMap<>();
    for (int w = 0; w < g.size(); w++) {
      int[] nb = g.neighbours(w);
      for (int i = 0; i < nb.length; i++)
        for (int j = i + 1; j < nb.length; j++)
          if (!g.hasEdge(nb[i], nb[j]))
            ra.merge(CollabGraph.pairKey(nb[i], nb[j]), 1.0 / nb.length, Double::sum);
    }
    List<Long> top = new ArrayList<>(ra.keySet());
    top.sort(
        (x, y) ->
            ra.get(y).equals(ra.get(x)) ? Long.compare(x, y) : ra.get(y).compareTo(ra.get(x)));
    Set<Long> pos = new LinkedHashSet<>(top.subList(0, 160));
    CollaboratorRanker ranker =
        CollaboratorRanker.train(
            g, toArray(pos), CollaboratorRanker.Settings.defaults(1), "resource allocation's top");
    assertThat(ranker.selection()).contains("margin rule");
    assertThat(CollaboratorRanker.choiceIn(ranker.selection()))
        .matches("chose (adamic_adar|resource_allocation)[ ,].*");
  }

  @Test
  void onAGraphWhoseNewLinksShareARareSkillTheModelIsTaken() {
    CollabGraph.Builder b = background(300, 900, 21);
    SplittableRandom r = new SplittableRandom(22);
    CollabGraph g0 = b.build(2020);
    // new links between strangers who share a skill nobody else has: invisible to the heuristics,
    // plain to a model that reads skills
    Set<Long> pos = new LinkedHashSet<>();
    List<int[]> pairs = new ArrayList<>();
    while (pos.size() < 160) {
      int u = r.nextInt(g0.size());
      int v = r.nextInt(g0.size());
      if (u == v || g0.hasEdge(u, v) || common(g0, u, v) > 0) continue;
      if (pos.add(CollabGraph.pairKey(u, v))) pairs.add(new int[] {u, v});
    }
    for (int i = 0; i < pairs.size(); i++) {
      b.skill("e" + pairs.get(i)[0], "rare" + i, "rare skill " + i, 1);
      b.skill("e" + pairs.get(i)[1], "rare" + i, "rare skill " + i, 1);
    }
    CollabGraph g = b.build(2020);
    CollaboratorRanker ranker =
        CollaboratorRanker.train(
            g, toArray(pos), CollaboratorRanker.Settings.defaults(1), "shared rare skills");
    assertThat(CollaboratorRanker.choiceIn(ranker.selection())).startsWith("chose learned");
  }

  /** {@code n} experts, random collaborations and a few common skills each. */
  private static CollabGraph.Builder background(int n, int edges, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    CollabGraph.Builder b = CollabGraph.builder();
    for (int i = 0; i < n; i++) b.expert("e" + i, "Expert " + i);
    for (int i = 0; i < edges; i++) {
      // half the links inside blocks of 30, so triangles exist
      int u = r.nextInt(n);
      int v = r.nextBoolean() ? (u / 30) * 30 + r.nextInt(30) : r.nextInt(n);
      if (v >= n) v = r.nextInt(n);
      b.collaboration("e" + u, "e" + v, 1, 2015, 2015);
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < 3; j++) {
        int s = r.nextInt(20);
        b.skill("e" + i, "s" + s, "skill " + s, 1);
      }
      b.activity("e" + i, 2015);
    }
    return b;
  }

  private static int common(CollabGraph g, int u, int v) {
    Set<Integer> a = new java.util.HashSet<>();
    for (int x : g.neighbours(u)) a.add(x);
    int c = 0;
    for (int x : g.neighbours(v)) if (a.contains(x)) c++;
    return c;
  }

  private static long[] toArray(Set<Long> keys) {
    long[] out = new long[keys.size()];
    int i = 0;
    for (long k : keys) out[i++] = k;
    return out;
  }
}
