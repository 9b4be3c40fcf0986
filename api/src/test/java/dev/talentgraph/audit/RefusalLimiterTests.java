package dev.talentgraph.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The refusal budget on a clock the test moves: a flood writes a bounded number of events. */
class RefusalLimiterTests {
  static final class MovableClock extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  static AuditEvent refused(String actor, String address) {
    return AuditEvent.anonymous(
        actor, "http.request", "GET /graphql", AuditEvent.Outcome.REFUSED, "401", address);
  }

  @Test
  void aFloodFromOneSourceKeepsItsFirstEventsAndOneSummaryPerWindow() {
    var clock = new MovableClock();
    var limiter = new RefusalLimiter(clock, Duration.ofMinutes(1), 10, 100);
    List<AuditEvent> stored = new ArrayList<>();
    for (int i = 0; i < 9_547; i++) stored.addAll(limiter.admit(refused(null, "10.0.0.1")));
    assertThat(stored).hasSize(10);
    clock.now = clock.now.plusSeconds(61);
    List<AuditEvent> summary = limiter.rollIfDue();
    assertThat(summary).hasSize(1);
    assertThat(summary.get(0).reason()).startsWith("9537 more refusals like this one");
    assertThat(summary.get(0).remoteAddress()).isEqualTo("10.0.0.1");
    // a new window starts with a fresh budget
    assertThat(limiter.admit(refused(null, "10.0.0.1"))).hasSize(1);
  }

  @Test
  void manySourcesShareOneTotalAndAllowedEventsAreNeverLimited() {
    var clock = new MovableClock();
    var limiter = new RefusalLimiter(clock, Duration.ofMinutes(1), 10, 100);
    List<AuditEvent> stored = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) stored.addAll(limiter.admit(refused(null, "10.0." + i)));
    assertThat(stored).hasSize(100);
    for (int i = 0; i < 500; i++) {
      assertThat(
              limiter.admit(
                  AuditEvent.anonymous(
                      "u", "graphql.mutation", "{x}", AuditEvent.Outcome.ALLOWED, null, "a")))
          .hasSize(1);
    }
    clock.now = clock.now.plusSeconds(60);
    // one summary per suppressed source up to the total, the rest in one "other sources" summary
    List<AuditEvent> summaries = limiter.rollIfDue();
    assertThat(summaries).hasSizeLessThanOrEqualTo(101);
    assertThat(summaries.stream().mapToLong(e -> Long.parseLong(e.reason().split(" ")[0])).sum())
        .isEqualTo(4_900);
  }
}
