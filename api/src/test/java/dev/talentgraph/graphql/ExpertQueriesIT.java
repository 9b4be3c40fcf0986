package dev.talentgraph.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * {@code expert(id)} and the {@code experts} connection: nested fields, filters, order, paging,
 * limits, auth.
 */
class ExpertQueriesIT extends GraphQlIT {

  private long count(String cypher, Map<String, Object> params) {
    try (var s = driver.session()) {
      return s.run(cypher, params).single().get(0).asLong();
    }
  }

  @Test
  void expertByIdResolvesEveryNestedField() {
    Json r = ok("expert", vars("id", "e001"));
    assertThat(r.<String>at("$.data.expert.name")).isEqualTo("Ada Lovelace");
    assertThat(r.<String>at("$.data.expert.country")).isEqualTo("DE");
    assertThat(r.<String>at("$.data.expert.region")).isEqualTo("Berlin");
    assertThat(r.<String>at("$.data.expert.title")).isEqualTo("Principal");
    assertThat(r.<List<String>>at("$.data.expert.skills[*].skill.name"))
        .containsExactlyInAnyOrder("Java", "Spring", "Graph Databases");
    assertThat(r.<List<Integer>>at("$.data.expert.skills[?(@.skill.id == 's-java')].level"))
        .containsExactly(5);
    assertThat(r.<List<String>>at("$.data.expert.skills[?(@.skill.id == 's-java')].evidence"))
        .containsExactly("wrote the first program");
    assertThat(r.<List<String>>at("$.data.expert.skills[?(@.skill.id == 's-java')].since"))
        .containsExactly("1842-01-01");
    assertThat(r.<List<String>>at("$.data.expert.skills[?(@.skill.id == 's-java')].source"))
        .containsExactly("test");
    assertThat(
            r.<List<String>>at("$.data.expert.skills[?(@.skill.id == 's-graph')].skill.aliases[0]"))
        .containsExactly("Neo4j");
    assertThat(r.<List<String>>at("$.data.expert.projects[*].id"))
        .containsExactlyInAnyOrder("p1", "p2");
    // COLLABORATED_WITH is stored once per pair (e001->e002, e003->e001) and read in both
    // directions
    assertThat(r.<List<String>>at("$.data.expert.collaborators[*].id"))
        .containsExactlyInAnyOrder("e002", "e003");
    assertThat(r.<List<String>>at("$.data.expert.publications[*].title"))
        .containsExactly("Notes on the Analytical Engine");
    assertThat(r.<List<Integer>>at("$.data.expert.publications[*].year")).containsExactly(1843);
    assertThat(r.<List<String>>at("$.data.expert.teams[*].name")).containsExactly("Platform");
    assertThat(r.roundTrips())
        .as("one statement for the expert and all its selected lists")
        .isEqualTo(1);
  }

  @Test
  void unknownExpertIsNull() {
    Json r = ok("expertScalars", vars("id", "nobody"));
    assertThat(r.<Object>at("$.data.expert")).isNull();
  }

  @Test
  void cursorsPageThroughAllExpertsInIdOrder() {
    List<String> ids = new ArrayList<>();
    Json first = ok("experts", vars("first", 25));
    assertThat(first.<Integer>at("$.data.experts.totalCount")).isEqualTo(TestGraph.EXPERTS);
    assertThat(first.<Boolean>at("$.data.experts.pageInfo.hasNextPage")).isTrue();
    assertThat(first.<Boolean>at("$.data.experts.pageInfo.hasPreviousPage")).isFalse();
    assertThat(first.<String>at("$.data.experts.pageInfo.startCursor"))
        .isEqualTo(first.<String>at("$.data.experts.edges[0].cursor"));
    ids.addAll(first.at("$.data.experts.edges[*].node.id"));

    Json second =
        ok("experts", vars("first", 25, "after", first.at("$.data.experts.pageInfo.endCursor")));
    assertThat(second.<List<String>>at("$.data.experts.edges[*].node.id"))
        .hasSize(25)
        .first()
        .isEqualTo("e026");
    assertThat(second.<Boolean>at("$.data.experts.pageInfo.hasPreviousPage")).isTrue();
    ids.addAll(second.at("$.data.experts.edges[*].node.id"));

    Json last =
        ok("experts", vars("first", 25, "after", second.at("$.data.experts.pageInfo.endCursor")));
    assertThat(last.<List<String>>at("$.data.experts.edges[*].node.id")).hasSize(10);
    assertThat(last.<Boolean>at("$.data.experts.pageInfo.hasNextPage")).isFalse();
    ids.addAll(last.at("$.data.experts.edges[*].node.id"));

    assertThat(ids).hasSize(TestGraph.EXPERTS).doesNotHaveDuplicates().isSorted();
    // the cursors are opaque: not the offset, not the id
    assertThat(first.<String>at("$.data.experts.edges[0].cursor"))
        .doesNotContain("e001")
        .isNotEqualTo("0");
  }

  @Test
  void emptyPageHasNoCursors() {
    Json r = ok("experts", vars("first", 0));
    assertThat(r.<List<Object>>at("$.data.experts.edges")).isEmpty();
    assertThat(r.<Boolean>at("$.data.experts.pageInfo.hasNextPage")).isTrue();
    assertThat(r.<Object>at("$.data.experts.pageInfo.endCursor")).isNull();
    assertThat(r.<Integer>at("$.data.experts.totalCount")).isEqualTo(TestGraph.EXPERTS);
  }

  @Test
  void pageSizeOverTheCapIsRefusedNamingTheArgument() {
    Json r = run("experts", vars("first", 101));
    assertThat(r.<String>at("$.errors[0].extensions.argument")).isEqualTo("first");
    assertThat(r.<String>at("$.errors[0].extensions.classification")).isEqualTo("BAD_REQUEST");
    assertThat(r.<String>at("$.errors[0].message"))
        .contains("first must be between 0 and 100")
        .contains("101");
    assertThat(r.<Object>at("$.data")).isNull();

    assertThat(run("experts", vars("first", -1)).<String>at("$.errors[0].extensions.argument"))
        .isEqualTo("first");
    assertThat(run("expertPage", vars("first", 100)).has("$.errors")).isFalse();
  }

  @Test
  void aCursorThisApiDidNotIssueIsRefused() {
    for (String bad : List.of("not-a-cursor", "MTIz", "")) {
      Json r = run("experts", vars("first", 5, "after", bad));
      assertThat(r.<String>at("$.errors[0].extensions.argument")).as(bad).isEqualTo("after");
    }
  }

  @Test
  void filterByNameCountryRegionAndTeam() {
    assertThat(
            ok("experts", vars("where", Map.of("nameContains", "LOVE")))
                .<List<String>>at("$.data.experts.edges[*].node.id"))
        .containsExactly("e001");
    assertThat(
            ok("experts", vars("where", Map.of("country", "GB")))
                .<List<String>>at("$.data.experts.edges[*].node.id"))
        .containsExactly("e002");

    Json texas = ok("experts", vars("first", 100, "where", Map.of("region", "Texas")));
    assertThat(texas.<Integer>at("$.data.experts.totalCount"))
        .isEqualTo(19)
        .isEqualTo((int) count("MATCH (e:Expert {region: 'Texas'}) RETURN count(e)", Map.of()));
    assertThat(texas.<List<String>>at("$.data.experts.edges[*].node.region"))
        .hasSize(19)
        .containsOnly("Texas");

    long data =
        count("MATCH (:Team {name: 'Data'})<-[:MEMBER_OF]-(e:Expert) RETURN count(e)", Map.of());
    Json byName = ok("experts", vars("first", 100, "where", Map.of("team", "Data")));
    Json byId = ok("experts", vars("first", 100, "where", Map.of("team", "t-data")));
    assertThat(byName.<Integer>at("$.data.experts.totalCount")).isEqualTo((int) data).isEqualTo(30);
    assertThat(byName.<List<String>>at("$.data.experts.edges[*].node.id"))
        .contains("e002")
        .doesNotContain("e001")
        .isEqualTo(byId.at("$.data.experts.edges[*].node.id"));
  }

  @Test
  void filterBySkillIdOrNameOrAliasWithMinimumLevel() {
    assertThat(
            ok(
                    "experts",
                    vars(
                        "where",
                        Map.of(
                            "hasSkill",
                            List.of(Map.of("name", "machine LEARNING", "minLevel", 5)))))
                .<List<String>>at("$.data.experts.edges[*].node.id"))
        .containsExactly("e002");
    assertThat(
            ok("experts", vars("where", Map.of("hasSkill", List.of(Map.of("name", "neo4j")))))
                .<List<String>>at("$.data.experts.edges[*].node.id"))
        .as("by alias")
        .containsExactly("e001");
    // two requirements: both must hold
    assertThat(
            ok(
                    "experts",
                    vars(
                        "where",
                        Map.of(
                            "hasSkill",
                            List.of(
                                Map.of("id", "s-java", "minLevel", 5),
                                Map.of("name", "Graph Databases")))))
                .<List<String>>at("$.data.experts.edges[*].node.id"))
        .containsExactly("e001");

    long java5 =
        count(
            "MATCH (e:Expert)-[r:HAS_SKILL]->(:Skill {id: 's-java'}) WHERE r.level >= 5 AND e.country = 'DE'"
                + " RETURN count(e)",
            Map.of());
    Json r =
        ok(
            "experts",
            vars(
                "first",
                100,
                "where",
                Map.of(
                    "country", "DE", "hasSkill", List.of(Map.of("id", "s-java", "minLevel", 5)))));
    assertThat(r.<Integer>at("$.data.experts.totalCount")).isEqualTo((int) java5).isGreaterThan(1);
    assertThat(r.<List<String>>at("$.data.experts.edges[*].node.country")).containsOnly("DE");
  }

  @Test
  void invalidSkillFiltersNameTheArgument() {
    assertThat(
            run("experts", vars("where", Map.of("hasSkill", List.of(Map.of("minLevel", 2)))))
                .<String>at("$.errors[0].extensions.argument"))
        .isEqualTo("where.hasSkill[0]");
    Json r =
        run(
            "experts",
            vars(
                "where",
                Map.of(
                    "hasSkill",
                    List.of(Map.of("id", "s-java"), Map.of("id", "s-ml", "minLevel", 9)))));
    assertThat(r.<String>at("$.errors[0].extensions.argument"))
        .isEqualTo("where.hasSkill[1].minLevel");
    assertThat(r.<String>at("$.errors[0].message")).contains("between 1 and 5").contains("9");
  }

  @Test
  void filterValuesAreParametersNotCypher() {
    Json r =
        ok(
            "experts",
            vars(
                "where",
                Map.of(
                    "nameContains",
                    "' OR 1=1 //",
                    "country",
                    "DE\"}) MATCH (n) DETACH DELETE n //")));
    assertThat(r.<Integer>at("$.data.experts.totalCount")).isZero();
    assertThat(ok("experts", vars()).<Integer>at("$.data.experts.totalCount"))
        .isEqualTo(TestGraph.EXPERTS);
  }

  @Test
  void orderByNameCountryAndId() {
    assertThat(
            ok("experts", vars("first", 3, "orderBy", Map.of("field", "NAME")))
                .<List<String>>at("$.data.experts.edges[*].node.name"))
        .containsExactly("Ada Lovelace", "Alan Turing", "Expert 004");
    assertThat(
            ok("experts", vars("first", 1, "orderBy", Map.of("field", "NAME", "direction", "DESC")))
                .<List<String>>at("$.data.experts.edges[*].node.name"))
        .containsExactly("Grace Hopper");
    assertThat(
            ok("experts", vars("first", 2, "orderBy", Map.of("field", "ID", "direction", "DESC")))
                .<List<String>>at("$.data.experts.edges[*].node.id"))
        .containsExactly("e060", "e059");
    Json byCountry = ok("experts", vars("first", 100, "orderBy", Map.of("field", "COUNTRY")));
    assertThat(byCountry.<List<String>>at("$.data.experts.edges[*].node.country")).isSorted();
    assertThat(byCountry.<String>at("$.data.experts.edges[0].node.name")).isEqualTo("Ada Lovelace");
    Json byRegion =
        ok(
            "experts",
            vars("first", 100, "orderBy", Map.of("field", "REGION", "direction", "DESC")));
    assertThat(byRegion.<String>at("$.data.experts.edges[0].node.region")).isEqualTo("Virginia");
    // paging keeps the order: the second page of NAME order continues the first
    Json p1 = ok("experts", vars("first", 2, "orderBy", Map.of("field", "NAME")));
    Json p2 =
        ok(
            "experts",
            vars(
                "first",
                2,
                "after",
                p1.at("$.data.experts.pageInfo.endCursor"),
                "orderBy",
                Map.of("field", "NAME")));
    assertThat(p2.<List<String>>at("$.data.experts.edges[*].node.name"))
        .containsExactly("Expert 004", "Expert 005");
  }

  @Test
  void graphStatsCountsTheGraph() {
    Json r = ok("graphStats", vars());
    assertThat(r.<Integer>at("$.data.graphStats.experts")).isEqualTo(TestGraph.EXPERTS);
    assertThat(r.<Integer>at("$.data.graphStats.skills")).isEqualTo(7);
    assertThat(r.<Integer>at("$.data.graphStats.courses")).isEqualTo(3);
    assertThat(r.<Integer>at("$.data.graphStats.projects")).isEqualTo(3);
  }

  @Test
  void requestsWithoutValidCredentialsAreRefused() {
    var body = Map.of("query", document("expertPage"));
    web.post()
        .uri("/graphql")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange()
        .expectStatus()
        .isUnauthorized();
    web.post()
        .uri("/graphql")
        .headers(h -> h.setBearerAuth("tg_not-a-real-token"))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange()
        .expectStatus()
        .isUnauthorized();
    web.post()
        .uri("/graphql")
        .headers(h -> h.setBasicAuth("admin", "wrong password"))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange()
        .expectStatus()
        .isUnauthorized();
  }
}
