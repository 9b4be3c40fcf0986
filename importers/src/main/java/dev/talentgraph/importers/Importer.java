package dev.talentgraph.importers;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One data source. It reads rows, validates them, and maps each valid row to parameterised writes;
 * it never opens a transaction itself. The {@link ImportRunner} batches the writes into
 * transactions, counts, reports progress, keeps rejects, and runs {@link #read} twice for a {@code
 * --strict} import (a validation pass that writes nothing, then the write pass), so {@code read}
 * must be deterministic.
 *
 * <p>Ids are namespaced by source ({@code esco:}, {@code aan:}, ...) so that sources never collide,
 * and every write MERGEs on them, so that an import run twice leaves the graph as after one run.
 */
public interface Importer {

  /** The name used on the command line: {@code esco}, {@code onet}, {@code aan}, ... */
  String name();

  /** One line for {@code --help}: what the path should be. */
  String usage();

  /**
   * Reads {@code input} (a file or a folder, as the source needs) and sends every record to {@code
   * out}. File-level defects throw {@link ImportFailedException}; row defects go to {@link
   * RowSink#reject}.
   */
  void read(Path input, ImportContext ctx, RowSink out) throws IOException;
}
