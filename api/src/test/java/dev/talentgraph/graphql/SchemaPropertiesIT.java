package dev.talentgraph.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talentgraph.graphql.nodes.ExpertNode;
import dev.talentgraph.graphql.spec.StatementLog;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A field declared only in the SDL ({@code Expert.source: String @property}) is served by the
 * engine: no read-model component, no fetcher, no projection entry of its own. It is read in the
 * one page statement, at the top, in a connection and in nested lists (where the one-pass list
 * completion serves it).
 */
class SchemaPropertiesIT extends GraphQlIT {

  @BeforeEach
  void sources() {
    try (var s = driver.session()) {
      s.run("MATCH (e:Expert) WHERE e.id IN ['e001', 'e002', 'e003'] SET e.source = 'test-' + e.id")
          .consume();
    }
  }

  @Test
  void theFieldHasNoCodeOfItsOwn() {
    assertThat(ExpertNode.FIXED).doesNotContain("source");
    assertThat(List.of(ExpertNode.class.getRecordComponents()).stream().map(c -> c.getName()))
        .doesNotContain("source");
    assertThat(SchemaProperties.of("Expert")).contains("source");
    assertThat(ExpertNode.fields()).contains("source");
  }

  @Test
  void expertServesItFromTheOneStatement() {
    StatementLog.start();
    Json r;
    try {
      r = runText("{ expert(id: \"e001\") { id source collaborators { id source } } }", Map.of());
    } finally {
      List<StatementLog.Statement> sent = StatementLog.stop();
      assertThat(sent).hasSize(1);
      assertThat(sent.get(0).cypher()).contains(".source");
    }
    assertThat(r.has("$.errors")).as(r.body()).isFalse();
    assertThat(r.<String>at("$.data.expert.source")).isEqualTo("test-e001");
    assertThat(r.<List<String>>at("$.data.expert.collaborators[*].source"))
        .containsExactlyInAnyOrder("test-e002", "test-e003");
  }

  @Test
  void aConnectionServesItWithTheOtherScalars() {
    Json r = runText("{ experts(first: 4) { edges { node { id name source } } } }", Map.of());
    assertThat(r.has("$.errors")).as(r.body()).isFalse();
    assertThat(r.<List<String>>at("$.data.experts.edges[*].node.source"))
        .containsExactly("test-e001", "test-e002", "test-e003", null);
  }

  @Test
  void anUnsetPropertyIsNull() {
    Json r = runText("{ expert(id: \"e010\") { id source } }", Map.of());
    assertThat(r.has("$.errors")).as(r.body()).isFalse();
    assertThat(r.<Object>at("$.data.expert.source")).isNull();
  }
}
