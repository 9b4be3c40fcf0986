package dev.talentgraph.ml.collab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CandidateGeneratorTests {

  final CollabGraph g = CollabFixtures.diamond();

  int i(String id) {
    return g.indexOf(id).orElseThrow();
  }

  String[] ids(int[] c) {
    return Arrays.stream(c).mapToObj(g::id).toArray(String[]::new);
  }

  @Test
  void twoHopsFirstThenThreeNeverSelfNorCollaborators() {
    int[] c =
        new CandidateGenerator(g, CandidateGenerator.Limits.defaults())
            .candidates(i("a"), new int[0], new int[0]);
    // N(a) = {b, c}; two hops: d, e; three hops: f
    assertThat(ids(c)).containsExactly("d", "e", "f");
  }

  @Test
  void excludedExpertsAndTheBudgetAreRespected() {
    CandidateGenerator gen =
        new CandidateGenerator(g, new CandidateGenerator.Limits(1, 10, 10, 1000));
    assertThat(gen.candidates(i("a"), new int[0], new int[0])).hasSize(1);
    int[] c =
        new CandidateGenerator(g, CandidateGenerator.Limits.defaults())
            .candidates(i("a"), new int[0], new int[] {i("d")});
    assertThat(ids(c)).doesNotContain("d", "a", "b", "c");
  }

  @Test
  void holdersOfWantedSkillsAreCandidatesEvenFarAway() {
    CollabGraph.Builder b = CollabGraph.builder();
    b.collaboration("a", "b", 1, 2000, 2000)
        .collaboration("x", "y", 1, 2000, 2000)
        .skill("y", "rust", "rust", 1);
    CollabGraph g2 = b.build(2000);
    int rust = g2.skillIndexOf("rust").orElseThrow();
    int[] c =
        new CandidateGenerator(g2, CandidateGenerator.Limits.defaults())
            .candidates(g2.indexOf("a").orElseThrow(), new int[] {rust}, new int[0]);
    assertThat(Arrays.stream(c).mapToObj(g2::id)).containsExactly("y");
  }
}
