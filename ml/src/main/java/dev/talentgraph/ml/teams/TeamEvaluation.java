package dev.talentgraph.ml.teams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The team-formation evaluation: {@value #SMALL} seeded instances of 25-40 candidates, where the
 * exact optimum is computed, compare the product's method ({@link TeamSolvers#greedySwap}) and the
 * plain greedy set cover with it; {@value #LARGE} instances of {@value #LARGE_CANDIDATES}
 * candidates compare the two heuristics alone. Every figure but the times depends on the seed only.
 */
public final class TeamEvaluation {
  private TeamEvaluation() {}

  public static final int SMALL = 100;
  public static final int LARGE = 5;
  public static final int LARGE_CANDIDATES = 2000;

  public static final String METHOD = "greedy+swap";
  public static final String GREEDY = "greedy cover";
  public static final String EXACT = "exact (B&B)";

  /** Figures of one method over the small instances. */
  public record MethodStats(
      String method,
      double meanGapPercent,
      double maxGapPercent,
      int optimal,
      double meanCoverage,
      double meanCohesion,
      double meanMillis) {}

  /** Figures of the large instances: the method's objective over greedy's. */
  public record LargeStats(
      int instances,
      int candidates,
      double meanMethodObjective,
      double meanGreedyObjective,
      double meanGainPercent,
      int methodAhead,
      double methodMillis,
      double greedyMillis) {}

  public record Report(long seed, int instances, List<MethodStats> small, LargeStats large) {}

  public static Report run(long seed, int small, int large, Consumer<String> progress) {
    SplittableRandom sizes = new SplittableRandom(seed);
    double[][] values = new double[3][small];
    double[][] cov = new double[3][small];
    double[][] coh = new double[3][small];
    long[] nanos = new long[3];
    List<Function<TeamObjective, TeamSolvers.Solution>> methods =
        List.of(TeamSolvers::greedySwap, TeamSolvers::greedyCover, TeamSolvers::exact);
    for (int i = 0; i < small; i++) {
      int n = 25 + sizes.nextInt(16);
      TeamObjective objective =
          new TeamObjective(TeamInstances.generate(seed * 1_000_003L + i, n, false));
      for (int m = 0; m < 3; m++) {
        long t0 = System.nanoTime();
        TeamSolvers.Solution s = methods.get(m).apply(objective);
        nanos[m] += System.nanoTime() - t0;
        values[m][i] = s.score().value();
        cov[m][i] = s.score().coverage();
        coh[m][i] = s.score().cohesion();
      }
      if ((i + 1) % 20 == 0) progress.accept("small instances: " + (i + 1) + "/" + small);
    }
    String[] names = {METHOD, GREEDY, EXACT};
    List<MethodStats> stats = new java.util.ArrayList<>();
    for (int m = 0; m < 3; m++) {
      double gapSum = 0;
      double gapMax = 0;
      int optimal = 0;
      for (int i = 0; i < small; i++) {
        double opt = values[2][i];
        double gap = opt <= 0 ? 0 : Math.max(0, (opt - values[m][i]) / opt * 100);
        gapSum += gap;
        gapMax = Math.max(gapMax, gap);
        if (gap < 1e-7) optimal++;
      }
      stats.add(
          new MethodStats(
              names[m],
              gapSum / small,
              gapMax,
              optimal,
              mean(cov[m]),
              mean(coh[m]),
              nanos[m] / 1e6 / small));
    }
    double methodSum = 0;
    double greedySum = 0;
    double gainSum = 0;
    int ahead = 0;
    long methodNanos = 0;
    long greedyNanos = 0;
    for (int i = 0; i < large; i++) {
      TeamObjective objective =
          new TeamObjective(
              TeamInstances.generate(seed * 7_000_003L + 1_000 + i, LARGE_CANDIDATES, true));
      long t0 = System.nanoTime();
      TeamSolvers.Solution a = TeamSolvers.greedySwap(objective);
      long t1 = System.nanoTime();
      TeamSolvers.Solution b = TeamSolvers.greedyCover(objective);
      long t2 = System.nanoTime();
      methodNanos += t1 - t0;
      greedyNanos += t2 - t1;
      methodSum += a.score().value();
      greedySum += b.score().value();
      gainSum += (a.score().value() - b.score().value()) / b.score().value() * 100;
      if (a.score().value() > b.score().value() + 1e-9) ahead++;
      progress.accept("large instances: " + (i + 1) + "/" + large);
    }
    LargeStats ls =
        new LargeStats(
            large,
            LARGE_CANDIDATES,
            large == 0 ? 0 : methodSum / large,
            large == 0 ? 0 : greedySum / large,
            large == 0 ? 0 : gainSum / large,
            ahead,
            large == 0 ? 0 : methodNanos / 1e6 / large,
            large == 0 ? 0 : greedyNanos / 1e6 / large);
    return new Report(seed, small, stats, ls);
  }

  private static double mean(double[] xs) {
    double s = 0;
    for (double x : xs) s += x;
    return xs.length == 0 ? 0 : s / xs.length;
  }

  /** The report as a table, with the objective and the instance distributions named. */
  public static String table(Report r) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "Team formation, %d seeded instances of 25-40 candidates (seed %d), objective"
                + " coverage + %.2f cohesion + %.2f capacity%n%n",
            r.instances(),
            r.seed(),
            TeamObjective.COHESION,
            TeamObjective.CAPACITY));
    b.append(
        String.format(
            Locale.ROOT,
            "%-14s %10s %10s %9s %9s %9s %10s%n",
            "method",
            "mean gap",
            "max gap",
            "optimal",
            "coverage",
            "cohesion",
            "ms/inst"));
    for (MethodStats m : r.small()) {
      b.append(
          String.format(
              Locale.ROOT,
              "%-14s %9.2f%% %9.2f%% %5d/%-3d %9.3f %9.3f %10.2f%n",
              m.method(),
              m.meanGapPercent(),
              m.maxGapPercent(),
              m.optimal(),
              r.instances(),
              m.meanCoverage(),
              m.meanCohesion(),
              m.meanMillis()));
    }
    LargeStats l = r.large();
    if (l.instances() > 0) {
      b.append(
          String.format(
              Locale.ROOT,
              "%nLarge: %d instances of %d candidates (no optimum): %s %.4f vs %s %.4f, %+.2f%%"
                  + " on average, ahead on %d/%d; %.0f ms vs %.0f ms per instance%n",
              l.instances(),
              l.candidates(),
              METHOD,
              l.meanMethodObjective(),
              GREEDY,
              l.meanGreedyObjective(),
              l.meanGainPercent(),
              l.methodAhead(),
              l.instances(),
              l.methodMillis(),
              l.greedyMillis()));
    }
    b.append(
        "\nInstances are synthetic, drawn from stated distributions (TeamInstances), not sampled"
            + " from a graph; times vary by machine, every other figure is fixed by the seed.\n");
    return b.toString();
  }

  public static String json(Report r) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("seed", r.seed());
    out.put("instances", r.instances());
    Map<String, Object> methods = new LinkedHashMap<>();
    for (MethodStats m : r.small()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("meanGapPercent", m.meanGapPercent());
      x.put("maxGapPercent", m.maxGapPercent());
      x.put("optimal", m.optimal());
      x.put("meanCoverage", m.meanCoverage());
      x.put("meanCohesion", m.meanCohesion());
      x.put("meanMillis", m.meanMillis());
      methods.put(m.method(), x);
    }
    out.put("small", methods);
    out.put("large", r.large());
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
