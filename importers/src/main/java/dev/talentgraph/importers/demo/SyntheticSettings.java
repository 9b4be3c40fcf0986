package dev.talentgraph.importers.demo;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a synthetic graph is generated from: the same settings always give the same graph.
 *
 * @param seed the random seed; unit 0 uses it as is
 * @param experts number of Expert nodes in all units together
 * @param unitSize experts per business unit at most (the units' sizes differ by one at most)
 * @param asOf the "today" of every unit
 * @param batchSize rows per write transaction
 */
public record SyntheticSettings(
    long seed, int experts, int unitSize, LocalDate asOf, int batchSize) {

  public static final int DEFAULT_UNIT_SIZE = DemoSettings.DEFAULT_EXPERTS;
  public static final int DEFAULT_BATCH_SIZE = 5_000;
  public static final int MAX_EXPERTS = 10_000_000;

  /** Twice the demo's minimum, so that splitting never makes a unit below it. */
  public static final int MIN_UNIT_SIZE = 2 * DemoSettings.MIN_EXPERTS;

  public SyntheticSettings {
    Objects.requireNonNull(asOf, "asOf");
    if (unitSize < MIN_UNIT_SIZE || unitSize > DemoSettings.MAX_EXPERTS) {
      throw new IllegalArgumentException(
          "unitSize must be between "
              + MIN_UNIT_SIZE
              + " and "
              + DemoSettings.MAX_EXPERTS
              + ", was "
              + unitSize);
    }
    if (experts < DemoSettings.MIN_EXPERTS || experts > MAX_EXPERTS) {
      throw new IllegalArgumentException(
          "experts must be between "
              + DemoSettings.MIN_EXPERTS
              + " and "
              + MAX_EXPERTS
              + ", was "
              + experts);
    }
    // checks the remaining fields the way the demo does
    new DemoSettings(seed, DemoSettings.MIN_EXPERTS, asOf, batchSize);
  }

  public static SyntheticSettings of(long seed, int experts) {
    return new SyntheticSettings(
        seed, experts, DEFAULT_UNIT_SIZE, DemoSettings.DEFAULT_AS_OF, DEFAULT_BATCH_SIZE);
  }

  public int units() {
    return (experts + unitSize - 1) / unitSize;
  }

  /** Experts of unit k: the total spread evenly, the first units one more. */
  public int unitExperts(int k) {
    int units = units();
    return experts / units + (k < experts % units ? 1 : 0);
  }
}
