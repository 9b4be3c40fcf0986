package dev.talentgraph.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@link ProjectedListStrategy} answers exactly what graphql-java's ordinary completion answers:
 * every read document of the GraphQL tests, and queries built to stress the shortcut (aliases,
 * fragments, {@code __typename}, {@code @include}/{@code @skip}, enums, nulls, guarded fields,
 * batched lists), run both ways on the same graph and must give identical responses.
 */
class ProjectedListsIT extends GraphQlIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired ProjectedListStrategy strategy;

  @AfterEach
  void on() {
    strategy.enabled(true);
  }

  @Test
  void theTestDocumentsGiveTheSameAnswersBothWays() throws Exception {
    for (String doc : List.of("expertPage", "deepPage", "collaboratorSkills")) {
      assertSame(document(doc), vars("first", 20));
      assertSame(document(doc), vars("first", 2));
    }
    for (String doc : List.of("experts", "skills", "courses", "projects"))
      assertSame(document(doc), vars());
    assertSame(document("expert"), vars("id", "e001"));
    assertSame(document("skill"), vars("id", "s-java"));
  }

  @Test
  void aliasesFragmentsTypenamesAndDirectivesGiveTheSameAnswersBothWays() throws Exception {
    String q =
        """
        query Q($withProjects: Boolean!, $noSkills: Boolean!) {
          experts(first: 10) {
            edges { node { id ...Person
              expertise: skills @skip(if: $noSkills) { __typename lvl: level level evidence skill { __typename id n: name name } }
              projects @include(if: $withProjects) { __typename id name ... on Project { status } }
              collaborators { ...Person peers: collaborators { id } }
            } }
          }
        }
        fragment Person on Expert { __typename name country region title }
        """;
    long before = strategy.shortcutLists();
    assertSame(q, vars("withProjects", true, "noSkills", false));
    assertSame(q, vars("withProjects", false, "noSkills", true));
    assertThat(strategy.shortcutLists()).as("the shortcut was taken").isGreaterThan(before);
  }

  @Test
  void theExpertPageTakesTheShortcutAndAGuardedFieldDoesNot() throws Exception {
    long shortcut = strategy.shortcutLists();
    long ordinaryBefore = strategy.ordinaryLists();
    ok("expertPage", vars("first", 20));
    // the page's edges list, with every node, skill, project and collaborator below it, in one pass
    assertThat(strategy.shortcutLists() - shortcut).isEqualTo(1);
    assertThat(strategy.ordinaryLists() - ordinaryBefore).isZero();

    // personal data is behind the access rules' fetcher: those lists go the ordinary way, rules and
    // audit included
    String guarded =
        "{ experts(first: 5) { edges { node { id collaborators { id personal { email } } } } } }";
    long ordinary = strategy.ordinaryLists();
    assertSame(guarded, vars());
    assertThat(strategy.ordinaryLists()).isGreaterThan(ordinary);
  }

  private void assertSame(String query, Map<String, Object> variables) throws Exception {
    strategy.enabled(false);
    JsonNode ordinary = post(query, variables);
    strategy.enabled(true);
    JsonNode shortcut = post(query, variables);
    assertThat(shortcut.toString())
        .as("same answer for %s %s", query, variables)
        .isEqualTo(ordinary.toString());
    assertThat(ordinary.path("data").isMissingNode() || ordinary.path("data").isNull())
        .as("an answer: %s", ordinary)
        .isFalse();
  }

  private JsonNode post(String query, Map<String, Object> variables) throws Exception {
    String body =
        web.post()
            .uri("/graphql")
            .headers(h -> h.setBearerAuth(adminToken()))
            .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("query", query, "variables", variables))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    JsonNode node = JSON.readTree(body);
    if (node instanceof ObjectNode o)
      o.remove("extensions"); // round trips differ with batching, not the answer
    return node;
  }
}
