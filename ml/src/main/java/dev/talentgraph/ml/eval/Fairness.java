package dev.talentgraph.ml.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Group fairness of a classifier's decisions with respect to one protected attribute.
 *
 * <ul>
 *   <li><b>Demographic parity difference</b>: the largest gap between groups in the rate of
 *       positive decisions, max_g P(D=1|A=g) - min_g P(D=1|A=g) (Calders and Verwer, DMKD 21,
 *       2010).
 *   <li><b>Equal opportunity difference</b>: the largest gap between groups in the true positive
 *       rate, max_g P(D=1|Y=1,A=g) - min_g P(D=1|Y=1,A=g) (Hardt, Price and Srebro, NeurIPS 2016).
 * </ul>
 *
 * 0 means parity; groups without any positive label are left out of the equal-opportunity gap
 * (their rate is undefined) and reported with a NaN rate. Rows whose group is not known (null or
 * {@value #UNKNOWN}) are no group: they are left out of both gaps and counted apart in {@link
 * Report#unknown()}, since treating "not given" as a group compares the people who answered with
 * those who did not rather than one group with another.
 */
public final class Fairness {
  private Fairness() {}

  /** How feature encoders name a missing value. */
  public static final String UNKNOWN = "(missing)";

  /** Rates of one group of the attribute. */
  public record GroupRates(
      String group, int count, int positives, double selectionRate, double truePositiveRate) {}

  /** Fairness figures of one protected attribute. */
  public record Report(
      String attribute,
      List<GroupRates> groups,
      double demographicParityDifference,
      double equalOpportunityDifference,
      int unknown) {}

  /**
   * @param attribute name of the protected attribute, for the report
   * @param groups group of each row (null or {@value #UNKNOWN} rows are counted apart, not as a
   *     group)
   * @param decisions the model's decision per row (positive = true)
   * @param labels the true outcome per row
   */
  public static Report evaluate(
      String attribute, String[] groups, boolean[] decisions, boolean[] labels) {
    if (groups.length != decisions.length || decisions.length != labels.length) {
      throw new IllegalArgumentException("groups, decisions and labels differ in length");
    }
    Map<String, int[]> counts = new TreeMap<>(); // n, selected, positives, truePositives
    int unknown = 0;
    for (int i = 0; i < groups.length; i++) {
      String g = groups[i];
      if (g == null || UNKNOWN.equals(g)) {
        unknown++;
        continue;
      }
      int[] c = counts.computeIfAbsent(g, k -> new int[4]);
      c[0]++;
      if (decisions[i]) c[1]++;
      if (labels[i]) {
        c[2]++;
        if (decisions[i]) c[3]++;
      }
    }
    List<GroupRates> rates = new ArrayList<>();
    double minSel = Double.POSITIVE_INFINITY, maxSel = Double.NEGATIVE_INFINITY;
    double minTpr = Double.POSITIVE_INFINITY, maxTpr = Double.NEGATIVE_INFINITY;
    for (Map.Entry<String, int[]> e : counts.entrySet()) {
      int[] c = e.getValue();
      double sel = (double) c[1] / c[0];
      double tpr = c[2] == 0 ? Double.NaN : (double) c[3] / c[2];
      rates.add(new GroupRates(e.getKey(), c[0], c[2], sel, tpr));
      minSel = Math.min(minSel, sel);
      maxSel = Math.max(maxSel, sel);
      if (!Double.isNaN(tpr)) {
        minTpr = Math.min(minTpr, tpr);
        maxTpr = Math.max(maxTpr, tpr);
      }
    }
    double eod = maxTpr >= minTpr ? maxTpr - minTpr : Double.NaN;
    double dpd = maxSel >= minSel ? maxSel - minSel : Double.NaN;
    return new Report(attribute, rates, dpd, eod, unknown);
  }
}
