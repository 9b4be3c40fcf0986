package dev.talentgraph.ml.teams;

import dev.talentgraph.schema.skills.SkillCredit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Seeded team-formation instances drawn from distributions shaped like an organisation (not sampled
 * from a graph): a taxonomy of {@value #FAMILIES} skill families (a broad skill, narrower ones
 * under it, some related and twin pairs, so {@link SkillCredit} gives exact, twin, narrower,
 * related and sibling credit); organisational teams of about six people, each focused on two
 * families; people holding 3-8 skills mostly from their team's families, levels skewed to 2-3;
 * collaboration ties mostly inside a team (35% of pairs), some across teams with a shared family
 * (6%), few elsewhere (1%), each of 1-4 shared projects; current projects per person Poisson(0.8).
 * A request asks 3-5 skills (6-8 on large instances) at level 2-4, mostly one holder, sometimes
 * two, a quarter of them critical; a fifth of the requests require one person, a third cap members
 * per team at two. A requirement may be asked of a skill nobody holds, as in life.
 */
final class TeamInstances {
  private TeamInstances() {}

  static final int FAMILIES = 8;
  private static final double[] LEVELS = {0.15, 0.30, 0.30, 0.17, 0.08};

  /** The taxonomy shared by all instances: families of a broad skill and its narrower skills. */
  static final class Catalog {
    final List<List<String>> families = new ArrayList<>();
    final SkillCredit.Taxonomy taxonomy = new SkillCredit.Taxonomy();

    Catalog() {
      for (int f = 0; f < FAMILIES; f++) {
        List<String> skills = new ArrayList<>();
        String root = "f" + f;
        skills.add(root);
        for (int s = 0; s < 5; s++) {
          String id = root + "-s" + s;
          skills.add(id);
          taxonomy.broader(id, root);
          if (s < 2) {
            String leaf = id + "-x";
            skills.add(leaf);
            taxonomy.broader(leaf, id);
          }
        }
        taxonomy.related(root + "-s0", root + "-s3");
        taxonomy.sameAs(root + "-s4", "twin-" + root + "-s4");
        skills.add("twin-" + root + "-s4");
        families.add(skills);
      }
      taxonomy.related("f0-s1", "f1-s1");
      taxonomy.related("f2-s2", "f5-s2");
    }
  }

  private static final Catalog CATALOG = new Catalog();

  /** One instance with {@code candidates} people, seeded. */
  static TeamProblem generate(long seed, int candidates, boolean large) {
    SplittableRandom rng = new SplittableRandom(seed);
    int teamCount = Math.max(2, candidates / 6);
    int[][] focus = new int[teamCount][2];
    for (int t = 0; t < teamCount; t++) {
      focus[t][0] = rng.nextInt(FAMILIES);
      focus[t][1] = rng.nextInt(FAMILIES);
    }
    List<Map<String, Integer>> held = new ArrayList<>();
    int[] teamOf = new int[candidates];
    List<TeamProblem.Candidate> people = new ArrayList<>();
    for (int i = 0; i < candidates; i++) {
      teamOf[i] = rng.nextInt(teamCount);
      Map<String, Integer> skills = new LinkedHashMap<>();
      int n = 3 + rng.nextInt(6);
      for (int s = 0; s < n; s++) {
        int family =
            rng.nextDouble() < 0.7 ? focus[teamOf[i]][rng.nextInt(2)] : rng.nextInt(FAMILIES);
        List<String> pool = CATALOG.families.get(family);
        skills.merge(pool.get(rng.nextInt(pool.size())), level(rng), Math::max);
      }
      held.add(skills);
    }
    int nReq = large ? 6 + rng.nextInt(3) : 3 + rng.nextInt(3);
    List<TeamProblem.Requirement> reqs = new ArrayList<>();
    List<String> used = new ArrayList<>();
    while (reqs.size() < nReq) {
      List<String> pool = CATALOG.families.get(rng.nextInt(FAMILIES));
      String skill = pool.get(rng.nextInt(pool.size()));
      if (used.contains(skill)) continue;
      used.add(skill);
      double u = rng.nextDouble();
      int level = u < 0.3 ? 2 : u < 0.75 ? 3 : 4;
      int count = rng.nextDouble() < 0.7 ? 1 : 2;
      reqs.add(new TeamProblem.Requirement(skill, level, count, rng.nextDouble() < 0.25));
    }
    for (int i = 0; i < candidates; i++) {
      double[] credits = new double[reqs.size()];
      for (int r = 0; r < reqs.size(); r++) {
        SkillCredit.Best b =
            SkillCredit.best(
                reqs.get(r).skillId(), reqs.get(r).level(), held.get(i), CATALOG.taxonomy);
        credits[r] = b == null ? 0 : b.credit();
      }
      people.add(
          new TeamProblem.Candidate(
              "c" + i, "t" + teamOf[i], credits, TeamObjective.capacity(poisson(rng, 0.8))));
    }
    Map<Long, Double> ties = new HashMap<>();
    if (candidates <= 200) {
      for (int a = 0; a < candidates; a++)
        for (int b = a + 1; b < candidates; b++) tie(rng, ties, a, b, teamOf, focus);
    } else {
      // the same density without visiting every pair: each person draws their partners
      Random r = new Random(rng.nextLong());
      for (int a = 0; a < candidates; a++) {
        int partners = 1 + r.nextInt(5);
        for (int j = 0; j < partners; j++) {
          int b = r.nextDouble() < 0.7 ? sameTeam(r, teamOf, a) : r.nextInt(candidates);
          if (b >= 0 && b != a)
            ties.put(TeamProblem.pair(a, b), TeamObjective.tieStrength(1 + r.nextInt(4)));
        }
      }
    }
    int size = large ? 6 + rng.nextInt(3) : 4 + rng.nextInt(3);
    List<Integer> must = new ArrayList<>();
    if (rng.nextDouble() < 0.2) must.add(rng.nextInt(candidates));
    int cap = rng.nextDouble() < 0.33 ? 2 : 0;
    return new TeamProblem(reqs, people, size, must, cap, ties);
  }

  private static int sameTeam(Random r, int[] teamOf, int a) {
    for (int tries = 0; tries < 50; tries++) {
      int b = r.nextInt(teamOf.length);
      if (teamOf[b] == teamOf[a] && b != a) return b;
    }
    return -1;
  }

  private static void tie(
      SplittableRandom rng, Map<Long, Double> ties, int a, int b, int[] teamOf, int[][] focus) {
    double p;
    if (teamOf[a] == teamOf[b]) p = 0.35;
    else if (shareFamily(focus[teamOf[a]], focus[teamOf[b]])) p = 0.06;
    else p = 0.01;
    if (rng.nextDouble() < p)
      ties.put(TeamProblem.pair(a, b), TeamObjective.tieStrength(1 + rng.nextInt(4)));
  }

  private static boolean shareFamily(int[] x, int[] y) {
    return x[0] == y[0] || x[0] == y[1] || x[1] == y[0] || x[1] == y[1];
  }

  private static int level(SplittableRandom rng) {
    double u = rng.nextDouble();
    for (int l = 0; l < LEVELS.length; l++) {
      u -= LEVELS[l];
      if (u < 0) return l + 1;
    }
    return 5;
  }

  private static int poisson(SplittableRandom rng, double mean) {
    double l = Math.exp(-mean);
    int k = 0;
    double p = 1;
    do {
      k++;
      p *= rng.nextDouble();
    } while (p > l);
    return k - 1;
  }
}
