package dev.talentgraph.ml.collab;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Seeded uniform sampling of non-edges: pairs of distinct experts drawn uniformly from a node set,
 * rejecting pairs linked in the graph, pairs in an exclusion set (the positives) and repeats. On a
 * dense graph with fewer non-edges than asked (USAir: about 49,000 against 100,000), every non-edge
 * is returned instead, and the caller says so.
 */
final class PairSampler {
  private PairSampler() {}

  static long[] nonEdges(CollabGraph g, int[] nodes, int count, Set<Long> exclude, long seed) {
    if (nodes.length < 2)
      throw new CollabDataException("fewer than two connected experts: cannot sample non-edges");
    double possible =
        (double) nodes.length * (nodes.length - 1) / 2 - g.edgeCount() - exclude.size();
    if (possible < count * 1.5) {
      // rejection sampling would crawl (or never end): list every non-edge, then draw from it
      long[] all = allNonEdges(g, nodes, exclude);
      if (all.length <= count) return all;
      EdgeList.shuffle(all, new SplittableRandom(seed));
      long[] out = Arrays.copyOf(all, count);
      Arrays.sort(out);
      return out;
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    Set<Long> seen = new HashSet<>(count * 2);
    long[] out = new long[count];
    int n = 0;
    while (n < count) {
      int u = nodes[rnd.nextInt(nodes.length)];
      int v = nodes[rnd.nextInt(nodes.length)];
      if (u == v) continue;
      long key = CollabGraph.pairKey(u, v);
      if (g.hasEdge(u, v) || exclude.contains(key) || !seen.add(key)) continue;
      out[n++] = key;
    }
    return out;
  }

  /**
   * How many non-edges {@link #nonEdges} can return: {@code count}, or fewer when the graph has
   * fewer pairs of distinct connected experts that are neither linked nor excluded.
   */
  static int available(CollabGraph g, int[] nodes, int count, Set<Long> exclude) {
    double possible =
        (double) nodes.length * (nodes.length - 1) / 2 - g.edgeCount() - exclude.size();
    if (possible >= count * 1.5) return count;
    return Math.min(count, allNonEdges(g, nodes, exclude).length);
  }

  /**
   * Every pair of distinct experts of {@code nodes}, linked neither in g nor in the exclusion set.
   */
  private static long[] allNonEdges(CollabGraph g, int[] nodes, Set<Long> exclude) {
    int[] sorted = nodes.clone();
    Arrays.sort(sorted);
    long[] out = new long[16];
    int n = 0;
    for (int i = 0; i < sorted.length; i++) {
      for (int j = i + 1; j < sorted.length; j++) {
        int u = sorted[i];
        int v = sorted[j];
        long key = CollabGraph.pairKey(u, v);
        if (g.hasEdge(u, v) || exclude.contains(key)) continue;
        if (n == out.length) out = Arrays.copyOf(out, out.length * 2);
        out[n++] = key;
      }
    }
    return Arrays.copyOf(out, n);
  }

  static Set<Long> asSet(long[] keys) {
    Set<Long> s = new HashSet<>(keys.length * 2);
    for (long k : keys) s.add(k);
    return s;
  }

  /**
   * Non-edges within two or three hops, reached by seeded random walks from uniformly chosen
   * experts: the near misses a candidate generator proposes. Falls back to fewer when the graph has
   * too few such pairs (a walk gives up after a bounded number of tries).
   */
  static long[] nearNonEdges(CollabGraph g, int[] nodes, int count, Set<Long> exclude, long seed) {
    if (count == 0) return new long[0];
    SplittableRandom rnd = new SplittableRandom(seed);
    Set<Long> seen = new HashSet<>(count * 2);
    long[] out = new long[count];
    int n = 0;
    long tries = 0;
    long maxTries = 50L * count;
    while (n < count && tries++ < maxTries) {
      int u = nodes[rnd.nextInt(nodes.length)];
      int hops = 2 + rnd.nextInt(2);
      int v = u;
      for (int h = 0; h < hops && g.degree(v) > 0; h++) {
        v = g.neighbourAt(g.adjStart(v) + rnd.nextInt(g.degree(v)));
      }
      if (u == v) continue;
      long key = CollabGraph.pairKey(u, v);
      if (g.hasEdge(u, v) || exclude.contains(key) || !seen.add(key)) continue;
      out[n++] = key;
    }
    return n == count ? out : java.util.Arrays.copyOf(out, n);
  }

  /**
   * Non-edges two hops apart: a uniformly chosen expert, a random collaborator of theirs and a
   * random collaborator of that one, so a pair comes up in proportion to its two-step paths (the
   * pairs common-neighbour heuristics rank first). Fewer when the graph has too few.
   */
  static long[] twoHopNonEdges(
      CollabGraph g, int[] nodes, int count, Set<Long> exclude, long seed) {
    if (count == 0 || nodes.length == 0) return new long[0];
    SplittableRandom rnd = new SplittableRandom(seed);
    Set<Long> seen = new HashSet<>(count * 2);
    long[] out = new long[count];
    int n = 0;
    long tries = 0;
    long maxTries = 50L * count;
    while (n < count && tries++ < maxTries) {
      int u = nodes[rnd.nextInt(nodes.length)];
      int w = g.neighbourAt(g.adjStart(u) + rnd.nextInt(g.degree(u)));
      int v = g.neighbourAt(g.adjStart(w) + rnd.nextInt(g.degree(w)));
      if (u == v) continue;
      long key = CollabGraph.pairKey(u, v);
      if (g.hasEdge(u, v) || exclude.contains(key) || !seen.add(key)) continue;
      out[n++] = key;
    }
    return n == count ? out : Arrays.copyOf(out, n);
  }

  /**
   * Non-edges between two experts each chosen in proportion to their degree (the end of a random
   * collaboration): busy people who did not work together, whom degree-based scores over-rate.
   * Fewer when the graph has too few.
   */
  static long[] highDegreeNonEdges(CollabGraph g, int count, Set<Long> exclude, long seed) {
    int slots = g.adjStart(g.size());
    if (count == 0 || slots == 0) return new long[0];
    SplittableRandom rnd = new SplittableRandom(seed);
    Set<Long> seen = new HashSet<>(count * 2);
    long[] out = new long[count];
    int n = 0;
    long tries = 0;
    long maxTries = 50L * count;
    while (n < count && tries++ < maxTries) {
      int u = g.neighbourAt(rnd.nextInt(slots));
      int v = g.neighbourAt(rnd.nextInt(slots));
      if (u == v) continue;
      long key = CollabGraph.pairKey(u, v);
      if (g.hasEdge(u, v) || exclude.contains(key) || !seen.add(key)) continue;
      out[n++] = key;
    }
    return n == count ? out : Arrays.copyOf(out, n);
  }
}
