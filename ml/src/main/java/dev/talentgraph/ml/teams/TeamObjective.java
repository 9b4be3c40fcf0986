package dev.talentgraph.ml.teams;

import java.util.Arrays;

/**
 * The one objective every method is judged on: coverage first, then cohesion, then capacity.
 *
 * <ul>
 *   <li><b>Coverage</b> 0..1: every requirement asks for {@link TeamProblem.Requirement#slots()}
 *       holder slots; a slot is filled by one member with that member's credit (a member fills at
 *       most one slot of a requirement, but may fill slots of several requirements), the best
 *       credits first. Coverage is filled credit over all slots, so a critical requirement (two
 *       slots) weighs twice a plain one.
 *   <li><b>Cohesion</b> 0..1: the mean tie strength over all member pairs (a tie is 0 for people
 *       who never worked together and grows with the shared projects and papers).
 *   <li><b>Capacity</b> 0..1: the members' mean free capacity.
 * </ul>
 *
 * The score is {@code coverage + }{@value #COHESION}{@code cohesion + }{@value #CAPACITY}{@code
 * capacity}: one filled slot of five is worth 0.2, more than the whole cohesion term can give, so a
 * method never buys cohesion with a coverage loss of a slot or more on usual instances. The terms
 * are normalised by the full team (pairs and members of {@code size}), so the score of a partial
 * team is what it adds toward the final score: greedy steps and the exact search's bound use it.
 */
public final class TeamObjective {
  public static final double COHESION = 0.15;
  public static final double CAPACITY = 0.05;

  private final TeamProblem problem;
  private final int totalSlots;
  private final int pairs;

  /** Per candidate: neighbour indices (ascending) and their ties, for fast lookups. */
  private final int[][] nbr;

  private final double[][] nbrTie;
  private final double[][] credits;
  private final double[] capacity;
  private final int[] slots;
  private final double[] top;

  public TeamObjective(TeamProblem problem) {
    this.problem = problem;
    int total = 0;
    int maxSlots = 1;
    int reqs = problem.requirements().size();
    this.slots = new int[reqs];
    for (int r = 0; r < reqs; r++) {
      slots[r] = problem.requirements().get(r).slots();
      total += slots[r];
      maxSlots = Math.max(maxSlots, slots[r]);
    }
    this.totalSlots = Math.max(1, total);
    this.pairs = Math.max(1, problem.size() * (problem.size() - 1) / 2);
    this.top = new double[maxSlots];
    int n = problem.candidates().size();
    this.credits = new double[n][];
    this.capacity = new double[n];
    for (int i = 0; i < n; i++) {
      credits[i] = problem.candidates().get(i).credits();
      capacity[i] = problem.candidates().get(i).capacity();
    }
    int[] degree = new int[n];
    for (Long k : problem.ties().keySet()) {
      degree[(int) (k >>> 32)]++;
      degree[(int) (k & 0xffffffffL)]++;
    }
    this.nbr = new int[n][];
    this.nbrTie = new double[n][];
    for (int i = 0; i < n; i++) {
      nbr[i] = new int[degree[i]];
      nbrTie[i] = new double[degree[i]];
    }
    long[] keys = problem.ties().keySet().stream().mapToLong(Long::longValue).sorted().toArray();
    int[] fill = new int[n];
    // keys ascending by (lo, hi): every lo's neighbours arrive ascending; hi's are sorted below
    for (long k : keys) {
      int a = (int) (k >>> 32);
      int b = (int) (k & 0xffffffffL);
      double t = problem.ties().get(k);
      nbr[a][fill[a]] = b;
      nbrTie[a][fill[a]++] = t;
      nbr[b][fill[b]] = a;
      nbrTie[b][fill[b]++] = t;
    }
    for (int i = 0; i < n; i++) sortByNeighbour(nbr[i], nbrTie[i]);
  }

  private static void sortByNeighbour(int[] ids, double[] ties) {
    Integer[] order = new Integer[ids.length];
    for (int i = 0; i < ids.length; i++) order[i] = i;
    Arrays.sort(order, (x, y) -> Integer.compare(ids[x], ids[y]));
    int[] a = ids.clone();
    double[] t = ties.clone();
    for (int i = 0; i < ids.length; i++) {
      ids[i] = a[order[i]];
      ties[i] = t[order[i]];
    }
  }

  /** Tie of two candidates by binary search in the smaller neighbour list. */
  double tie(int a, int b) {
    int[] ids = nbr[a].length <= nbr[b].length ? nbr[a] : nbr[b];
    double[] ts = ids == nbr[a] ? nbrTie[a] : nbrTie[b];
    int other = ids == nbr[a] ? b : a;
    int i = Arrays.binarySearch(ids, other);
    return i >= 0 ? ts[i] : 0;
  }

  /**
   * The weighted score of the first {@code n} members without allocating: what the solvers call in
   * their inner loops. Equal to {@code score(members, n).value()}; not thread-safe.
   */
  double value(int[] members, int n) {
    double filled = 0;
    for (int r = 0; r < slots.length; r++) {
      int s = slots[r];
      int used = 0;
      for (int i = 0; i < n; i++) {
        double c = credits[members[i]][r];
        if (c <= 0) continue;
        if (used < s) {
          int j = used++;
          while (j > 0 && top[j - 1] < c) {
            top[j] = top[j - 1];
            j--;
          }
          top[j] = c;
        } else if (c > top[s - 1]) {
          int j = s - 1;
          while (j > 0 && top[j - 1] < c) {
            top[j] = top[j - 1];
            j--;
          }
          top[j] = c;
        }
      }
      for (int i = 0; i < used; i++) filled += top[i];
    }
    double ties = 0;
    double cap = 0;
    for (int i = 0; i < n; i++) {
      cap += capacity[members[i]];
      for (int j = i + 1; j < n; j++) ties += tie(members[i], members[j]);
    }
    double coh = problem.size() < 2 ? 0 : ties / pairs;
    return filled / totalSlots + COHESION * coh + CAPACITY * cap / problem.size();
  }

  /** Coverage 0..1 of the first {@code n} members, without allocating. */
  double coverage(int[] members, int n) {
    double filled = 0;
    for (int r = 0; r < slots.length; r++) {
      int s = slots[r];
      int used = 0;
      for (int i = 0; i < n; i++) {
        double c = credits[members[i]][r];
        if (c <= 0) continue;
        if (used < s) {
          int j = used++;
          while (j > 0 && top[j - 1] < c) {
            top[j] = top[j - 1];
            j--;
          }
          top[j] = c;
        } else if (c > top[s - 1]) {
          int j = s - 1;
          while (j > 0 && top[j - 1] < c) {
            top[j] = top[j - 1];
            j--;
          }
          top[j] = c;
        }
      }
      for (int i = 0; i < used; i++) filled += top[i];
    }
    return filled / totalSlots;
  }

  /** The three terms and the weighted score of one team. */
  public record Score(double coverage, double cohesion, double capacity, double value) {}

  /**
   * Tie strength of two people who shared {@code count} projects or papers: {@code 1 - 0.5^count}
   * (one shared piece of work 0.5, two 0.75, three 0.875): the first collaboration says most.
   */
  public static double tieStrength(double count) {
    return count <= 0 ? 0 : 1 - Math.pow(0.5, count);
  }

  /**
   * Free capacity of someone on {@code activeProjects} projects now: {@code 1 / (1 + active)} (free
   * 1, on one project 0.5, on two 0.33).
   */
  public static double capacity(int activeProjects) {
    return 1.0 / (1 + Math.max(0, activeProjects));
  }

  public TeamProblem problem() {
    return problem;
  }

  /**
   * Score of the members (indices into the candidates; fewer than {@code size} is a partial team).
   */
  public Score score(int[] members, int n) {
    double filled = 0;
    double[] buf = new double[n];
    for (int r = 0; r < problem.requirements().size(); r++) {
      filled += filled(r, members, n, buf);
    }
    double ties = 0;
    double capacity = 0;
    for (int i = 0; i < n; i++) {
      capacity += problem.candidates().get(members[i]).capacity();
      for (int j = i + 1; j < n; j++) ties += problem.tie(members[i], members[j]);
    }
    double cov = filled / totalSlots;
    double coh = problem.size() < 2 ? 0 : ties / pairs;
    double cap = capacity / problem.size();
    return new Score(cov, coh, cap, cov + COHESION * coh + CAPACITY * cap);
  }

  public Score score(int[] members) {
    return score(members, members.length);
  }

  /** Filled credit of requirement {@code r}: the best {@code slots} credits among the members. */
  double filled(int r, int[] members, int n, double[] buf) {
    int slots = problem.requirements().get(r).slots();
    for (int i = 0; i < n; i++) buf[i] = problem.candidates().get(members[i]).credits()[r];
    if (n <= slots) {
      double s = 0;
      for (int i = 0; i < n; i++) s += buf[i];
      return s;
    }
    Arrays.sort(buf, 0, n);
    double s = 0;
    for (int i = n - 1; i >= n - slots; i--) s += buf[i];
    return s;
  }

  int totalSlots() {
    return totalSlots;
  }

  int pairs() {
    return pairs;
  }
}
