package dev.talentgraph.ml.teams;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Three ways to choose a team for one {@link TeamProblem}, all judged on {@link TeamObjective}:
 *
 * <ul>
 *   <li>{@link #greedyCover}: the plain greedy set cover, the baseline: repeatedly add the
 *       candidate who fills the most uncovered credit, ignoring cohesion and capacity (then anyone,
 *       by candidate order, up to the size).
 *   <li>{@link #greedySwap}: the product's method: two starts (a greedy on the whole objective and
 *       the greedy cover) each improved by best-improvement 1-swap local search (replace one member
 *       who is not required by one candidate who is not chosen) until no swap improves; the better
 *       of the two. A 1-swap optimum is within reach of the exact one on small instances (see the
 *       evaluation) and costs {@code O(size x candidates)} score evaluations per pass.
 *   <li>{@link #exact}: branch and bound over the size-subsets of the candidates, pruned by an
 *       upper bound (per requirement the best credit still available in every open slot, the
 *       strongest remaining tie on every open pair, the largest remaining capacity), seeded with
 *       {@link #greedySwap}'s team. Exponential: for the evaluation's small instances only.
 * </ul>
 *
 * Every method honours {@code mustInclude} and {@code maxFromOneTeam}; when fewer candidates can
 * join than the size asks for (or the per-team cap leaves no room), the team is smaller.
 */
public final class TeamSolvers {
  private TeamSolvers() {}

  /** A chosen team: member indices (ascending) and its score. */
  public record Solution(int[] members, TeamObjective.Score score) {}

  /** Local-search passes at most (each pass applies the best improving swap). */
  static final int MAX_PASSES = 200;

  public static Solution greedyCover(TeamObjective objective) {
    return finish(objective, greedy(objective, true));
  }

  public static Solution greedySwap(TeamObjective objective) {
    int[] a = localSearch(objective, greedy(objective, false));
    int[] b = localSearch(objective, greedy(objective, true));
    double va = objective.score(a).value();
    double vb = objective.score(b).value();
    return finish(objective, vb > va + 1e-12 ? b : a);
  }

  private static Solution finish(TeamObjective objective, int[] members) {
    int[] sorted = members.clone();
    Arrays.sort(sorted);
    return new Solution(sorted, objective.score(sorted));
  }

  /** Greedy by coverage gain only ({@code coverOnly}) or by the gain of the whole objective. */
  static int[] greedy(TeamObjective objective, boolean coverOnly) {
    TeamProblem p = objective.problem();
    int n = p.candidates().size();
    int k = Math.min(p.size(), n);
    int[] members = new int[k];
    int m = 0;
    boolean[] in = new boolean[n];
    Map<String, Integer> perTeam = new HashMap<>();
    for (int i : p.mustInclude()) {
      members[m++] = i;
      in[i] = true;
      perTeam.merge(team(p, i), 1, Integer::sum);
    }
    while (m < k) {
      double base = coverOnly ? objective.coverage(members, m) : objective.value(members, m);
      int best = -1;
      double bestGain = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < n; c++) {
        if (in[c] || !fits(p, perTeam, c)) continue;
        members[m] = c;
        double gain =
            (coverOnly ? objective.coverage(members, m + 1) : objective.value(members, m + 1))
                - base;
        if (gain > bestGain + 1e-12) {
          bestGain = gain;
          best = c;
        }
      }
      if (best < 0) break;
      members[m++] = best;
      in[best] = true;
      perTeam.merge(team(p, best), 1, Integer::sum);
    }
    return Arrays.copyOf(members, m);
  }

  /** Best-improvement 1-swap local search; required members stay. */
  static int[] localSearch(TeamObjective objective, int[] start) {
    TeamProblem p = objective.problem();
    int n = p.candidates().size();
    int[] members = start.clone();
    boolean[] in = new boolean[n];
    for (int i : members) in[i] = true;
    boolean[] fixed = new boolean[n];
    for (int i : p.mustInclude()) fixed[i] = true;
    double current = objective.value(members, members.length);
    for (int pass = 0; pass < MAX_PASSES; pass++) {
      int bestPos = -1;
      int bestIn = -1;
      double bestValue = current;
      for (int pos = 0; pos < members.length; pos++) {
        int out = members[pos];
        if (fixed[out]) continue;
        Map<String, Integer> perTeam = teams(p, members, pos);
        for (int c = 0; c < n; c++) {
          if (in[c] || !fits(p, perTeam, c)) continue;
          members[pos] = c;
          double v = objective.value(members, members.length);
          if (v > bestValue + 1e-12) {
            bestValue = v;
            bestPos = pos;
            bestIn = c;
          }
        }
        members[pos] = out;
      }
      if (bestPos < 0) break;
      in[members[bestPos]] = false;
      in[bestIn] = true;
      members[bestPos] = bestIn;
      current = bestValue;
    }
    return members;
  }

  /** Members per team, leaving out position {@code skip} (-1: none). */
  private static Map<String, Integer> teams(TeamProblem p, int[] members, int skip) {
    Map<String, Integer> perTeam = new HashMap<>();
    for (int i = 0; i < members.length; i++) {
      if (i != skip) perTeam.merge(team(p, members[i]), 1, Integer::sum);
    }
    return perTeam;
  }

  private static String team(TeamProblem p, int c) {
    String t = p.candidates().get(c).team();
    return t == null ? "" : t;
  }

  private static boolean fits(TeamProblem p, Map<String, Integer> perTeam, int c) {
    if (p.maxFromOneTeam() <= 0) return true;
    String t = p.candidates().get(c).team();
    return t == null || perTeam.getOrDefault(t, 0) < p.maxFromOneTeam();
  }

  /** The optimum by branch and bound; meant for up to a few dozen candidates. */
  public static Solution exact(TeamObjective objective) {
    return new BranchAndBound(objective).solve();
  }

  private static final class BranchAndBound {
    final TeamObjective objective;
    final TeamProblem p;
    final int[] free;
    final int k;
    final int reqs;
    final double[][] suffixCredit;
    final double[] suffixTie;
    final double[] suffixCapacity;
    final double[][] tie;
    final int[] teamOf;
    final int[] teamCount;
    final int[] cur;
    int depth;
    int[] best;
    double bestValue;

    BranchAndBound(TeamObjective objective) {
      this.objective = objective;
      this.p = objective.problem();
      int n = p.candidates().size();
      boolean[] must = new boolean[n];
      for (int i : p.mustInclude()) must[i] = true;
      List<Integer> rest = new ArrayList<>();
      for (int i = 0; i < n; i++) if (!must[i]) rest.add(i);
      // strongest candidates first: good teams are found early and the suffix bounds fall fast
      rest.sort(
          Comparator.comparingDouble((Integer i) -> -Arrays.stream(credits(i)).sum())
              .thenComparing(i -> i));
      this.free = rest.stream().mapToInt(Integer::intValue).toArray();
      this.k = Math.min(p.size(), n);
      this.reqs = p.requirements().size();
      this.tie = new double[n][n];
      double[] maxTie = new double[n];
      for (int a = 0; a < n; a++) {
        for (int b = a + 1; b < n; b++) {
          double t = p.tie(a, b);
          tie[a][b] = t;
          tie[b][a] = t;
          maxTie[a] = Math.max(maxTie[a], t);
          maxTie[b] = Math.max(maxTie[b], t);
        }
      }
      int f = free.length;
      suffixCredit = new double[reqs][f + 1];
      suffixTie = new double[f + 1];
      suffixCapacity = new double[f + 1];
      for (int i = f - 1; i >= 0; i--) {
        int c = free[i];
        for (int r = 0; r < reqs; r++)
          suffixCredit[r][i] = Math.max(suffixCredit[r][i + 1], credits(c)[r]);
        suffixTie[i] = Math.max(suffixTie[i + 1], maxTie[c]);
        suffixCapacity[i] = Math.max(suffixCapacity[i + 1], p.candidates().get(c).capacity());
      }
      Map<String, Integer> teamIds = new HashMap<>();
      teamOf = new int[n];
      for (int i = 0; i < n; i++) {
        String t = p.candidates().get(i).team();
        teamOf[i] = t == null ? -1 : teamIds.computeIfAbsent(t, x -> teamIds.size());
      }
      teamCount = new int[teamIds.size()];
      cur = new int[k];
    }

    double[] credits(int c) {
      return p.candidates().get(c).credits();
    }

    Solution solve() {
      Solution seed = greedySwap(objective);
      best = seed.members().clone();
      bestValue = seed.score().value();
      for (int i : p.mustInclude()) push(i);
      search(0);
      return finish(objective, best);
    }

    void push(int c) {
      cur[depth++] = c;
      if (teamOf[c] >= 0) teamCount[teamOf[c]]++;
    }

    void pop() {
      int c = cur[--depth];
      if (teamOf[c] >= 0) teamCount[teamOf[c]]--;
    }

    void search(int pos) {
      int open = k - depth;
      if (open == 0 || pos == free.length) {
        // a complete team, or every candidate placed: a smaller team when the constraints leave
        // no room for a full one (adding a member never lowers the score, so a full team, where
        // one exists, is never beaten by a smaller one)
        double v = objective.value(cur, depth);
        if (v > bestValue + 1e-12) {
          bestValue = v;
          best = Arrays.copyOf(cur, depth);
        }
        return;
      }
      if (upperBound(pos, open) <= bestValue + 1e-12) return;
      int c = free[pos];
      if (p.maxFromOneTeam() <= 0 || teamOf[c] < 0 || teamCount[teamOf[c]] < p.maxFromOneTeam()) {
        push(c);
        search(pos + 1);
        pop();
      }
      search(pos + 1);
    }

    double upperBound(int pos, int open) {
      double filled = 0;
      double[] buf = new double[depth + open];
      for (int r = 0; r < reqs; r++) {
        for (int i = 0; i < depth; i++) buf[i] = credits(cur[i])[r];
        for (int i = 0; i < open; i++) buf[depth + i] = suffixCredit[r][pos];
        int slots = p.requirements().get(r).slots();
        int n = depth + open;
        Arrays.sort(buf, 0, n);
        for (int i = n - 1; i >= Math.max(0, n - slots); i--) filled += buf[i];
      }
      double ties = 0;
      double capacity = 0;
      for (int i = 0; i < depth; i++) {
        capacity += p.candidates().get(cur[i]).capacity();
        for (int j = i + 1; j < depth; j++) ties += tie[cur[i]][cur[j]];
      }
      ties += (open * depth + open * (open - 1) / 2.0) * suffixTie[pos];
      capacity += open * suffixCapacity[pos];
      double coh = p.size() < 2 ? 0 : ties / objective.pairs();
      return filled / objective.totalSlots()
          + TeamObjective.COHESION * coh
          + TeamObjective.CAPACITY * capacity / p.size();
    }
  }
}
