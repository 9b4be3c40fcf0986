package dev.talentgraph.ml.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StratifiedKFoldTests {

  private static boolean[] labels(int n, int every) {
    boolean[] y = new boolean[n];
    for (int i = 0; i < n; i++) y[i] = i % every == 0;
    return y;
  }

  @Test
  void foldsPartitionTheRowsAndKeepTheClassShares() {
    boolean[] y = labels(103, 5); // 21 positives
    List<StratifiedKFold.Fold> folds = StratifiedKFold.split(y, 5, 1);
    Set<Integer> seen = new HashSet<>();
    for (StratifiedKFold.Fold f : folds) {
      assertThat(f.train().length + f.test().length).isEqualTo(103);
      int pos = 0;
      for (int r : f.test()) {
        assertThat(seen.add(r)).isTrue();
        if (y[r]) pos++;
      }
      assertThat(pos).isBetween(4, 5);
      assertThat(f.test().length).isBetween(20, 21);
    }
    assertThat(seen).hasSize(103);
  }

  @Test
  void sameSeedSameFoldsOtherSeedOtherFolds() {
    boolean[] y = labels(50, 3);
    assertThat(StratifiedKFold.split(y, 5, 7).get(2).test())
        .isEqualTo(StratifiedKFold.split(y, 5, 7).get(2).test());
    assertThat(StratifiedKFold.split(y, 5, 7).get(2).test())
        .isNotEqualTo(StratifiedKFold.split(y, 5, 8).get(2).test());
  }

  @Test
  void tooFewRowsOfAClass() {
    assertThatThrownBy(() -> StratifiedKFold.split(labels(20, 8), 5, 1))
        .hasMessageContaining("too few rows for 5 folds")
        .hasMessageContaining("3 positive");
  }
}
