package dev.talentgraph.ml.courses;

import java.util.Arrays;

/**
 * Implicit feedback: which items (courses) each user (learner) enrolled in, plus optional item
 * attributes (course concepts). Indices are dense {@code 0..numUsers-1} and {@code 0..numItems-1};
 * each user's item array is sorted and free of duplicates.
 *
 * @param numItems number of items; items without any enrolment still count as candidates
 * @param userItems per user, the sorted distinct items they enrolled in
 * @param itemConcepts per item, the sorted distinct concept ids it covers (empty arrays when
 *     unknown)
 * @param numConcepts concept ids run from 0 to numConcepts-1
 */
public record Interactions(int numItems, int[][] userItems, int[][] itemConcepts, int numConcepts) {

  public Interactions {
    if (numItems <= 0) {
      throw new IllegalArgumentException("numItems must be positive, was " + numItems);
    }
    if (itemConcepts.length != numItems) {
      throw new IllegalArgumentException(
          "itemConcepts has " + itemConcepts.length + " rows for " + numItems + " items");
    }
    for (int[] items : userItems) {
      for (int i = 0; i < items.length; i++) {
        if (items[i] < 0 || items[i] >= numItems || (i > 0 && items[i] <= items[i - 1])) {
          throw new IllegalArgumentException(
              "user items must be sorted, distinct and in range: " + Arrays.toString(items));
        }
      }
    }
  }

  /** Interactions without item attributes. */
  public static Interactions of(int numItems, int[][] userItems) {
    int[][] none = new int[numItems][0];
    return new Interactions(numItems, userItems, none, 0);
  }

  public int numUsers() {
    return userItems.length;
  }

  /** Total number of (user, item) enrolments. */
  public long size() {
    long n = 0;
    for (int[] items : userItems) {
      n += items.length;
    }
    return n;
  }

  /**
   * The same interactions with each item's concepts cut to its {@code perItem} most specific ones:
   * concepts shared with at least one other item (a concept of one course links nothing), fewest
   * items first, ties by id. Uses the concept graph only, never the enrolments, so it cannot leak
   * held-out data. It keeps the factorization machine fast (MOOCCube courses have a median of 73
   * concepts) while keeping the concepts that tie courses together most tightly.
   */
  public Interactions withSpecificConcepts(int perItem) {
    int[] df = new int[numConcepts];
    for (int[] cs : itemConcepts) {
      for (int c : cs) {
        df[c]++;
      }
    }
    int[][] cut = new int[numItems][];
    for (int i = 0; i < numItems; i++) {
      cut[i] =
          Arrays.stream(itemConcepts[i])
              .boxed()
              .filter(c -> df[c] >= 2)
              .sorted(java.util.Comparator.<Integer>comparingInt(c -> df[c]).thenComparing(c -> c))
              .limit(perItem)
              .mapToInt(Integer::intValue)
              .sorted()
              .toArray();
    }
    return new Interactions(numItems, userItems, cut, numConcepts);
  }
}
