package dev.talentgraph.importers;

import java.util.List;

/**
 * Where an importer sends what it read. Each input record ends in exactly one call: {@link #accept}
 * with all the writes it maps to (they land in the same transaction, never split), {@link #reject}
 * with the problem that makes it unusable, or {@link #skip} with a reason that is not an error (a
 * duplicate, a sampled negative). Writes that do not belong to one input record (aggregates such as
 * co-authorship counts) go through {@link #derived}.
 */
public interface RowSink {

  /** One record read and valid: its writes. */
  void accept(Location at, List<Write> writes);

  default void accept(Location at, Write... writes) {
    accept(at, List.of(writes));
  }

  /** One record read and rejected; the raw text goes to the rejects file. */
  void reject(Problem problem, String raw);

  /** One record read and deliberately not written. */
  void skip(Location at, String reason);

  /** Writes computed from many records (aggregates, derived links); not counted as rows read. */
  void derived(List<Write> writes);

  default void derived(Write... writes) {
    derived(List.of(writes));
  }

  /**
   * A note for the report that is neither a row nor an error (e.g. "repaired 35 lines as
   * Windows-1252").
   */
  void note(String message);

  /** Sets the expected number of records for progress and ETA, when a source knows it. */
  default void expect(long records) {}
}
