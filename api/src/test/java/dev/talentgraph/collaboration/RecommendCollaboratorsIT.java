package dev.talentgraph.collaboration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.talentgraph.GraphQlOverHttp;
import dev.talentgraph.security.ApiTokens;
import dev.talentgraph.security.Role;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * recommendCollaborators over GraphQL on a small dated collaboration graph (a a ring of 60 since
 * 2018, six chords new in 2023).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "talent.neo4j.embedded.bolt-port=0")
@AutoConfigureWebTestClient
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecommendCollaboratorsIT {
  @Autowired WebTestClient web;
  @Autowired Driver driver;
  @Autowired ApiTokens tokens;
  String token;

  @BeforeAll
  void fixture() {
    try (var s = driver.session()) {
      s.run("MATCH (n) WHERE n.fixture = 'rc' DETACH DELETE n").consume();
      s.run(
              """
          UNWIND range(1, 60) AS i CREATE (:Expert {id: 'rc-' + i, name: 'Researcher ' + i, fixture: 'rc'})
          WITH count(*) AS created
          UNWIND range(1, 59) AS i
          MATCH (a:Expert {id: 'rc-' + i}), (b:Expert {id: 'rc-' + (i + 1)})
          CREATE (a)-[:COLLABORATED_WITH {count: 3, firstYear: 2018, lastYear: 2022}]->(b)
          """)
          .consume();
      s.run(
              """
          UNWIND range(1, 6) AS i
          MATCH (a:Expert {id: 'rc-' + i}), (b:Expert {id: 'rc-' + (i + 2)})
          CREATE (a)-[:COLLABORATED_WITH {count: 1, firstYear: 2023, lastYear: 2024}]->(b)
          """)
          .consume();
    }
    token = tokens.create("rc-admin", "admin", Set.of(Role.ADMIN), null, null).token();
    JsonNode trained =
        gql(
            "mutation { trainModel(input: {kind: COLLABORATOR_RANKER}) { model { id active } errors { message } } }");
    assertThat(trained.at("/data/trainModel/errors").size()).as(trained.toString()).isZero();
    assertThat(trained.at("/data/trainModel/model/active").asBoolean())
        .as(trained.toString())
        .isTrue();
    JsonNode method =
        gql("{ recommendCollaborators(expertId: \"rc-5\", first: 1) { method model } }");
    assertThat(method.at("/data/recommendCollaborators/method").asText())
        .as(method.toString())
        .contains("learned ranker");
    assertThat(method.at("/data/recommendCollaborators/model").asText())
        .startsWith(trained.at("/data/trainModel/model/id").asText());
  }

  JsonNode gql(String query) {
    return GraphQlOverHttp.bearer(web, token, query, null);
  }

  @Test
  void recommendsNonCollaboratorsWithReasonsFromTheGraph() {
    JsonNode r =
        gql(
            "{ recommendCollaborators(expertId: \"rc-5\", first: 5) { items { expert { id name }"
                + " score reasons { kind text refs } } model } }");
    assertThat(r.get("errors")).as(r.toString()).isNull();
    JsonNode items = r.at("/data/recommendCollaborators/items");
    assertThat(items.size()).isBetween(1, 5);
    Set<String> ids = new HashSet<>();
    items.forEach(i -> ids.add(i.at("/expert/id").asText()));
    // rc-5's collaborators: rc-3, rc-4, rc-6, rc-7 (ring and chords); never recommended, nor rc-5
    // itself
    assertThat(ids).doesNotContain("rc-3", "rc-4", "rc-5", "rc-6", "rc-7");
    JsonNode best = items.get(0);
    assertThat(best.get("score").asDouble()).isBetween(0.0, 1.0);
    assertThat(best.get("reasons").size()).isPositive();
    String text = best.get("reasons").toString();
    assertThat(text).as("reasons name shared collaborators").containsPattern("Researcher \\d+");
    for (int i = 1; i < items.size(); i++) {
      assertThat(items.get(i).get("score").asDouble())
          .isLessThanOrEqualTo(items.get(i - 1).get("score").asDouble());
    }
  }

  @Test
  void unknownExpertIsAClearError() {
    JsonNode r = gql("{ recommendCollaborators(expertId: \"nobody-here\") { items { score } } }");
    assertThat(r.at("/errors/0/message").asText()).contains("nobody-here");
    assertThat(r.at("/errors/0/extensions/code").asText()).isEqualTo("BAD_REQUEST");
  }
}
