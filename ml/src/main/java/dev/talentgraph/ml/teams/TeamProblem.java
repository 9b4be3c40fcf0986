package dev.talentgraph.ml.teams;

import java.util.List;
import java.util.Map;

/**
 * One team-formation instance: what is asked for, who may be chosen, how well each candidate covers
 * each requirement, who worked with whom, and the hard constraints. Pure data: the API builds it
 * from the graph, the evaluation generates it.
 *
 * @param requirements what the team must cover
 * @param candidates who may be chosen (already without the excluded and the unavailable)
 * @param size members wanted
 * @param mustInclude indices into {@code candidates} that every answer contains
 * @param maxFromOneTeam at most this many members from one organisational team (0: no limit)
 * @param ties tie strength 0..1 of candidate pairs (key {@link #pair}); absent pairs are 0
 */
public record TeamProblem(
    List<Requirement> requirements,
    List<Candidate> candidates,
    int size,
    List<Integer> mustInclude,
    int maxFromOneTeam,
    Map<Long, Double> ties) {

  public TeamProblem {
    requirements = List.copyOf(requirements);
    candidates = List.copyOf(candidates);
    mustInclude = List.copyOf(mustInclude);
    ties = Map.copyOf(ties);
    if (size < 1) throw new IllegalArgumentException("size must be at least 1 (was " + size + ")");
    if (mustInclude.size() > size)
      throw new IllegalArgumentException(
          "mustInclude names " + mustInclude.size() + " people for a team of " + size);
    for (Candidate c : candidates) {
      if (c.credits().length != requirements.size())
        throw new IllegalArgumentException(
            "candidate "
                + c.id()
                + " has "
                + c.credits().length
                + " credits for "
                + requirements.size()
                + " requirements");
    }
  }

  /**
   * A requirement: a skill at a level, held by {@code count} people; a critical one needs at least
   * two holders.
   */
  public record Requirement(String skillId, int level, int count, boolean critical) {
    /** Holder slots the requirement asks for: its count, and at least two when critical. */
    public int slots() {
      return critical ? Math.max(2, count) : count;
    }
  }

  /**
   * A candidate: the credit 0..1 they bring to each requirement (taxonomy credit of their best
   * stand-in, see {@code SkillCredit}), their organisational team, and their free capacity 0..1.
   */
  public record Candidate(String id, String team, double[] credits, double capacity) {}

  /** The key of an unordered pair of candidate indices in {@link #ties}. */
  public static long pair(int a, int b) {
    int lo = Math.min(a, b);
    int hi = Math.max(a, b);
    return ((long) lo << 32) | hi;
  }

  /** Tie strength of two candidates (0 when they never worked together). */
  public double tie(int a, int b) {
    Double t = ties.get(pair(a, b));
    return t == null ? 0 : t;
  }
}
