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
    DemoData bad =
        DemoFixtures.with(
            small,
            "hasSkills",
            l -> {
              l.add(new DemoData.HasSkill(Labels.EXPERT, "e0001", "s-cobol", 3, "test", null));
              return l;
            });
    assertThat(DemoValidator.validate(bad))
        .singleElement()
        .asString()
        .contains("skill 's-cobol' does not exist")
        .contains("e0001");
  }

  @Test
  void aLevelOutOfRangeIsNamed() {
    DemoData bad =
        DemoFixtures.with(
            small,
            "requires",
            l -> {
              DemoData.Requires r = (DemoData.Requires) l.get(0);
              l.set(
                  0,
                  new DemoData.Requires(r.ownerLabel(), r.ownerId(), r.skillId(), 9, r.required()));
              return l;
            });
    assertThat(DemoValidator.validate(bad))
        .singleElement()
        .asString()
        .contains("REQUIRES level 9 is outside 1..5");
  }

  @Test
  void aDuplicateIdAndADuplicateRelationshipAreNamed() {
    DemoData dupId =
        DemoFixtures.with(
            small,
            "courses",
            l -> {
              l.add(l.get(0));
              return l;
            });
    assertThat(DemoValidator.validate(dupId)).contains("duplicate Course id c001");
    DemoData dupRel =
        DemoFixtures.with(
            small,
            "workedOn",
            l -> {
              l.add(l.get(0));
              return l;
            });
    DemoData.WorkedOn w = small.workedOn().get(0);
    assertThat(DemoValidator.validate(dupRel))
        .contains("duplicate WORKED_ON " + w.expertId() + "->" + w.projectId());
  }

  @Test
  void aPrerequisiteCycleIsReportedByName() {
    DemoData.Prerequisite p = small.prerequisites().get(0);
    DemoData bad =
        DemoFixtures.with(
            small,
            "prerequisites",
            l -> {
              l.add(new DemoData.Prerequisite(p.courseId(), p.prerequisiteId()));
              return l;
            });
    assertThat(DemoValidator.validate(bad))
        .anySatisfy(
            m ->
                assertThat(m)
                    .startsWith("PREREQUISITE_OF cycle: ")
                    .contains(p.courseId())
                    .contains(p.prerequisiteId()));
  }

  @Test
  void findCycleFindsLongCyclesAndAcceptsDags() {
    assertThat(
            DemoValidator.findCycle(
                Map.of("a", List.of("b"), "b", List.of("c"), "c", List.of("d"))))
        .isNull();
    assertThat(
            DemoValidator.findCycle(
                Map.of("a", List.of("b", "c"), "b", List.of("d"), "c", List.of("d"))))
        .isNull();
    assertThat(
            DemoValidator.findCycle(
                Map.of("a", List.of("b"), "b", List.of("c"), "c", List.of("a"))))
        .matches("([abc]) -> [abc] -> [abc] -> \\1");
  }

  @Test
  void anUnknownStageIsNamed() {
    DemoData bad =
        DemoFixtures.with(
            small,
            "applications",
            l -> {
              DemoData.Application a = (DemoData.Application) l.get(0);
              l.set(
                  0,
                  new DemoData.Application(
                      a.id(),
                      a.applicantLabel(),
                      a.applicantId(),
                      a.openingId(),
                      "ghosted",
                      a.round(),
                      a.appliedAt(),
                      a.updatedAt(),
                      a.closedAt(),
                      a.experienceYears()));
              return l;
            });
    assertThat(DemoValidator.validate(bad))
        .singleElement()
        .asString()
        .contains("unknown application stage 'ghosted'");
  }

  @Test
  void aSkippedStageInTheMoveHistoryIsNamed() {
    // drop the "screened" move of an application that went further: assessment would follow applied
    DemoData.StageChange screened =
        small.stageChanges().stream()
            .filter(m -> "screened".equals(m.to()))
            .filter(
                m ->
                    small.stageChanges().stream()
                        .anyMatch(
                            x ->
                                x.applicationId().equals(m.applicationId())
                                    && "assessment".equals(x.to())))
            .findFirst()
            .orElseThrow();
    DemoData bad =
        DemoFixtures.with(
            small,
            "stageChanges",
            l -> {
              List<DemoData.StageChange> out = new java.util.ArrayList<>();
              for (Object o : l) {
                DemoData.StageChange m = (DemoData.StageChange) o;
                if (m.equals(screened)) {
                  continue;
                }
                boolean after =
                    m.applicationId().equals(screened.applicationId()) && m.seq() > screened.seq();
                out.add(
                    after
                        ? new DemoData.StageChange(
                            m.id(),
                            m.applicationId(),
                            m.seq() - 1,
                            m.seq() == screened.seq() + 1 ? "applied" : m.from(),
                            m.to(),
                            m.round(),
                            m.at(),
                            m.actor(),
                            m.reason())
                        : m);
              }
              return out;
            });
    assertThat(DemoValidator.validate(bad))
        .singleElement()
        .asString()
        .contains("does not follow")
        .contains(screened.applicationId());
  }

  @Test
  void anInterviewerOffTheHiringTeamIsNamed() {
    DemoData.Interview iv = small.interviews().get(0);
    DemoData bad =
        DemoFixtures.with(
            small,
            "interviews",
            l -> {
              l.set(
                  0,
                  new DemoData.Interview(
                      iv.id(),
                      iv.applicationId(),
                      iv.round(),
                      iv.at(),
                      "e0001".equals(iv.interviewerId()) ? "e0002" : "e0001",
                      iv.competencies(),
                      iv.scores(),
                      iv.overall(),
                      iv.recommendation()));
              return l;
            });
    assertThat(DemoValidator.validate(bad))
        .anySatisfy(m -> assertThat(m).contains("is not on the hiring team").contains(iv.id()));
  }

  @Test
  void aClosedOpeningWithoutItsHiresIsNamed() {
    java.util.Set<String> closed =
        small.openings().stream()
            .filter(o -> o.status().equals("closed"))
            .map(DemoData.JobOpening::id)
            .collect(java.util.stream.Collectors.toSet());
    DemoData.Application hired =
        small.applications().stream()
            .filter(a -> a.stage().equals("hired") && closed.contains(a.openingId()))
            .findFirst()
            .orElseThrow();
    DemoData bad =
        DemoFixtures.with(
            small,
            "applications",
            l -> {
              l.remove(hired);
              return l;
            });
    assertThat(DemoValidator.validate(bad))
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains("opening " + hired.openingId() + " (closed")
                    .endsWith(" hires"));
  }
}
