package dev.talentgraph.db;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The time each phase of a start-up took, logged as one line when the application starts accepting
 * traffic (the moment its readiness, and so its health, turns UP). Phases that run inside Spring
 * record themselves here; the rest of the Spring context is what remains of the time between the
 * main method and the context's refresh.
 */
@Component
public final class StartupPhases {
  private static final Logger log = LoggerFactory.getLogger(StartupPhases.class);
  private static final Map<String, Long> PHASES = new LinkedHashMap<>();
  private static volatile long mainAt = -1;
  private long refreshedAt = -1;

  /** Milliseconds since the JVM started. */
  public static long uptimeMillis() {
    return ManagementFactory.getRuntimeMXBean().getUptime();
  }

  /** Marks the entry of the main method: the JVM and the launcher took the time until now. */
  public static void mainStarted() {
    mainAt = uptimeMillis();
  }

  /** Records the duration of one phase (phases with the same name add up). */
  public static void record(String phase, long millis) {
    synchronized (PHASES) {
      PHASES.merge(phase, millis, Long::sum);
    }
  }

  @EventListener(ApplicationStartedEvent.class)
  void onStarted() {
    refreshedAt = uptimeMillis();
  }

  @EventListener
  void onReadiness(AvailabilityChangeEvent<ReadinessState> e) {
    if (e.getState() == ReadinessState.ACCEPTING_TRAFFIC) log.info(summary(uptimeMillis()));
  }

  String summary(long readyAt) {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "Ready %,d ms after the JVM started:", readyAt));
    long main = Math.max(0, mainAt);
    if (mainAt >= 0)
      s.append(String.format(Locale.ROOT, " JVM and launcher to main %,d ms;", mainAt));
    long inContext = 0;
    Map<String, Long> copy;
    synchronized (PHASES) {
      copy = new LinkedHashMap<>(PHASES);
    }
    for (var p : copy.entrySet()) {
      s.append(String.format(Locale.ROOT, " %s %,d ms;", p.getKey(), p.getValue()));
      if (!p.getKey().startsWith(AFTER_REFRESH)) inContext += p.getValue();
    }
    if (refreshedAt >= 0) {
      s.append(
          String.format(
              Locale.ROOT,
              " rest of the Spring context %,d ms;",
              Math.max(0, refreshedAt - main - inContext)));
    }
    s.setLength(s.length() - 1);
    return s.toString();
  }

  /** Prefix of the phases that run after the context's refresh, before it accepts traffic. */
  public static final String AFTER_REFRESH = "then ";
}
