package dev.talentgraph.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.talentgraph.GraphQlOverHttp;
import dev.talentgraph.security.ApiTokens;
import dev.talentgraph.security.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * formTeam, keyPersonRisk and departureImpact on a small graph written here, where every answer is
 * known by hand: two teams, a twin skill, an active project, an active attrition model with scores.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"talent.neo4j.embedded.bolt-port=0", "talent.teams.fixture=true"})
@AutoConfigureWebTestClient
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeamsFixtureIT {
  @Autowired WebTestClient web;
  @Autowired ApiTokens tokens;
  @Autowired Driver driver;
  String admin, hr, portal, employee, manager, otherManager;

  /**
   * Team tA (manager mA): a1 python 4, a2 python 3 + sql 4, a3 sql 3; team tB (manager mB): b1
   * python-twin 5 (SAME_AS s-py), b2 sql 5, b3 go-web 2 (narrower than go). Ties: a1-a2 (3 shared),
   * a2-a3 (1), b1-b2 (2). a3 is on two active projects, b2 on one. Project pA (active, a1 a2 on it)
   * requires python 3 and sql 4 and rust 3; nobody holds rust. Attrition model active: a1 0.8, a2
   * 0.1.
   */
  @BeforeAll
  void setUp() {
    try (var s = driver.session()) {
      s.run(
              """
          MATCH (n) WHERE n.fixture = 'teams' DETACH DELETE n""")
          .consume();
      s.run(
              """
          CREATE (py:Skill {id: 'tf-python', name: 'Python', fixture: 'teams'}),
                 (twin:Skill {id: 'tf-python-onet', name: 'Python (O*NET)', fixture: 'teams'}),
                 (sql:Skill {id: 'tf-sql', name: 'SQL', fixture: 'teams'}),
                 (rust:Skill {id: 'tf-rust', name: 'Rust', fixture: 'teams'}),
                 (go:Skill {id: 'tf-go', name: 'Go', fixture: 'teams'}),
                 (goWeb:Skill {id: 'tf-go-web', name: 'Go web services', fixture: 'teams'})-[:BROADER]->(go),
                 (py)-[:SAME_AS]->(twin),
                 (tA:Team {id: 'tf-tA', name: 'Team A', fixture: 'teams'}),
                 (tB:Team {id: 'tf-tB', name: 'Team B', fixture: 'teams'}),
                 (mA:Expert {id: 'tf-mA', name: 'Manager A', status: 'active', fixture: 'teams'})-[:MANAGES]->(tA),
                 (mB:Expert {id: 'tf-mB', name: 'Manager B', status: 'active', fixture: 'teams'})-[:MANAGES]->(tB),
                 (a1:Expert {id: 'tf-a1', name: 'Ada', status: 'active', fixture: 'teams'})-[:MEMBER_OF]->(tA),
                 (a2:Expert {id: 'tf-a2', name: 'Ben', status: 'active', fixture: 'teams'})-[:MEMBER_OF]->(tA),
                 (a3:Expert {id: 'tf-a3', name: 'Cai', status: 'active', fixture: 'teams'})-[:MEMBER_OF]->(tA),
                 (b1:Expert {id: 'tf-b1', name: 'Dee', status: 'active', fixture: 'teams'})-[:MEMBER_OF]->(tB),
                 (b2:Expert {id: 'tf-b2', name: 'Eve', status: 'active', fixture: 'teams'})-[:MEMBER_OF]->(tB),
                 (b3:Expert {id: 'tf-b3', name: 'Fay', status: 'active', fixture: 'teams'})-[:MEMBER_OF]->(tB),
                 (gone:Expert {id: 'tf-gone', name: 'Gus', status: 'departed', fixture: 'teams'})-[:MEMBER_OF]->(tA),
                 (a1)-[:HAS_SKILL {level: 4}]->(py), (a2)-[:HAS_SKILL {level: 3}]->(py),
                 (a2)-[:HAS_SKILL {level: 4}]->(sql), (a3)-[:HAS_SKILL {level: 3}]->(sql),
                 (b1)-[:HAS_SKILL {level: 5}]->(twin), (b2)-[:HAS_SKILL {level: 5}]->(sql),
                 (gone)-[:HAS_SKILL {level: 5}]->(rust),
                 (b3)-[:HAS_SKILL {level: 2}]->(goWeb),
                 (a1)-[:COLLABORATED_WITH {count: 3, lastYear: 2025}]->(a2),
                 (a2)-[:COLLABORATED_WITH {count: 1, lastYear: 2024}]->(a3),
                 (b1)-[:COLLABORATED_WITH {count: 2, lastYear: 2025}]->(b2),
                 (pA:Project {id: 'tf-pA', name: 'Project A', status: 'active', fixture: 'teams'}),
                 (pA)-[:REQUIRES {level: 3}]->(py), (pA)-[:REQUIRES {level: 4}]->(sql),
                 (pA)-[:REQUIRES {level: 3}]->(rust),
                 (a1)-[:WORKED_ON {role: 'lead', from: date('2025-01-01')}]->(pA),
                 (a2)-[:WORKED_ON {role: 'contributor', from: date('2025-01-01')}]->(pA),
                 (x1:Project {id: 'tf-x1', name: 'X1', status: 'active', fixture: 'teams'}),
                 (x2:Project {id: 'tf-x2', name: 'X2', status: 'active', fixture: 'teams'}),
                 (a3)-[:WORKED_ON {from: date('2025-01-01')}]->(x1),
                 (a3)-[:WORKED_ON {from: date('2025-01-01')}]->(x2),
                 (b2)-[:WORKED_ON {from: date('2025-01-01')}]->(x1),
                 (m:Model {id: 'attrition:99', kind: 'attrition', version: 99, active: true, fixture: 'teams'}),
                 (a1)-[:HAS_SCORE]->(s1:Score {id: 'tf-a1/attrition', model: 'attrition', value: 0.8, fixture: 'teams'})-[:BY_MODEL]->(m),
                 (a2)-[:HAS_SCORE]->(s2:Score {id: 'tf-a2/attrition', model: 'attrition', value: 0.1, fixture: 'teams'})-[:BY_MODEL]->(m)""")
          .consume();
    }
    admin = tokens.create("teams-admin", "admin", Set.of(Role.ADMIN), null, null).token();
    hr = tokens.create("teams-hr", "hr", Set.of(Role.HR), null, null).token();
    portal = tokens.create("teams-portal", "portal", Set.of(Role.PORTAL), null, null).token();
    employee =
        tokens.create("teams-employee", "employee", Set.of(Role.EMPLOYEE), "tf-a1", null).token();
    manager =
        tokens.create("teams-manager", "manager", Set.of(Role.MANAGER), "tf-mA", null).token();
    otherManager =
        tokens.create("teams-manager-b", "managerb", Set.of(Role.MANAGER), "tf-mB", null).token();
  }

  JsonNode gql(String token, String query) {
    return GraphQlOverHttp.bearer(web, token, query, null);
  }

  static final String TEAM =
      " { members { expert { id name } teamId availability currentProjects mustInclude workedWith"
          + " covers { skillId credit viaSkillId relation levelHeld } }"
          + " requirements { skillId slots filled status holders { expertId credit viaSkillId relation } }"
          + " uncovered { skillId missing reason } coverage cohesion pairsWorkedTogether capacity score candidates method } }";

  static List<String> ids(JsonNode members) {
    List<String> out = new ArrayList<>();
    members.forEach(m -> out.add(m.at("/expert/id").asText()));
    return out;
  }

  @Test
  void criticalRequirementGetsTwoHoldersAndATwinCountsInFull() {
    JsonNode r =
        gql(
            hr,
            "{ formTeam(input: {size: 3, skills: [{skill: \"tf-python\", level: 4, critical: true},"
                + " {skill: \"tf-sql\", level: 4}]})"
                + TEAM);
    assertThat(r.get("errors")).as(r.toString()).isNull();
    JsonNode python = r.at("/data/formTeam/requirements/0");
    assertThat(python.get("slots").asInt()).isEqualTo(2);
    assertThat(python.get("status").asText()).isEqualTo("COVERED");
    // a1 (python 4) and b1 (the O*NET twin at 5) are the only two holders at level 4
    List<String> holders = new ArrayList<>();
    python.get("holders").forEach(h -> holders.add(h.get("expertId").asText()));
    assertThat(holders).containsExactlyInAnyOrder("tf-a1", "tf-b1");
    python
        .get("holders")
        .forEach(
            h -> {
              if (h.get("expertId").asText().equals("tf-b1")) {
                assertThat(h.get("relation").asText()).isEqualTo("same-as");
                assertThat(h.get("viaSkillId").asText()).isEqualTo("tf-python-onet");
              }
            });
    assertThat(r.at("/data/formTeam/coverage").asDouble()).isEqualTo(1.0);
    assertThat(r.at("/data/formTeam/uncovered")).isEmpty();
    // sql 4: a2 (with ties to a1) rather than b2: cohesion breaks the coverage tie
    assertThat(ids(r.at("/data/formTeam/members")))
        .containsExactlyInAnyOrder("tf-a1", "tf-b1", "tf-a2");
    assertThat(r.at("/data/formTeam/pairsWorkedTogether").asInt()).isEqualTo(1);
    assertThat(r.at("/data/formTeam/cohesion").asDouble())
        .isCloseTo((1 - Math.pow(0.5, 3)) / 3, org.assertj.core.data.Offset.offset(1e-4));
  }

  @Test
  void anInfeasibleRequirementExplainsItself() {
    JsonNode r =
        gql(
            hr,
            "{ formTeam(input: {size: 2, skills: [{skill: \"tf-rust\", level: 3},"
                + " {skill: \"tf-sql\", level: 5, count: 2, critical: true}]})"
                + TEAM);
    assertThat(r.get("errors")).as(r.toString()).isNull();
    JsonNode uncovered = r.at("/data/formTeam/uncovered");
    assertThat(uncovered.size()).isEqualTo(2);
    // the only rust holder has left
    assertThat(uncovered.get(0).get("skillId").asText()).isEqualTo("tf-rust");
    assertThat(uncovered.get(0).get("reason").asText())
        .startsWith("no active expert holds Rust (tf-rust) at level 3");
    assertThat(uncovered.get(1).get("reason").asText())
        .contains("only 1 active expert hold SQL (tf-sql) at level 5", "critical: at least two");
    assertThat(r.at("/data/formTeam/requirements/0/status").asText()).isEqualTo("UNCOVERED");
  }

  @Test
  void anUncoveredRequirementNamesItsClosestStandIn() {
    JsonNode r =
        gql(hr, "{ formTeam(input: {size: 1, skills: [{skill: \"tf-go\", level: 3}]})" + TEAM);
    assertThat(r.get("errors")).as(r.toString()).isNull();
    assertThat(r.at("/data/formTeam/uncovered/0/reason").asText())
        .startsWith("no active expert holds Go (tf-go) at level 3")
        .contains("the closest stand-in is Go web services (tf-go-web; narrower, level 2)");
  }

  @Test
  void mustIncludeExcludeMaxFromOneTeamAndAvailabilityAreHonoured() {
    JsonNode r =
        gql(
            hr,
            "{ formTeam(input: {size: 3, skills: [{skill: \"tf-python\", level: 3},"
                + " {skill: \"tf-sql\", level: 3, count: 2}], mustInclude: [\"tf-b3\"],"
                + " exclude: [\"tf-a2\"], maxFromOneTeam: 2})"
                + TEAM);
    assertThat(r.get("errors")).as(r.toString()).isNull();
    List<String> members = ids(r.at("/data/formTeam/members"));
    assertThat(members).contains("tf-b3").doesNotContain("tf-a2").hasSize(3);
    long fromB = members.stream().filter(m -> m.startsWith("tf-b")).count();
    assertThat(fromB).isLessThanOrEqualTo(2);
    r.at("/data/formTeam/members")
        .forEach(
            m -> {
              if (m.at("/expert/id").asText().equals("tf-b3"))
                assertThat(m.get("mustInclude").asBoolean()).isTrue();
            });

    // availability 0.5: a3 (two current projects, capacity 1/3) may not join
    JsonNode busy =
        gql(
            hr,
            "{ formTeam(input: {size: 2, skills: [{skill: \"tf-sql\", level: 3, count: 2}],"
                + " exclude: [\"tf-b2\"], availability: 0.5})"
                + TEAM);
    assertThat(ids(busy.at("/data/formTeam/members"))).doesNotContain("tf-a3");
    assertThat(busy.at("/data/formTeam/uncovered/0/reason").asText())
        .contains("1 are excluded and 1 have less free capacity than availability 0.5");
  }

  @Test
  void badInputNamesTheArgument() {
    JsonNode r =
        gql(
            hr,
            "{ formTeam(input: {size: 1, skills: [{skill: \"tf-python\"}],"
                + " mustInclude: [\"tf-a1\", \"tf-a2\"]}) { score } }");
    assertThat(r.at("/errors/0/extensions/argument").asText()).isEqualTo("input.mustInclude");
    JsonNode unknown =
        gql(hr, "{ formTeam(input: {size: 2, skills: [{skill: \"tf-nope\"}]}) { score } }");
    assertThat(unknown.at("/errors/0/extensions/argument").asText())
        .isEqualTo("input.skills[0].skill");
    JsonNode gone =
        gql(
            hr,
            "{ formTeam(input: {size: 2, skills: [{skill: \"tf-rust\"}], mustInclude: [\"tf-gone\"]})"
                + " { score } }");
    assertThat(gone.at("/errors/0/message").asText()).contains("has left the organisation");
  }

  static final String RISK =
      " { scopeKind scopeId people attritionModel skills { skillId level busFactor expectedHolders risk"
          + " projects { id } holders { expert { id } levelHeld viaSkillId attritionScore } } } }";

  @Test
  void busFactorPerSkillRankedByRiskAndWeightedByAttrition() {
    JsonNode r = gql(hr, "{ keyPersonRisk(teamId: \"tf-tA\")" + RISK);
    assertThat(r.get("errors")).as(r.toString()).isNull();
    JsonNode k = r.at("/data/keyPersonRisk");
    assertThat(k.get("attritionModel").asText()).isEqualTo("attrition:99");
    assertThat(k.get("people").asInt()).isEqualTo(3);
    // rust: nobody (risk 1); python 3: a1 (0.8) + a2 (0.1) -> 0.2 + 0.9 = 1.1; sql 4: a2 -> 0.9
    JsonNode skills = k.get("skills");
    assertThat(skills.get(0).get("skillId").asText()).isEqualTo("tf-rust");
    assertThat(skills.get(0).get("busFactor").asInt()).isZero();
    assertThat(skills.get(0).get("risk").asDouble()).isEqualTo(1.0);
    assertThat(skills.get(1).get("skillId").asText()).isEqualTo("tf-sql");
    assertThat(skills.get(1).get("busFactor").asInt()).isEqualTo(1);
    assertThat(skills.get(1).get("expectedHolders").asDouble()).isEqualTo(0.9);
    assertThat(skills.get(2).get("skillId").asText()).isEqualTo("tf-python");
    assertThat(skills.get(2).get("busFactor").asInt()).isEqualTo(2);
    assertThat(skills.get(2).get("expectedHolders").asDouble()).isEqualTo(1.1);
    assertThat(skills.get(2).at("/holders/0/attritionScore").isNumber()).isTrue();
  }

  @Test
  void attritionScoresStayPersonal() {
    // the manager of team A sees their people's scores; for a project with A people, manager B is
    // out of scope; ADMIN sees the project
    JsonNode own = gql(manager, "{ keyPersonRisk(teamId: \"tf-tA\")" + RISK);
    assertThat(own.get("errors")).as(own.toString()).isNull();
    assertThat(own.at("/data/keyPersonRisk/skills/2/holders/0/attritionScore").isNumber()).isTrue();
    JsonNode other = gql(otherManager, "{ keyPersonRisk(teamId: \"tf-tA\")" + RISK);
    assertThat(other.at("/errors/0/extensions/code").asText()).isEqualTo("FORBIDDEN");
    assertThat(other.at("/errors/0/message").asText()).contains("Query.keyPersonRisk refused");
    JsonNode project = gql(admin, "{ keyPersonRisk(projectId: \"tf-pA\")" + RISK);
    assertThat(project.at("/data/keyPersonRisk/people").asInt()).isEqualTo(2);
  }

  static final String IMPACT =
      " { expertId name projects { kind id skills { skillId level } } teams { kind id skills { skillId } }"
          + " skillsLost { skillId level othersAtLevel }"
          + " collaborationsCut { expert { id } count lastYear onlyLink }"
          + " stepIn { skillId level candidates { expert { id } credit viaSkillId availability"
          + " learningPath { steps { courseId } uncovered { skillId reason } } } } } }";

  @Test
  void departureImpactNamesLostCoverageCutTiesAndWhoCouldStepIn() {
    JsonNode r = gql(manager, "{ departureImpact(expertId: \"tf-a2\")" + IMPACT);
    assertThat(r.get("errors")).as(r.toString()).isNull();
    JsonNode d = r.at("/data/departureImpact");
    // a2 is project A's only SQL 4 holder, and team A's
    assertThat(d.at("/projects/0/id").asText()).isEqualTo("tf-pA");
    assertThat(d.at("/projects/0/skills/0/skillId").asText()).isEqualTo("tf-sql");
    assertThat(d.at("/teams/0/id").asText()).isEqualTo("tf-tA");
    List<String> cut = new ArrayList<>();
    d.get("collaborationsCut").forEach(c -> cut.add(c.at("/expert/id").asText()));
    assertThat(cut).containsExactly("tf-a1", "tf-a3");
    // a3 worked with nobody else
    assertThat(d.at("/collaborationsCut/1/onlyLink").asBoolean()).isTrue();
    // step in for SQL 4: b2 holds it (no path needed); a3 at level 3 needs a path
    JsonNode sql = d.at("/stepIn/0");
    assertThat(sql.get("skillId").asText()).isEqualTo("tf-sql");
    List<String> who = new ArrayList<>();
    sql.get("candidates").forEach(c -> who.add(c.at("/expert/id").asText()));
    assertThat(who).containsExactly("tf-b2", "tf-a3");
    assertThat(sql.at("/candidates/0/learningPath").isNull()).isTrue();
    assertThat(sql.at("/candidates/1/credit").asDouble()).isEqualTo(0.75);
    assertThat(sql.at("/candidates/1/learningPath").isObject()).isTrue();
  }

  @Test
  void departureImpactIsForHrAdminAndThePersonsManagerOnly() {
    JsonNode portalAnswer = gql(portal, "{ departureImpact(expertId: \"tf-a2\") { expertId } }");
    assertThat(portalAnswer.at("/data/departureImpact/expertId").isMissingNode()).isTrue();
    assertThat(portalAnswer.at("/errors/0/extensions/code").asText()).isEqualTo("FORBIDDEN");
    assertThat(portalAnswer.at("/errors/0/message").asText())
        .contains("Query.departureImpact refused", "requires one of the roles");
    JsonNode portalRisk = gql(portal, "{ keyPersonRisk(teamId: \"tf-tA\") { scopeId } }");
    assertThat(portalRisk.at("/errors/0/message").asText()).contains("Query.keyPersonRisk refused");
    JsonNode portalTeam =
        gql(portal, "{ formTeam(input: {size: 1, skills: [{skill: \"tf-sql\"}]}) { score } }");
    assertThat(portalTeam.at("/errors/0/message").asText()).contains("Query.formTeam refused");
    JsonNode self = gql(employee, "{ departureImpact(expertId: \"tf-a1\") { expertId } }");
    assertThat(self.at("/errors/0/extensions/code").asText()).isEqualTo("FORBIDDEN");
    JsonNode otherTeam = gql(otherManager, "{ departureImpact(expertId: \"tf-a2\") { expertId } }");
    assertThat(otherTeam.at("/errors/0/message").asText())
        .contains("only ADMIN, HR and the manager of expert 'tf-a2' may ask");
    assertThat(gql(hr, "{ departureImpact(expertId: \"tf-a2\") { expertId } }").get("errors"))
        .isNull();
  }
}
