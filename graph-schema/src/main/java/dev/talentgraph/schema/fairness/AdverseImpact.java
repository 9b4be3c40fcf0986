package dev.talentgraph.schema.fairness;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Adverse impact of one selection step: per group, the selection rate (selected / eligible) and the
 * impact ratio (its rate over the rate of the most selected group), flagged under {@link
 * #FOUR_FIFTHS} (the four-fifths rule of the US Uniform Guidelines, 29 CFR 1607.4(D), as used in
 * New York City Local Law 144 bias audits).
 *
 * <p>People whose group is unknown are no group: they are counted apart ({@code unknownEligible},
 * {@code unknownSelected}) and left out of every rate and ratio.
 *
 * <p>Small groups: a group with fewer than {@code minGroupSize} eligible people is suppressed (no
 * counts, no rate). Because the step's total is published elsewhere (the stage conversion), a
 * single suppressed group could be recovered by subtracting the others from it; so whenever exactly
 * one group is suppressed, or the suppressed groups hold fewer than {@code minGroupSize} people
 * together, the smallest shown group is suppressed as well, until neither holds.
 */
public final class AdverseImpact {
  private AdverseImpact() {}

  public static final double FOUR_FIFTHS = 0.8;

  /** One group's figures; counts, rate and ratio are null when suppressed. */
  public record Group(
      String group,
      Long eligible,
      Long selected,
      Double selectionRate,
      Double impactRatio,
      boolean flagged,
      boolean suppressed) {}

  /**
   * @param referenceGroup the shown group with the highest selection rate (null if none)
   * @param adverseImpact some shown group's impact ratio is under four fifths
   */
  public record Step(
      List<Group> groups,
      long unknownEligible,
      long unknownSelected,
      String referenceGroup,
      int suppressedGroups,
      boolean adverseImpact) {}

  /**
   * @param counts group → {eligible, selected}; null/blank groups are not allowed here (count them
   *     as unknown)
   */
  public static Step of(
      Map<String, long[]> counts, long unknownEligible, long unknownSelected, int minGroupSize) {
    List<Map.Entry<String, long[]>> rows = new ArrayList<>(counts.entrySet());
    rows.removeIf(e -> e.getValue()[0] <= 0);
    rows.sort(Map.Entry.comparingByKey());
    List<String> suppressed = new ArrayList<>();
    for (var e : rows) if (e.getValue()[0] < minGroupSize) suppressed.add(e.getKey());
    while (!suppressed.isEmpty() && suppressed.size() < rows.size()) {
      long hidden =
          rows.stream()
              .filter(e -> suppressed.contains(e.getKey()))
              .mapToLong(e -> e.getValue()[0])
              .sum();
      if (suppressed.size() > 1 && hidden >= minGroupSize) break;
      rows.stream()
          .filter(e -> !suppressed.contains(e.getKey()))
          .min(
              Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[0])
                  .thenComparing(Map.Entry::getKey))
          .ifPresent(e -> suppressed.add(e.getKey()));
    }
    String reference = null;
    double best = -1;
    for (var e : rows) {
      if (suppressed.contains(e.getKey())) continue;
      double rate = (double) e.getValue()[1] / e.getValue()[0];
      if (rate > best) {
        best = rate;
        reference = e.getKey();
      }
    }
    List<Group> groups = new ArrayList<>();
    boolean adverse = false;
    for (var e : rows) {
      if (suppressed.contains(e.getKey())) {
        groups.add(new Group(e.getKey(), null, null, null, null, false, true));
        continue;
      }
      long n = e.getValue()[0];
      long s = e.getValue()[1];
      double rate = (double) s / n;
      Double ratio = best > 0 ? rate / best : null;
      boolean flagged = ratio != null && ratio < FOUR_FIFTHS;
      adverse |= flagged;
      groups.add(new Group(e.getKey(), n, s, rate, ratio, flagged, false));
    }
    return new Step(
        groups, unknownEligible, unknownSelected, reference, suppressed.size(), adverse);
  }
}
