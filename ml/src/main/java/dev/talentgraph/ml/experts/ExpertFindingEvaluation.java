package dev.talentgraph.ml.experts;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Question routing measured on a Q&amp;A community's own history, chronologically: the questions
 * are put in order of creation; the first {@value #HISTORY_SHARE} of them are history only; every
 * later question is ranked using only what was posted (and voted) before it. Its candidates are the
 * people with at least one earlier answer, never the asker; the truth is its answerers among them
 * (a question with none is not counted). Reported: MRR (the rank of the first true answerer) and
 * Hits@10, each with a seeded 95% percentile bootstrap interval over the questions, for
 *
 * <ul>
 *   <li>popularity: earlier answers;
 *   <li>tags: earlier answers on the question's tags (the tag profile);
 *   <li>bm25: the question's title and body against each candidate's earlier answers;
 *   <li>tags+bm25: the two, each divided by its maximum over the candidates, summed;
 *   <li>learned: the {@link QuestionRouter}, retrained every {@value #RETRAIN_EVERY} evaluated
 *       questions on all questions posted before the first of them, each with the history before it
 *       and as labels only the answers posted before that cut, so it never sees an evaluated
 *       question's answers nor anything after it.
 * </ul>
 *
 * Ties are broken the same way for every method: more earlier answers first, then the more recent
 * last answer, then the id.
 */
public final class ExpertFindingEvaluation {
  public static final double HISTORY_SHARE = 0.3;
  public static final int RETRAIN_EVERY = 25;
  public static final int BOOTSTRAP = 1000;
  public static final List<String> METHODS =
      List.of("popularity", "tags", "bm25", "tags+bm25", "learned");

  /** A figure and its 95% bootstrap interval. */
  public record Estimate(double value, double low, double high) {}

  public record MethodResult(String method, Estimate mrr, Estimate hits10) {}

  /**
   * @param questions questions in the dump
   * @param history questions used as history only
   * @param evaluated later questions with at least one answerer among their candidates
   * @param unanswered later questions left out (no answerer among the candidates)
   * @param trainings how many times the learned ranker was trained
   */
  public record Result(
      int questions,
      int history,
      int evaluated,
      int unanswered,
      int trainings,
      long seed,
      List<MethodResult> methods,
      long millis) {
    public MethodResult method(String name) {
      return methods.stream().filter(m -> m.method().equals(name)).findFirst().orElseThrow();
    }

    /** The baseline with the highest MRR. */
    public MethodResult bestBaseline() {
      return methods.stream()
          .filter(m -> !m.method().equals("learned"))
          .max(Comparator.comparingDouble(m -> m.mrr().value()))
          .orElseThrow();
    }
  }

  private record Answered(String person, LocalDateTime at) {}

  private record Case(QaPost question, List<CandidateFeatures> candidates, List<Answered> answers) {
    Set<String> answerersBefore(LocalDateTime cut) {
      Set<String> out = new HashSet<>();
      for (Answered a : answers) if (a.at().isBefore(cut)) out.add(a.person());
      return out;
    }

    Set<String> truth() {
      Set<String> ids = new HashSet<>();
      for (CandidateFeatures c : candidates) ids.add(c.person());
      Set<String> out = new HashSet<>();
      for (Answered a : answers) if (ids.contains(a.person())) out.add(a.person());
      return out;
    }
  }

  private ExpertFindingEvaluation() {}

  /**
   * Runs the evaluation.
   *
   * @param posts every question and answer of the community
   * @param votes what became known about the answers over time (may be empty)
   * @param settings the learned ranker's settings (its seed also seeds the bootstrap)
   */
  public static Result run(
      List<QaPost> posts, List<QaVote> votes, QuestionRouter.Settings settings) {
    long start = System.nanoTime();
    List<Case> cases = replay(posts, votes);
    int history = (int) Math.floor(HISTORY_SHARE * cases.size());
    List<Case> evaluated = new ArrayList<>();
    int unanswered = 0;
    for (int i = history; i < cases.size(); i++) {
      if (cases.get(i).truth().isEmpty()) unanswered++;
      else evaluated.add(cases.get(i));
    }
    Map<String, double[][]> perMethod = new LinkedHashMap<>();
    perMethod.put("popularity", ranks(evaluated, c -> c.answers()));
    perMethod.put("tags", ranks(evaluated, c -> c.tagAnswers()));
    perMethod.put("bm25", ranks(evaluated, c -> c.bm25()));
    perMethod.put("tags+bm25", ranks(evaluated, CandidateFeatures::tagsBm25));
    double[][] learned = new double[2][evaluated.size()];
    int trainings = 0;
    for (int b = 0; b < evaluated.size(); b += RETRAIN_EVERY) {
      LocalDateTime cut = evaluated.get(b).question().created();
      List<QuestionRouter.Example> past = new ArrayList<>();
      for (Case c : cases) {
        if (!c.question().created().isBefore(cut)) break;
        past.add(new QuestionRouter.Example(c.candidates(), c.answerersBefore(cut)));
      }
      QuestionRouter router = QuestionRouter.train(past, settings, "questions before " + cut);
      trainings++;
      int end = Math.min(evaluated.size(), b + RETRAIN_EVERY);
      for (int i = b; i < end; i++) {
        double[] rr = rankOf(evaluated.get(i), router::score);
        learned[0][i] = rr[0];
        learned[1][i] = rr[1];
      }
    }
    perMethod.put("learned", learned);
    List<MethodResult> results = new ArrayList<>();
    for (var e : perMethod.entrySet()) {
      results.add(
          new MethodResult(
              e.getKey(),
              bootstrap(e.getValue()[0], settings.seed()),
              bootstrap(e.getValue()[1], settings.seed())));
    }
    return new Result(
        cases.size(),
        history,
        evaluated.size(),
        unanswered,
        trainings,
        settings.seed(),
        results,
        (System.nanoTime() - start) / 1_000_000);
  }

  /** Every question with its candidates as of its creation, in order of creation. */
  private static List<Case> replay(List<QaPost> posts, List<QaVote> votes) {
    List<QaPost> ordered = new ArrayList<>(posts);
    ordered.sort(
        Comparator.comparing(QaPost::created)
            .thenComparing(p -> p.isQuestion() ? 0 : 1)
            .thenComparing(QaPost::id));
    List<QaVote> vs = new ArrayList<>(votes);
    vs.sort(Comparator.comparing(QaVote::known));
    Map<String, QaPost> questions = new HashMap<>();
    for (QaPost p : ordered) if (p.isQuestion()) questions.put(p.id(), p);
    Map<String, List<Answered>> answers = new HashMap<>();
    for (QaPost p : ordered) {
      if (p.isQuestion() || p.author() == null) continue;
      QaPost q = questions.get(p.questionId());
      if (q == null || p.author().equals(q.author())) continue;
      answers
          .computeIfAbsent(q.id(), k -> new ArrayList<>())
          .add(new Answered(p.author(), p.created()));
    }
    AnswerHistory h = new AnswerHistory();
    List<Case> cases = new ArrayList<>();
    int v = 0;
    for (QaPost p : ordered) {
      while (v < vs.size() && !vs.get(v).known().isAfter(p.created())) h.addVote(vs.get(v++));
      if (p.isQuestion()) {
        List<CandidateFeatures> cands =
            h.candidates(p.title() + " " + p.text(), p.tags(), p.author(), p.created());
        cases.add(new Case(p, cands, answers.getOrDefault(p.id(), List.of())));
        h.addQuestion(p);
      } else {
        h.addAnswer(p);
      }
    }
    return cases;
  }

  private static double[][] ranks(List<Case> cases, ToDoubleFunction<CandidateFeatures> score) {
    double[][] out = new double[2][cases.size()];
    for (int i = 0; i < cases.size(); i++) {
      double[] r = rankOf(cases.get(i), score);
      out[0][i] = r[0];
      out[1][i] = r[1];
    }
    return out;
  }

  /** Reciprocal rank of the first true answerer and whether one is in the top ten. */
  private static double[] rankOf(Case c, ToDoubleFunction<CandidateFeatures> score) {
    List<CandidateFeatures> cands = c.candidates();
    double[] s = new double[cands.size()];
    Integer[] order = new Integer[cands.size()];
    for (int i = 0; i < s.length; i++) {
      s[i] = score.applyAsDouble(cands.get(i));
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> compare(cands.get(a), s[a], cands.get(b), s[b]));
    Set<String> truth = c.truth();
    for (int r = 0; r < order.length; r++) {
      if (truth.contains(cands.get(order[r]).person()))
        return new double[] {1.0 / (r + 1), r < 10 ? 1 : 0};
    }
    return new double[] {0, 0};
  }

  /** Higher score first; ties: more answers, then the more recent last answer, then the id. */
  static int compare(CandidateFeatures a, double sa, CandidateFeatures b, double sb) {
    int c = Double.compare(sb, sa);
    if (c != 0) return c;
    c = Double.compare(b.answers(), a.answers());
    if (c != 0) return c;
    c = Double.compare(a.daysSinceLast(), b.daysSinceLast());
    return c != 0 ? c : a.person().compareTo(b.person());
  }

  /** The mean and its 95% percentile bootstrap interval, {@value #BOOTSTRAP} seeded resamples. */
  static Estimate bootstrap(double[] values, long seed) {
    int n = values.length;
    if (n == 0) return new Estimate(Double.NaN, Double.NaN, Double.NaN);
    double mean = Arrays.stream(values).average().orElse(Double.NaN);
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] means = new double[BOOTSTRAP];
    for (int b = 0; b < BOOTSTRAP; b++) {
      double sum = 0;
      for (int i = 0; i < n; i++) sum += values[rnd.nextInt(n)];
      means[b] = sum / n;
    }
    Arrays.sort(means);
    return new Estimate(
        mean, means[(int) (0.025 * BOOTSTRAP)], means[(int) (0.975 * BOOTSTRAP) - 1]);
  }
}
