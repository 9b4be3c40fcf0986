package dev.talentgraph.ml.courses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribuo.classification.Label;

class FmRankerTests {

  /** Two clusters of courses {0..4} and {5..9}; every learner stays inside one cluster. */
  static Interactions clustered() {
    return clustered(300);
  }

  static Interactions clustered(int users) {
    java.util.SplittableRandom r = new java.util.SplittableRandom(4);
    int[][] ui = new int[users][];
    for (int u = 0; u < ui.length; u++) {
      int base = (u % 2) * 5;
      java.util.TreeSet<Integer> s = new java.util.TreeSet<>();
      while (s.size() < 3) {
        s.add(base + r.nextInt(5));
      }
      ui[u] = s.stream().mapToInt(Integer::intValue).toArray();
    }
    int[][] concepts = new int[10][];
    for (int i = 0; i < 10; i++) {
      concepts[i] = new int[] {i < 5 ? 0 : 1, 2 + i};
    }
    return new Interactions(10, ui, concepts, 12);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({"false,1", "true,1", "true,3"})
  void fastScorerGivesExactlyTheTribuoModelsProbability(boolean concepts, int members) {
    Interactions data = clustered();
    FmRecommender fm = new FmRecommender(concepts, new FmSettings(4, 3, 0.1, 2, 0.1, 1, members));
    fm.fit(data);
    CourseFeatures features = new CourseFeatures(concepts);
    List<CourseFeatures.Course> catalogue = FmRecommender.catalogue(data);
    double[] fast = fm.score(new int[] {0, 2});
    CourseFeatures.Learner learner = new CourseFeatures.Learner(List.of("0", "2"), Map.of());
    for (int j = 0; j < 10; j++) {
      var p =
          fm.model().predict(features.example(learner, catalogue.get(j), CourseFeatures.POSITIVE));
      double prob = p.getOutputScores().get(CourseFeatures.POSITIVE).getScore();
      if (j != 0 && j != 2) {
        assertThat(fast[j]).as("course %d", j).isCloseTo(prob, within(1e-9));
      }
    }
    assertThat(fm.model() instanceof org.tribuo.ensemble.EnsembleModel).isEqualTo(members > 1);
    assertThat(CourseRanker.of(fm.model()).features()).isEqualTo(features);
  }

  @Test
  void learnsCoEnrolmentStructure() {
    Interactions data = clustered();
    FmRecommender fm = new FmRecommender(false, new FmSettings(4, 5, 0.1, 4, 0.1, 1));
    fm.fit(data);
    double[] s = fm.score(new int[] {6, 7});
    double inside = (s[5] + s[8] + s[9]) / 3;
    double outside = (s[0] + s[1] + s[2] + s[3] + s[4]) / 5;
    assertThat(inside).isGreaterThan(outside);
    assertThat(fm.model().getOutputIDInfo().getDomain())
        .contains(new Label(CourseFeatures.POSITIVE), new Label(CourseFeatures.NEGATIVE));
  }

  @Test
  void targetIsNeverItsOwnHistoryFeature() {
    CourseFeatures f = new CourseFeatures(true);
    var ex =
        f.example(
            new CourseFeatures.Learner(List.of("a", "b"), Map.of("java", 5)),
            new CourseFeatures.Course("a", List.of("x", "y", "z", "w")),
            CourseFeatures.POSITIVE);
    Map<String, Double> m = new java.util.HashMap<>();
    ex.forEach(feat -> m.put(feat.getName(), feat.getValue()));
    assertThat(m).containsOnlyKeys("c=a", "k=x", "k=y", "k=z", "k=w", "h=b", "s=java");
    assertThat(m.get("k=x")).isCloseTo(0.5, within(1e-12));
    assertThat(m.get("h=b")).isCloseTo(1.0, within(1e-12));
    assertThat(m.get("s=java")).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void settingsFailFast() {
    assertThatThrownBy(() -> new FmSettings(0, 1, 0.1, 1, 0.1, 1)).hasMessageContaining("factors");
    assertThatThrownBy(() -> new FmSettings(4, 1, -1, 1, 0.1, 1))
        .hasMessageContaining("learningRate");
  }

  @Test
  void anEnsembleTrainsWhenItsMembersDrewDifferentNegatives() {
    // a small catalogue: one learner, one enrolment, one negative per member, drawn from five
    // courses. Each
    // member sees another course feature; Tribuo used to refuse the ensemble ("Model feature
    // domains are not
    // equal"), which broke retraining the course ranker on small graphs
    List<CourseFeatures.Course> catalogue = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) catalogue.add(new CourseFeatures.Course("c" + i, List.of()));
    List<FmTraining.LearnerRecord> learners =
        List.of(new FmTraining.LearnerRecord(List.of("c0"), Map.of("java", 3)));
    CourseFeatures features = new CourseFeatures(false);
    FmSettings settings = new FmSettings(2, 2, 0.1, 1, 0.1, 7, 3);
    java.util.Set<java.util.Set<String>> memberFeatures = new java.util.HashSet<>();
    for (int m = 0; m < 3; m++) {
      var pairs =
          FmTraining.pairs(
              learners, catalogue, features, settings.withSeed(7 + 1000L * m), "fixture");
      java.util.Set<String> names = new java.util.TreeSet<>();
      pairs.getFeatureMap().forEach(f -> names.add(f.getName()));
      memberFeatures.add(names);
    }
    assertThat(memberFeatures)
        .as("the members' own pairs differ (else this test shows nothing)")
        .hasSizeGreaterThan(1);

    var model = FmTraining.train(learners, catalogue, features, settings, "fixture");

    assertThat(model).isInstanceOf(org.tribuo.ensemble.EnsembleModel.class);
    var ensemble = (org.tribuo.ensemble.EnsembleModel<Label>) model;
    java.util.Set<String> union = new java.util.TreeSet<>();
    memberFeatures.forEach(union::addAll);
    for (var member : ensemble.getModels()) {
      java.util.Set<String> domain = new java.util.TreeSet<>();
      member.getFeatureIDMap().forEach(f -> domain.add(f.getName()));
      assertThat(domain).isEqualTo(union);
    }
    var p =
        model.predict(
            features.example(
                new CourseFeatures.Learner(List.of(), Map.of("java", 3)),
                catalogue.get(3),
                CourseFeatures.POSITIVE));
    assertThat(p.getOutputScores().get(CourseFeatures.POSITIVE).getScore()).isBetween(0.0, 1.0);
  }
}
