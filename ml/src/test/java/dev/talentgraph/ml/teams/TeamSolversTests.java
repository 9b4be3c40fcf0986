package dev.talentgraph.ml.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The three team-formation methods on hand-made and generated instances. */
class TeamSolversTests {

  static TeamProblem.Candidate c(String id, String team, double capacity, double... credits) {
    return new TeamProblem.Candidate(id, team, credits, capacity);
  }

  /** Two requirements (python critical, sql); a pair who worked together and a stronger loner. */
  static TeamProblem tiny(int size, List<Integer> must, int maxFromOneTeam) {
    List<TeamProblem.Requirement> reqs =
        List.of(
            new TeamProblem.Requirement("s-python", 3, 1, true),
            new TeamProblem.Requirement("s-sql", 3, 1, false));
    List<TeamProblem.Candidate> cs =
        List.of(
            c("a", "t1", 1, 1.0, 0.0),
            c("b", "t1", 1, 1.0, 0.5),
            c("c", "t1", 1, 0.0, 1.0),
            c("d", "t2", 0.5, 0.5, 1.0),
            c("e", "t2", 1, 0.0, 0.0));
    Map<Long, Double> ties = new HashMap<>();
    ties.put(TeamProblem.pair(0, 1), 0.75);
    ties.put(TeamProblem.pair(1, 2), 0.5);
    return new TeamProblem(reqs, cs, size, must, maxFromOneTeam, ties);
  }

  @Test
  void criticalRequirementWantsTwoHoldersAndCoverageCountsSlots() {
    TeamObjective o = new TeamObjective(tiny(3, List.of(), 0));
    // a + b fill both python slots, c fills sql: 3 of 3 slots
    TeamObjective.Score s = o.score(new int[] {0, 1, 2});
    assertThat(s.coverage()).isCloseTo(1.0, within(1e-12));
    // a, c, e: one python slot of two, sql full -> 2 of 3
    assertThat(o.score(new int[] {0, 2, 4}).coverage()).isCloseTo(2 / 3.0, within(1e-12));
    // cohesion: pairs ab 0.75, bc 0.5, ac 0 over three pairs
    assertThat(s.cohesion()).isCloseTo(1.25 / 3, within(1e-12));
  }

  @Test
  void fastValueEqualsTheReportedScore() {
    for (long seed = 1; seed <= 20; seed++) {
      TeamObjective o = new TeamObjective(TeamInstances.generate(seed, 30, false));
      int[] team = {0, 3, 7, 11, 19};
      assertThat(o.value(team, team.length)).isCloseTo(o.score(team).value(), within(1e-12));
      assertThat(o.coverage(team, 3)).isCloseTo(o.score(team, 3).coverage(), within(1e-12));
    }
  }

  @Test
  void exactMatchesBruteForceOnSmallInstances() {
    for (long seed = 1; seed <= 15; seed++) {
      TeamProblem p = TeamInstances.generate(seed, 14, false);
      TeamObjective o = new TeamObjective(p);
      double brute = bruteForce(o);
      assertThat(TeamSolvers.exact(o).score().value())
          .as("seed %d", seed)
          .isCloseTo(brute, within(1e-9));
      assertThat(TeamSolvers.greedySwap(o).score().value()).isLessThanOrEqualTo(brute + 1e-9);
      assertThat(TeamSolvers.greedyCover(o).score().value()).isLessThanOrEqualTo(brute + 1e-9);
    }
  }

  @Test
  void mustIncludeAndMaxFromOneTeamAreHonouredByEveryMethod() {
    TeamProblem p = tiny(3, List.of(4), 1);
    TeamObjective o = new TeamObjective(p);
    for (TeamSolvers.Solution s :
        List.of(TeamSolvers.greedySwap(o), TeamSolvers.greedyCover(o), TeamSolvers.exact(o))) {
      assertThat(s.members()).contains(4);
      Map<String, Integer> perTeam = new HashMap<>();
      for (int m : s.members()) perTeam.merge(p.candidates().get(m).team(), 1, Integer::sum);
      assertThat(perTeam.values()).allMatch(n -> n <= 1);
    }
  }

  @Test
  void swapPrefersPeopleWhoWorkedTogetherWhenCoverageIsEqual() {
    // a+b+c and b+d+? cover alike; a-b-c carry the ties
    TeamObjective o = new TeamObjective(tiny(3, List.of(), 0));
    TeamSolvers.Solution s = TeamSolvers.greedySwap(o);
    assertThat(s.members()).containsExactly(0, 1, 2);
    assertThat(s.score().value()).isCloseTo(TeamSolvers.exact(o).score().value(), within(1e-12));
  }

  @Test
  void aTeamLargerThanItsRequiredMembersIsRefusedUpFront() {
    assertThatThrownBy(() -> tiny(1, List.of(0, 1), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mustInclude names 2 people for a team of 1");
  }

  @Test
  void sameSeedSameFigures() {
    TeamEvaluation.Report a = TeamEvaluation.run(7, 8, 0, line -> {});
    TeamEvaluation.Report b = TeamEvaluation.run(7, 8, 0, line -> {});
    for (int m = 0; m < 3; m++) {
      assertThat(a.small().get(m).meanGapPercent()).isEqualTo(b.small().get(m).meanGapPercent());
      assertThat(a.small().get(m).meanCohesion()).isEqualTo(b.small().get(m).meanCohesion());
    }
    assertThat(a.small().get(2).meanGapPercent()).isZero();
    assertThat(TeamEvaluation.table(a)).contains(TeamEvaluation.METHOD, "mean gap");
  }

  private static double bruteForce(TeamObjective o) {
    TeamProblem p = o.problem();
    int n = p.candidates().size();
    int k = Math.min(p.size(), n);
    double best = Double.NEGATIVE_INFINITY;
    List<int[]> all = new ArrayList<>();
    for (int size = 1; size <= k; size++) combine(n, size, 0, new int[size], 0, all);
    for (int[] team : all) {
      boolean ok = true;
      for (int m : p.mustInclude()) {
        boolean found = false;
        for (int t : team) found |= t == m;
        ok &= found;
      }
      if (p.maxFromOneTeam() > 0) {
        Map<String, Integer> perTeam = new HashMap<>();
        for (int t : team) perTeam.merge(p.candidates().get(t).team(), 1, Integer::sum);
        ok &= perTeam.values().stream().allMatch(x -> x <= p.maxFromOneTeam());
      }
      if (ok) best = Math.max(best, o.score(team).value());
    }
    return best;
  }

  private static void combine(int n, int k, int start, int[] cur, int depth, List<int[]> out) {
    if (depth == k) {
      out.add(cur.clone());
      return;
    }
    for (int i = start; i < n; i++) {
      cur[depth] = i;
      combine(n, k, i + 1, cur, depth + 1, out);
    }
  }
}
