package dev.talentgraph.importers.demo;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What the demo graph is generated from. The same settings always give the same graph, property for
 * property: every random choice is drawn from one {@link java.util.SplittableRandom} seeded here,
 * and dates count back from {@link #asOf()} instead of the clock, so README examples and tests can
 * name concrete ids and the ML evaluations on the demo graph are repeatable.
 *
 * @param seed the random seed
 * @param experts number of Expert nodes (employees, current and departed); the served demo has at
 *     least 2,000, smaller numbers are for tests
 * @param asOf the "today" of the demo: careers, reviews and enrolments end before it
 * @param batchSize rows per write transaction when loading
 */
public record DemoSettings(long seed, int experts, LocalDate asOf, int batchSize) {

  /** The seed of the served demo, so every README example runs on the same graph. */
  public static final long DEFAULT_SEED = 42L;

  public static final int DEFAULT_EXPERTS = 2_000;
  public static final LocalDate DEFAULT_AS_OF = LocalDate.of(2026, 6, 30);
  public static final int DEFAULT_BATCH_SIZE = 1_000;

  /** Below this the generator cannot staff its teams and projects meaningfully. */
  public static final int MIN_EXPERTS = 100;

  /** Above this the generated data no longer fits comfortably in memory before writing. */
  public static final int MAX_EXPERTS = 200_000;

  public DemoSettings {
    Objects.requireNonNull(asOf, "asOf");
    if (experts < MIN_EXPERTS || experts > MAX_EXPERTS) {
      throw new IllegalArgumentException(
          "experts must be between " + MIN_EXPERTS + " and " + MAX_EXPERTS + ", was " + experts);
    }
    if (batchSize < 1 || batchSize > 100_000) {
      throw new IllegalArgumentException(
          "batchSize must be between 1 and 100000, was " + batchSize);
    }
    if (asOf.getYear() < 2000 || asOf.getYear() > 2100) {
      throw new IllegalArgumentException("asOf must be a date between 2000 and 2100, was " + asOf);
    }
  }

  /** The served demo: seed 42, 2,000 experts, as of 2026-06-30. */
  public static DemoSettings defaults() {
    return new DemoSettings(DEFAULT_SEED, DEFAULT_EXPERTS, DEFAULT_AS_OF, DEFAULT_BATCH_SIZE);
  }

  public DemoSettings withSeed(long newSeed) {
    return new DemoSettings(newSeed, experts, asOf, batchSize);
  }

  public DemoSettings withExperts(int newExperts) {
    return new DemoSettings(seed, newExperts, asOf, batchSize);
  }

  public DemoSettings withBatchSize(int newBatchSize) {
    return new DemoSettings(seed, experts, asOf, newBatchSize);
  }
}
