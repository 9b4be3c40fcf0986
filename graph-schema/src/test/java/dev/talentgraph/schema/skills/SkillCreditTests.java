package dev.talentgraph.schema.skills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.talentgraph.schema.skills.SkillCredit.Link;
import dev.talentgraph.schema.skills.SkillCredit.Relation;
import dev.talentgraph.schema.skills.SkillCredit.Taxonomy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SkillCreditTests {
  /**
   * programming > se > java > spring > spring-boot > spring-data; se > go, python; kotlin related
   * to java; onet-java same as java; group g > sql, nosql.
   */
  static Taxonomy taxonomy() {
    return new Taxonomy()
        .broader("se", "programming")
        .broader("java", "se")
        .broader("spring", "java")
        .broader("spring-boot", "spring")
        .broader("spring-data", "spring-boot")
        .broader("go", "se")
        .broader("python", "se")
        .related("kotlin", "java")
        .sameAs("onet-java", "java")
        .broader("sql", "g")
        .broader("nosql", "g")
        .group("g");
  }

  @Test
  void everyRelationIsFoundWithItsDepth() {
    Taxonomy t = taxonomy();
    assertThat(t.relation("java", "java")).isEqualTo(new Link(Relation.EXACT, 0));
    assertThat(t.relation("java", "onet-java")).isEqualTo(new Link(Relation.SAME_AS, 1));
    assertThat(t.relation("onet-java", "java")).isEqualTo(new Link(Relation.SAME_AS, 1));
    assertThat(t.relation("java", "spring")).isEqualTo(new Link(Relation.NARROWER, 1));
    assertThat(t.relation("java", "spring-boot")).isEqualTo(new Link(Relation.NARROWER, 2));
    assertThat(t.relation("java", "kotlin")).isEqualTo(new Link(Relation.RELATED, 1));
    assertThat(t.relation("kotlin", "java")).isEqualTo(new Link(Relation.RELATED, 1));
    assertThat(t.relation("java", "go")).isEqualTo(new Link(Relation.SIBLING, 1));
    assertThat(t.relation("java", "se")).isEqualTo(new Link(Relation.BROADER, 1));
  }

  @Test
  void beyondTheDepthsAndUnderASkillGroupNothingCounts() {
    Taxonomy t = taxonomy();
    // three steps down, two steps up: too loose
    assertThat(t.relation("java", "spring-data")).isNull();
    assertThat(t.relation("java", "programming")).isNull();
    // sql and nosql share only a skill group
    assertThat(t.relation("sql", "nosql")).isNull();
    assertThat(t.relation("java", "sql")).isNull();
  }

  @Test
  void weightsFollowTheRelationAndTheDepth() {
    assertThat(SkillCredit.weight(Relation.EXACT, 0)).isEqualTo(1.0);
    assertThat(SkillCredit.weight(Relation.SAME_AS, 1)).isEqualTo(1.0);
    assertThat(SkillCredit.weight(Relation.NARROWER, 1)).isEqualTo(0.5);
    assertThat(SkillCredit.weight(Relation.NARROWER, 2)).isEqualTo(0.25);
    assertThat(SkillCredit.weight(Relation.NARROWER, SkillCredit.MAX_DEPTH + 1)).isZero();
    assertThat(SkillCredit.weight(Relation.RELATED, 1)).isEqualTo(0.5);
    assertThat(SkillCredit.weight(Relation.SIBLING, 1)).isEqualTo(0.3);
    assertThat(SkillCredit.weight(Relation.BROADER, 1)).isEqualTo(0.25);
    assertThat(SkillCredit.weight(Relation.BROADER, 2)).isZero();
    // the order of the relations is the order of their strength
    double previous = Double.MAX_VALUE;
    for (Relation r : Relation.values()) {
      double w = SkillCredit.weight(r, 1);
      assertThat(w).as(r.name()).isLessThanOrEqualTo(previous);
      previous = w;
    }
  }

  @Test
  void creditIsTheWeightTimesTheCappedLevelRatioAndTheGapItsComplementInLevels() {
    Link narrower = new Link(Relation.NARROWER, 1);
    assertThat(SkillCredit.credit(new Link(Relation.EXACT, 0), 5, 3)).isEqualTo(1.0);
    assertThat(SkillCredit.credit(new Link(Relation.EXACT, 0), 2, 4)).isEqualTo(0.5);
    // a stand-in never gives more than its weight, however high its level
    assertThat(SkillCredit.credit(narrower, 5, 2)).isEqualTo(0.5);
    assertThat(SkillCredit.credit(narrower, 2, 4)).isEqualTo(0.25);
    assertThat(SkillCredit.credit(null, 5, 2)).isZero();
    assertThat(SkillCredit.credit(narrower, 0, 2)).isZero();
    assertThat(SkillCredit.gap(0.5, 4)).isEqualTo(2.0);
    assertThat(SkillCredit.gap(1.0, 4)).isZero();
    assertThat(SkillCredit.gap(0, 3)).isEqualTo(3.0);
  }

  @Test
  void theBestStandInWinsAndTiesGoToTheStrongerRelation() {
    Taxonomy t = taxonomy();
    // kotlin 4 (related, 0.5) beats spring-boot 5 (two steps, 0.25) and se 5 (broader, 0.25)
    var best = SkillCredit.best("java", 4, Map.of("kotlin", 4, "spring-boot", 5, "se", 5), t);
    assertThat(best.heldId()).isEqualTo("kotlin");
    assertThat(best.link().relation()).isEqualTo(Relation.RELATED);
    assertThat(best.credit()).isEqualTo(0.5);
    // a twin at the wanted level beats the skill itself below it
    best = SkillCredit.best("java", 4, Map.of("java", 1, "onet-java", 4), t);
    assertThat(best.heldId()).isEqualTo("onet-java");
    assertThat(best.credit()).isEqualTo(1.0);
    // equal credit: spring (narrower) before kotlin (related)
    best = SkillCredit.best("java", 2, Map.of("kotlin", 3, "spring", 3), t);
    assertThat(best.link().relation()).isEqualTo(Relation.NARROWER);
    assertThat(SkillCredit.best("java", 2, Map.of("sql", 5), t)).isNull();
    assertThat(SkillCredit.best("java", 2, Map.of(), t)).isNull();
  }

  @Test
  void aTaxonomyReadFromRowsOfTheStatementFindsTheSameRelations() {
    Taxonomy t =
        new Taxonomy()
            .add(
                Map.of(
                    "id",
                    "java",
                    "narrower",
                    List.of(List.of("java", "spring"), List.of("java", "spring", "spring-boot")),
                    "broader",
                    List.of(List.of("se", false)),
                    "siblings",
                    List.of(List.of("se", "go")),
                    "same",
                    List.of("onet-java"),
                    "related",
                    List.of("kotlin")));
    t.add(
        Map.of(
            "id",
            "sql",
            "narrower",
            List.of(),
            "broader",
            List.of(List.of("g", true)),
            "siblings",
            List.of(),
            "same",
            List.of(),
            "related",
            List.of()));
    Taxonomy expected = taxonomy();
    for (String held :
        List.of("java", "onet-java", "spring", "spring-boot", "kotlin", "go", "se", "sql")) {
      assertThat(t.relation("java", held)).as(held).isEqualTo(expected.relation("java", held));
    }
    assertThat(t.relation("sql", "nosql")).isNull();
    assertThat(SkillCredit.TAXONOMY_AROUND)
        .contains("*1.." + SkillCredit.MAX_DEPTH + "]", "$ids", "NOT b:SkillGroup");
    assertThat(SkillCredit.credit(t.relation("java", "spring-boot"), 4, 2))
        .isCloseTo(0.25, within(1e-12));
  }
}
