package dev.talentgraph.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talentgraph.graphql.nodes.ExpertNode;
import dev.talentgraph.graphql.nodes.SkillNode;
import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.SelectedField;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The statements the API sends, as documentation: the benchmarked expert page is ONE statement
 * shaped like the hand-written query (only the selected properties and lists, parameters for every
 * value).
 */
class ProjectionTests {

  /** A selection set of the given qualified paths (the only method {@link Selection#of} uses). */
  static Selection selection(String... paths) {
    List<SelectedField> fields =
        java.util.Arrays.stream(paths)
            .map(
                p ->
                    (SelectedField)
                        Proxy.newProxyInstance(
                            ProjectionTests.class.getClassLoader(),
                            new Class<?>[] {SelectedField.class},
                            (proxy, m, args) -> m.getName().equals("getQualifiedName") ? p : null))
            .toList();
    DataFetchingFieldSelectionSet set =
        (DataFetchingFieldSelectionSet)
            Proxy.newProxyInstance(
                ProjectionTests.class.getClassLoader(),
                new Class<?>[] {DataFetchingFieldSelectionSet.class},
                (proxy, m, args) ->
                    m.getName().equals("getFields") && (args == null || args.length == 0)
                        ? fields
                        : null);
    return Selection.of(set);
  }

  @Test
  void theExpertPageIsOneStatementLikeTheHandWrittenOne() {
    Selection s =
        selection(
            "edges",
            "edges/node",
            "edges/node/id",
            "edges/node/name",
            "edges/node/skills",
            "edges/node/skills/level",
            "edges/node/skills/skill",
            "edges/node/skills/skill/name",
            "edges/node/projects",
            "edges/node/projects/name",
            "edges/node/collaborators",
            "edges/node/collaborators/name");
    NodeQuery q = new NodeQuery("Expert");
    String cypher =
        q.page("n.id", ExpertNode.projection(s, "edges/node/"), false, new Paging.Window(0, 20));
    assertThat(cypher)
        .isEqualTo(
            "CALL () { MATCH (n:Expert) WHERE n.id IS NOT NULL WITH n ORDER BY n.id SKIP $skip LIMIT $limit"
                + " RETURN collect(n {.id, .name,"
                + " skills: [(n)-[xr:HAS_SKILL]->(xs:Skill) | {level: xr.level, skill: xs {.name}}],"
                + " projects: [(n)-[:WORKED_ON]->(xp:Project) | xp {.name}],"
                + " collaborators: [(n)-[:COLLABORATED_WITH]-(xc:Expert) | xc {.name}]}) AS nodes } RETURN nodes");
    assertThat(q.parameters()).containsEntry("skip", 0).containsEntry("limit", 21);
  }

  @Test
  void aNestedListBelowANestedNodeKeepsItsIdForTheBatchedLoad() {
    Selection s =
        selection(
            "collaborators",
            "collaborators/name",
            "collaborators/skills",
            "collaborators/skills/level");
    assertThat(ExpertNode.projection(s, ""))
        .isEqualTo(
            "n {.id, collaborators: [(n)-[:COLLABORATED_WITH]-(xc:Expert) | xc {.id, .name}]}");
  }

  @Test
  void filtersAreFixedFragmentsWithParameters() {
    NodeQuery q = new NodeQuery("Expert");
    new dev.talentgraph.graphql.nodes.SkillRequirement(null, " Neo4j ", 3)
        .addTo(q, "(n)-[r:HAS_SKILL]->(s:Skill)", "hs0", "where.hasSkill[0]");
    String cypher = q.page("n.name, n.id", "n {.id}", true, new Paging.Window(20, 20));
    assertThat(cypher)
        .doesNotContain("neo4j")
        .contains("$hs0_name")
        .contains("$hs0_level")
        .startsWith("CALL () {")
        .contains("RETURN count(n) AS total")
        .endsWith("RETURN nodes, total");
    assertThat(q.parameters())
        .containsEntry("hs0_name", "neo4j")
        .containsEntry("hs0_level", 3)
        .containsEntry("skip", 20);
  }

  @Test
  void batchedLoadsReadEveryProperty() {
    assertThat(SkillNode.LISTS.get("broader").of(Selection.ALL, ""))
        .isEqualTo("[(n)-[:BROADER]->(sb:Skill) | sb {.id, .name, .category, .aliases}]");
  }
}
