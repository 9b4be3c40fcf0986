package dev.talentgraph.ml.registry;

import java.time.LocalDate;

/**
 * The slice of the graph a model learned from, stored on its {@code :Model} node so that two
 * versions can be compared and a score traced to the data behind it.
 *
 * @param from the earliest date the training rows cover, or null for "all history up to {@code
 *     until}"
 * @param until the as-of date: nothing after it was read as a feature (for temporal rankers, the
 *     end of the label window)
 * @param rows how many rows (experts, applications, enrolments) or pairs the model was fitted on
 */
public record DataWindow(LocalDate from, LocalDate until, long rows) {
  public DataWindow {
    if (until == null) throw new IllegalArgumentException("a data window needs its end date");
    if (from != null && from.isAfter(until)) {
      throw new IllegalArgumentException(
          "data window starts (" + from + ") after it ends (" + until + ")");
    }
    if (rows < 0) throw new IllegalArgumentException("rows must be >= 0, was " + rows);
  }
}
