package dev.talentgraph.ml.courses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The baselines against hand-computed tiny cases. */
class BaselineTests {
  // users x items {0,1,2}:  u0 {0,1}, u1 {0,1,2}, u2 {1,2}, u3 {1}
  static final Interactions TINY = Interactions.of(3, new int[][] {{0, 1}, {0, 1, 2}, {1, 2}, {1}});

  @Test
  void popularityCountsEnrolments() {
    PopularityRecommender p = new PopularityRecommender();
    p.fit(TINY);
    assertThat(p.score(new int[0])).containsExactly(2, 4, 2);
  }

  @Test
  void itemKnnIsCosineOfCoEnrolmentSummedOverHistory() {
    ItemKnnRecommender knn = new ItemKnnRecommender();
    knn.fit(TINY);
    // |U0|=2, |U1|=4, |U2|=2; |U0∩U1|=2, |U0∩U2|=1, |U1∩U2|=2
    assertThat(knn.similarity(0, 1)).isCloseTo(2 / Math.sqrt(8), within(1e-12));
    assertThat(knn.similarity(0, 2)).isCloseTo(1 / Math.sqrt(4), within(1e-12));
    assertThat(knn.similarity(1, 2)).isCloseTo(2 / Math.sqrt(8), within(1e-12));
    assertThat(knn.similarity(1, 1)).isZero();
    double[] s = knn.score(new int[] {0, 2});
    assertThat(s[1]).isCloseTo(2 * 2 / Math.sqrt(8), within(1e-12));
    assertThat(s[0]).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void easeClosedFormOnThreeByThree() {
    // G = X^T X = [[2,2,1],[2,4,2],[1,2,2]]; lambda = 1 gives A = [[3,2,1],[2,5,2],[1,2,3]]
    // det A = 3(15-4) - 2(6-2) + 1(4-5) = 33 - 8 - 1 = 24
    // adj(A) = [[11,-4,-1],[-4,8,-4],[-1,-4,11]] so P = adj/24
    // B_ij = -P_ij / P_jj: B_01 = 4/8 = 0.5, B_02 = 1/11, B_10 = 4/11, B_12 = 4/11,
    // B_20 = 1/11, B_21 = 0.5, diagonal 0
    EaseRecommender ease = new EaseRecommender(1.0);
    ease.fit(TINY);
    double[][] expected = {{0, 0.5, 1.0 / 11}, {4.0 / 11, 0, 4.0 / 11}, {1.0 / 11, 0.5, 0}};
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        assertThat(ease.weight(i, j))
            .as("B[%d][%d]", i, j)
            .isCloseTo(expected[i][j], within(1e-12));
      }
    }
    double[] s = ease.score(new int[] {0});
    assertThat(s).containsExactly(new double[] {0, 0.5, 1.0 / 11}, within(1e-12));
  }

  @Test
  void spdInverseInvertsAndRejectsIndefinite() {
    double[][] a = {{4, 2, 0}, {2, 5, 1}, {0, 1, 3}};
    double[][] inv = Gram.spdInverse(a);
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        double s = 0;
        for (int k = 0; k < 3; k++) {
          s += a[i][k] * inv[k][j];
        }
        assertThat(s).isCloseTo(i == j ? 1 : 0, within(1e-12));
      }
    }
    assertThatThrownBy(() -> Gram.spdInverse(new double[][] {{1, 2}, {2, 1}}))
        .hasMessageContaining("positive definite");
  }

  @Test
  void easeLambdaIsChosenFromTheGridOnValidation() {
    Interactions data = LeaveOneOutSplitTests.random(400, 15, 11);
    EaseRecommender ease = EaseRecommender.validated(3);
    ease.fit(data);
    assertThat(EaseRecommender.LAMBDA_GRID).contains(ease.lambda());
    double[] val = ease.validationNdcg();
    int best = EaseRecommender.LAMBDA_GRID.indexOf(ease.lambda());
    for (double v : val) {
      assertThat(val[best]).isGreaterThanOrEqualTo(v);
    }
    assertThatThrownBy(() -> new EaseRecommender(0)).hasMessageContaining("lambda");
  }
}
