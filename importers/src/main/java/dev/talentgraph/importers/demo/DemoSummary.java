package dev.talentgraph.importers.demo;

import java.time.Duration;
import java.util.Map;

/**
 * What a demo load did. {@code skipped} loads (the store already held a graph) carry the reason and
 * no counts. On a re-run of a complete load {@code nodesCreated} and {@code relationshipsCreated}
 * are 0: that is the idempotency the tests check.
 *
 * @param rowsByStep rows written per step (label or relationship type), in write order
 * @param expected the counts the graph should now hold, per label and relationship type
 */
public record DemoSummary(
    boolean skipped,
    String reason,
    long seed,
    int experts,
    Map<String, Long> rowsByStep,
    Map<String, Integer> expected,
    long nodesCreated,
    long relationshipsCreated,
    long propertiesSet,
    Duration elapsed) {

  static DemoSummary skipped(String reason) {
    return new DemoSummary(true, reason, 0, 0, Map.of(), Map.of(), 0, 0, 0, Duration.ZERO);
  }

  /** Total rows written. */
  public long rows() {
    return rowsByStep.values().stream().mapToLong(Long::longValue).sum();
  }
}
