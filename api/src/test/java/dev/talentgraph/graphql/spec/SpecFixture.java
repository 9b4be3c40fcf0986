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
 * run; and a Q&amp;A community golden-qa of three questions asked and answered by TestGraph
 * experts. Written once per JVM through the API's own mutations (personal fields are encrypted as
 * in production).
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
      // a small Q&A community for routeQuestion: three dated questions, their answers
      s.run(
              """
          MERGE (c:Community {id: 'golden-qa', name: 'Golden Q&A'})
          WITH c MATCH (a:Expert {id: 'e001'}), (b:Expert {id: 'e002'}), (d:Expert {id: 'e003'})
          CREATE (q1:Question {id: 'gq1', title: 'Java streams or loops?', text: 'Which is faster on ints?',
            tags: ['java'], score: 1, createdAt: datetime('2024-01-10T10:00:00Z')})-[:IN_COMMUNITY]->(c)
          CREATE (a)-[:ASKED]->(q1)
          CREATE (b)-[:ANSWERED]->(:Answer {id: 'ga1', text: 'Loops on primitive ints.', score: 2, accepted: true,
            createdAt: datetime('2024-01-10T12:00:00Z')})-[:ANSWER_TO]->(q1)
          CREATE (q2:Question {id: 'gq2', title: 'Spring profiles in tests', text: 'How to switch profiles?',
            tags: ['spring'], score: 0, createdAt: datetime('2024-02-01T09:00:00Z')})-[:IN_COMMUNITY]->(c)
          CREATE (d)-[:ASKED]->(q2)
          CREATE (a)-[:ANSWERED]->(:Answer {id: 'ga2', text: 'Use ActiveProfiles.', score: 1, accepted: false,
            createdAt: datetime('2024-02-01T11:00:00Z')})-[:ANSWER_TO]->(q2)
          CREATE (q3:Question {id: 'gq3', title: 'Java records and streams', text: 'Streams of records are slow?',
            tags: ['java'], score: 0, createdAt: datetime('2024-03-01T09:00:00Z')})-[:IN_COMMUNITY]->(c)
          CREATE (d)-[:ASKED]->(q3)
          CREATE (b)-[:ANSWERED]->(:Answer {id: 'ga3', text: 'Not slower than loops on records.', score: 3,
            accepted: true, createdAt: datetime('2024-03-01T10:00:00Z')})-[:ANSWER_TO]->(q3)""")
          .consume();
    }
    LOADED.set(true);
  }

  private static Json ok(Json response) {
    assertThat(response.has("$.errors")).as("errors in %s", response.body()).isFalse();
    assertThat(response.body()).doesNotContain("\"message\"");
    return response;
  }
}
