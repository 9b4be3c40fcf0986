package dev.talentgraph.ml.courses;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Leave-one-out hold-out (the protocol of He et al., "Neural Collaborative Filtering", WWW 2017,
 * with full ranking instead of 100 sampled negatives): for every user with at least two enrolments
 * one enrolment, drawn at random with the split's seed, is held out; the rest is the training data.
 * Users with fewer than two enrolments stay in the training data whole and are not evaluated.
 * MOOCCube as preprocessed has no timestamps, so the held-out item cannot be "the last".
 *
 * @param train the training interactions (all users, held-out items removed)
 * @param evalUsers users that are evaluated, ascending
 * @param heldOut for each entry of {@code evalUsers}, its held-out item
 * @param seed the seed of the draw
 */
record LeaveOneOutSplit(Interactions train, int[] evalUsers, int[] heldOut, long seed) {

  /** Draws one held-out enrolment per eligible user. */
  public static LeaveOneOutSplit draw(Interactions data, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int[][] trainItems = new int[data.numUsers()][];
    List<Integer> users = new ArrayList<>();
    List<Integer> held = new ArrayList<>();
    for (int u = 0; u < data.numUsers(); u++) {
      int[] items = data.userItems()[u];
      if (items.length < 2) {
        trainItems[u] = items.clone();
        continue;
      }
      int pick = rnd.nextInt(items.length);
      users.add(u);
      held.add(items[pick]);
      trainItems[u] = without(items, pick);
    }
    Interactions train =
        new Interactions(data.numItems(), trainItems, data.itemConcepts(), data.numConcepts());
    return new LeaveOneOutSplit(
        train,
        users.stream().mapToInt(Integer::intValue).toArray(),
        held.stream().mapToInt(Integer::intValue).toArray(),
        seed);
  }

  /**
   * A validation split carved out of this split's training data only (the held-out items of this
   * split are never seen), for choosing hyperparameters such as EASE's lambda.
   */
  public LeaveOneOutSplit validation() {
    return draw(train, seed * 1_000_003L + 17);
  }

  static int[] without(int[] items, int index) {
    int[] out = new int[items.length - 1];
    System.arraycopy(items, 0, out, 0, index);
    System.arraycopy(items, index + 1, out, index, items.length - index - 1);
    return out;
  }

  @Override
  public String toString() {
    return "LeaveOneOutSplit[seed="
        + seed
        + ", evalUsers="
        + evalUsers.length
        + ", heldOut="
        + Arrays.toString(Arrays.copyOf(heldOut, Math.min(5, heldOut.length)))
        + "...]";
  }
}
