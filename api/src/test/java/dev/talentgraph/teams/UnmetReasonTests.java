package dev.talentgraph.teams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talentgraph.schema.skills.SkillCredit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How an unmet requirement's reason names what comes closest. */
class UnmetReasonTests {
  private static final Map<String, String> NAMES =
      Map.of("pt-dl", "Deep Learning", "tf-go-web", "Go web services");

  @Test
  void theSkillItselfAtALowerLevelIsNamedAsTheBestHoldersLevel() {
    var best =
        new SkillCredit.Best("pt-dl", new SkillCredit.Link(SkillCredit.Relation.EXACT, 0), 2, 0.40);
    assertThat(TeamService.closest(best, "pt-dl", NAMES))
        .isEqualTo("; the best holder has it at level 2, credit 0.40")
        .doesNotContain("Deep Learning");
  }

  @Test
  void anotherSkillIsNamedAsTheClosestStandIn() {
    var best =
        new SkillCredit.Best(
            "tf-go-web", new SkillCredit.Link(SkillCredit.Relation.NARROWER, 1), 2, 0.35);
    assertThat(TeamService.closest(best, "tf-go", NAMES))
        .isEqualTo(
            "; the closest stand-in is Go web services (tf-go-web; narrower, level 2), credit 0.35");
  }

  @Test
  void nothingRelatedSaysSo() {
    assertThat(TeamService.closest(null, "tf-go", NAMES))
        .isEqualTo(" nor a skill the taxonomy relates to it");
  }
}
