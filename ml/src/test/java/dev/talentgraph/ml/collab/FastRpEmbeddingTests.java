package dev.talentgraph.ml.collab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FastRpEmbeddingTests {

  static FastRpEmbedding.Settings structureOnly(long seed) {
    return new FastRpEmbedding.Settings(64, new double[] {1, 1, 0.5}, 0, seed);
  }

  @Test
  void sameSeedSameVectorsOtherSeedOtherVectors() {
    CollabGraph g = CollabFixtures.random(50, 120, 2);
    FastRpEmbedding a = FastRpEmbedding.compute(g, FastRpEmbedding.Settings.defaults(7));
    FastRpEmbedding b = FastRpEmbedding.compute(g, FastRpEmbedding.Settings.defaults(7));
    FastRpEmbedding c = FastRpEmbedding.compute(g, FastRpEmbedding.Settings.defaults(8));
    for (int u = 0; u < g.size(); u++) {
      assertThat(a.vector(u)).containsExactly(b.vector(u));
      if (g.degree(u) > 0) assertThat(a.cosine(u, u)).isCloseTo(1, within(1e-5));
    }
    assertThat(a.vector(0)).isNotEqualTo(c.vector(0));
  }

  @Test
  void expertsWithTheSameCollaboratorsEmbedIdentically() {
    // b and e both worked with exactly a and c; f is elsewhere
    CollabGraph.Builder bl = CollabGraph.builder();
    bl.collaboration("a", "b", 1, 2000, 2000)
        .collaboration("c", "b", 1, 2000, 2000)
        .collaboration("a", "e", 1, 2000, 2000)
        .collaboration("c", "e", 1, 2000, 2000)
        .collaboration("f", "g", 1, 2000, 2000)
        .collaboration("g", "h", 1, 2000, 2000);
    CollabGraph g = bl.build(2000);
    FastRpEmbedding emb = FastRpEmbedding.compute(g, structureOnly(1));
    int b = g.indexOf("b").orElseThrow();
    int e = g.indexOf("e").orElseThrow();
    int f = g.indexOf("f").orElseThrow();
    assertThat(emb.cosine(b, e)).isCloseTo(1, within(1e-5));
    assertThat(emb.cosine(b, f)).isLessThan(0.9);
  }

  @Test
  void skillsGiveAnExpertWithoutCollaborationsAVector() {
    CollabGraph.Builder bl = CollabGraph.builder();
    bl.collaboration("a", "b", 1, 2000, 2000)
        .skill("a", "nlp", "nlp", 1)
        .skill("loner", "nlp", "nlp", 1);
    CollabGraph g = bl.build(2000);
    int loner = g.indexOf("loner").orElseThrow();
    assertThat(
            FastRpEmbedding.compute(g, FastRpEmbedding.Settings.defaults(1)).cosine(loner, loner))
        .isCloseTo(1, within(1e-5));
    assertThat(FastRpEmbedding.compute(g, structureOnly(1)).cosine(loner, loner)).isZero();
  }

  @Test
  void settingsAreValidated() {
    assertThatThrownBy(() -> new FastRpEmbedding.Settings(4, new double[] {1}, 0, 1))
        .hasMessageContaining("dimension");
    assertThatThrownBy(() -> new FastRpEmbedding.Settings(64, new double[0], 0, 1))
        .hasMessageContaining("iteration");
    assertThatThrownBy(() -> new FastRpEmbedding.Settings(64, new double[] {1}, 2, 1))
        .hasMessageContaining("propertyRatio");
  }
}
