package dev.talentgraph.importers.demo;

/**
 * Told after every written batch, so a command line can draw a progress bar (or print periodic
 * lines when not on a terminal) without the loader knowing about terminals.
 */
@FunctionalInterface
public interface ProgressListener {
  /** Ignores progress. */
  ProgressListener NONE = (step, done, total) -> {};

  /**
   * @param step the step just written, e.g. "HAS_SKILL"
   * @param done rows written so far, over all steps
   * @param total rows to write in all
   */
  void progress(String step, long done, long total);
}
