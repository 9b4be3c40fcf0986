package dev.talentgraph.ml.collab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.talentgraph.ml.collab.CollaboratorRecommender.ReasonKind;
import dev.talentgraph.ml.collab.CollaboratorRecommender.Recommendation;
import dev.talentgraph.ml.collab.CollaboratorRecommender.Recommendations;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The product path on a seeded synthetic graph, with a ranker trained on its own past. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CollaboratorRecommenderTests {

  SyntheticCollabGraph synth;
  CollaboratorRanker ranker;
  CollabGraph g;
  CollaboratorRecommender rec;

  @BeforeAll
  void train() {
    synth = SyntheticCollabGraph.generate(400, 6, 11);
    CollabGraph g0 = synth.graphUpTo(2016);
    long[] pos = Neo4jCollabGraphLoader.newPairs(g0, synth.graphUpTo(2018));
    ranker =
        CollaboratorRanker.train(g0, pos, CollaboratorRanker.Settings.defaults(1), "synthetic");
    g = synth.graphUpTo(2020);
    rec = new CollaboratorRecommender(g, ranker);
  }

  int busiest() {
    int best = 0;
    for (int u = 0; u < g.size(); u++) if (g.degree(u) > g.degree(best)) best = u;
    return best;
  }

  @Test
  void recommendsNonCollaboratorsBestFirstEachWithAReasonFromTheGraph() {
    int u = busiest();
    Recommendations r = rec.recommend(g.id(u), 10, null);
    assertThat(r.items()).hasSize(10);
    assertThat(r.notes()).isEmpty();
    double last = Double.POSITIVE_INFINITY;
    for (Recommendation item : r.items()) {
      int v = g.indexOf(item.expertId()).orElseThrow();
      assertThat(v).isNotEqualTo(u);
      assertThat(g.hasEdge(u, v)).as("already a collaborator: %s", item.expertId()).isFalse();
      assertThat(item.score()).isLessThanOrEqualTo(last);
      last = item.score();
      assertThat(item.reasons()).isNotEmpty();
      for (var reason : item.reasons()) {
        switch (reason.kind()) {
          case SHARED_COLLABORATOR ->
              reason
                  .refs()
                  .forEach(
                      w -> {
                        int x = g.indexOf(w).orElseThrow();
                        assertThat(g.hasEdge(u, x) && g.hasEdge(v, x))
                            .as("shared collaborator %s", w)
                            .isTrue();
                        assertThat(reason.text()).contains(g.name(x));
                      });
          case PATH -> {
            assertThat(reason.refs()).hasSize(4).startsWith(g.id(u)).endsWith(g.id(v));
            for (int k = 0; k + 1 < 4; k++) {
              assertThat(
                      g.hasEdge(
                          g.indexOf(reason.refs().get(k)).orElseThrow(),
                          g.indexOf(reason.refs().get(k + 1)).orElseThrow()))
                  .isTrue();
            }
          }
          case SHARED_SKILL ->
              reason
                  .refs()
                  .forEach(
                      s -> {
                        int k = g.skillIndexOf(s).orElseThrow();
                        assertThat(g.hasSkill(u, k) && g.hasSkill(v, k)).isTrue();
                      });
          default -> {}
        }
      }
    }
    // the top recommendation of a busy expert shares collaborators
    assertThat(r.items().get(0).reasons().get(0).kind()).isEqualTo(ReasonKind.SHARED_COLLABORATOR);
  }

  @Test
  void forProjectFavoursExpertsWhoFillTheMissingSkillsAndSkipsMembers() {
    CollabGraph.Project p = g.project("project-0").orElseThrow();
    int u = p.members()[0];
    int[] missing = rec.missingSkills(p, u);
    assertThat(missing).isNotEmpty();
    Recommendations plain = rec.recommend(g.id(u), 10, null);
    Recommendations forProject = rec.recommend(g.id(u), 10, "project-0");
    assertThat(fillShare(forProject, missing)).isGreaterThan(fillShare(plain, missing));
    Set<Integer> members = new HashSet<>();
    for (int m : p.members()) members.add(m);
    for (Recommendation item : forProject.items()) {
      int v = g.indexOf(item.expertId()).orElseThrow();
      assertThat(members).doesNotContain(v);
      assertThat(g.hasEdge(u, v)).isFalse();
    }
    Recommendation top = forProject.items().get(0);
    assertThat(top.reasons()).anyMatch(x -> x.kind() == ReasonKind.FILLS_PROJECT_SKILL);
  }

  double fillShare(Recommendations r, int[] missing) {
    double sum = 0;
    for (Recommendation item : r.items()) {
      int v = g.indexOf(item.expertId()).orElseThrow();
      for (int s : missing) if (g.hasSkill(v, s)) sum++;
    }
    return sum / r.items().size();
  }

  @Test
  void anExpertWithoutCollaborationsFallsBackToSkills() {
    CollabGraph.Builder b = CollabGraph.builder();
    b.collaboration("a", "b", 1, 2019, 2019).collaboration("b", "c", 1, 2019, 2019);
    b.skill("a", "nlp", "nlp", 1)
        .skill("c", "nlp", "nlp", 1)
        .skill("loner", "nlp", "nlp", 1)
        .skill("loner", "go", "go", 1);
    CollabGraph small = b.build(2020);
    CollaboratorRecommender r = new CollaboratorRecommender(small, ranker);
    Recommendations out = r.recommend("loner", 5, null);
    assertThat(out.notes())
        .anyMatch(n -> n.contains("no collaborations") && n.contains("shared skills only"));
    assertThat(out.items())
        .extracting(Recommendation::expertId)
        .containsExactlyInAnyOrder("a", "c");
    assertThat(out.items().get(0).reasons())
        .anyMatch(x -> x.kind() == ReasonKind.SHARED_SKILL && x.text().contains("nlp"));
  }

  @Test
  void unknownIdsAndBadArgumentsAreClearErrors() {
    assertThatThrownBy(() -> rec.recommend("nobody", 10, null))
        .isInstanceOf(CollabDataException.class)
        .hasMessageContaining("unknown expert id: nobody");
    assertThatThrownBy(() -> rec.recommend(g.id(0), 10, "no-such-project"))
        .hasMessageContaining("unknown project id");
    assertThatThrownBy(() -> rec.recommend(g.id(0), 0, null)).hasMessageContaining("first must be");
  }

  @Test
  void fastLinearScoringEqualsTribuoAndTheModelFileRoundTrips(@TempDir Path dir) throws Exception {
    assertThat(ranker.usesLinearFastPath()).isTrue();
    PairFeatures pf = new PairFeatures(g, FastRpEmbedding.compute(g, ranker.embeddingSettings()));
    Path file = dir.resolve("ranker.tribuo");
    ranker.save(file);
    CollaboratorRanker loaded = CollaboratorRanker.load(file);
    assertThat(loaded.embeddingSettings().iterationWeights())
        .containsExactly(ranker.embeddingSettings().iterationWeights());
    assertThat(loaded.embeddingSettings().seed()).isEqualTo(ranker.embeddingSettings().seed());
    for (int u = 0; u < 50; u++) {
      double[] f = pf.compute(u, (u * 37 + 5) % g.size());
      assertThat(ranker.score(f)).isCloseTo(ranker.tribuoScore(f), within(1e-9));
      assertThat(loaded.score(f)).isCloseTo(ranker.score(f), within(1e-12));
    }
    assertThat(CollaboratorRanker.instanceProvenance(loaded.model()))
        .containsEntry(CollaboratorRanker.P_FEATURE_VERSION, PairFeatures.VERSION);
  }

  @Test
  void evaluationWithTheSameSeedGivesTheSameFigures() {
    CollabGraph g0 = synth.graphUpTo(2018);
    long[] pos = Neo4jCollabGraphLoader.newPairs(g0, g);
    LinkPredictionEvaluation.Settings s =
        LinkPredictionEvaluation.Settings.defaults(3).withNegatives(3000).withSamples(2);
    var a =
        LinkPredictionEvaluation.evaluate(
            "t", "synthetic", g0, pos, ranker, "synthetic", s, m -> {}, System.nanoTime());
    var b =
        LinkPredictionEvaluation.evaluate(
            "t", "synthetic", g0, pos, ranker, "synthetic", s, m -> {}, System.nanoTime());
    for (String m : LinkPredictionEvaluation.methods()) {
      a.method(m)
          .metrics()
          .forEach(
              (k, v) ->
                  assertThat(b.method(m).metrics().get(k).values()).containsExactly(v.values()));
    }
    // structure predicts the synthetic graph's triadic closure far better than chance
    assertThat(a.method(LinkPredictionEvaluation.ADAMIC_ADAR).metrics().get("auc").mean())
        .isGreaterThan(0.6);
    assertThat(a.method(LinkPredictionEvaluation.LEARNED).metrics().get("hits@50").mean())
        .isGreaterThan(
            5 * a.method(LinkPredictionEvaluation.RANDOM).metrics().get("hits@50").mean() + 0.01);
  }

  @Test
  void negativesAreUniformNonEdgesAvoidingPositives() {
    CollabGraph g0 = synth.graphUpTo(2018);
    long[] pos = Neo4jCollabGraphLoader.newPairs(g0, g);
    long[] neg = PairSampler.nonEdges(g0, g0.connectedExperts(), 2000, PairSampler.asSet(pos), 9);
    assertThat(Arrays.stream(neg).distinct().count()).isEqualTo(2000);
    Set<Long> p = PairSampler.asSet(pos);
    for (long k : neg) {
      assertThat(p).doesNotContain(k);
      assertThat(g0.hasEdge(CollabGraph.pairFirst(k), CollabGraph.pairSecond(k))).isFalse();
      assertThat(g0.degree(CollabGraph.pairFirst(k))).isPositive();
    }
    assertThat(PairSampler.nonEdges(g0, g0.connectedExperts(), 2000, p, 9)).containsExactly(neg);
  }
}
