package dev.talentgraph.ml.hiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.talentgraph.ml.hiring.SkillCoverage.Coverage;
import dev.talentgraph.ml.hiring.SkillCoverage.Held;
import dev.talentgraph.ml.hiring.SkillCoverage.Requirement;
import dev.talentgraph.ml.hiring.SkillCoverage.Status;
import dev.talentgraph.schema.skills.SkillCredit;
import dev.talentgraph.schema.skills.SkillCredit.Relation;
import java.util.List;
import org.junit.jupiter.api.Test;

class SkillCoverageTests {
  /**
   * se > java > spring; se > python; se > go; kotlin related to java; scala same as scala-onet;
   * group g > sql, nosql.
   */
  static SkillCredit.Taxonomy taxonomy() {
    return new SkillCredit.Taxonomy()
        .broader("java", "se")
        .broader("spring", "java")
        .broader("spring-boot", "spring")
        .broader("python", "se")
        .broader("go", "se")
        .related("kotlin", "java")
        .sameAs("scala", "scala-onet")
        .broader("sql", "g")
        .broader("nosql", "g")
        .group("g");
  }

  static Held held(String id, int level, String source, Object evidence) {
    return new Held(id, id.toUpperCase(), level, source, evidence);
  }

  static Requirement req(String id, Integer level, boolean required) {
    return new Requirement(id, id.toUpperCase(), level, required);
  }

  @Test
  void exactAtOrAboveTheLevelIsFullBelowItPartialByTheRatio() {
    Coverage c =
        SkillCoverage.of(
            List.of(req("java", 4, true), req("python", 4, true)),
            List.of(
                held("java", 5, "assessment", "assessment as-1"),
                held("python", 2, "demo", "self-assessment")),
            taxonomy());
    assertThat(c.matches())
        .extracting(SkillCoverage.Match::status)
        .containsExactly(Status.COVERED, Status.COVERED);
    assertThat(c.matches().get(0).credit()).isEqualTo(1.0);
    assertThat(c.matches().get(1).credit()).isEqualTo(0.5);
    assertThat(c.score()).isCloseTo(0.75, within(1e-9));
    assertThat(c.requiredCoverage()).isCloseTo(0.75, within(1e-9));
    assertThat(c.preferredCoverage()).isNull();
    // evidence weighted by credit: (1.0 * 1.0 + 0.5 * 0.3) / 1.5
    assertThat(c.evidence()).isCloseTo((1.0 + 0.5 * 0.3) / 1.5, within(1e-9));
    assertThat(c.matches().get(1).text())
        .isEqualTo("PYTHON (required): level 2 of 4, evidence self-assessment");
  }

  @Test
  void theTaxonomyGivesPartialCreditByRelation() {
    List<Requirement> reqs =
        List.of(
            req("java", 2, true),
            req("scala", 2, false),
            req("go", 2, false),
            req("sql", 2, false));
    // spring is narrower than java (one step); scala-onet is scala's twin; python is go's sibling
    // (and java's,
    // but the narrower spring is worth more); nosql is sql's sibling only under a skill group: no
    // credit
    Coverage c =
        SkillCoverage.of(
            reqs,
            List.of(
                held("spring", 4, null, null),
                held("scala-onet", 1, null, null),
                held("python", 2, null, null),
                held("nosql", 5, null, null)),
            taxonomy());
    var m = c.matches();
    assertThat(m.get(0).status()).isEqualTo(Status.ADJACENT);
    assertThat(m.get(0).relation()).isEqualTo(Relation.NARROWER);
    assertThat(m.get(0).held().skillId()).isEqualTo("spring");
    assertThat(m.get(0).credit()).isEqualTo(0.5);
    assertThat(m.get(1).relation()).isEqualTo(Relation.SAME_AS);
    // a twin counts in full: level 1 of the 2 wanted
    assertThat(m.get(1).credit()).isCloseTo(0.5, within(1e-9));
    assertThat(m.get(2).relation()).isEqualTo(Relation.SIBLING);
    assertThat(m.get(2).credit()).isCloseTo(0.3, within(1e-9));
    assertThat(m.get(3).status()).isEqualTo(Status.MISSING);
    assertThat(c.missingRequired()).isZero();
    assertThat(c.adjacent()).isEqualTo(3);
    assertThat(c.score()).isCloseTo((2 * 0.5 + 0.5 + 0.3 + 0) / 5, within(1e-9));
    assertThat(m.get(0).text())
        .isEqualTo(
            "JAVA (required): SPRING stands in (narrower), level 4 of 2, evidence unstated, credit 0.50");
    assertThat(m.get(3).text()).isEqualTo("SQL (preferred, level 2): missing");

    Coverage twoSteps =
        SkillCoverage.of(
            List.of(req("java", 2, true)), List.of(held("spring-boot", 2, null, null)), taxonomy());
    assertThat(twoSteps.matches().get(0).relation()).isEqualTo(Relation.NARROWER);
    assertThat(twoSteps.matches().get(0).steps()).isEqualTo(2);
    assertThat(twoSteps.matches().get(0).credit()).isEqualTo(0.25);
  }

  @Test
  void relatedAndBroaderSkillsStandInAtLowCreditAndTheBestStandInWins() {
    Coverage c =
        SkillCoverage.of(
            List.of(req("java", 3, true)),
            List.of(held("kotlin", 3, null, null), held("se", 5, null, null)),
            taxonomy());
    assertThat(c.matches().get(0).relation()).isEqualTo(Relation.RELATED);
    assertThat(c.matches().get(0).credit()).isEqualTo(0.5);
    Coverage broader =
        SkillCoverage.of(
            List.of(req("java", 3, true)), List.of(held("se", 5, null, null)), taxonomy());
    assertThat(broader.matches().get(0).relation()).isEqualTo(Relation.BROADER);
    assertThat(broader.matches().get(0).credit()).isEqualTo(SkillCredit.BROADER);
  }

  @Test
  void requiredSkillsWeighMoreAndMissingRequiredAreCounted() {
    Coverage c =
        SkillCoverage.of(
            List.of(req("java", null, true), req("nosql", null, false)),
            List.of(held("nosql", 3, null, null)),
            taxonomy());
    assertThat(c.missingRequired()).isEqualTo(1);
    assertThat(c.score()).isCloseTo(1.0 / 3, within(1e-9));
    assertThat(c.requiredCoverage()).isZero();
    assertThat(c.preferredCoverage()).isEqualTo(1.0);
    assertThat(c.matches().get(0).requirement().wanted()).isEqualTo(SkillCoverage.DEFAULT_LEVEL);
    assertThat(
            SkillCoverage.of(List.of(), List.of(held("java", 3, null, null)), taxonomy()).score())
        .isZero();
  }

  @Test
  void evidenceStrengthOrdersAssessmentCertificationWorkPriorRoleSelf() {
    double assessment = EvidenceStrength.of("assessment", "assessment as-9");
    double cert = EvidenceStrength.of("demo", "certification");
    double pubs = EvidenceStrength.of("aan", List.of("aan:P04-1004: \"x\""));
    double prior = EvidenceStrength.of("demo", "prior role");
    double self = EvidenceStrength.of("demo", "self-assessment");
    double resume = EvidenceStrength.of("resumes", "worked on a project and a course in Python");
    assertThat(assessment).isGreaterThan(cert);
    assertThat(cert).isGreaterThan(pubs);
    assertThat(pubs).isGreaterThan(prior);
    assertThat(prior).isGreaterThan(self);
    assertThat(resume).isEqualTo(self);
    assertThat(EvidenceStrength.of("demo", "manager assessment")).isBetween(prior, pubs);
    assertThat(EvidenceStrength.kind("resumes", "x")).isEqualTo("resume mention");
  }
}
