package dev.talentgraph.ml.collab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ranker's choice between learned candidates and the heuristics, made on positives held out of
 * its own training pairs: recorded in the model, kept through a save and load, and the same for the
 * same seed.
 */
class CollaboratorRankerSelectionTests {

  @Test
  void heldOutPositivesChooseACandidateAndTheModelFileRemembersIt(@TempDir Path dir)
      throws Exception {
    SyntheticCollabGraph synth = SyntheticCollabGraph.generate(1500, 6, 3);
    CollabGraph g0 = synth.graphUpTo(2016);
    long[] pos = Neo4jCollabGraphLoader.newPairs(g0, synth.graphUpTo(2018));
    assertThat(pos.length).isGreaterThanOrEqualTo(150);
    CollaboratorRanker.Settings s = CollaboratorRanker.Settings.defaults(1);
    CollaboratorRanker a = CollaboratorRanker.train(g0, pos, s, "synthetic");
    CollaboratorRanker b = CollaboratorRanker.train(g0, pos, s, "synthetic");
    assertThat(a.selection()).startsWith("chose ").contains("adamic_adar", "resource_allocation");
    assertThat(b.selection()).isEqualTo(a.selection());
    assertThat(a.trainingPositives()).isEqualTo(pos.length);

    Path file = dir.resolve("ranker.tribuo");
    a.save(file);
    CollaboratorRanker loaded = CollaboratorRanker.load(file);
    assertThat(loaded.selection()).isEqualTo(a.selection());
    String primary =
        CollaboratorRanker.instanceProvenance(a.model()).get(CollaboratorRanker.P_PRIMARY);
    PairFeatures pf = new PairFeatures(g0, FastRpEmbedding.compute(g0, a.embeddingSettings()));
    for (int u = 0; u < 40; u++) {
      double[] f = pf.compute(u, (u * 53 + 7) % g0.size());
      assertThat(loaded.score(f)).isCloseTo(a.score(f), within(1e-12));
      if (!primary.isEmpty()) {
        // a chosen heuristic orders the pairs; the model only breaks its ties
        double h = f[PairFeatures.NAMES.indexOf(primary)];
        assertThat(a.score(f) - h).isBetween(0.0, CollaboratorRanker.TIE_BREAK);
      }
    }
  }

  @Test
  void boostedTreesScoreInPlainJavaAsTribuoDoesAndSurviveASaveAndLoad(@TempDir Path dir)
      throws Exception {
    SyntheticCollabGraph synth = SyntheticCollabGraph.generate(400, 6, 3);
    CollabGraph g0 = synth.graphUpTo(2016);
    long[] pos = Neo4jCollabGraphLoader.newPairs(g0, synth.graphUpTo(2018));
    CollaboratorRanker.Settings s =
        CollaboratorRanker.Settings.defaults(1)
            .withKind(CollaboratorRanker.Kind.GRADIENT_BOOSTED_TREES)
            .withHardNegatives(5, 5, 1, false);
    CollaboratorRanker r = CollaboratorRanker.train(g0, pos, s, "synthetic");
    assertThat(r.usesTreeFastPath()).isTrue();
    assertThat(r.trainingAuc()).isGreaterThan(0.8);
    Path file = dir.resolve("trees.tribuo");
    r.save(file);
    CollaboratorRanker loaded = CollaboratorRanker.load(file);
    assertThat(loaded.usesTreeFastPath()).isTrue();
    PairFeatures pf = new PairFeatures(g0, FastRpEmbedding.compute(g0, r.embeddingSettings()));
    for (int u = 0; u < 60; u++) {
      double[] f = pf.compute(u, (u * 53 + 7) % g0.size());
      assertThat(r.score(f)).isCloseTo(r.tribuoScore(f), within(1e-5));
      assertThat(loaded.score(f)).isCloseTo(r.score(f), within(1e-12));
    }
  }

  @Test
  void tooFewPositivesToCheckHardNegativesTrainOnUniformOnesWithoutAChoice() {
    SyntheticCollabGraph synth = SyntheticCollabGraph.generate(200, 6, 3);
    CollabGraph g0 = synth.graphUpTo(2016);
    long[] pos = Neo4jCollabGraphLoader.newPairs(g0, synth.graphUpTo(2018));
    long[] few = Arrays.copyOf(pos, Math.min(pos.length, 100));
    CollaboratorRanker r =
        CollaboratorRanker.train(g0, few, CollaboratorRanker.Settings.defaults(1), "synthetic");
    assertThat(r.selection()).isEmpty();
    assertThat(r.trainingNegatives()).isEqualTo(few.length * 20);
  }
}
