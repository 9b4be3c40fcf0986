package dev.talentgraph.ml.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Stratified k-fold splits: every fold holds about 1/k of each class, so that a rare positive class
 * (16% attrition) is represented in every test fold (Kohavi, IJCAI 1995, recommends stratified 10-
 * or 5-fold CV for model selection). The shuffle is seeded: the same seed gives the same folds.
 */
public final class StratifiedKFold {
  private StratifiedKFold() {}

  /** One fold: the rows to train on and the rows to test on, both in ascending order. */
  public record Fold(int index, int[] train, int[] test) {}

  /**
   * @throws IllegalArgumentException when k < 2 or a class has fewer rows than folds
   */
  public static List<Fold> split(boolean[] labels, int k, long seed) {
    if (k < 2) throw new IllegalArgumentException("folds must be at least 2, got " + k);
    List<Integer> pos = new ArrayList<>(), neg = new ArrayList<>();
    for (int i = 0; i < labels.length; i++) (labels[i] ? pos : neg).add(i);
    if (pos.size() < k || neg.size() < k) {
      throw new IllegalArgumentException(
          "too few rows for "
              + k
              + " folds: "
              + pos.size()
              + " positive and "
              + neg.size()
              + " negative rows; each class needs at least one row per fold");
    }
    Random rnd = new Random(seed);
    Collections.shuffle(pos, rnd);
    Collections.shuffle(neg, rnd);
    int[] foldOf = new int[labels.length];
    for (int i = 0; i < pos.size(); i++) foldOf[pos.get(i)] = i % k;
    // continue the round-robin where the positives stopped, so fold sizes differ by at most one
    for (int i = 0; i < neg.size(); i++) foldOf[neg.get(i)] = (pos.size() + i) % k;
    List<Fold> folds = new ArrayList<>(k);
    for (int f = 0; f < k; f++) {
      int nTest = 0;
      for (int v : foldOf) if (v == f) nTest++;
      int[] test = new int[nTest];
      int[] train = new int[labels.length - nTest];
      int a = 0, b = 0;
      for (int i = 0; i < labels.length; i++) {
        if (foldOf[i] == f) test[a++] = i;
        else train[b++] = i;
      }
      folds.add(new Fold(f, train, test));
    }
    return folds;
  }
}
