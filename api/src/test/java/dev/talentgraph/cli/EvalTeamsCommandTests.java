package dev.talentgraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code eval teams}: exit codes, the table, the JSON and the same figures for the same seed. */
class EvalTeamsCommandTests {

  @Test
  void jsonHasEveryMethodAndTheSameFiguresForTheSameSeed() throws Exception {
    ByteArrayOutputStream a = new ByteArrayOutputStream();
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    String[] args = {"eval", "teams", "--seed", "3", "--instances", "6", "--large", "0", "--json"};
    assertThat(EvalTrainingsCommandTests.run(a, args)).isZero();
    assertThat(EvalTrainingsCommandTests.run(b, args)).isZero();
    JsonNode x = new ObjectMapper().readTree(a.toString(StandardCharsets.UTF_8));
    JsonNode y = new ObjectMapper().readTree(b.toString(StandardCharsets.UTF_8));
    for (String m : new String[] {"greedy+swap", "greedy cover", "exact (B&B)"}) {
      assertThat(x.at("/small/" + m + "/meanGapPercent").isNumber()).as(m).isTrue();
      assertThat(x.at("/small/" + m + "/meanGapPercent").asDouble())
          .isEqualTo(y.at("/small/" + m + "/meanGapPercent").asDouble());
    }
    assertThat(x.at("/small/exact (B&B)/meanGapPercent").asDouble()).isZero();
  }

  @Test
  void tablePrintsTheGapColumnsAndBadCountsAreUsageErrors() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(
            EvalTrainingsCommandTests.run(out, "eval", "teams", "--instances", "4", "--large", "0"))
        .isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("mean gap", "greedy+swap", "greedy cover", "exact (B&B)");
    assertThat(
            EvalTrainingsCommandTests.run(
                new ByteArrayOutputStream(), "eval", "teams", "--instances", "0"))
        .isEqualTo(TalentGraphCli.EXIT_USAGE);
  }
}
