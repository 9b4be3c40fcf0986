package dev.talentgraph.ml.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class BinaryMetricsTests {

  @Test
  void aucCountsPairsAndHalvesTies() {
    // positives 0.9, 0.4; negatives 0.4, 0.1 -> pairs: (0.9>0.4)=1, (0.9>0.1)=1, (0.4=0.4)=0.5,
    // (0.4>0.1)=1 -> 3.5/4
    double auc =
        BinaryMetrics.auc(
            new double[] {0.9, 0.4, 0.4, 0.1}, new boolean[] {true, true, false, false});
    assertThat(auc).isEqualTo(0.875);
    assertThat(BinaryMetrics.auc(new double[] {0.3, 0.3, 0.3}, new boolean[] {true, false, false}))
        .isEqualTo(0.5);
    assertThat(BinaryMetrics.auc(new double[] {0.1, 0.9}, new boolean[] {true, false})).isZero();
  }

  @Test
  void aucNeedsBothClasses() {
    assertThatThrownBy(() -> BinaryMetrics.auc(new double[] {0.1, 0.2}, new boolean[] {true, true}))
        .hasMessageContaining("both classes");
  }

  @Test
  void logLossAccuracyAndBrier() {
    double[] p = {0.8, 0.3};
    boolean[] y = {true, false};
    assertThat(BinaryMetrics.logLoss(p, y))
        .isCloseTo(-(Math.log(0.8) + Math.log(0.7)) / 2, within(1e-12));
    assertThat(BinaryMetrics.accuracy(p, y, 0.5)).isEqualTo(1.0);
    assertThat(BinaryMetrics.accuracy(p, y, 0.9)).isEqualTo(0.5);
    assertThat(BinaryMetrics.brier(p, y)).isCloseTo((0.04 + 0.09) / 2, within(1e-12));
  }

  @Test
  void calibrationBinsByPredictedProbability() {
    List<BinaryMetrics.CalibrationBin> bins =
        BinaryMetrics.calibration(
            new double[] {0.05, 0.15, 0.95, 1.0}, new boolean[] {false, true, true, true}, 10);
    assertThat(bins).hasSize(10);
    assertThat(bins.get(0).count()).isEqualTo(1);
    assertThat(bins.get(1).observedRate()).isEqualTo(1.0);
    assertThat(bins.get(9).count()).isEqualTo(2); // 1.0 falls in the last bin
    assertThat(bins.get(9).meanPredicted()).isCloseTo(0.975, within(1e-12));
    assertThat(bins.get(5).meanPredicted()).isNaN();
  }

  @Test
  void rocRunsFromOriginToOneOne() {
    List<BinaryMetrics.RocPoint> roc =
        BinaryMetrics.roc(
            new double[] {0.9, 0.4, 0.4, 0.1}, new boolean[] {true, true, false, false});
    assertThat(roc.get(0).truePositiveRate()).isZero();
    assertThat(roc.get(1).truePositiveRate()).isEqualTo(0.5);
    assertThat(roc.get(2).falsePositiveRate()).isEqualTo(0.5);
    assertThat(roc.get(roc.size() - 1).falsePositiveRate()).isEqualTo(1.0);
    assertThat(roc.get(roc.size() - 1).truePositiveRate()).isEqualTo(1.0);
  }

  @Test
  void regressionMetrics() {
    double[] a = {1, 2, 3}, p = {1, 2, 5};
    assertThat(RegressionMetrics.rmse(p, a)).isCloseTo(Math.sqrt(4.0 / 3), within(1e-12));
    assertThat(RegressionMetrics.mae(p, a)).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(RegressionMetrics.r2(new double[] {2, 2, 2}, a)).isZero();
  }

  @Test
  void summaryUsesSampleStandardDeviation() {
    Summary s = Summary.of(new double[] {1, 2, 3});
    assertThat(s.mean()).isEqualTo(2);
    assertThat(s.std()).isEqualTo(1);
    assertThat(s.min()).isEqualTo(1);
    assertThat(s.max()).isEqualTo(3);
  }
}
