package dev.talentgraph.ml.collab;

import java.util.List;
import java.util.SplittableRandom;

/** Small graphs whose scores can be worked out by hand, and a seeded random one. */
final class CollabFixtures {
  private CollabFixtures() {}

  /**
   *
   *
   * <pre>
   *   a - b - d - f
   *    \     /
   *     c --+
   *      \
   *       e
   * </pre>
   *
   * Edges a-b, a-c, b-d, c-d, c-e, d-f (a-b twice, last in 2019; the others once in 2015).
   */
  static CollabGraph diamond() {
    CollabGraph.Builder b = CollabGraph.builder();
    for (String x : List.of("a", "b", "c", "d", "e", "f")) b.expert(x, "Expert " + x.toUpperCase());
    b.collaboration("a", "b", 2, 2015, 2019);
    b.collaboration("a", "c", 1, 2015, 2015);
    b.collaboration("b", "d", 1, 2015, 2015);
    b.collaboration("c", "d", 1, 2015, 2015);
    b.collaboration("c", "e", 1, 2015, 2015);
    b.collaboration("d", "f", 1, 2015, 2015);
    return b.build(2020);
  }

  /** A seeded random graph with skills, for properties (symmetry, fast path = slow path). */
  static CollabGraph random(int n, int edges, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    CollabGraph.Builder b = CollabGraph.builder();
    for (int i = 0; i < n; i++) b.expert("e" + i, "Expert " + i);
    for (int i = 0; i < edges; i++) {
      int u = r.nextInt(n);
      int v = r.nextInt(n);
      int y = 2010 + r.nextInt(10);
      b.collaboration("e" + u, "e" + v, 1 + r.nextInt(3), y, y + r.nextInt(2));
    }
    for (int i = 0; i < n; i++) {
      int k = 1 + r.nextInt(5);
      for (int j = 0; j < k; j++) {
        int s = r.nextInt(30);
        b.skill("e" + i, "s" + s, "skill " + s, 1);
      }
      b.group("e" + i, "team" + (i % 7), 1);
      b.activity("e" + i, 2015 + r.nextInt(5));
    }
    return b.build(2020);
  }
}
