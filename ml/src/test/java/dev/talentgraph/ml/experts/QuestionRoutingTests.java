package dev.talentgraph.ml.experts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuestionRoutingTests {
  static final LocalDateTime NOW = LocalDateTime.of(2018, 6, 1, 12, 0);

  @Test
  void ranksTheSpecialistOfTheTagFirstWithReasonsAndNeverTheAsker() {
    List<QaPost> posts = ExpertFindingEvaluationTests.community(200, 7);
    // the graph's form of votes: one per answer, at the answer's own time
    List<QaVote> votes = new ArrayList<>();
    for (QaPost p : posts)
      if (!p.isQuestion() && p.id().endsWith("a"))
        votes.add(new QaVote(p.id(), 2, true, p.created()));
    QuestionRouting r =
        QuestionRouting.train(posts, votes, QuestionRouter.Settings.defaults(1), "test");
    assertThat(r.questions()).isEqualTo(200);
    List<QuestionRouting.Routed> top =
        r.rank("broker topic qos lost", List.of("MQTT"), null, NOW, 3);
    assertThat(top).hasSize(3);
    QuestionRouting.Routed best = top.get(0);
    assertThat(best.person()).isEqualTo("expert-mqtt");
    assertThat(best.matchedTags()).containsExactly("mqtt");
    assertThat(best.accepted())
        .as("votes at the answer's own time count")
        .isEqualTo(best.answers());
    assertThat(best.similarQuestions()).isNotEmpty();
    assertThat(r.rank("broker topic qos lost", List.of("mqtt"), "expert-mqtt", NOW, 5))
        .extracting(QuestionRouting.Routed::person)
        .doesNotContain("expert-mqtt");
  }
}
