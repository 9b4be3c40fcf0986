package dev.talentgraph.ml.collab;

import static dev.talentgraph.ml.collab.PairFeatures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The heuristics against hand-computed values on {@link CollabFixtures#diamond()}, and properties
 * on a random graph.
 */
class PairFeaturesTests {

  final CollabGraph g = CollabFixtures.diamond();
  final PairFeatures pf = new PairFeatures(g, null);

  int i(String id) {
    return g.indexOf(id).orElseThrow();
  }

  double[] f(String u, String v) {
    return pf.compute(i(u), i(v));
  }

  @Nested
  class Structural {
    @Test
    void twoCommonNeighbours() {
      // N(a) = {b, c}, N(d) = {b, c, f}; deg b = 2, deg c = 3
      double[] x = f("a", "d");
      assertThat(x[CN]).isCloseTo(Math.log1p(2), within(1e-12));
      assertThat(x[AA]).isCloseTo(1 / Math.log(2) + 1 / Math.log(3), within(1e-12));
      assertThat(x[RA]).isCloseTo(1.0 / 2 + 1.0 / 3, within(1e-12));
      assertThat(x[JACCARD]).isCloseTo(2.0 / 3, within(1e-12));
      assertThat(x[PA]).isCloseTo(Math.log1p(6), within(1e-12));
      assertThat(x[DEG_MIN]).isCloseTo(Math.log1p(2), within(1e-12));
      assertThat(x[DEG_MAX]).isCloseTo(Math.log1p(3), within(1e-12));
      assertThat(x[PATHS3]).isZero();
      assertThat(x[WITHIN3]).isEqualTo(1);
    }

    @Test
    void noCommonNeighbourButTwoPathsOfLengthThree() {
      // a-b-d-f and a-c-d-f
      double[] x = f("a", "f");
      assertThat(x[CN]).isZero();
      assertThat(x[AA]).isZero();
      assertThat(x[RA]).isZero();
      assertThat(x[JACCARD]).isZero();
      assertThat(x[PATHS3]).isCloseTo(Math.log1p(2), within(1e-12));
      assertThat(x[WITHIN3]).isEqualTo(1);
      // b-a-c-e and b-d-c-e
      assertThat(f("b", "e")[PATHS3]).isCloseTo(Math.log1p(2), within(1e-12));
      // e-c-d-f only
      assertThat(f("e", "f")[PATHS3]).isCloseTo(Math.log1p(1), within(1e-12));
    }

    @Test
    void linkedPairCountsOnlySimplePaths() {
      // a-b linked: a-c-d-b is the one path of length three (a-b-x-b is none)
      assertThat(f("a", "b")[PATHS3]).isCloseTo(Math.log1p(1), within(1e-12));
    }

    @Test
    void pathsOfLengthThreeCarryResourceAndATruncatedKatzIndex() {
      // degrees: a 2, b 2, c 3, d 3, e 1, f 1
      // a-f: a-b-d-f carries 1 / (2 * 3), a-c-d-f 1 / (3 * 3); no common neighbour
      double[] af = f("a", "f");
      assertThat(af[RA3]).isCloseTo(1.0 / 6 + 1.0 / 9, within(1e-12));
      assertThat(af[KATZ3]).isCloseTo(Math.log1p(0.05 * 2), within(1e-12));
      // e-f: e-c-d-f only
      assertThat(f("e", "f")[RA3]).isCloseTo(1.0 / 9, within(1e-12));
      // a-d: two common neighbours, no path of length three
      double[] ad = f("a", "d");
      assertThat(ad[RA3]).isZero();
      assertThat(ad[KATZ3]).isCloseTo(Math.log1p(2), within(1e-12));
      // c-d linked: c-a-b-d is the one path (walks c-d-x-d are none)
      double[] cd = f("c", "d");
      assertThat(cd[PATHS3]).isCloseTo(Math.log1p(1), within(1e-12));
      assertThat(cd[RA3]).isCloseTo(1.0 / (2 * 2), within(1e-12));
      assertThat(cd[KATZ3]).isCloseTo(Math.log1p(0.05), within(1e-12));
    }

    @Test
    void degreeNormalisedCommonNeighbours() {
      // a-d: two common neighbours, degrees 2 and 3
      double[] ad = f("a", "d");
      assertThat(ad[SALTON]).isCloseTo(2 / Math.sqrt(6), within(1e-12));
      assertThat(ad[HUB_PROMOTED]).isCloseTo(1.0, within(1e-12));
      // c-f: d in common, degrees 3 and 1
      double[] cf = f("c", "f");
      assertThat(cf[SALTON]).isCloseTo(1 / Math.sqrt(3), within(1e-12));
      assertThat(cf[HUB_PROMOTED]).isCloseTo(1.0, within(1e-12));
      assertThat(f("a", "f")[SALTON]).isZero();
    }

    @Test
    void strengthFadesWithAgeAndGrowsWithCount() {
      double ab = Math.log1p(2) * Math.exp(-1 / 3.0);
      double once2015 = Math.log1p(1) * Math.exp(-5 / 3.0);
      double expected = ab * once2015 + once2015 * once2015; // via b, via c
      assertThat(f("a", "d")[STRENGTH]).isCloseTo(Math.log1p(expected), within(1e-9));
      assertThat(PairFeatures.strength(3, CollabGraph.UNKNOWN_YEAR, 2020))
          .isCloseTo(Math.log1p(3), within(1e-12));
    }

    @Test
    void farApartPairHasNoStructure() {
      CollabGraph.Builder b = CollabGraph.builder();
      b.collaboration("p", "q", 1, 2000, 2000).collaboration("r", "s", 1, 2000, 2000);
      CollabGraph two = b.build(2000);
      double[] x =
          new PairFeatures(two, null)
              .compute(two.indexOf("p").orElseThrow(), two.indexOf("s").orElseThrow());
      assertThat(x[CN] + x[AA] + x[RA] + x[JACCARD] + x[PATHS3] + x[WITHIN3]).isZero();
    }
  }

  @Nested
  class Skills {
    final CollabGraph sg = skillGraph();
    final PairFeatures spf = new PairFeatures(sg, null);

    static CollabGraph skillGraph() {
      CollabGraph.Builder b = CollabGraph.builder();
      b.skill("x", "common", "common", 1).skill("x", "rare", "rare", 1);
      b.skill("y", "common", "common", 1)
          .skill("y", "rare", "rare", 1)
          .skill("y", "other", "other", 1);
      b.skill("z", "common", "common", 1);
      b.skill("w", "common", "common", 1);
      b.group("x", "ACL", 1).group("y", "ACL", 1).group("z", "EMNLP", 1);
      return b.build(2020);
    }

    double[] sf(String u, String v) {
      return spf.compute(sg.indexOf(u).orElseThrow(), sg.indexOf(v).orElseThrow());
    }

    @Test
    void rarityIsInverseDocumentFrequency() {
      // 4 experts hold skills: common by 4, rare by 2, other by 1
      assertThat(sg.rarity(sg.skillIndexOf("common").orElseThrow()))
          .isCloseTo((float) Math.log(5.0 / 4), within(1e-6f));
      assertThat(sg.rarity(sg.skillIndexOf("rare").orElseThrow()))
          .isCloseTo((float) Math.log(5.0 / 2), within(1e-6f));
      assertThat(sg.rarity(sg.skillIndexOf("other").orElseThrow()))
          .isCloseTo((float) Math.log(5.0 / 1), within(1e-6f));
    }

    @Test
    void sharedSkillsWeighRarityAndCosineIsTfIdf() {
      double common = Math.log(5.0 / 4);
      double rare = Math.log(5.0 / 2);
      double other = Math.log(5.0);
      double[] xy = sf("x", "y");
      assertThat(xy[SHARED_RARE]).isCloseTo(Math.log1p(common + rare), within(1e-6));
      double cos =
          (common * common + rare * rare)
              / Math.sqrt(common * common + rare * rare)
              / Math.sqrt(common * common + rare * rare + other * other);
      assertThat(xy[SKILL_COS]).isCloseTo(cos, within(1e-6));
      // sharing only the common skill is worth much less than sharing the rare one as well
      assertThat(sf("x", "z")[SHARED_RARE]).isLessThan(xy[SHARED_RARE] / 2);
    }

    @Test
    void complementaryCountsRareSkillsOnlyOneSideHas() {
      // y adds 'other' to x; x adds nothing to y: the smaller side is 0
      assertThat(sf("x", "y")[COMPLEMENTARY]).isZero();
      // z has nothing w lacks and no shared... z and w share 'common' and nothing else
      assertThat(sf("z", "w")[COMPLEMENTARY]).isZero();
      CollabGraph.Builder b = CollabGraph.builder();
      b.skill("p", "s", "s", 1)
          .skill("p", "a", "a", 1)
          .skill("q", "s", "s", 1)
          .skill("q", "b", "b", 1)
          .skill("q", "c", "c", 1)
          .skill("r", "d", "d", 1);
      CollabGraph g3 = b.build(2020);
      double[] pq = new PairFeatures(g3, null).compute(0, 1);
      double idf1 = Math.log(4.0 / 1); // a, b, c held by one of three experts
      assertThat(pq[COMPLEMENTARY]).isCloseTo(Math.log1p(Math.min(idf1, 2 * idf1)), within(1e-6));
    }

    @Test
    void sameGroup() {
      assertThat(sf("x", "y")[SAME_GROUP]).isEqualTo(1);
      assertThat(sf("x", "y")[GROUP_COS]).isCloseTo(1, within(1e-6));
      assertThat(sf("x", "z")[SAME_GROUP]).isZero();
    }
  }

  @Nested
  class Properties {
    final CollabGraph rg = CollabFixtures.random(40, 90, 3);
    final PairFeatures rpf =
        new PairFeatures(rg, FastRpEmbedding.compute(rg, FastRpEmbedding.Settings.defaults(1)));

    @Test
    void symmetricAndEqualToNaiveCounts() {
      for (int u = 0; u < rg.size(); u++) {
        for (int v = 0; v < rg.size(); v++) {
          if (u == v) continue;
          double[] uv = rpf.compute(u, v);
          assertThat(rpf.compute(v, u)).containsExactly(uv, within(1e-9));
          assertThat(uv[CN]).isCloseTo(Math.log1p(naiveCommon(u, v)), within(1e-12));
          assertThat(uv[PATHS3])
              .as("paths3 %d %d", u, v)
              .isCloseTo(Math.log1p(naivePaths3(u, v)), within(1e-12));
          assertThat(uv[RA3]).as("ra3 %d %d", u, v).isCloseTo(naiveRa3(u, v), within(1e-9));
        }
      }
    }

    @Test
    void preparedSourceGivesTheSameFeatures() {
      double[] f = new double[PairFeatures.count()];
      for (int u = 0; u < rg.size(); u += 3) {
        rpf.prepare(u);
        for (int v = 0; v < rg.size(); v++) {
          if (u == v) continue;
          rpf.computeFromPrepared(u, v, f);
          assertThat(f).containsExactly(rpf.copy().compute(u, v), within(1e-12));
        }
      }
    }

    int naiveCommon(int u, int v) {
      Set<Integer> a = set(rg.neighbours(u));
      a.retainAll(set(rg.neighbours(v)));
      return a.size();
    }

    long naivePaths3(int u, int v) {
      long n = 0;
      for (int w : rg.neighbours(u)) {
        if (w == v) continue;
        for (int x : rg.neighbours(w)) if (x != u && x != w && rg.hasEdge(x, v)) n++;
      }
      return n;
    }

    double naiveRa3(int u, int v) {
      double r = 0;
      for (int w : rg.neighbours(u)) {
        if (w == v) continue;
        for (int x : rg.neighbours(w)) {
          if (x != u && x != w && rg.hasEdge(x, v))
            r += 1.0 / (rg.neighbours(w).length * (double) rg.neighbours(x).length);
        }
      }
      return r;
    }

    Set<Integer> set(int[] a) {
      Set<Integer> s = new HashSet<>();
      for (int x : a) s.add(x);
      return s;
    }
  }
}
