package dev.talentgraph.ml.courses;

import java.util.SplittableRandom;

/**
 * Top-N metrics for one held-out relevant item per user: hit rate at 5 and 10, NDCG@10 (with a
 * single relevant item the ideal DCG is 1, so NDCG = 1/log2(rank+1) when rank &lt;= 10) and the
 * mean reciprocal rank over the full ranking.
 */
final class RankingMetrics {
  private long users;
  private double hr5;
  private double hr10;
  private double ndcg10;
  private double mrr;

  /** Adds one user whose relevant item came at 1-based {@code rank}. */
  public void add(int rank) {
    if (rank < 1) {
      throw new IllegalArgumentException("rank is 1-based, was " + rank);
    }
    users++;
    if (rank <= 5) {
      hr5++;
    }
    if (rank <= 10) {
      hr10++;
      ndcg10 += ndcg(rank);
    }
    mrr += 1.0 / rank;
  }

  /** NDCG of a single relevant item at 1-based {@code rank}: 1/log2(rank+1). */
  public static double ndcg(int rank) {
    return 1.0 / (Math.log(rank + 1) / Math.log(2));
  }

  /**
   * The 1-based rank of {@code target} among candidate items: every item with {@code excluded[item]
   * == false}. Ties are broken by {@code tieOrder} (a random permutation fixed per draw), so a
   * method that scores many items equally gets neither the best nor the worst place.
   */
  public static int rankOf(double[] scores, int target, boolean[] excluded, int[] tieOrder) {
    double s = scores[target];
    int rank = 1;
    for (int i = 0; i < scores.length; i++) {
      if (i == target || excluded[i]) {
        continue;
      }
      if (scores[i] > s || (scores[i] == s && tieOrder[i] < tieOrder[target])) {
        rank++;
      }
    }
    return rank;
  }

  /** A random permutation of {@code 0..n-1}: {@code order[item]} = its tie-break position. */
  public static int[] tieOrder(int n, long seed) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  public long users() {
    return users;
  }

  public double hr5() {
    return users == 0 ? 0 : hr5 / users;
  }

  public double hr10() {
    return users == 0 ? 0 : hr10 / users;
  }

  public double ndcg10() {
    return users == 0 ? 0 : ndcg10 / users;
  }

  public double mrr() {
    return users == 0 ? 0 : mrr / users;
  }

  /** The four figures in the order HR@5, HR@10, NDCG@10, MRR. */
  public double[] toArray() {
    return new double[] {hr5(), hr10(), ndcg10(), mrr()};
  }
}
