package dev.talentgraph.ml.courses;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingsEvaluationTests {

  @Test
  void fiveDrawsSameSeedSameFiguresAndATableWithRatios() {
    Interactions data = FmRankerTests.clustered(60);
    List<String> progress = new ArrayList<>();
    var a = TrainingsEvaluation.run(data, 7, TrainingsEvaluation.standardMethods(), progress::add);
    var b = TrainingsEvaluation.run(data, 7, TrainingsEvaluation.standardMethods(), s -> {});
    assertThat(a.seeds()).containsExactly(7L, 8L, 9L, 10L, 11L);
    assertThat(progress).hasSize(25);
    for (var m : a.results()) {
      assertThat(m.perDraw()).hasSize(5);
      for (int d = 0; d < 5; d++) {
        assertThat(b.get(m.method()).perDraw().get(d)).as(m.method()).isEqualTo(m.perDraw().get(d));
      }
    }
    // on two clean clusters every collaborative method beats popularity
    double pop = a.get("popularity").mean()[2];
    for (String m : List.of("item-kNN", "EASE", "FM", "FM + concepts")) {
      assertThat(a.get(m).mean()[2]).as(m).isGreaterThan(pop);
    }
    String table = EvaluationReportFormat.table(a);
    assertThat(table)
        .contains(
            "popularity",
            "item-kNN",
            "EASE",
            "FM + concepts",
            "FM / item-kNN: HR@10",
            "FM / EASE: HR@10",
            "of 5 draws");
    assertThat(EvaluationReportFormat.json(a)).contains("\"drawsBetterOnBoth\"");
  }

  @Test
  void specificConceptsKeepSharedRareOnesOnly() {
    // concept 0 on every item, 1 on items 0-1, 2 on item 0 only
    Interactions d =
        new Interactions(3, new int[][] {{0, 1}}, new int[][] {{0, 1, 2}, {0, 1}, {0}}, 3);
    Interactions cut = d.withSpecificConcepts(1);
    assertThat(cut.itemConcepts()[0]).containsExactly(1);
    assertThat(cut.itemConcepts()[1]).containsExactly(1);
    assertThat(cut.itemConcepts()[2]).containsExactly(0);
  }
}
