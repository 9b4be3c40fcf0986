package dev.talentgraph.ml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talentgraph.ml.features.FeatureEncoder;
import dev.talentgraph.ml.features.FeatureType;
import dev.talentgraph.ml.model.Algorithm;
import dev.talentgraph.ml.model.Contribution;
import dev.talentgraph.ml.model.EncodedModel;
import dev.talentgraph.ml.model.TrainerSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rows in which every feature is non-zero (no missing value, no zero after standardising) mixed in
 * one minibatch with rows that have a zero used to crash Tribuo 4.3.2's SGD (a dense and a sparse
 * gradient cannot be merged); they train now, and the padding feature never shows.
 */
class EncodedModelPaddingTests {
  @Test
  void rowsWithEveryFeatureNonZeroTrainInMinibatches() {
    List<Object[]> rows = new ArrayList<>();
    boolean[] y = new boolean[80];
    int[] all = new int[80];
    for (int i = 0; i < 80; i++) {
      // x in 1..5 (mean 3: zero after standardising in every fifth row), z never zero, w always
      // missing (its flag always 1)
      double x = 1 + i % 5, z = 0.25 * Math.min(4, 1 + i % 5);
      rows.add(new Object[] {x, z, null});
      y[i] = i % 5 >= 3 || i % 7 == 0;
      all[i] = i;
    }
    var cols =
        List.of(
            new FeatureEncoder.Column("x", "x", FeatureType.NUMERIC),
            new FeatureEncoder.Column("z", "z", FeatureType.NUMERIC),
            new FeatureEncoder.Column("w", "w", FeatureType.NUMERIC));
    FeatureEncoder enc = FeatureEncoder.fit(cols, rows, all);
    TrainerSpec spec = TrainerSpec.defaults(Algorithm.LOGISTIC_REGRESSION, 1);
    assertThat(spec.minibatchSize()).isGreaterThan(1);
    EncodedModel m = EncodedModel.trainClassifier(spec, enc, rows, all, y, "dense rows");
    assertThat(m.predict(rows.get(4))).isGreaterThan(m.predict(rows.get(0)));
    assertThat(m.explain(rows.get(4), 5, "outcome"))
        .extracting(Contribution::feature)
        .doesNotContain("(padding)")
        .contains("x");
    EncodedModel r =
        EncodedModel.trainRegressor(
            TrainerSpec.defaults(Algorithm.LINEAR_REGRESSION, 1),
            enc,
            rows,
            all,
            rows.stream().mapToDouble(v -> (double) v[0]).toArray(),
            "dense rows");
    assertThat(r.predict(rows.get(4))).isGreaterThan(r.predict(rows.get(0)));
  }
}
