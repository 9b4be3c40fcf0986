package dev.talentgraph.importers;

import java.nio.file.Path;

/**
 * How an import runs.
 *
 * @param batchSize rows per transaction (a row's writes are never split across two)
 * @param strict stop at the first bad row, with nothing written
 * @param dryRun read and validate everything, write nothing
 * @param rejectsDir folder for {@code <source>.rejects.tsv}; null keeps rejects in the report only
 * @param mapping mapping file of the generic {@code csv}/{@code json} importer; null elsewhere
 * @param maxFieldChars longest accepted field, in characters
 * @param progress where progress goes
 */
public record ImportOptions(
    int batchSize,
    boolean strict,
    boolean dryRun,
    Path rejectsDir,
    Path mapping,
    int maxFieldChars,
    Progress progress) {

  public static final int DEFAULT_BATCH_SIZE = 5_000;

  /**
   * Default limit of one field, in characters: well above any real text cell, far below a heap
   * problem.
   */
  public static final int DEFAULT_MAX_FIELD_CHARS = 1 << 20;

  public ImportOptions {
    if (batchSize < 1 || batchSize > 1_000_000) {
      throw new IllegalArgumentException(
          "batch size must be between 1 and 1,000,000, was " + batchSize);
    }
    if (maxFieldChars < 16)
      throw new IllegalArgumentException(
          "max field size must be at least 16, was " + maxFieldChars);
    if (progress == null) progress = Progress.NONE;
  }

  public static ImportOptions defaults() {
    return new ImportOptions(
        DEFAULT_BATCH_SIZE, false, false, null, null, DEFAULT_MAX_FIELD_CHARS, Progress.NONE);
  }

  public ImportOptions withBatchSize(int n) {
    return new ImportOptions(n, strict, dryRun, rejectsDir, mapping, maxFieldChars, progress);
  }

  public ImportOptions withStrict(boolean s) {
    return new ImportOptions(batchSize, s, dryRun, rejectsDir, mapping, maxFieldChars, progress);
  }

  public ImportOptions withDryRun(boolean d) {
    return new ImportOptions(batchSize, strict, d, rejectsDir, mapping, maxFieldChars, progress);
  }

  public ImportOptions withRejectsDir(Path dir) {
    return new ImportOptions(batchSize, strict, dryRun, dir, mapping, maxFieldChars, progress);
  }

  public ImportOptions withMapping(Path file) {
    return new ImportOptions(batchSize, strict, dryRun, rejectsDir, file, maxFieldChars, progress);
  }

  public ImportOptions withMaxFieldChars(int n) {
    return new ImportOptions(batchSize, strict, dryRun, rejectsDir, mapping, n, progress);
  }

  public ImportOptions withProgress(Progress p) {
    return new ImportOptions(batchSize, strict, dryRun, rejectsDir, mapping, maxFieldChars, p);
  }
}
