package dev.talentgraph.importers.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talentgraph.schema.Labels;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each planted fault is found and named; the untouched small demo is clean. */
class DemoValidatorTests {
  static DemoData small;

  @BeforeAll
  static void generate() {
    small = DemoFixtures.small();
  }

  @Test
  void theSmallDemoIsClean() {
    assertThat(DemoValidator.validate(small)).isEmpty();
  }

  @Test
  void aSkillThatDoesNotExistIsNamed() {
    DemoData bad = DemoFixtures.with(small, "hasSkills", l -> {
      l.add(new DemoData.HasSkill(Labels.EXPERT, "e0001", "s-cobol", 3, "test", null));
      return l;
    });
    assertThat(DemoValidator.validate(bad)).singleElement().asString()
        .contains("skill 's-cobol' does not exist").contains("e0001");
  }

  @Test
  void aLevelOutOfRangeIsNamed() {
    DemoData bad = DemoFixtures.with(small, "requires", l -> {
      DemoData.Requires r = (DemoData.Requires) l.get(0);
      l.set(0, new DemoData.Requires(r.ownerLabel(), r.ownerId(), r.skillId(), 9, r.required()));
      return l;
    });
    assertThat(DemoValidator.validate(bad)).singleElement().asString().contains("REQUIRES level 9 is outside 1..5");
  }

  @Test
  void aDuplicateIdAndADuplicateRelationshipAreNamed() {
    DemoData dupId = DemoFixtures.with(small, "courses", l -> {
      l.add(l.get(0));
      return l;
    });
    assertThat(DemoValidator.validate(dupId)).contains("duplicate Course id c001");
    DemoData dupRel = DemoFixtures.with(small, "workedOn", l -> {
      l.add(l.get(0));
      return l;
    });
    DemoData.WorkedOn w = small.workedOn().get(0);
    assertThat(DemoValidator.validate(dupRel)).contains("duplicate WORKED_ON " + w.expertId() + "->" + w.projectId());
  }

  @Test
  void aPrerequisiteCycleIsReportedByName() {
    DemoData.Prerequisite p = small.prerequisites().get(0);
    DemoData bad = DemoFixtures.with(small, "prerequisites", l -> {
      l.add(new DemoData.Prerequisite(p.courseId(), p.prerequisiteId()));
      return l;
    });
    assertThat(DemoValidator.validate(bad)).anySatisfy(m -> assertThat(m)
        .startsWith("PREREQUISITE_OF cycle: ").contains(p.courseId()).contains(p.prerequisiteId()));
  }

  @Test
  void findCycleFindsLongCyclesAndAcceptsDags() {
    assertThat(DemoValidator.findCycle(Map.of("a", List.of("b"), "b", List.of("c"), "c", List.of("d")))).isNull();
    assertThat(DemoValidator.findCycle(Map.of("a", List.of("b", "c"), "b", List.of("d"), "c", List.of("d")))).isNull();
    assertThat(DemoValidator.findCycle(Map.of("a", List.of("b"), "b", List.of("c"), "c", List.of("a"))))
        .matches("([abc]) -> [abc] -> [abc] -> \\1");
  }

  @Test
  void anUnknownStageIsNamed() {
    DemoData bad = DemoFixtures.with(small, "applications", l -> {
      DemoData.Application a = (DemoData.Application) l.get(0);
      l.set(0, new DemoData.Application(a.id(), a.applicantLabel(), a.applicantId(), a.openingId(), "ghosted",
          a.appliedAt(), a.updatedAt()));
      return l;
    });
    assertThat(DemoValidator.validate(bad)).singleElement().asString().contains("unknown application stage 'ghosted'");
  }
}
