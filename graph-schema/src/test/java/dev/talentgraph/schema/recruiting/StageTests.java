package dev.talentgraph.schema.recruiting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The stage names as stored in the graph and as embedded in Cypher. */
class StageTests {

  @Test
  void graphNamesAreLowerCaseInDeclarationOrder() {
    assertThat(Stage.graphNames())
        .containsExactly(
            "applied",
            "screened",
            "assessment",
            "interview",
            "offer",
            "hired",
            "rejected",
            "withdrawn");
    assertThat(Stage.graph(Stage.PIPELINE))
        .containsExactly("applied", "screened", "assessment", "interview", "offer", "hired");
    assertThat(Stage.graph(Stage.LIVE))
        .containsExactly("applied", "screened", "assessment", "interview", "offer");
  }

  @Test
  void finalStagesAreTheOnesWithoutMoves() {
    for (Stage s : Stage.values()) {
      assertThat(s.isFinal()).as(s.name()).isEqualTo(Stage.FINAL.contains(s));
      assertThat(Stage.LIVE.contains(s)).as(s.name()).isNotEqualTo(s.isFinal());
    }
    assertThat(Stage.FINAL).containsExactly(Stage.HIRED, Stage.REJECTED, Stage.WITHDRAWN);
  }

  @Test
  void readsTheLegacyScreeningSpellingButOfGraphDoesNot() {
    assertThat(Stage.fromGraph("screening")).isEqualTo(Stage.SCREENED);
    assertThat(Stage.fromGraph(" Hired ")).isEqualTo(Stage.HIRED);
    assertThat(Stage.fromGraph("promoted")).isNull();
    assertThat(Stage.fromGraph(" ")).isNull();
    assertThat(Stage.ofGraph("screened")).isEqualTo(Stage.SCREENED);
    assertThat(Stage.ofGraph("screening")).isNull();
    assertThat(Stage.ofGraph("HIRED")).isNull();
    assertThat(Stage.ofGraph(null)).isNull();
    assertThat(Stage.SCREENED.graphSpellings()).containsExactly("screened", "screening");
    assertThat(Stage.OFFER.graphSpellings()).containsExactly("offer");
  }

  @Test
  void cypherLiterals() {
    assertThat(Stage.HIRED.cypher()).isEqualTo("'hired'");
    assertThat(Stage.cypherList(List.of(Stage.HIRED, Stage.WITHDRAWN)))
        .isEqualTo("['hired', 'withdrawn']");
    assertThat(Stage.cypherList(Stage.LIVE))
        .isEqualTo("['applied', 'screened', 'assessment', 'interview', 'offer']");
  }
}
