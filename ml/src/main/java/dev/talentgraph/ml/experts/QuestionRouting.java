package dev.talentgraph.ml.experts;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The question router serving a community's present: its whole Q&amp;A history (as {@link
 * ExpertFindingEvaluation} replays a dump) and a {@link QuestionRouter} trained on every question
 * of it, each seen with the history before it and its answerers as positives. A new question is
 * ranked against everyone who answered before, never the asker, with the reasons the features give.
 *
 * <p>Thread-safe once built: ranking only reads.
 */
public final class QuestionRouting {
  /**
   * One ranked candidate.
   *
   * @param person the candidate's id
   * @param score the router's probability that they answer
   * @param matchedTags the question's tags they answered before
   * @param tagAnswers their earlier answers on those tags
   * @param answers their earlier answers
   * @param accepted their accepted answers
   * @param acceptanceRate accepted over answers
   * @param daysSinceLast days since their last answer
   * @param textSimilarity BM25 of the question against the questions they answered, over the best
   *     candidate's (0..1)
   * @param similarQuestions ids of the earlier questions they answered that share the most words
   *     with the new one (at most three)
   */
  public record Routed(
      String person,
      double score,
      List<String> matchedTags,
      int tagAnswers,
      int answers,
      int accepted,
      double acceptanceRate,
      double daysSinceLast,
      double textSimilarity,
      List<String> similarQuestions) {}

  private final AnswerHistory history;
  private final QuestionRouter router;
  private final Map<String, List<QaPost>> answered;
  private final int questions;
  private final int answerCount;

  private QuestionRouting(
      AnswerHistory history,
      QuestionRouter router,
      Map<String, List<QaPost>> answered,
      int questions,
      int answerCount) {
    this.history = history;
    this.router = router;
    this.answered = answered;
    this.questions = questions;
    this.answerCount = answerCount;
  }

  /**
   * Replays the posts (any order) and votes, and trains the router on every question with an
   * answerer among its candidates; throws {@link IllegalArgumentException} when there is none.
   */
  public static QuestionRouting train(
      List<QaPost> posts, List<QaVote> votes, QuestionRouter.Settings settings, String name) {
    List<QaPost> ordered = new ArrayList<>(posts);
    ordered.sort(
        Comparator.comparing(QaPost::created)
            .thenComparing(p -> p.isQuestion() ? 0 : 1)
            .thenComparing(QaPost::id));
    List<QaVote> vs = new ArrayList<>(votes);
    vs.sort(Comparator.comparing(QaVote::known));
    Map<String, QaPost> byId = new HashMap<>();
    for (QaPost p : ordered) if (p.isQuestion()) byId.put(p.id(), p);
    Map<String, Set<String>> answerers = new HashMap<>();
    Map<String, List<QaPost>> answered = new HashMap<>();
    int answerCount = 0;
    for (QaPost p : ordered) {
      if (p.isQuestion() || p.author() == null) continue;
      QaPost q = byId.get(p.questionId());
      if (q == null) continue;
      answerCount++;
      answered.computeIfAbsent(p.author(), k -> new ArrayList<>()).add(q);
      if (!p.author().equals(q.author()))
        answerers.computeIfAbsent(q.id(), k -> new HashSet<>()).add(p.author());
    }
    AnswerHistory h = new AnswerHistory();
    List<QuestionRouter.Example> examples = new ArrayList<>();
    int v = 0;
    for (QaPost p : ordered) {
      // strictly before: a vote known at its answer's own time comes after the answer is added
      while (v < vs.size() && vs.get(v).known().isBefore(p.created())) h.addVote(vs.get(v++));
      if (p.isQuestion()) {
        examples.add(
            new QuestionRouter.Example(
                h.candidates(p.title() + " " + p.text(), p.tags(), p.author(), p.created()),
                answerers.getOrDefault(p.id(), Set.of())));
        h.addQuestion(p);
      } else {
        h.addAnswer(p);
      }
    }
    while (v < vs.size()) h.addVote(vs.get(v++));
    QuestionRouter router = QuestionRouter.train(examples, settings, name);
    return new QuestionRouting(h, router, answered, byId.size(), answerCount);
  }

  /**
   * The best {@code first} candidates for a new question at {@code at}, best first.
   *
   * @param asker excluded from the candidates (null: nobody)
   */
  public List<Routed> rank(
      String text, List<String> tags, String asker, LocalDateTime at, int first) {
    List<String> lower = new ArrayList<>();
    for (String t : tags) lower.add(t.toLowerCase(java.util.Locale.ROOT));
    List<CandidateFeatures> cands = history.candidates(text, lower, asker, at);
    double[] s = new double[cands.size()];
    Integer[] order = new Integer[cands.size()];
    for (int i = 0; i < s.length; i++) {
      s[i] = router.score(cands.get(i));
      order[i] = i;
    }
    java.util.Arrays.sort(
        order, (a, b) -> ExpertFindingEvaluation.compare(cands.get(a), s[a], cands.get(b), s[b]));
    Set<String> words = new LinkedHashSet<>(Terms.of(text));
    List<Routed> out = new ArrayList<>();
    for (int r = 0; r < Math.min(first, order.length); r++) {
      CandidateFeatures c = cands.get(order[r]);
      out.add(
          new Routed(
              c.person(),
              s[order[r]],
              c.matchedTags(),
              (int) c.tagAnswers(),
              (int) c.answers(),
              (int) c.accepted(),
              c.answers() == 0 ? 0 : c.accepted() / c.answers(),
              c.daysSinceLast(),
              c.similarQuestionsShare(),
              similar(c.person(), words)));
    }
    return out;
  }

  /** The earlier questions a person answered sharing the most words with the new one. */
  private List<String> similar(String person, Set<String> words) {
    record Hit(String id, long shared, LocalDateTime at) {}
    List<Hit> hits = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (QaPost q : answered.getOrDefault(person, List.of())) {
      if (!seen.add(q.id())) continue;
      long shared =
          new HashSet<>(Terms.of(q.title() + " " + q.text()))
              .stream().filter(words::contains).count();
      if (shared > 0) hits.add(new Hit(q.id(), shared, q.created()));
    }
    hits.sort(
        Comparator.comparingLong(Hit::shared)
            .reversed()
            .thenComparing(Hit::at, Comparator.reverseOrder()));
    return hits.stream().limit(3).map(Hit::id).toList();
  }

  /** The trained router. */
  public QuestionRouter router() {
    return router;
  }

  /** Questions in the history. */
  public int questions() {
    return questions;
  }

  /** Answers in the history. */
  public int answers() {
    return answerCount;
  }

  /** People with at least one answer: the candidates of a new question. */
  public int answerers() {
    return history.answererCount();
  }
}
