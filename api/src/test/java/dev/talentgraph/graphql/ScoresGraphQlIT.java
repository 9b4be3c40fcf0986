package dev.talentgraph.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * After training attrition (here through the admin mutation, which trains,
 * registers and scores like {@code bin/talentgraph train attrition}), an expert's attrition score is
 * served with its model version and at least three explanation entries; {@code models} lists it.
 */
class ScoresGraphQlIT extends GraphQlIT {

  @Test
  void trainedAttritionScoresAreServedWithVersionAndExplanations() {
    try (var s = driver.session()) {
      // every fourth test expert has left; hire dates spread over five years
      s.run("MATCH (e:Expert) WHERE e.id =~ 'e[0-9]{3}' WITH e, toInteger(substring(e.id, 1)) AS i "
          + "SET e.status = CASE WHEN i % 4 = 0 THEN 'departed' ELSE 'active' END, "
          + "e.hiredAt = date('2020-01-01') + duration({days: i * 30})").consume();
    }
    web = web.mutate().responseTimeout(java.time.Duration.ofMinutes(3)).build(); // training takes seconds, not milliseconds
    Json trained = ok("trainModel", vars("kind", "attrition"));
    assertThat(trained.<List<Object>>at("$.data.trainModel.errors")).isEmpty();
    String id = trained.at("$.data.trainModel.model.id");
    int version = trained.at("$.data.trainModel.model.version");
    assertThat(id).isEqualTo("attrition:" + version);
    assertThat(trained.<Boolean>at("$.data.trainModel.model.active")).isTrue();
    assertThat(trained.<List<String>>at("$.data.trainModel.model.metrics[*].name")).contains("auc.mean", "logLoss.mean");

    Json scores = ok("expertScores", vars("id", "e001"));
    assertThat(scores.<List<String>>at("$.data.expert.scores[*].model")).containsExactly("attrition");
    assertThat(scores.<Integer>at("$.data.expert.scores[0].version")).isEqualTo(version);
    assertThat(scores.<Number>at("$.data.expert.scores[0].value").doubleValue()).isBetween(0.0, 1.0);
    assertThat(scores.<List<String>>at("$.data.expert.scores[0].explanation[*].text")).hasSizeGreaterThanOrEqualTo(3)
        .allMatch(t -> t.contains("attrition risk"));
    assertThat(scores.<List<String>>at("$.data.expert.scores[0].explanation[*].feature")).doesNotContain("", "gender", "age");
    System.out.println("expertScores e001: " + scores.body());
    assertThat(scores.roundTrips()).as("the expert, then all scores of the request in one statement").isEqualTo(2);

    Json models = ok("models", vars("kind", "attrition"));
    assertThat(models.<List<String>>at("$.data.models[?(@.active == true)].id")).containsExactly(id);
    assertThat(models.<List<String>>at("$.data.models[*].algorithm")).contains("LOGISTIC_REGRESSION");
  }

  @Test
  void adminMutationsReportExpectedFailuresAsErrors() {
    Json unknown = ok("trainModel", vars("kind", "astrology"));
    assertThat(unknown.<Object>at("$.data.trainModel.model")).isNull();
    assertThat(unknown.<List<String>>at("$.data.trainModel.errors[*].message").get(0)).contains("unknown model kind 'astrology'");
    Json missing = ok("activateModel", Map.of("kind", "attrition", "version", 999));
    assertThat(missing.<List<String>>at("$.data.activateModel.errors[*].code")).containsExactly("NOT_FOUND");
  }
}
