package dev.talentgraph.ml.collab;

import java.util.Arrays;

/**
 * Who could be recommended to an expert: experts two hops away (a shared collaborator), then those
 * holding the expert's rarest skills (or a project's missing skills), then three hops away, up to a
 * budget; never the expert, nor an existing collaborator, nor anyone excluded by the caller.
 *
 * <p>Why bounded: on a 200,000-expert graph a hub's three-hop neighbourhood is most of the graph;
 * the budget keeps a request in milliseconds, and the nearest candidates come first. Not
 * thread-safe (scratch arrays); the recommender keeps one per thread.
 */
final class CandidateGenerator {

  /** Limits of one request. */
  record Limits(int maxCandidates, int holdersPerSkill, int skillsConsidered, int maxEdgeVisits) {
    static Limits defaults() {
      return new Limits(800, 100, 12, 100_000);
    }
  }

  private final CollabGraph g;
  private final Limits limits;
  private final int[] stamp;
  private int epoch;

  CandidateGenerator(CollabGraph g, Limits limits) {
    this.g = g;
    this.limits = limits;
    this.stamp = new int[g.size()];
  }

  /**
   * Candidates for u, nearest first.
   *
   * @param extraSkills skills to search holders of besides u's own (a project's missing skills),
   *     may be empty
   * @param exclude experts never to propose (a project's members), may be empty
   */
  int[] candidates(int u, int[] extraSkills, int[] exclude) {
    epoch++;
    if (epoch == Integer.MAX_VALUE) {
      Arrays.fill(stamp, 0);
      epoch = 1;
    }
    int banned = epoch;
    epoch++;
    int taken = epoch;
    stamp[u] = banned;
    for (int i = g.adjStart(u); i < g.adjEnd(u); i++) stamp[g.neighbourAt(i)] = banned;
    for (int x : exclude) stamp[x] = banned;
    int[] out = new int[limits.maxCandidates()];
    int n = 0;
    int visits = 0;
    // two hops
    for (int i = g.adjStart(u);
        i < g.adjEnd(u) && n < out.length && visits < limits.maxEdgeVisits();
        i++) {
      int w = g.neighbourAt(i);
      for (int j = g.adjStart(w); j < g.adjEnd(w) && n < out.length; j++) {
        visits++;
        int x = g.neighbourAt(j);
        if (stamp[x] != banned && stamp[x] != taken) {
          stamp[x] = taken;
          out[n++] = x;
        }
      }
    }
    // holders of the rarest of the expert's skills and of the extra skills (extra first: they are
    // the point)
    int[] own = g.skills(u);
    Integer[] bySkillRarity = new Integer[own.length];
    for (int i = 0; i < own.length; i++) bySkillRarity[i] = own[i];
    Arrays.sort(bySkillRarity, (a, b) -> Float.compare(g.rarity(b), g.rarity(a)));
    int[] order = new int[extraSkills.length + Math.min(own.length, limits.skillsConsidered())];
    System.arraycopy(extraSkills, 0, order, 0, extraSkills.length);
    for (int i = 0; i < order.length - extraSkills.length; i++)
      order[extraSkills.length + i] = bySkillRarity[i];
    int reserve = Math.max(n, out.length - out.length / 4);
    for (int s : order) {
      int taken0 = 0;
      for (int i = g.holderStart(s);
          i < g.holderEnd(s) && taken0 < limits.holdersPerSkill() && n < out.length;
          i++) {
        int x = g.holderAt(i);
        if (stamp[x] != banned && stamp[x] != taken) {
          stamp[x] = taken;
          out[n++] = x;
          taken0++;
        }
      }
      if (n >= reserve && extraSkills.length == 0) break;
    }
    // three hops, while budget lasts
    int twoHopEnd = n;
    for (int c = 0; c < twoHopEnd && n < out.length && visits < limits.maxEdgeVisits(); c++) {
      int x = out[c];
      if (!isTwoHop(u, x)) continue;
      for (int j = g.adjStart(x); j < g.adjEnd(x) && n < out.length; j++) {
        visits++;
        int y = g.neighbourAt(j);
        if (stamp[y] != banned && stamp[y] != taken) {
          stamp[y] = taken;
          out[n++] = y;
        }
      }
    }
    return Arrays.copyOf(out, n);
  }

  private boolean isTwoHop(int u, int x) {
    // x came from the two-hop pass iff it shares a neighbour with u; cheap check on the smaller
    // side
    int i = g.adjStart(u);
    int j = g.adjStart(x);
    while (i < g.adjEnd(u) && j < g.adjEnd(x)) {
      int a = g.neighbourAt(i);
      int b = g.neighbourAt(j);
      if (a == b) return true;
      if (a < b) i++;
      else j++;
    }
    return false;
  }
}
