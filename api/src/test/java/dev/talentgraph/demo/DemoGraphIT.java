package dev.talentgraph.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talentgraph.db.EmbeddedNeo4j;
import dev.talentgraph.schema.FieldCipher;
import dev.talentgraph.schema.PersonalFields;
import dev.talentgraph.security.ApiTokens;
import dev.talentgraph.security.Role;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.GraphDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code serve --demo}: the demo is in the graph before the first request, the README's first query
 * answers on it, and its personal data is sealed with the server's own cipher. 100 experts keep the
 * test quick; the 2,000-expert demo is loaded by the importers' DemoLoaderIT.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "talent.neo4j.embedded.bolt-port=0",
      "talent.demo.enabled=true",
      "talent.demo.experts=100"
    })
@AutoConfigureWebTestClient
class DemoGraphIT {
  @Autowired WebTestClient web;
  @Autowired ApiTokens tokens;
  @Autowired EmbeddedNeo4j neo4j;
  @Autowired FieldCipher cipher;
  @Autowired DemoGraphConfiguration.DemoGraph demo;

  @Test
  void theReadmeQueryAnswersOnTheDemo() {
    assertThat(demo.summary().skipped()).isFalse();
    assertThat(demo.summary().expected().get("Expert")).isGreaterThan(100);
    String token = tokens.create("demo-it", "admin", Set.of(Role.ADMIN), null, null).token();
    web.post()
        .uri("/graphql")
        .headers(h -> h.setBearerAuth(token))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            Map.of(
                "query",
                "{ experts(first: 5) { totalCount edges { node { id name skills { level skill { name } } } } } }"))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.errors")
        .doesNotExist()
        // 100 employees plus the external candidates the demo's closed openings hired (Experts too,
        // ADR 0006)
        .jsonPath("$.data.experts.totalCount")
        .isEqualTo(demo.summary().expected().get("Expert"))
        .jsonPath("$.data.experts.edges.length()")
        .isEqualTo(5)
        .jsonPath("$.data.experts.edges[0].node.skills[0].skill.name")
        .isNotEmpty()
        .jsonPath("$.data.experts.edges[0].node.skills[0].level")
        .isNumber();
  }

  @Test
  void personalDataIsSealedWithTheServersCipher() {
    try (var driver = GraphDatabase.driver(neo4j.boltUri(), neo4j.authToken());
        var s = driver.session()) {
      var rec =
          s.run(
                  "MATCH (e:Expert {id: 'e0001'})-[:HAS_PERSONAL_DATA]->(p:PersonalData) RETURN p.email AS email")
              .single();
      String sealed = rec.get("email").asString();
      assertThat(sealed).startsWith(FieldCipher.PREFIX);
      assertThat(cipher.decrypt(sealed, FieldCipher.aad("e0001", PersonalFields.EMAIL)))
          .endsWith(".0001@talentgraph.example");
    }
  }
}
