package dev.talentgraph.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every mutation succeeds on valid input, and every kind of invalid input comes back as a typed
 * error naming the field, with the graph exactly as it was before (compared with {@link
 * TestGraph#snapshot}). Nodes made here have ids starting with {@code m-} and are removed after
 * each test.
 */
class MutationsIT extends GraphQlIT {

  @AfterEach
  void removeWhatTheTestMade() {
    try (var s = driver.session()) {
      s.run("MATCH (n) WHERE n.id STARTS WITH 'm-' DETACH DELETE n").consume();
    }
  }

  /**
   * Runs a mutation that must fail with {@code code} on {@code field}; the graph must be unchanged.
   */
  private Json refused(String mutation, Map<String, Object> input, String field, String code) {
    List<String> before = TestGraph.snapshot(driver);
    Json r = ok(mutation, vars("input", input));
    assertThat(r.<List<String>>at("$.data." + mutation + ".errors[*].field"))
        .as(r.body())
        .contains(field);
    assertThat(
            r.<List<String>>at(
                "$.data." + mutation + ".errors[?(@.field == '" + field + "')].code"))
        .containsExactly(code);
    assertThat(
            r.<List<String>>at(
                "$.data." + mutation + ".errors[?(@.field == '" + field + "')].message"))
        .allSatisfy(m -> assertThat(m).isNotBlank());
    assertThat(TestGraph.snapshot(driver)).as("nothing written").isEqualTo(before);
    return r;
  }

  /**
   * A date that is not an RFC 3339 full-date: refused by the {@code Date} scalar before anything
   * runs.
   */
  private void badDate(String mutation, Map<String, Object> input, String value) {
    List<String> before = TestGraph.snapshot(driver);
    Json r = run(mutation, vars("input", input));
    assertThat(r.<String>at("$.errors[0].extensions.classification"))
        .as(r.body())
        .isEqualTo("ValidationError");
    assertThat(r.<String>at("$.errors[0].message")).contains("RFC3339 full date").contains(value);
    assertThat(r.has("$.data." + mutation)).isFalse();
    assertThat(TestGraph.snapshot(driver)).as("nothing written").isEqualTo(before);
  }

  private Json succeeded(String mutation, Map<String, Object> input) {
    Json r = ok(mutation, vars("input", input));
    assertThat(r.<List<Object>>at("$.data." + mutation + ".errors")).as(r.body()).isEmpty();
    return r;
  }

  @Nested
  class Experts {
    @Test
    void createUpdateDelete() {
      Json created =
          succeeded("createExpert", Map.of("id", "m-e1", "name", " Marie Curie ", "country", "FR"));
      assertThat(created.<String>at("$.data.createExpert.expert.name")).isEqualTo("Marie Curie");
      assertThat(created.<List<Object>>at("$.data.createExpert.expert.skills")).isEmpty();
      assertThat(ok("expertScalars", vars("id", "m-e1")).<String>at("$.data.expert.country"))
          .isEqualTo("FR");

      Json updated =
          succeeded("updateExpert", Map.of("id", "m-e1", "title", "Chemist", "region", "Paris"));
      assertThat(updated.<String>at("$.data.updateExpert.expert.title")).isEqualTo("Chemist");
      assertThat(updated.<String>at("$.data.updateExpert.expert.country"))
          .as("left out = unchanged")
          .isEqualTo("FR");
      assertThat(updated.<String>at("$.data.updateExpert.expert.name")).isEqualTo("Marie Curie");

      assertThat(
              succeeded("deleteExpert", Map.of("id", "m-e1"))
                  .<String>at("$.data.deleteExpert.deletedId"))
          .isEqualTo("m-e1");
      assertThat(ok("expertScalars", vars("id", "m-e1")).<Object>at("$.data.expert")).isNull();
    }

    @Test
    void typedErrors() {
      refused("createExpert", Map.of("id", "m-e2", "name", "  "), "name", "REQUIRED");
      refused("createExpert", Map.of("id", "", "name", "Nobody"), "id", "REQUIRED");
      refused("createExpert", Map.of("id", "e001", "name", "Ada Again"), "id", "DUPLICATE");
      refused("createExpert", Map.of("id", "m-e2", "name", "x".repeat(301)), "name", "INVALID");
      refused("updateExpert", Map.of("id", "m-nobody", "name", "Ghost"), "id", "NOT_FOUND");
      refused("updateExpert", Map.of("id", "e001", "name", ""), "name", "REQUIRED");
      refused("deleteExpert", Map.of("id", "m-nobody"), "id", "NOT_FOUND");
      assertThat(ok("expertScalars", vars("id", "e001")).<String>at("$.data.expert.name"))
          .isEqualTo("Ada Lovelace");
    }

    @Test
    void setChangeAndRemoveASkill() {
      succeeded("createExpert", Map.of("id", "m-e3", "name", "Lise Meitner"));
      Json set =
          succeeded(
              "setExpertSkill",
              Map.of(
                  "expertId",
                  "m-e3",
                  "skillId",
                  "s-java",
                  "level",
                  4,
                  "evidence",
                  "certificate",
                  "since",
                  "2023-05-01"));
      assertThat(set.<Integer>at("$.data.setExpertSkill.expertSkill.level")).isEqualTo(4);
      assertThat(set.<String>at("$.data.setExpertSkill.expertSkill.evidence"))
          .isEqualTo("certificate");
      assertThat(set.<String>at("$.data.setExpertSkill.expertSkill.source")).isEqualTo("api");
      assertThat(set.<String>at("$.data.setExpertSkill.expertSkill.since")).isEqualTo("2023-05-01");
      assertThat(set.<String>at("$.data.setExpertSkill.expertSkill.skill.name")).isEqualTo("Java");

      Json again =
          succeeded("setExpertSkill", Map.of("expertId", "m-e3", "skillId", "s-java", "level", 2));
      assertThat(again.<List<Integer>>at("$.data.setExpertSkill.expert.skills[*].level"))
          .as("one relationship, changed")
          .containsExactly(2);
      assertThat(again.<String>at("$.data.setExpertSkill.expertSkill.since"))
          .as("kept")
          .isEqualTo("2023-05-01");

      Json removed =
          succeeded("removeExpertSkill", Map.of("expertId", "m-e3", "skillId", "s-java"));
      assertThat(removed.<List<Object>>at("$.data.removeExpertSkill.expert.skills")).isEmpty();
      refused(
          "removeExpertSkill",
          Map.of("expertId", "m-e3", "skillId", "s-java"),
          "skillId",
          "NOT_FOUND");
    }

    @Test
    void skillTypedErrors() {
      Json r =
          refused(
              "setExpertSkill",
              Map.of("expertId", "e001", "skillId", "s-python", "level", 9),
              "level",
              "OUT_OF_RANGE");
      assertThat(r.<String>at("$.data.setExpertSkill.errors[0].message"))
          .contains("between 1 and 5")
          .contains("9");
      assertThat(r.<Object>at("$.data.setExpertSkill.expertSkill")).isNull();
      refused(
          "setExpertSkill",
          Map.of("expertId", "e001", "skillId", "s-java", "level", 0),
          "level",
          "OUT_OF_RANGE");
      refused(
          "setExpertSkill",
          Map.of("expertId", "m-nobody", "skillId", "s-java", "level", 3),
          "expertId",
          "NOT_FOUND");
      refused(
          "setExpertSkill",
          Map.of("expertId", "e001", "skillId", "s-nope", "level", 3),
          "skillId",
          "NOT_FOUND");
      badDate(
          "setExpertSkill",
          Map.of("expertId", "e001", "skillId", "s-java", "level", 3, "since", "last year"),
          "last year");
      refused(
          "removeExpertSkill",
          Map.of("expertId", "e001", "skillId", "s-nope"),
          "skillId",
          "NOT_FOUND");
      refused(
          "removeExpertSkill",
          Map.of("expertId", "m-nobody", "skillId", "s-java"),
          "expertId",
          "NOT_FOUND");
    }
  }

  @Nested
  class Skills {
    @Test
    void createUpdateDelete() {
      Json created =
          succeeded(
              "createSkill",
              Map.of(
                  "id",
                  "m-s1",
                  "name",
                  "Kotlin",
                  "category",
                  "engineering",
                  "aliases",
                  List.of("kt"),
                  "broaderIds",
                  List.of("s-se")));
      assertThat(created.<List<String>>at("$.data.createSkill.skill.broader[*].id"))
          .containsExactly("s-se");
      assertThat(created.<List<String>>at("$.data.createSkill.skill.aliases"))
          .containsExactly("kt");
      Json updated =
          succeeded(
              "updateSkill",
              Map.of("id", "m-s1", "name", "Kotlin Language", "broaderIds", List.of("s-java")));
      assertThat(updated.<String>at("$.data.updateSkill.skill.name")).isEqualTo("Kotlin Language");
      assertThat(updated.<List<String>>at("$.data.updateSkill.skill.broader[*].id"))
          .as("replaced")
          .containsExactly("s-java");
      assertThat(updated.<String>at("$.data.updateSkill.skill.category")).isEqualTo("engineering");
      assertThat(
              succeeded("deleteSkill", Map.of("id", "m-s1"))
                  .<String>at("$.data.deleteSkill.deletedId"))
          .isEqualTo("m-s1");
    }

    @Test
    void typedErrors() {
      refused("createSkill", Map.of("id", "s-java", "name", "Java Again"), "id", "DUPLICATE");
      refused("createSkill", Map.of("id", "m-s2", "name", ""), "name", "REQUIRED");
      refused(
          "createSkill",
          Map.of("id", "m-s2", "name", "Zig", "broaderIds", List.of("s-se", "s-nope")),
          "broaderIds[1]",
          "NOT_FOUND");
      refused(
          "createSkill",
          Map.of("id", "m-s2", "name", "Zig", "aliases", List.of("zig", " ")),
          "aliases[1]",
          "REQUIRED");
      refused(
          "updateSkill",
          Map.of("id", "s-se", "broaderIds", List.of("s-spring")),
          "broaderIds[0]",
          "INVALID");
      refused(
          "updateSkill",
          Map.of("id", "s-java", "broaderIds", List.of("s-java")),
          "broaderIds[0]",
          "INVALID");
      refused("updateSkill", Map.of("id", "m-nope", "name", "X"), "id", "NOT_FOUND");
      refused("deleteSkill", Map.of("id", "m-nope"), "id", "NOT_FOUND");
    }
  }

  @Nested
  class Courses {
    @Test
    void createUpdateDelete() {
      Json created =
          succeeded(
              "createCourse",
              Map.of(
                  "id",
                  "m-c1",
                  "title",
                  "Graphs 101",
                  "hours",
                  6,
                  "teaches",
                  List.of(Map.of("skillId", "s-graph", "level", 2))));
      assertThat(created.<Double>at("$.data.createCourse.course.hours")).isEqualTo(6.0);
      assertThat(created.<List<String>>at("$.data.createCourse.course.teaches[*].skill.id"))
          .containsExactly("s-graph");
      Json updated =
          succeeded(
              "updateCourse",
              Map.of(
                  "id",
                  "m-c1",
                  "teaches",
                  List.of(Map.of("skillId", "s-java", "level", 3), Map.of("skillId", "s-spring"))));
      assertThat(updated.<List<String>>at("$.data.updateCourse.course.teaches[*].skill.id"))
          .containsExactlyInAnyOrder("s-java", "s-spring");
      assertThat(updated.<String>at("$.data.updateCourse.course.title")).isEqualTo("Graphs 101");
      assertThat(
              succeeded("deleteCourse", Map.of("id", "m-c1"))
                  .<String>at("$.data.deleteCourse.deletedId"))
          .isEqualTo("m-c1");
    }

    @Test
    void typedErrors() {
      refused("createCourse", Map.of("id", "c1", "title", "Again"), "id", "DUPLICATE");
      refused("createCourse", Map.of("id", "m-c2", "title", " "), "title", "REQUIRED");
      refused(
          "createCourse",
          Map.of(
              "id",
              "m-c2",
              "title",
              "T",
              "teaches",
              List.of(Map.of("skillId", "s-java", "level", 9))),
          "teaches[0].level",
          "OUT_OF_RANGE");
      refused(
          "createCourse",
          Map.of(
              "id",
              "m-c2",
              "title",
              "T",
              "teaches",
              List.of(Map.of("skillId", "s-java"), Map.of("skillId", "s-nope"))),
          "teaches[1].skillId",
          "NOT_FOUND");
      refused("createCourse", Map.of("id", "m-c2", "title", "T", "hours", -3), "hours", "INVALID");
      refused("updateCourse", Map.of("id", "m-nope", "title", "T"), "id", "NOT_FOUND");
      refused(
          "updateCourse",
          Map.of("id", "c1", "teaches", List.of(Map.of("skillId", "s-nope"))),
          "teaches[0].skillId",
          "NOT_FOUND");
      refused("deleteCourse", Map.of("id", "m-nope"), "id", "NOT_FOUND");
    }
  }

  @Nested
  class Projects {
    @Test
    void createUpdateAddMemberDelete() {
      Json created =
          succeeded(
              "createProject",
              Map.of(
                  "id",
                  "m-p1",
                  "name",
                  "Zephyr",
                  "status",
                  "planned",
                  "requires",
                  List.of(
                      Map.of("skillId", "s-ml", "level", 3),
                      Map.of("skillId", "s-python", "required", false))));
      assertThat(
              created.<List<Boolean>>at(
                  "$.data.createProject.project.requires[?(@.skill.id == 's-ml')].required"))
          .containsExactly(true);
      assertThat(
              created.<List<Boolean>>at(
                  "$.data.createProject.project.requires[?(@.skill.id == 's-python')].required"))
          .containsExactly(false);
      Json updated = succeeded("updateProject", Map.of("id", "m-p1", "status", "active"));
      assertThat(updated.<String>at("$.data.updateProject.project.status")).isEqualTo("active");
      assertThat(updated.<List<Object>>at("$.data.updateProject.project.requires"))
          .as("left out = unchanged")
          .hasSize(2);

      Json added =
          succeeded(
              "addExpertToProject",
              Map.of(
                  "expertId",
                  "e001",
                  "projectId",
                  "m-p1",
                  "role",
                  "reviewer",
                  "from",
                  "2024-01-01",
                  "to",
                  "2024-06-30"));
      assertThat(added.<String>at("$.data.addExpertToProject.member.role")).isEqualTo("reviewer");
      assertThat(added.<String>at("$.data.addExpertToProject.member.from")).isEqualTo("2024-01-01");
      assertThat(added.<String>at("$.data.addExpertToProject.member.expert.name"))
          .isEqualTo("Ada Lovelace");
      Json again =
          succeeded(
              "addExpertToProject",
              Map.of("expertId", "e001", "projectId", "m-p1", "role", "lead"));
      assertThat(again.<List<String>>at("$.data.addExpertToProject.project.members[*].role"))
          .as("one membership")
          .containsExactly("lead");
      assertThat(ok("expert", vars("id", "e001")).<List<String>>at("$.data.expert.projects[*].id"))
          .contains("m-p1");

      assertThat(
              succeeded("deleteProject", Map.of("id", "m-p1"))
                  .<String>at("$.data.deleteProject.deletedId"))
          .isEqualTo("m-p1");
      assertThat(ok("expert", vars("id", "e001")).<List<String>>at("$.data.expert.projects[*].id"))
          .containsExactlyInAnyOrder("p1", "p2");
    }

    @Test
    void typedErrors() {
      refused("createProject", Map.of("id", "p1", "name", "Again"), "id", "DUPLICATE");
      refused("createProject", Map.of("id", "m-p2", "name", ""), "name", "REQUIRED");
      refused(
          "createProject",
          Map.of("id", "m-p2", "name", "N", "requires", List.of(Map.of("skillId", "s-nope"))),
          "requires[0].skillId",
          "NOT_FOUND");
      refused(
          "createProject",
          Map.of(
              "id",
              "m-p2",
              "name",
              "N",
              "requires",
              List.of(Map.of("skillId", "s-ml", "level", 6))),
          "requires[0].level",
          "OUT_OF_RANGE");
      refused("updateProject", Map.of("id", "m-nope", "name", "N"), "id", "NOT_FOUND");
      refused("deleteProject", Map.of("id", "m-nope"), "id", "NOT_FOUND");
      refused(
          "addExpertToProject",
          Map.of("expertId", "e001", "projectId", "m-nope"),
          "projectId",
          "NOT_FOUND");
      refused(
          "addExpertToProject",
          Map.of("expertId", "m-nobody", "projectId", "p1"),
          "expertId",
          "NOT_FOUND");
      refused(
          "addExpertToProject",
          Map.of("expertId", "e001", "projectId", "p3", "from", "2024-05-01", "to", "2023-01-01"),
          "to",
          "INVALID");
      badDate(
          "addExpertToProject",
          Map.of("expertId", "e001", "projectId", "p3", "from", "May 2024"),
          "May 2024");
    }
  }
}
