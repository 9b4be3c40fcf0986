package dev.talentgraph.mentoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talentgraph.mentoring.MentorService.Around;
import dev.talentgraph.mentoring.MentorService.TargetSkill;
import dev.talentgraph.schema.skills.SkillCredit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The candidates' read asks each qualifying skill only at the lowest level that can count. */
class QualifyingLevelsTests {

  @Test
  void eachSkillIsAskedAtTheLeastDemandingTargetItStandsInFor() {
    SkillCredit.Taxonomy taxonomy =
        new SkillCredit.Taxonomy()
            .broader("spring", "java")
            .sameAs("scala", "scala-onet")
            .related("kotlin", "java");
    List<TargetSkill> targets =
        List.of(new TargetSkill("java", "Java", 2, 4), new TargetSkill("scala", "Scala", 0, 2));
    Around around =
        new Around(taxonomy, List.of("java", "spring", "kotlin", "scala", "scala-onet", "go"));

    assertThat(MentorService.qualifyingLevels(targets, around))
        .containsExactly(
            Map.of("id", "java", "minLevel", 4),
            Map.of("id", "spring", "minLevel", 4),
            Map.of("id", "kotlin", "minLevel", 4),
            Map.of("id", "scala", "minLevel", 2),
            Map.of("id", "scala-onet", "minLevel", 2));
  }

  @Test
  void aSkillStandingInForTwoTargetsTakesTheLowerLevel() {
    SkillCredit.Taxonomy taxonomy =
        new SkillCredit.Taxonomy().broader("spring", "java").broader("spring", "web");
    List<TargetSkill> targets =
        List.of(new TargetSkill("java", "Java", 1, 5), new TargetSkill("web", "Web", 1, 3));
    Around around = new Around(taxonomy, List.of("java", "web", "spring"));

    assertThat(MentorService.qualifyingLevels(targets, around))
        .contains(Map.of("id", "spring", "minLevel", 3));
  }
}
