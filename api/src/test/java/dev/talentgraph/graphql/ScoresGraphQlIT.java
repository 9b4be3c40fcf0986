package dev.talentgraph.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * After training attrition (here through the admin mutation, which trains, registers and scores
 * like {@code bin/talentgraph train attrition}), an expert's attrition score is served with its
 * model version and at least three explanation entries; {@code models} lists it.
 */
class ScoresGraphQlIT extends GraphQlIT {

  @Test
  void trainedAttritionScoresAreServedWithVersionAndExplanations() {
    try (var s = driver.session()) {
      // every fourth test expert has left; hire dates spread over five years
      s.run(
              "MATCH (e:Expert) WHERE e.id =~ 'e[0-9]{3}' WITH e, toInteger(substring(e.id, 1)) AS i "
                  + "SET e.status = CASE WHEN i % 4 = 0 THEN 'departed' ELSE 'active' END, "
                  + "e.hiredAt = date('2020-01-01') + duration({days: i * 30})")
          .consume();
    }
    web =
        web.mutate()
            .responseTimeout(java.time.Duration.ofMinutes(3))
            .build(); // training takes seconds, not milliseconds
    Json trained = ok("trainModel", vars("kind", "ATTRITION"));
    assertThat(trained.<List<Object>>at("$.data.trainModel.errors")).isEmpty();
    String id = trained.at("$.data.trainModel.model.id");
    int version = trained.at("$.data.trainModel.model.version");
    assertThat(id).isEqualTo("attrition:" + version);
    assertThat(trained.<Boolean>at("$.data.trainModel.model.active")).isTrue();
    assertThat(trained.<List<String>>at("$.data.trainModel.model.metrics[*].name"))
        .contains("auc.mean", "logLoss.mean");

    Json scores = ok("expertScores", vars("id", "e001"));
    assertThat(scores.<List<String>>at("$.data.expert.scores[*].model"))
        .containsExactly("attrition");
    assertThat(scores.<Integer>at("$.data.expert.scores[0].version")).isEqualTo(version);
    assertThat(scores.<Number>at("$.data.expert.scores[0].value").doubleValue())
        .isBetween(0.0, 1.0);
    assertThat(scores.<List<String>>at("$.data.expert.scores[0].explanation[*].text"))
        .hasSizeGreaterThanOrEqualTo(3)
        .allMatch(t -> t.contains("attrition risk"));
    assertThat(scores.<List<String>>at("$.data.expert.scores[0].explanation[*].feature"))
        .doesNotContain("", "gender", "age");
    System.out.println("expertScores e001: " + scores.body());
    assertThat(scores.roundTrips())
        .as("the expert, then all scores of the request in one statement")
        .isEqualTo(2);

    Json models = ok("models", vars("kind", "ATTRITION"));
    assertThat(models.<List<String>>at("$.data.models[*].kind")).containsOnly("ATTRITION");
    assertThat(models.<List<String>>at("$.data.models[?(@.active == true)].id"))
        .containsExactly(id);
    assertThat(models.<List<String>>at("$.data.models[*].algorithm"))
        .contains("LOGISTIC_REGRESSION");
    Json active =
        runText("{ models(where: {kind: ATTRITION, active: true}) { id active } }", Map.of());
    assertThat(active.<List<String>>at("$.data.models[*].id"))
        .as(active.body())
        .containsExactly(id);
    Json inactive =
        runText("{ models(where: {kind: ATTRITION, active: false}) { id active } }", Map.of());
    assertThat(inactive.<List<Boolean>>at("$.data.models[*].active"))
        .as(inactive.body())
        .doesNotContain(true);
    assertThat(ok("models", vars("kind", "HIRE")).<List<Object>>at("$.data.models")).isEmpty();
  }

  @Test
  void adminMutationsReportExpectedFailuresAsErrors() {
    // a kind outside the ModelKind enum is refused by validation, before anything runs
    Json unknown = run("trainModel", vars("kind", "astrology"));
    assertThat(unknown.<String>at("$.errors[0].extensions.classification"))
        .as(unknown.body())
        .isEqualTo("ValidationError");
    assertThat(unknown.<String>at("$.errors[0].message"))
        .contains("ModelKind")
        .contains("astrology");
    assertThat(unknown.has("$.data.trainModel")).isFalse();
    Json ranker =
        runText(
            "mutation { scoreModel(input: {kind: COLLABORATOR_RANKER}) { model { id } scored errors { field code message } } }",
            Map.of());
    assertThat(ranker.<Object>at("$.data.scoreModel.model")).isNull();
    assertThat(ranker.<List<String>>at("$.data.scoreModel.errors[*].code"))
        .as(ranker.body())
        .containsExactly("INVALID");
    assertThat(ranker.<List<String>>at("$.data.scoreModel.errors[*].message").get(0))
        .contains("'collaborator-ranker' ranks and does not score");
    Json missing = ok("activateModel", Map.of("kind", "ATTRITION", "version", 999));
    assertThat(missing.<List<String>>at("$.data.activateModel.errors[*].code"))
        .containsExactly("NOT_FOUND");
  }
}
