package dev.talentgraph.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.talentgraph.ml.features.FeatureEncoder;
import dev.talentgraph.ml.features.FeatureType;
import dev.talentgraph.ml.model.Algorithm;
import dev.talentgraph.ml.model.Contribution;
import dev.talentgraph.ml.model.EncodedModel;
import dev.talentgraph.ml.model.TrainerSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TrainerSpecTests {

  @Test
  void rejectsBadHyperparametersWithTheSettingsName() {
    assertThatThrownBy(() -> new TrainerSpec(Algorithm.LOGISTIC_REGRESSION, 0, 0.1, 1, 0, 0, 1))
        .hasMessageContaining("epochs");
    assertThatThrownBy(() -> new TrainerSpec(Algorithm.LOGISTIC_REGRESSION, 5, -1, 1, 0, 0, 1))
        .hasMessageContaining("learning rate");
    assertThatThrownBy(
            () -> new TrainerSpec(Algorithm.LOGISTIC_REGRESSION, 5, Double.NaN, 1, 0, 0, 1))
        .hasMessageContaining("learning rate");
    assertThatThrownBy(() -> new TrainerSpec(Algorithm.LOGISTIC_REGRESSION, 5, 0.1, 0, 0, 0, 1))
        .hasMessageContaining("minibatch");
    assertThatThrownBy(() -> new TrainerSpec(Algorithm.FM_CLASSIFICATION, 5, 0.1, 1, 0, 0.1, 1))
        .hasMessageContaining("factors");
    assertThatThrownBy(() -> new TrainerSpec(Algorithm.FM_CLASSIFICATION, 5, 0.1, 1, 4, 0, 1))
        .hasMessageContaining("variance");
    assertThatThrownBy(() -> new TrainerSpec(Algorithm.FM_CLASSIFICATION, 5, 0.1, 8, 4, 0.1, 1))
        .hasMessageContaining("minibatch size 1");
    assertThatThrownBy(() -> Algorithm.parse("forest"))
        .hasMessageContaining("unknown algorithm 'forest'");
  }

  /** Rows with two numbers and a category; the label follows 2*a - b + (c == "x"). */
  static List<Object[]> rows(int n, boolean[] y, double[] t) {
    Random r = new Random(3);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double a = r.nextGaussian(), b = r.nextGaussian();
      String c = r.nextBoolean() ? "x" : "z";
      double z = 2 * a - b + (c.equals("x") ? 1 : 0) + 0.3 * r.nextGaussian();
      y[i] = z > 0.5;
      t[i] = z;
      rows.add(new Object[] {a, i % 10 == 0 ? null : b, c});
    }
    return rows;
  }

  static final List<FeatureEncoder.Column> COLUMNS =
      List.of(
          new FeatureEncoder.Column("a", "skill a", FeatureType.NUMERIC),
          new FeatureEncoder.Column("b", "skill b", FeatureType.NUMERIC),
          new FeatureEncoder.Column("c", "category", FeatureType.CATEGORICAL));

  @Test
  void sameSeedGivesIdenticalModels() {
    boolean[] y = new boolean[400];
    List<Object[]> rows = rows(400, y, new double[400]);
    int[] all = java.util.stream.IntStream.range(0, 400).toArray();
    for (Algorithm alg : List.of(Algorithm.LOGISTIC_REGRESSION, Algorithm.FM_CLASSIFICATION)) {
      TrainerSpec spec = TrainerSpec.defaults(alg, 42);
      FeatureEncoder enc = FeatureEncoder.fit(COLUMNS, rows, all);
      EncodedModel m1 = EncodedModel.trainClassifier(spec, enc, rows, all, y, "t");
      EncodedModel m2 = EncodedModel.trainClassifier(spec, enc, rows, all, y, "t");
      EncodedModel m3 = EncodedModel.trainClassifier(spec.withSeed(43), enc, rows, all, y, "t");
      assertThat(m1.predict(rows, all)).isEqualTo(m2.predict(rows, all));
      assertThat(m1.predict(rows, all)).isNotEqualTo(m3.predict(rows, all));
    }
  }

  @Test
  void linearContributionsAddUpToTheLogOdds() {
    boolean[] y = new boolean[400];
    List<Object[]> rows = rows(400, y, new double[400]);
    int[] all = java.util.stream.IntStream.range(0, 400).toArray();
    FeatureEncoder enc = FeatureEncoder.fit(COLUMNS, rows, all);
    EncodedModel m =
        EncodedModel.trainClassifier(
            TrainerSpec.defaults(Algorithm.LOGISTIC_REGRESSION, 1), enc, rows, all, y, "t");
    for (int i = 0; i < 20; i++) {
      Object[] row = rows.get(i);
      double p = m.predict(row);
      double sum =
          m.linearBias()
              + m.explain(row, 10, "risk").stream().mapToDouble(Contribution::contribution).sum();
      assertThat(sum).isCloseTo(Math.log(p / (1 - p)), within(1e-6));
    }
    List<Contribution> why = m.explain(rows.get(0), 2, "attrition risk");
    assertThat(why).hasSize(2);
    assertThat(Math.abs(why.get(0).contribution()))
        .isGreaterThanOrEqualTo(Math.abs(why.get(1).contribution()));
    assertThat(why.get(0).text())
        .matches(
            "(Skill a|Skill b|Category) is .*: (raises|lowers) the attrition risk \\([+-]\\d+\\.\\d\\d log-odds\\)");
  }

  @Test
  void factorizationMachineExplanationsPerturbOneInputAtATime() {
    boolean[] y = new boolean[400];
    List<Object[]> rows = rows(400, y, new double[400]);
    int[] all = java.util.stream.IntStream.range(0, 400).toArray();
    FeatureEncoder enc = FeatureEncoder.fit(COLUMNS, rows, all);
    EncodedModel m =
        EncodedModel.trainClassifier(
            TrainerSpec.defaults(Algorithm.FM_CLASSIFICATION, 1), enc, rows, all, y, "t");
    List<Contribution> why = m.explain(rows.get(1), 3, "risk");
    assertThat(why).isNotEmpty();
    assertThat(why).extracting(Contribution::feature).containsAnyOf("a", "b", "c");
  }

  @Test
  void regressionLearnsTheTarget() {
    boolean[] y = new boolean[400];
    double[] t = new double[400];
    List<Object[]> rows = rows(400, y, t);
    int[] all = java.util.stream.IntStream.range(0, 400).toArray();
    FeatureEncoder enc = FeatureEncoder.fit(COLUMNS, rows, all);
    EncodedModel lin =
        EncodedModel.trainRegressor(
            TrainerSpec.defaults(Algorithm.LINEAR_REGRESSION, 1), enc, rows, all, t, "t");
    EncodedModel fm =
        EncodedModel.trainRegressor(
            TrainerSpec.defaults(Algorithm.FM_REGRESSION, 1), enc, rows, all, t, "t");
    assertThat(dev.talentgraph.ml.eval.RegressionMetrics.r2(lin.predict(rows, all), t))
        .isGreaterThan(0.8);
    assertThat(dev.talentgraph.ml.eval.RegressionMetrics.r2(fm.predict(rows, all), t))
        .isGreaterThan(0.6);
    double sum =
        lin.linearBias()
            + lin.explain(rows.get(3), 10, "gain").stream()
                .mapToDouble(Contribution::contribution)
                .sum();
    assertThat(sum).isCloseTo(lin.predict(rows.get(3)), within(1e-6));
  }
}
