package dev.talentgraph.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Bounds how many refused requests become audit events: per window and source (actor and address)
 * the first {@code perSource} refusals are stored one by one, and at most {@code total} of all
 * sources together; the rest are counted, and when the window ends each source's count is stored as
 * one summary event ("412 more refusals ..."). A flood of refused requests therefore writes a
 * bounded number of nodes per window, whoever sends it, while what happened stays in the log.
 * Allowed and failed requests are not limited here.
 */
final class RefusalLimiter {
  private final Clock clock;
  private final Duration window;
  private final int perSource;
  private final int total;
  private Instant windowStart;
  private int keptInWindow;
  private final Map<String, Integer> kept = new HashMap<>();
  private final Map<String, Suppressed> suppressed = new HashMap<>();

  private record Suppressed(AuditEvent first, int count) {}

  RefusalLimiter(Clock clock, Duration window, int perSource, int total) {
    this.clock = clock;
    this.window = window;
    this.perSource = perSource;
    this.total = total;
    this.windowStart = clock.instant();
  }

  /**
   * The events to store for this one: itself and any summaries of the window that just ended, or
   * only the summaries when it is suppressed.
   */
  synchronized List<AuditEvent> admit(AuditEvent event) {
    List<AuditEvent> out = new ArrayList<>(rollIfDue());
    if (event.outcome() != AuditEvent.Outcome.REFUSED) {
      out.add(event);
      return out;
    }
    String source =
        event.actor() + "@" + event.remoteAddress() + " " + event.action() + " " + event.target();
    int n = kept.getOrDefault(source, 0);
    if (n < perSource && keptInWindow < total) {
      kept.put(source, n + 1);
      keptInWindow++;
      out.add(event);
    } else {
      String key = suppressed.containsKey(source) || suppressed.size() < total ? source : "*";
      suppressed.merge(
          key, new Suppressed(event, 1), (a, b) -> new Suppressed(a.first(), a.count() + 1));
    }
    return out;
  }

  /** The summaries of a window that has ended (also called by the writer when idle). */
  synchronized List<AuditEvent> rollIfDue() {
    Instant now = clock.instant();
    if (now.isBefore(windowStart.plus(window))) return List.of();
    List<AuditEvent> out = new ArrayList<>();
    suppressed.forEach(
        (source, s) ->
            out.add(
                new AuditEvent(
                    null,
                    now,
                    source.equals("*") ? "anonymous" : s.first().actor(),
                    s.first().roles(),
                    s.first().via(),
                    s.first().action(),
                    s.first().target(),
                    AuditEvent.Outcome.REFUSED,
                    s.count()
                        + " more refusals like this one from "
                        + (source.equals("*") ? "other sources" : "this source")
                        + " between "
                        + windowStart
                        + " and "
                        + now
                        + " were counted, not stored one by one; the first: "
                        + s.first().reason(),
                    source.equals("*") ? null : s.first().remoteAddress())));
    suppressed.clear();
    kept.clear();
    keptInWindow = 0;
    windowStart = now;
    return out;
  }
}
