package dev.talentgraph.ml.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The explanation's numbers read exactly as {@link String#format} writes them. */
class EncodedModelFormatTests {
  @Test
  void fixedDecimalsMatchTheFormatter() {
    List<Double> values =
        new ArrayList<>(
            List.of(
                0.0,
                -0.0,
                0.125,
                -0.125,
                1.005,
                -1.005,
                2.675,
                0.045,
                -0.004,
                -0.05,
                0.05,
                0.95,
                9.995,
                99.5,
                1e-12,
                -1e-12,
                123456789.125,
                1e15,
                -3.14159,
                Double.NaN,
                Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY,
                Double.MIN_VALUE));
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 3_000; i++) {
      double scale = Math.pow(10, random.nextInt(-4, 7));
      values.add((random.nextDouble() * 2 - 1) * scale);
      // values on a rounding boundary: k / 1000 and k / 100 + 0.005
      values.add(random.nextInt(-100_000, 100_000) / 1000.0);
      values.add(random.nextInt(-10_000, 10_000) / 100.0 + 0.005);
    }
    for (double v : values) {
      assertThat(EncodedModel.fixed(v, 2, false))
          .as("%s", v)
          .isEqualTo(String.format(Locale.ROOT, "%.2f", v));
      assertThat(EncodedModel.fixed(v, 2, true))
          .as("%s", v)
          .isEqualTo(String.format(Locale.ROOT, "%+.2f", v));
      assertThat(EncodedModel.fixed(v, 1, false))
          .as("%s", v)
          .isEqualTo(String.format(Locale.ROOT, "%.1f", v));
    }
  }
}
