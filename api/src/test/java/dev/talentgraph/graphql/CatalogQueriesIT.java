package dev.talentgraph.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@code skill}/{@code skills}, {@code course}/{@code courses}, {@code project}/{@code projects}.
 */
class CatalogQueriesIT extends GraphQlIT {

  @Nested
  class Skills {
    @Test
    void skillWithHierarchyAndExperts() {
      Json r = ok("skill", vars("id", "s-java"));
      assertThat(r.<String>at("$.data.skill.name")).isEqualTo("Java");
      assertThat(r.<String>at("$.data.skill.category")).isEqualTo("engineering");
      assertThat(r.<List<String>>at("$.data.skill.aliases")).containsExactly("JVM Java");
      assertThat(r.<List<String>>at("$.data.skill.broader[*].id")).containsExactly("s-se");
      assertThat(r.<List<String>>at("$.data.skill.narrower[*].id")).containsExactly("s-spring");
      // Ada, Grace and the 57 generated experts have Java
      assertThat(r.<List<String>>at("$.data.skill.experts.edges[*].node.expert.id"))
          .hasSize(59)
          .contains("e001", "e003");
      assertThat(
              r.<List<Integer>>at(
                  "$.data.skill.experts.edges[?(@.node.expert.id == 'e001')].node.level"))
          .containsExactly(5);
      assertThat(
              r.<List<String>>at(
                  "$.data.skill.experts.edges[?(@.node.expert.id == 'e001')].node.evidence"))
          .containsExactly("wrote the first program");
      assertThat(r.<Integer>at("$.data.skill.experts.totalCount")).isEqualTo(59);
      assertThat(r.<Boolean>at("$.data.skill.experts.pageInfo.hasNextPage")).isFalse();
      assertThat(r.roundTrips()).isEqualTo(1);
      assertThat(ok("skill", vars("id", "s-nope")).<Object>at("$.data.skill")).isNull();
    }

    @Test
    void skillExpertsArePagedHighestLevelFirstAndFilteredByLevel() {
      Json all = ok("skill", vars("id", "s-java"));
      List<Integer> levels = all.at("$.data.skill.experts.edges[*].node.level");
      assertThat(levels).isSortedAccordingTo(java.util.Comparator.reverseOrder());
      List<String> ids = all.at("$.data.skill.experts.edges[*].node.expert.id");

      Json first = ok("skill", vars("id", "s-java", "first", 10));
      assertThat(first.<List<String>>at("$.data.skill.experts.edges[*].node.expert.id"))
          .isEqualTo(ids.subList(0, 10));
      assertThat(first.<Integer>at("$.data.skill.experts.totalCount")).isEqualTo(59);
      assertThat(first.<Boolean>at("$.data.skill.experts.pageInfo.hasNextPage")).isTrue();
      String cursor = first.at("$.data.skill.experts.pageInfo.endCursor");
      Json second = ok("skill", vars("id", "s-java", "first", 10, "after", cursor));
      assertThat(second.<List<String>>at("$.data.skill.experts.edges[*].node.expert.id"))
          .isEqualTo(ids.subList(10, 20));
      assertThat(second.<Boolean>at("$.data.skill.experts.pageInfo.hasPreviousPage")).isTrue();

      Json strong = ok("skill", vars("id", "s-java", "minLevel", 4));
      List<Integer> strongLevels = strong.at("$.data.skill.experts.edges[*].node.level");
      assertThat(strongLevels).isNotEmpty().allMatch(l -> l >= 4);
      assertThat(strongLevels)
          .hasSize((int) levels.stream().filter(l -> l >= 4).count())
          .hasSizeLessThan(59);
      assertThat(strong.<Integer>at("$.data.skill.experts.totalCount"))
          .isEqualTo(strongLevels.size());
    }

    @Test
    void filters() {
      assertThat(
              ok("skills", vars("where", Map.of("nameContains", "LEARN")))
                  .<List<String>>at("$.data.skills.edges[*].node.id"))
          .containsExactly("s-dl", "s-ml");
      assertThat(
              ok("skills", vars("where", Map.of("nameContains", "neo")))
                  .<List<String>>at("$.data.skills.edges[*].node.id"))
          .as("alias")
          .containsExactly("s-graph");
      assertThat(
              ok("skills", vars("where", Map.of("category", "data")))
                  .<Integer>at("$.data.skills.totalCount"))
          .isEqualTo(3);
      assertThat(
              ok("skills", vars("where", Map.of("broader", "s-se")))
                  .<List<String>>at("$.data.skills.edges[*].node.id"))
          .as("all levels below")
          .containsExactly("s-java", "s-python", "s-spring");
    }

    @Test
    void orderAndPaging() {
      Json all = ok("skills", vars());
      assertThat(all.<Integer>at("$.data.skills.totalCount")).isEqualTo(7);
      assertThat(
              ok("skills", vars("orderBy", Map.of("field", "NAME")))
                  .<List<String>>at("$.data.skills.edges[*].node.name"))
          .containsExactly(
              "Deep Learning",
              "Graph Databases",
              "Java",
              "Machine Learning",
              "Python",
              "Software Engineering",
              "Spring");
      assertThat(
              ok(
                      "skills",
                      vars("first", 1, "orderBy", Map.of("field", "CATEGORY", "direction", "DESC")))
                  .<List<String>>at("$.data.skills.edges[*].node.category"))
          .containsExactly("engineering");
      Json p1 = ok("skills", vars("first", 4));
      assertThat(p1.<Boolean>at("$.data.skills.pageInfo.hasNextPage")).isTrue();
      Json p2 = ok("skills", vars("first", 4, "after", p1.at("$.data.skills.pageInfo.endCursor")));
      assertThat(p2.<List<String>>at("$.data.skills.edges[*].node.id")).hasSize(3);
      assertThat(p2.<Boolean>at("$.data.skills.pageInfo.hasNextPage")).isFalse();
      assertThat(run("skills", vars("first", 500)).<String>at("$.errors[0].extensions.argument"))
          .isEqualTo("first");
    }
  }

  @Nested
  class Courses {
    @Test
    void courseWithTaughtSkills() {
      Json r = ok("course", vars("id", "c2"));
      assertThat(r.<String>at("$.data.course.title")).isEqualTo("Deep Learning Intro");
      assertThat(r.<Double>at("$.data.course.hours")).isEqualTo(24.5);
      assertThat(r.<List<String>>at("$.data.course.teaches[*].skill.id"))
          .containsExactlyInAnyOrder("s-dl", "s-ml");
      assertThat(r.<List<Integer>>at("$.data.course.teaches[?(@.skill.id == 's-dl')].level"))
          .containsExactly(3);
      assertThat(
              r.<List<String>>at(
                  "$.data.course.teaches[?(@.skill.id == 's-dl')].skill.broader[*].id"))
          .containsExactly("s-ml");
      assertThat(ok("course", vars("id", "c-nope")).<Object>at("$.data.course")).isNull();
    }

    @Test
    void filtersOrderAndPaging() {
      assertThat(
              ok("courses", vars("where", Map.of("teaches", Map.of("id", "s-java"))))
                  .<List<String>>at("$.data.courses.edges[*].node.id"))
          .containsExactly("c1");
      assertThat(
              ok(
                      "courses",
                      vars(
                          "where",
                          Map.of("teaches", Map.of("name", "deep learning", "minLevel", 3))))
                  .<List<String>>at("$.data.courses.edges[*].node.id"))
          .containsExactly("c2");
      assertThat(
              ok(
                      "courses",
                      vars(
                          "where",
                          Map.of("teaches", Map.of("name", "deep learning", "minLevel", 4))))
                  .<Integer>at("$.data.courses.totalCount"))
          .isZero();
      assertThat(
              ok("courses", vars("where", Map.of("titleContains", "SPRING")))
                  .<List<String>>at("$.data.courses.edges[*].node.id"))
          .containsExactly("c3");
      assertThat(
              ok("courses", vars("orderBy", Map.of("field", "HOURS", "direction", "DESC")))
                  .<List<String>>at("$.data.courses.edges[*].node.id"))
          .containsExactly("c2", "c3", "c1");
      assertThat(
              ok("courses", vars("orderBy", Map.of("field", "TITLE")))
                  .<List<String>>at("$.data.courses.edges[*].node.id"))
          .containsExactly("c2", "c1", "c3");
      Json p1 = ok("courses", vars("first", 2));
      Json p2 =
          ok("courses", vars("first", 2, "after", p1.at("$.data.courses.pageInfo.endCursor")));
      assertThat(p2.<List<String>>at("$.data.courses.edges[*].node.id")).containsExactly("c3");
      assertThat(
              run("courses", vars("where", Map.of("teaches", Map.of("minLevel", 2))))
                  .<String>at("$.errors[0].extensions.argument"))
          .isEqualTo("where.teaches");
    }
  }

  @Nested
  class Projects {
    @Test
    void projectWithRequirementsAndMembers() {
      Json r = ok("project", vars("id", "p1"));
      assertThat(r.<String>at("$.data.project.name")).isEqualTo("Apollo Platform");
      assertThat(r.<String>at("$.data.project.status")).isEqualTo("active");
      assertThat(r.<List<Boolean>>at("$.data.project.requires[?(@.skill.id == 's-java')].required"))
          .containsExactly(true);
      assertThat(r.<List<Integer>>at("$.data.project.requires[?(@.skill.id == 's-java')].level"))
          .containsExactly(4);
      assertThat(
              r.<List<Boolean>>at("$.data.project.requires[?(@.skill.id == 's-spring')].required"))
          .containsExactly(false);
      // Ada (lead), Grace and the generated experts with i % 3 == 0 (6, 9, ..., 60)
      assertThat(r.<List<String>>at("$.data.project.members[*].expert.id"))
          .hasSize(21)
          .contains("e001", "e003", "e006");
      assertThat(r.<List<String>>at("$.data.project.members[?(@.expert.id == 'e001')].role"))
          .containsExactly("lead");
      assertThat(r.<List<String>>at("$.data.project.members[?(@.expert.id == 'e001')].from"))
          .containsExactly("2020-01-01");
      assertThat(
              r.<List<String>>at(
                  "$.data.project.members[?(@.expert.id == 'e001')].expert.skills[*].skill.id"))
          .containsExactlyInAnyOrder("s-java", "s-spring", "s-graph");
      assertThat(r.roundTrips())
          .as("project with lists, then one batch for the members' skills")
          .isEqualTo(2);
      assertThat(ok("project", vars("id", "p-nope")).<Object>at("$.data.project")).isNull();
    }

    @Test
    void filtersOrderAndPaging() {
      assertThat(
              ok("projects", vars("where", Map.of("status", "active")))
                  .<List<String>>at("$.data.projects.edges[*].node.id"))
          .containsExactly("p1", "p3");
      assertThat(
              ok("projects", vars("where", Map.of("requiresSkill", Map.of("name", "PYTHON"))))
                  .<List<String>>at("$.data.projects.edges[*].node.id"))
          .containsExactly("p3");
      assertThat(
              ok("projects", vars("where", Map.of("member", "e002")))
                  .<List<String>>at("$.data.projects.edges[*].node.id"))
          .containsExactly("p2");
      assertThat(
              ok("projects", vars("where", Map.of("nameContains", "apollo")))
                  .<List<String>>at("$.data.projects.edges[*].node.id"))
          .containsExactly("p1");
      assertThat(
              ok("projects", vars("orderBy", Map.of("field", "NAME", "direction", "DESC")))
                  .<List<String>>at("$.data.projects.edges[*].node.id"))
          .containsExactly("p3", "p2", "p1");
      assertThat(
              ok("projects", vars("orderBy", Map.of("field", "STATUS", "direction", "DESC")))
                  .<String>at("$.data.projects.edges[0].node.id"))
          .isEqualTo("p2");
      Json p1 = ok("projects", vars("first", 1));
      assertThat(p1.<Integer>at("$.data.projects.totalCount")).isEqualTo(3);
      Json p2 =
          ok("projects", vars("first", 5, "after", p1.at("$.data.projects.pageInfo.endCursor")));
      assertThat(p2.<List<String>>at("$.data.projects.edges[*].node.id"))
          .containsExactly("p2", "p3");
      assertThat(p2.<List<String>>at("$.data.projects.edges[*].node.members[*].expert.id"))
          .contains("e002");
    }
  }
}
