package dev.talentgraph.graphql.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talentgraph.graphql.GraphQlIT.Json;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import org.neo4j.driver.Driver;

/**
 * What the spec cases read beyond {@code TestGraph}: one opening (j-golden, team Platform, Java 3
 * required, Spring 2 preferred), one external candidate (c-golden, Java 4) and their application,
 * renamed to the fixed id a-golden so that the specification's parameters do not change from run to
 * run. Written once per JVM through the API's own mutations (personal fields are encrypted as in
 * production).
 */
final class SpecFixture {
  private static final AtomicBoolean LOADED = new AtomicBoolean();

  private SpecFixture() {}

  static synchronized void load(
      BiFunction<String, Map<String, Object>, Json> graphQl, Driver driver) {
    if (LOADED.get()) return;
    ok(
        graphQl.apply(
            """
        mutation { createOpening(input: {id: "j-golden", title: "Golden Engineer", teamId: "t-platform", country: "DE",
          requires: [{skillId: "s-java", level: 3, required: true}, {skillId: "s-spring", level: 2, required: false}]}) {
          errors { message } } }""",
            Map.of()));
    ok(
        graphQl.apply(
            """
        mutation { createCandidate(input: {id: "c-golden", name: "Golden Candidate", skills: [{skillId: "s-java", level: 4}]}) {
          errors { message } } }""",
            Map.of()));
    Json applied =
        ok(
            graphQl.apply(
                """
        mutation { apply(input: {openingId: "j-golden", candidateId: "c-golden"}) { application { id } errors { message } } }""",
                Map.of()));
    String id = applied.at("$.data.apply.application.id");
    try (var s = driver.session()) {
      s.run("MATCH (a:Application {id: $id}) SET a.id = 'a-golden'", Map.of("id", id)).consume();
    }
    LOADED.set(true);
  }

  private static Json ok(Json response) {
    assertThat(response.has("$.errors")).as("errors in %s", response.body()).isFalse();
    assertThat(response.body()).doesNotContain("\"message\"");
    return response;
  }
}
