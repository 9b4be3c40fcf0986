package dev.talentgraph.ml.experts;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a Q&amp;A community had posted up to some time, kept per person: answers (when, on which
 * tags, their words for BM25), scores and acceptances as they became known, questions asked, and
 * who answered whom. It only grows, in time order, so one pass over a dump gives every question the
 * history before it (see {@link ExpertFindingEvaluation}); the product fills it from the graph and
 * asks about the present.
 *
 * <p>Text similarity is {@link Bm25Index BM25} over two documents per person: their earlier
 * answers, and the questions they answered.
 */
final class AnswerHistory {
  /** One person's history. */
  static final class Person {
    final String id;
    int answers;
    int accepted;
    int score;
    final List<LocalDateTime> answerTimes = new ArrayList<>();
    final Map<String, Integer> tagAnswers = new HashMap<>();
    final Map<String, Integer> tagQuestions = new HashMap<>();

    Person(String id) {
      this.id = id;
    }
  }

  private final Map<String, Person> people = new HashMap<>();
  private final List<Person> answerers = new ArrayList<>();
  private final Map<String, QaPost> questions = new HashMap<>();
  private final List<LocalDateTime> questionTimes = new ArrayList<>();
  private final Map<String, String> answerAuthor = new HashMap<>();
  private final Bm25Index answerText = new Bm25Index();
  private final Bm25Index answeredQuestionText = new Bm25Index();
  private final Map<String, Integer> interactions = new HashMap<>();

  /** Records a question (its tags and asker), before any of its answers. */
  public void addQuestion(QaPost q) {
    questions.put(q.id(), q);
    questionTimes.add(q.created());
    if (q.author() == null) return;
    Person p = person(q.author());
    for (String t : q.tags()) p.tagQuestions.merge(t, 1, Integer::sum);
  }

  /** Records an answer; posts must come in time order. Unknown questions are ignored. */
  public void addAnswer(QaPost a) {
    QaPost q = questions.get(a.questionId());
    if (q == null || a.author() == null) return;
    answerAuthor.put(a.id(), a.author());
    Person p = person(a.author());
    if (p.answers == 0) answerers.add(p);
    p.answers++;
    p.answerTimes.add(a.created());
    for (String t : q.tags()) p.tagAnswers.merge(t, 1, Integer::sum);
    answerText.add(p.id, Terms.of(a.text()));
    answeredQuestionText.add(p.id, Terms.of(q.title() + " " + q.text()));
    if (q.author() != null && !q.author().equals(a.author()))
      interactions.merge(pair(q.author(), a.author()), 1, Integer::sum);
  }

  /** Records a vote on an answer already added; others are ignored. */
  public void addVote(QaVote v) {
    String author = answerAuthor.get(v.postId());
    if (author == null) return;
    Person p = people.get(author);
    p.score += v.scoreDelta();
    if (v.accepted()) p.accepted++;
  }

  /** People with at least one answer, in the order of their first answer. */
  public int answererCount() {
    return answerers.size();
  }

  public boolean isAnswerer(String person) {
    Person p = people.get(person);
    return p != null && p.answers > 0;
  }

  /** The question a post id names, if it was added. */
  QaPost question(String id) {
    return questions.get(id);
  }

  /**
   * The candidates for a new question at a time: everyone with at least one answer, never the
   * asker, with their {@link CandidateFeatures}.
   *
   * @param asker the asker's id (null: nobody excluded)
   */
  public List<CandidateFeatures> candidates(
      String text, List<String> tags, String asker, LocalDateTime at) {
    List<Person> pool = new ArrayList<>(answerers.size());
    for (Person p : answerers) if (!p.id.equals(asker)) pool.add(p);
    if (pool.isEmpty()) return List.of();
    List<String> words = Terms.of(text);
    Map<String, Double> bm25 = answerText.score(words);
    Map<String, Double> similar = answeredQuestionText.score(words);
    Set<String> tagSet = new LinkedHashSet<>(tags);
    int n = pool.size();
    double[] tag = new double[n];
    double[] bm = new double[n];
    double[] sim = new double[n];
    double maxSim = 0;
    double maxTag = 0;
    double maxBm = 0;
    double maxPop = 0;
    double max30 = 0;
    for (int i = 0; i < n; i++) {
      Person p = pool.get(i);
      for (String t : tagSet) tag[i] += p.tagAnswers.getOrDefault(t, 0);
      bm[i] = bm25.getOrDefault(p.id, 0.0);
      sim[i] = similar.getOrDefault(p.id, 0.0);
      maxSim = Math.max(maxSim, sim[i]);
      maxTag = Math.max(maxTag, tag[i]);
      maxBm = Math.max(maxBm, bm[i]);
      maxPop = Math.max(maxPop, p.answers);
      max30 = Math.max(max30, since(p, at, 30));
    }
    int recentQuestions = between(questionTimes, at.minusDays(30), at);
    List<CandidateFeatures> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Person p = pool.get(i);
      double asked = 0;
      for (String t : tagSet) asked += p.tagQuestions.getOrDefault(t, 0);
      LocalDateTime last = p.answerTimes.get(p.answerTimes.size() - 1);
      LocalDateTime first = p.answerTimes.get(0);
      int link = asker == null ? 0 : interactions.getOrDefault(pair(asker, p.id), 0);
      out.add(
          new CandidateFeatures(
              p.id,
              tag[i],
              bm[i],
              maxTag == 0 ? 0 : tag[i] / maxTag,
              maxBm == 0 ? 0 : bm[i] / maxBm,
              maxSim == 0 ? 0 : sim[i] / maxSim,
              p.answers,
              maxPop == 0 ? 0 : p.answers / maxPop,
              since(p, at, 7),
              since(p, at, 30),
              max30 == 0 ? 0 : since(p, at, 30) / max30,
              since(p, at, 90),
              since(p, at, 365),
              Math.max(0, Duration.between(last, at).toHours() / 24.0),
              Math.max(0, Duration.between(first, at).toHours() / 24.0),
              recentQuestions,
              hourShare(p, at),
              p.accepted,
              p.score,
              asked,
              link,
              matchedTags(p, tagSet)));
    }
    return out;
  }

  private static double hourShare(Person p, LocalDateTime at) {
    int h = at.getHour();
    int near = 0;
    for (LocalDateTime t : p.answerTimes) {
      int d = Math.abs(t.getHour() - h);
      if (Math.min(d, 24 - d) <= 2) near++;
    }
    return (double) near / p.answerTimes.size();
  }

  private static List<String> matchedTags(Person p, Set<String> tags) {
    List<String> out = new ArrayList<>();
    for (String t : tags) if (p.tagAnswers.containsKey(t)) out.add(t);
    return out;
  }

  /** Answers of a person in the {@code days} before {@code at}. */
  private static int since(Person p, LocalDateTime at, int days) {
    return between(p.answerTimes, at.minusDays(days), at);
  }

  /** How many of the sorted times fall in [from, to). */
  private static int between(List<LocalDateTime> times, LocalDateTime from, LocalDateTime to) {
    int i = Collections.binarySearch(times, from);
    int firstIn = i >= 0 ? i : -i - 1;
    int j = Collections.binarySearch(times, to);
    int end = j >= 0 ? j : -j - 1;
    return Math.max(0, end - firstIn);
  }

  private Person person(String id) {
    return people.computeIfAbsent(id, Person::new);
  }

  private static String pair(String a, String b) {
    return a.compareTo(b) < 0 ? a + "\u0000" + b : b + "\u0000" + a;
  }
}
