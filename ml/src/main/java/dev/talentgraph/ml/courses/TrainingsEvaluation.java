package dev.talentgraph.ml.courses;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * The training-recommendation evaluation in one call: five leave-one-out draws (seeds {@code seed}
 * to {@code seed+4}), each method fitted on the draw's training data and asked to rank every course
 * the learner has not taken; the figures are the mean over the draws with their standard deviation.
 */
public final class TrainingsEvaluation {
  /** Number of hold-out draws. */
  public static final int DRAWS = 5;

  /** Concepts per course the FM with the course-concept graph uses (most specific first). */
  public static final int CONCEPTS_PER_COURSE = 5;

  public static final List<String> METRICS = List.of("HR@5", "HR@10", "NDCG@10", "MRR");

  private TrainingsEvaluation() {}

  /**
   * A method of the comparison: its name and how to build a fresh instance for a draw's seed.
   *
   * @param name shown in the table
   * @param factory builds the recommender for a draw seed (seeds tie-free randomness such as
   *     negative sampling and the EASE validation split to the draw)
   */
  public record Method(String name, LongFunction<ItemRecommender> factory) {}

  /**
   * Figures of one method.
   *
   * @param method the method name
   * @param perDraw per draw, HR@5, HR@10, NDCG@10, MRR
   * @param mean per metric, the mean over draws
   * @param std per metric, the sample standard deviation over draws
   * @param seconds wall time of fitting and ranking, summed over draws
   * @param notes what was chosen on validation (e.g. EASE lambda per draw)
   */
  public record MethodResult(
      String method,
      List<double[]> perDraw,
      double[] mean,
      double[] std,
      double seconds,
      String notes) {}

  /**
   * The whole report.
   *
   * @param seeds the draw seeds
   * @param learners learners evaluated per draw
   * @param courses courses in the catalogue
   * @param results one per method, in the order given
   */
  public record Report(List<Long> seeds, int learners, int courses, List<MethodResult> results) {
    /** The result of {@code method}, or null. */
    public MethodResult get(String method) {
      return results.stream().filter(r -> r.method().equals(method)).findFirst().orElse(null);
    }
  }

  /** The five methods the issue asks for, with the settings used for the reported figures. */
  public static List<Method> standardMethods() {
    return List.of(
        new Method("popularity", s -> new PopularityRecommender()),
        new Method("item-kNN", s -> new ItemKnnRecommender()),
        new Method("EASE", EaseRecommender::validated),
        new Method("FM", s -> new FmRecommender(false, FmSettings.defaults(s))),
        new Method(
            "FM + concepts",
            s -> new FmRecommender(true, FmSettings.defaults(s), CONCEPTS_PER_COURSE)));
  }

  /** Runs every method on the {@link #DRAWS} draws starting at {@code seed}. */
  public static Report run(
      Interactions data, long seed, List<Method> methods, Consumer<String> progress) {
    List<Long> seeds = new ArrayList<>();
    for (int d = 0; d < DRAWS; d++) {
      seeds.add(seed + d);
    }
    Map<String, List<double[]>> figures = new LinkedHashMap<>();
    Map<String, Double> seconds = new LinkedHashMap<>();
    Map<String, StringBuilder> notes = new LinkedHashMap<>();
    int learners = 0;
    for (long s : seeds) {
      LeaveOneOutSplit split = LeaveOneOutSplit.draw(data, s);
      learners = split.evalUsers().length;
      for (Method m : methods) {
        long t0 = System.nanoTime();
        ItemRecommender rec = m.factory().apply(s);
        RankingMetrics r = Evaluator.evaluate(rec, split, true);
        double secs = (System.nanoTime() - t0) / 1e9;
        figures.computeIfAbsent(m.name(), k -> new ArrayList<>()).add(r.toArray());
        seconds.merge(m.name(), secs, Double::sum);
        if (rec instanceof EaseRecommender ease) {
          StringBuilder sb = notes.computeIfAbsent(m.name(), k -> new StringBuilder("lambda "));
          sb.append(sb.length() > 7 ? "," : "").append((long) ease.lambda());
        }
        progress.accept(
            String.format(
                "seed %d %-14s HR@10 %.4f NDCG@10 %.4f (%.1f s)",
                s, m.name(), r.hr10(), r.ndcg10(), secs));
      }
    }
    List<MethodResult> results = new ArrayList<>();
    for (Method m : methods) {
      List<double[]> per = figures.get(m.name());
      double[] mean = new double[METRICS.size()];
      double[] std = new double[METRICS.size()];
      for (int k = 0; k < mean.length; k++) {
        for (double[] p : per) {
          mean[k] += p[k] / per.size();
        }
        for (double[] p : per) {
          std[k] += (p[k] - mean[k]) * (p[k] - mean[k]);
        }
        std[k] = per.size() > 1 ? Math.sqrt(std[k] / (per.size() - 1)) : 0;
      }
      StringBuilder note = notes.get(m.name());
      results.add(
          new MethodResult(
              m.name(),
              per,
              mean,
              std,
              seconds.get(m.name()),
              note == null ? "" : note.toString()));
    }
    return new Report(seeds, learners, data.numItems(), results);
  }
}
