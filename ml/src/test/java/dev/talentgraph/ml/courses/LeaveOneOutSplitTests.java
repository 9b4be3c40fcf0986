package dev.talentgraph.ml.courses;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class LeaveOneOutSplitTests {

  static Interactions random(int users, int items, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int[][] ui = new int[users][];
    for (int u = 0; u < users; u++) {
      TreeSet<Integer> s = new TreeSet<>();
      int n = 1 + r.nextInt(6);
      while (s.size() < n) {
        s.add(r.nextInt(items));
      }
      ui[u] = s.stream().mapToInt(Integer::intValue).toArray();
    }
    return Interactions.of(items, ui);
  }

  @Test
  void heldOutItemNeverLeaksIntoTrainingAndEverythingElseStays() {
    Interactions data = random(300, 20, 1);
    LeaveOneOutSplit split = LeaveOneOutSplit.draw(data, 42);
    int evaluated = 0;
    for (int u = 0; u < data.numUsers(); u++) {
      int[] all = data.userItems()[u];
      int[] train = split.train().userItems()[u];
      int e = Arrays.binarySearch(split.evalUsers(), u);
      if (all.length < 2) {
        assertThat(e).as("users with one enrolment are not evaluated").isNegative();
        assertThat(train).isEqualTo(all);
        continue;
      }
      evaluated++;
      int held = split.heldOut()[e];
      assertThat(all).contains(held);
      assertThat(train).doesNotContain(held).hasSize(all.length - 1);
      assertThat(Arrays.stream(all).filter(i -> i != held).toArray()).isEqualTo(train);
    }
    assertThat(split.evalUsers()).hasSize(evaluated);
  }

  @Test
  void sameSeedSameDrawOtherSeedOtherDraw() {
    Interactions data = random(300, 20, 2);
    assertThat(LeaveOneOutSplit.draw(data, 5).heldOut())
        .isEqualTo(LeaveOneOutSplit.draw(data, 5).heldOut());
    assertThat(LeaveOneOutSplit.draw(data, 6).heldOut())
        .isNotEqualTo(LeaveOneOutSplit.draw(data, 5).heldOut());
  }

  @Test
  void validationSplitIsCarvedFromTrainingOnly() {
    Interactions data = random(300, 20, 3);
    LeaveOneOutSplit split = LeaveOneOutSplit.draw(data, 9);
    LeaveOneOutSplit val = split.validation();
    for (int e = 0; e < val.evalUsers().length; e++) {
      int u = val.evalUsers()[e];
      assertThat(split.train().userItems()[u]).contains(val.heldOut()[e]);
      int t = Arrays.binarySearch(split.evalUsers(), u);
      if (t >= 0) {
        assertThat(val.train().userItems()[u]).doesNotContain(split.heldOut()[t]);
        assertThat(val.heldOut()[e]).isNotEqualTo(split.heldOut()[t]);
      }
    }
  }

  @Test
  void evaluatorRanksOnlyCoursesNotTaken() {
    // user 0 took {0,1}, user 1 took {2,3}: whichever is held out, the other is excluded
    Interactions data = Interactions.of(4, new int[][] {{0, 1}, {2, 3}});
    LeaveOneOutSplit split = LeaveOneOutSplit.draw(data, 1);
    ItemRecommender oracle =
        new ItemRecommender() {
          @Override
          public String name() {
            return "prefers taken";
          }

          @Override
          public void fit(Interactions train) {}

          @Override
          public double[] score(int[] history) {
            double[] s = {0, 0, 0, 0};
            for (int h : history) {
              s[h] = 100; // would win if taken courses were not excluded
            }
            for (int e = 0; e < split.evalUsers().length; e++) {
              if (Arrays.equals(split.train().userItems()[split.evalUsers()[e]], history)) {
                s[split.heldOut()[e]] = Math.max(s[split.heldOut()[e]], 1); // this learner's item
              }
            }
            return s;
          }
        };
    RankingMetrics m = Evaluator.evaluate(oracle, split, true);
    assertThat(m.users()).isEqualTo(2);
    assertThat(m.mrr()).isEqualTo(1.0);
  }
}
