package dev.talentgraph.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ComplementarySuppressionTests {

  static Metrics.RetentionRow row(String group, Long active) {
    return new Metrics.RetentionRow(
        "2025",
        "2025-01-01",
        "2025-12-31",
        group,
        group,
        active,
        active == null ? null : active - 1,
        null,
        List.of(),
        active == null);
  }

  static Map<String, Metrics.RetentionRow> rows(Metrics.RetentionRow... rs) {
    Map<String, Metrics.RetentionRow> m = new LinkedHashMap<>();
    for (Metrics.RetentionRow r : rs) m.put(r.group(), r);
    return m;
  }

  @Test
  void oneHiddenRowHidesTheSmallestVisibleOneToo() {
    // total 17 = a 3 + b (2, hidden) + c 12: without a second hidden row, 17 - 3 - 12 gives b
    var m = rows(row("a", 3L), row("b", null), row("c", 12L));
    assertThat(MetricsService.hideOneMore(m, m.keySet())).isEqualTo(1);
    assertThat(m.get("a").suppressed()).isTrue();
    assertThat(m.get("a").activeAtStart()).isNull();
    assertThat(m.get("a").retained()).isNull();
    assertThat(m.get("c").suppressed()).isFalse();
  }

  @Test
  void twoHiddenRowsOrNoneChangeNothing() {
    var two = rows(row("a", null), row("b", null), row("c", 12L));
    assertThat(MetricsService.hideOneMore(two, two.keySet())).isZero();
    assertThat(two.get("c").suppressed()).isFalse();
    var none = rows(row("a", 6L), row("c", 12L));
    assertThat(MetricsService.hideOneMore(none, none.keySet())).isZero();
  }

  @Test
  void onlyTheMembersOfTheSumAreConsidered() {
    // the teams of one region: a and b; c belongs elsewhere and stays visible
    var m = rows(row("a", null), row("b", 9L), row("c", 5L));
    assertThat(MetricsService.hideOneMore(m, Set.of("a", "b"))).isEqualTo(1);
    assertThat(m.get("b").suppressed()).isTrue();
    assertThat(m.get("c").suppressed()).isFalse();
  }
}
