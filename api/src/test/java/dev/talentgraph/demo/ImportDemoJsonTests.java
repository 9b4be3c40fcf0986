package dev.talentgraph.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.talentgraph.importers.demo.DemoSummary;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The --json summary stays valid JSON whatever a reason says (quotes, backslashes, control
 * characters).
 */
class ImportDemoJsonTests {
  @Test
  void awkwardTextIsEscaped() throws Exception {
    Map<String, Long> rows = new LinkedHashMap<>();
    rows.put("REQUIRES (project)", 3L);
    DemoSummary s =
        new DemoSummary(
            true,
            "a \"quoted\" \\ reason\nwith a tab\t",
            1,
            100,
            rows,
            Map.of("Expert", 100),
            0,
            0,
            0,
            Duration.ofMillis(5));
    var json = new ObjectMapper().readTree(dev.talentgraph.cli.ImportDemoCommandAccess.toJson(s));
    assertThat(json.get("reason").asText()).isEqualTo("a \"quoted\" \\ reason\nwith a tab\t");
    assertThat(json.get("rowsByStep").get("REQUIRES (project)").asLong()).isEqualTo(3);
    assertThat(json.get("counts").get("Expert").asInt()).isEqualTo(100);
  }
}
