package dev.talentgraph.ml.experts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExpertFindingEvaluationTests {

  /**
   * A small community: each of four specialists answers the questions on their own tag, a
   * generalist answers a few of everything; askers are newcomers who never answer.
   */
  static List<QaPost> community(int questions, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    String[] tags = {"sensors", "mqtt", "zigbee", "security"};
    String[] words = {
      "voltage reading drift", "broker topic qos", "mesh pairing channel", "tls certificate key"
    };
    List<QaPost> out = new ArrayList<>();
    LocalDateTime t = LocalDateTime.of(2017, 1, 1, 9, 0);
    for (int i = 0; i < questions; i++) {
      int k = rnd.nextInt(tags.length);
      t = t.plusHours(5);
      String q = "q" + i;
      out.add(
          QaPost.question(
              q, t, "asker" + i, "about " + words[k], words[k] + " problem", List.of(tags[k])));
      out.add(
          QaPost.answer(
              q + "a", q, t.plusHours(1), "expert-" + tags[k], "try the " + words[k] + " fix"));
      if (rnd.nextInt(4) == 0)
        out.add(QaPost.answer(q + "b", q, t.plusHours(2), "generalist", "general advice on it"));
    }
    return out;
  }

  @Test
  void theTagSpecialistsAreFoundAndTheLearnedRankerBeatsPopularity() {
    var r =
        ExpertFindingEvaluation.run(
            community(200, 7), List.of(), QuestionRouter.Settings.defaults(1));
    assertThat(r.questions()).isEqualTo(200);
    assertThat(r.history()).isEqualTo(60);
    assertThat(r.method("tags").mrr().value()).isGreaterThan(0.95);
    assertThat(r.method("learned").mrr().value()).isGreaterThan(0.95);
    assertThat(r.method("popularity").mrr().value()).isLessThan(0.7);
    var mrr = r.method("learned").mrr();
    assertThat(mrr.low()).isLessThanOrEqualTo(mrr.value());
    assertThat(mrr.high()).isGreaterThanOrEqualTo(mrr.value());
  }

  @Test
  void theSameSeedGivesTheSameFigures() {
    var a =
        ExpertFindingEvaluation.run(
            community(120, 3), List.of(), QuestionRouter.Settings.defaults(5));
    var b =
        ExpertFindingEvaluation.run(
            community(120, 3), List.of(), QuestionRouter.Settings.defaults(5));
    assertThat(a.methods()).isEqualTo(b.methods());
  }

  @Test
  void candidatesHaveAnEarlierAnswerAndNeverIncludeTheAsker() {
    AnswerHistory h = new AnswerHistory();
    LocalDateTime t = LocalDateTime.of(2017, 1, 1, 9, 0);
    QaPost q = QaPost.question("q1", t, "ann", "mqtt broker", "", List.of("mqtt"));
    h.addQuestion(q);
    h.addAnswer(QaPost.answer("a1", "q1", t.plusHours(1), "bob", "use a broker with qos 1"));
    h.addAnswer(QaPost.answer("a2", "q1", t.plusHours(2), "ann", "answering myself"));
    h.addVote(new QaVote("a1", 3, true, t.plusDays(1)));
    var cands = h.candidates("which mqtt broker qos", List.of("mqtt"), "ann", t.plusDays(2));
    assertThat(cands).extracting(CandidateFeatures::person).containsExactly("bob");
    CandidateFeatures bob = cands.get(0);
    assertThat(bob.tagAnswers()).isEqualTo(1);
    assertThat(bob.bm25()).isPositive();
    assertThat(bob.accepted()).isEqualTo(1);
    assertThat(bob.score()).isEqualTo(3);
    assertThat(bob.askerLinks()).isEqualTo(1);
    assertThat(bob.matchedTags()).containsExactly("mqtt");
    assertThat(h.candidates("x", List.of(), "bob", t.plusDays(2)))
        .extracting(CandidateFeatures::person)
        .containsExactly("ann");
  }
}
