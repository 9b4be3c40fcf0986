package dev.talentgraph.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No N+1: the number of Cypher round trips of a request (counted by {@link CypherGateway}, reported
 * in {@code extensions.roundTrips}) does not grow with the number of experts on the page.
 */
class RoundTripsIT extends GraphQlIT {

  @Test
  void theExpertPageIsOneStatementWhateverItsSize() {
    Json small = ok("expertPage", vars("first", 2));
    Json large = ok("expertPage", vars("first", 50));
    assertThat(small.<List<Object>>at("$.data.experts.edges")).hasSize(2);
    assertThat(large.<List<Object>>at("$.data.experts.edges")).hasSize(50);
    assertThat(large.<List<Object>>at("$.data.experts.edges[*].node.skills[*].skill.name"))
        .hasSizeGreaterThan(100);
    assertThat(large.<List<Object>>at("$.data.experts.edges[*].node.collaborators[*].name"))
        .hasSizeGreaterThan(90);
    assertThat(small.roundTrips()).isEqualTo(1);
    assertThat(large.roundTrips()).isEqualTo(1);
  }

  @Test
  void deepNestingCostsOneStatementPerBatchedFieldNotPerRow() {
    Json small = ok("deepPage", vars("first", 2));
    Json large = ok("deepPage", vars("first", 50));
    // the nested levels were really resolved (so their loaders ran), for every expert on the page
    assertThat(
            large.<List<Object>>at(
                "$.data.experts.edges[*].node.collaborators[*].skills[*].skill.name"))
        .hasSizeGreaterThan(100);
    assertThat(
            large.<List<Object>>at(
                "$.data.experts.edges[*].node.skills[*].skill.broader[*].narrower[*].name"))
        .isNotEmpty();
    assertThat(
            large.<List<Object>>at(
                "$.data.experts.edges[*].node.projects[*].members[*].expert.teams[*].name"))
        .isNotEmpty();
    assertThat(
            large.<List<Object>>at(
                "$.data.experts.edges[*].node.projects[*].requires[*].skill.name"))
        .isNotEmpty();
    // 1 page statement (with skills, projects, collaborators, publications, teams and totalCount) +
    // one per
    // batched field below it: broader, narrower, Skill.experts, requires, members, members' teams,
    // collaborators' skills, projects and publications: 10. With asynchronous reads one batched
    // field can
    // occasionally be dispatched in two batches (when its parents arrive in two waves), hence at
    // most 11:
    // a fixed bound whatever the page size (one statement per row would cost more than 50 here).
    assertThat(small.roundTrips()).isBetween(10, 11);
    assertThat(large.roundTrips()).isBetween(10, 11);
  }

  @Test
  void aListNotPrefetchedIsLoadedInOneBatchForTheWholeLevel() {
    Json r = ok("collaboratorSkills", vars("first", 50));
    assertThat(r.<List<Object>>at("$.data.experts.edges[*].node.collaborators[*].skills[*].level"))
        .hasSizeGreaterThan(100);
    assertThat(r.roundTrips()).as("page + one batch for all collaborators' skills").isEqualTo(2);
  }

  @Test
  void oneDocumentIsPlannedPerVariableSet() {
    // SelectionPlans keeps the page's projection per document, place and variables: with a plan
    // shared across
    // variables, the second and third requests would miss a list and load it in a second statement
    for (int round = 0; round < 2; round++) {
      Json neither =
          ok("expertPageInclude", vars("first", 5, "withProjects", false, "withSkills", false));
      Json projects =
          ok("expertPageInclude", vars("first", 5, "withProjects", true, "withSkills", false));
      Json both =
          ok("expertPageInclude", vars("first", 5, "withProjects", true, "withSkills", true));
      assertThat(neither.has("$.data.experts.edges[0].node.projects")).isFalse();
      assertThat(projects.<List<Object>>at("$.data.experts.edges[*].node.projects[*].name"))
          .isNotEmpty();
      assertThat(both.<List<Object>>at("$.data.experts.edges[*].node.skills[*].skill.name"))
          .isNotEmpty();
      assertThat(List.of(neither.roundTrips(), projects.roundTrips(), both.roundTrips()))
          .containsOnly(1);
    }
    Json other = ok("expertPage", vars("first", 5));
    assertThat(other.<List<Object>>at("$.data.experts.edges[*].node.collaborators[*].name"))
        .isNotEmpty();
    assertThat(other.roundTrips()).isEqualTo(1);
  }
}
