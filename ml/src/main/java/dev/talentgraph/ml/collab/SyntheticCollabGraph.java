package dev.talentgraph.ml.collab;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded synthetic talent graph for scale benchmarks and tests: experts in teams of about 40,
 * each team with a pool of skills, collaborations added year by year with triadic closure (a
 * collaborator's collaborator, half the time), within the team, or anywhere, and projects requiring
 * team skills. Degree and skill distributions are skewed the way co-authorship graphs are; the
 * numbers are not meant to resemble any real organisation.
 */
public final class SyntheticCollabGraph {

  public static final int FIRST_YEAR = 2000;
  public static final int LAST_YEAR = 2020;
  static final int TEAM_SIZE = 40;

  private final int n;
  private final int[][] skills;
  private final int[] edgeU;
  private final int[] edgeV;
  private final int[] edgeYear;
  private final int projects;
  private final long seed;

  private SyntheticCollabGraph(
      int n, int[][] skills, int[] u, int[] v, int[] year, int projects, long seed) {
    this.n = n;
    this.skills = skills;
    this.edgeU = u;
    this.edgeV = v;
    this.edgeYear = year;
    this.projects = projects;
    this.seed = seed;
  }

  /** {@code experts} experts with about {@code collaborationsPerExpert} collaborations each. */
  public static SyntheticCollabGraph generate(
      int experts, double collaborationsPerExpert, long seed) {
    if (experts < 2 * TEAM_SIZE)
      throw new IllegalArgumentException("need at least " + 2 * TEAM_SIZE + " experts");
    SplittableRandom r = new SplittableRandom(seed);
    int skillCount = Math.max(200, experts / 20);
    int teams = (experts + TEAM_SIZE - 1) / TEAM_SIZE;
    int[][] pool = new int[teams][20];
    for (int t = 0; t < teams; t++) for (int i = 0; i < 20; i++) pool[t][i] = r.nextInt(skillCount);
    int[][] skills = new int[experts][];
    for (int u = 0; u < experts; u++) {
      int[] s = new int[6];
      for (int i = 0; i < 4; i++) s[i] = pool[u / TEAM_SIZE][r.nextInt(20)];
      for (int i = 4; i < 6; i++)
        s[i] = r.nextInt(r.nextInt(skillCount) + 1); // skewed: low ids common
      skills[u] = s;
    }
    int total = (int) Math.round(experts * collaborationsPerExpert / 2);
    int[] eu = new int[total];
    int[] ev = new int[total];
    int[] ey = new int[total];
    int[][] adj = new int[experts][];
    int[] deg = new int[experts];
    int years = LAST_YEAR - FIRST_YEAR + 1;
    int m = 0;
    while (m < total) {
      int year = FIRST_YEAR + (int) ((long) m * years / total);
      int u = r.nextInt(experts);
      int v;
      double p = r.nextDouble();
      if (p < 0.5 && deg[u] > 0) {
        int w = adj[u][r.nextInt(deg[u])];
        v = deg[w] > 0 ? adj[w][r.nextInt(deg[w])] : r.nextInt(experts);
      } else if (p < 0.9) {
        int team = u / TEAM_SIZE;
        v = Math.min(experts - 1, team * TEAM_SIZE + r.nextInt(TEAM_SIZE));
      } else {
        v = r.nextInt(experts);
      }
      if (u == v) continue;
      eu[m] = u;
      ev[m] = v;
      ey[m] = year;
      m++;
      add(adj, deg, u, v);
      add(adj, deg, v, u);
    }
    return new SyntheticCollabGraph(experts, skills, eu, ev, ey, Math.max(1, experts / 100), seed);
  }

  private static void add(int[][] adj, int[] deg, int u, int v) {
    if (adj[u] == null) adj[u] = new int[4];
    if (deg[u] == adj[u].length) adj[u] = java.util.Arrays.copyOf(adj[u], deg[u] * 2);
    adj[u][deg[u]++] = v;
  }

  public int experts() {
    return n;
  }

  public static String expertId(int u) {
    return "x" + u;
  }

  /**
   * The graph with the collaborations of years up to {@code year}; skills, teams and projects
   * whole.
   */
  public CollabGraph graphUpTo(int year) {
    CollabGraph.Builder b = CollabGraph.builder();
    for (int u = 0; u < n; u++) {
      String id = expertId(u);
      b.expert(id, "Expert " + u);
      for (int s : skills[u]) b.skill(id, "skill-" + s, "skill " + s, 1);
      b.group(id, "team " + u / TEAM_SIZE, 1);
    }
    for (int i = 0; i < edgeU.length; i++) {
      if (edgeYear[i] <= year) b.collaboration(edgeU[i], edgeV[i], 1, edgeYear[i], edgeYear[i]);
    }
    SplittableRandom r = new SplittableRandom(seed + 31);
    for (int p = 0; p < projects; p++) {
      int team = r.nextInt((n + TEAM_SIZE - 1) / TEAM_SIZE);
      List<String> members = new ArrayList<>();
      List<String> required = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        int m = Math.min(n - 1, team * TEAM_SIZE + r.nextInt(TEAM_SIZE));
        members.add(expertId(m));
        required.add("skill-" + skills[m][r.nextInt(4)]);
      }
      // and two skills from elsewhere, which the team likely lacks
      for (int i = 0; i < 2; i++) required.add("skill-" + skills[r.nextInt(n)][r.nextInt(6)]);
      b.project("project-" + p, "Project " + p, required, members);
    }
    return b.build(year);
  }
}
