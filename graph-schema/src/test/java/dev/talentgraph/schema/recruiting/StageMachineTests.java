package dev.talentgraph.schema.recruiting;

import static dev.talentgraph.schema.recruiting.Stage.APPLIED;
import static dev.talentgraph.schema.recruiting.Stage.ASSESSMENT;
import static dev.talentgraph.schema.recruiting.Stage.HIRED;
import static dev.talentgraph.schema.recruiting.Stage.INTERVIEW;
import static dev.talentgraph.schema.recruiting.Stage.OFFER;
import static dev.talentgraph.schema.recruiting.Stage.REJECTED;
import static dev.talentgraph.schema.recruiting.Stage.SCREENED;
import static dev.talentgraph.schema.recruiting.Stage.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The transition rules of docs/adr/0006, one row per case: from (stage, round), rounds, to ->
 * allowed or not.
 */
class StageMachineTests {

  static Stream<Arguments> moves() {
    return Stream.of(
        // the pipeline, one step at a time (2 rounds)
        Arguments.of(APPLIED, null, 2, SCREENED, true, null),
        Arguments.of(SCREENED, null, 2, ASSESSMENT, true, null),
        Arguments.of(ASSESSMENT, null, 2, INTERVIEW, true, 1),
        Arguments.of(INTERVIEW, 1, 2, INTERVIEW, true, 2),
        Arguments.of(INTERVIEW, 2, 2, OFFER, true, null),
        Arguments.of(OFFER, null, 2, HIRED, true, null),
        // one round only: the first round is the last
        Arguments.of(INTERVIEW, 1, 1, OFFER, true, null),
        Arguments.of(INTERVIEW, 1, 1, INTERVIEW, false, null),
        // ten rounds
        Arguments.of(INTERVIEW, 9, 10, INTERVIEW, true, 10),
        Arguments.of(INTERVIEW, 9, 10, OFFER, false, null),
        // no offer before the last round
        Arguments.of(INTERVIEW, 1, 2, OFFER, false, null),
        Arguments.of(INTERVIEW, 2, 3, OFFER, false, null),
        Arguments.of(ASSESSMENT, null, 2, OFFER, false, null),
        // no skipping, no going back, no staying
        Arguments.of(APPLIED, null, 2, ASSESSMENT, false, null),
        Arguments.of(APPLIED, null, 2, OFFER, false, null),
        Arguments.of(SCREENED, null, 2, INTERVIEW, false, null),
        Arguments.of(INTERVIEW, 2, 2, HIRED, false, null),
        Arguments.of(APPLIED, null, 2, HIRED, false, null),
        Arguments.of(OFFER, null, 2, INTERVIEW, false, null),
        Arguments.of(ASSESSMENT, null, 2, SCREENED, false, null),
        Arguments.of(SCREENED, null, 2, SCREENED, false, null),
        Arguments.of(APPLIED, null, 2, APPLIED, false, null),
        // any non-final stage may be rejected or withdrawn
        Arguments.of(APPLIED, null, 2, REJECTED, true, null),
        Arguments.of(INTERVIEW, 1, 2, WITHDRAWN, true, null),
        Arguments.of(OFFER, null, 2, REJECTED, true, null),
        Arguments.of(OFFER, null, 2, WITHDRAWN, true, null),
        // nothing after a final stage
        Arguments.of(HIRED, null, 2, REJECTED, false, null),
        Arguments.of(HIRED, null, 2, WITHDRAWN, false, null),
        Arguments.of(REJECTED, null, 2, SCREENED, false, null),
        Arguments.of(REJECTED, null, 2, WITHDRAWN, false, null),
        Arguments.of(WITHDRAWN, null, 2, APPLIED, false, null),
        // an interview without a round (older demo graphs) is round 1
        Arguments.of(INTERVIEW, null, 2, INTERVIEW, true, 2),
        Arguments.of(INTERVIEW, null, 2, OFFER, false, null),
        // unknown target
        Arguments.of(APPLIED, null, 2, null, false, null));
  }

  @ParameterizedTest(name = "{0}({1}) of {2} rounds -> {3}: {4}")
  @MethodSource("moves")
  void move(Stage from, Integer round, int rounds, Stage to, boolean ok, Integer nextRound) {
    StageMachine.Move move = StageMachine.move(from, round, rounds, to);
    assertThat(move.ok()).as(String.valueOf(move.error())).isEqualTo(ok);
    assertThat(move.allowed()).isEqualTo(StageMachine.allowed(from, round, rounds));
    if (ok) {
      assertThat(move.to().stage()).isEqualTo(to);
      assertThat(move.to().round()).isEqualTo(nextRound);
      assertThat(move.allowed()).contains(to);
    } else {
      assertThat(move.to()).isNull();
      // the error names the current stage (and round) and every allowed stage
      assertThat(move.error()).contains(from.name());
      if (from == INTERVIEW)
        assertThat(move.error()).contains("round " + (round == null ? 1 : round));
      move.allowed().forEach(s -> assertThat(move.error()).contains(s.name()));
      if (from.isFinal()) assertThat(move.error()).contains("final");
    }
  }

  @Test
  void allowedStagesPerPosition() {
    assertThat(StageMachine.allowed(APPLIED, null, 2))
        .containsExactly(SCREENED, REJECTED, WITHDRAWN);
    assertThat(StageMachine.allowed(INTERVIEW, 1, 2))
        .containsExactly(INTERVIEW, REJECTED, WITHDRAWN);
    assertThat(StageMachine.allowed(INTERVIEW, 2, 2)).containsExactly(OFFER, REJECTED, WITHDRAWN);
    assertThat(StageMachine.allowed(OFFER, null, 2)).containsExactly(HIRED, REJECTED, WITHDRAWN);
    for (Stage s : List.of(HIRED, REJECTED, WITHDRAWN))
      assertThat(StageMachine.allowed(s, null, 2)).isEmpty();
    assertThat(StageMachine.move(INTERVIEW, 1, 2, OFFER).error())
        .contains("INTERVIEW (round 1)")
        .contains("after the last interview round");
  }

  @Test
  void theHappyPathVisitsEveryRoundOnce() {
    for (int rounds = 1; rounds <= StageMachine.MAX_ROUNDS; rounds++) {
      Stage stage = APPLIED;
      Integer round = null;
      List<String> path = new ArrayList<>();
      while (!stage.isFinal()) {
        Stage next = StageMachine.allowed(stage, round, rounds).get(0);
        StageMachine.Move m = StageMachine.move(stage, round, rounds, next);
        assertThat(m.ok()).isTrue();
        stage = m.to().stage();
        round = m.to().round();
        path.add(m.to().describe());
      }
      assertThat(path).hasSize(4 + rounds).endsWith("OFFER", "HIRED");
      assertThat(path.stream().filter(p -> p.startsWith("INTERVIEW"))).hasSize(rounds);
    }
  }

  @Test
  void theGraphSpellingReadsBack() {
    for (Stage s : Stage.values()) assertThat(Stage.fromGraph(s.graph())).isEqualTo(s);
    assertThat(Stage.fromGraph("screening")).isEqualTo(SCREENED);
    assertThat(Stage.fromGraph("promoted")).isNull();
    assertThat(Stage.fromGraph(null)).isNull();
  }
}
