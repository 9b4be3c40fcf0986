package dev.talentgraph.ml.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engineered encoding and the L2-penalised logistic regression fitted on it. */
class EngineeredFeaturesTests {
  @TempDir Path tmp;

  @Test
  void numbersWrittenAsTextAreRead() {
    assertThat(EngineeredFeatures.parse(">20")).isEqualTo(21.0);
    assertThat(EngineeredFeatures.parse("<1")).isEqualTo(0.0);
    assertThat(EngineeredFeatures.parse("10000+")).isEqualTo(10000.0);
    assertThat(EngineeredFeatures.parse("50-99")).isEqualTo(74.5);
    assertThat(EngineeredFeatures.parse("10/49")).isEqualTo(29.5);
    assertThat(EngineeredFeatures.parse("-3")).isEqualTo(-3.0);
    assertThat(EngineeredFeatures.parse("never")).isNull();
    assertThat(EngineeredFeatures.parse(null)).isNull();
  }

  /**
   * The label rises only in the middle band of a number (a shape no single slope fits) and with the
   * years spent in the role over the years at the company; the id column carries nothing.
   */
  @Test
  void binsRatiosAndTheL2PenaltyLetALinearModelFitWhatThePlainOneCannot() throws Exception {
    SplittableRandom r = new SplittableRandom(3);
    StringBuilder sb = new StringBuilder("id,score,YearsInRole,YearsAtCompany,size,label\n");
    for (int i = 0; i < 600; i++) {
      double score = r.nextDouble(0, 10);
      int atCompany = 1 + r.nextInt(20);
      int inRole = r.nextInt(atCompany + 1);
      double logit =
          (score > 4 && score < 6 ? 2.5 : -1.5) + 3 * ((double) inRole / (atCompany + 1) - 0.5);
      boolean label = r.nextDouble() < 1 / (1 + Math.exp(-logit));
      String size = List.of("<10", "10-49", "50-99", "1000+").get(r.nextInt(4));
      sb.append(
          String.format(
              Locale.ROOT,
              "%d,%.3f,%d,%d,%s,%d%n",
              1000 + i,
              score,
              inRole,
              atCompany,
              size,
              label ? 1 : 0));
    }
    Path f = tmp.resolve("bands.csv");
    Files.writeString(f, sb.toString());
    TabularData d =
        TabularData.prepare(
            CsvTable.read(f), TabularCrossValidationTests.options("label", "1", List.of()));
    int[] train = IntStream.range(0, 400).toArray();
    int[] test = IntStream.range(400, 600).toArray();
    EngineeredFeatures eng = EngineeredFeatures.fit(d, train);
    boolean[] yTrain = new boolean[train.length], yTest = new boolean[test.length];
    for (int i = 0; i < train.length; i++) yTrain[i] = d.labels[train[i]];
    for (int i = 0; i < test.length; i++) yTest[i] = d.labels[test[i]];
    double[] w = RidgeLogistic.fit(eng.matrix(d.rows, train), yTrain, 3);
    double engineered =
        dev.talentgraph.ml.eval.BinaryMetrics.auc(
            RidgeLogistic.predict(w, eng.matrix(d.rows, test)), yTest);

    // the same regression on the standardised raw columns only
    double[][] raw = new double[600][];
    for (int i = 0; i < 600; i++) {
      Object[] row = d.rows.get(i);
      raw[i] = new double[] {(Double) row[1], (Double) row[2], (Double) row[3]};
    }
    double[] wr = RidgeLogistic.fit(java.util.Arrays.copyOfRange(raw, 0, 400), yTrain, 3);
    double plain =
        dev.talentgraph.ml.eval.BinaryMetrics.auc(
            RidgeLogistic.predict(wr, java.util.Arrays.copyOfRange(raw, 400, 600)), yTest);
    assertThat(engineered).isGreaterThan(plain + 0.1).isGreaterThan(0.8);

    // the id column is left out: another id, the same vector; a heavier penalty shrinks weights
    Object[] other = d.rows.get(0).clone();
    other[0] = 99999.0;
    assertThat(eng.vector(other)).containsExactly(eng.vector(d.rows.get(0)));
    double[] heavy = RidgeLogistic.fit(eng.matrix(d.rows, train), yTrain, 300);
    assertThat(norm(heavy)).isLessThan(norm(w));
  }

  private static double norm(double[] w) {
    double s = 0;
    for (int j = 0; j < w.length - 1; j++) s += w[j] * w[j];
    return s;
  }
}
