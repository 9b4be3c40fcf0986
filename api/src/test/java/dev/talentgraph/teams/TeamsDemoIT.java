package dev.talentgraph.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.talentgraph.GraphQlOverHttp;
import dev.talentgraph.security.ApiTokens;
import dev.talentgraph.security.Role;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The teams feature on the demo graph (the context of {@code DemoGraphIT}; reads only): a team for
 * a real project's requirements, a team's bus factors checked against Cypher, and the departure of
 * a project's only holder of a skill.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "talent.neo4j.embedded.bolt-port=0",
      "talent.demo.enabled=true",
      "talent.demo.experts=100"
    })
@AutoConfigureWebTestClient
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeamsDemoIT {
  @Autowired WebTestClient web;
  @Autowired ApiTokens tokens;
  @Autowired Driver driver;
  String hr;

  @BeforeAll
  void setUp() {
    hr = tokens.create("teams-demo-hr", "hr", Set.of(Role.HR), null, null).token();
  }

  JsonNode gql(String query) {
    return GraphQlOverHttp.bearer(web, hr, query, null);
  }

  @Test
  void aTeamForARealProjectCoversWhatItSaysItCovers() {
    StringBuilder skills = new StringBuilder();
    try (var s = driver.session()) {
      List<Value> req =
          s.run(
                  """
              MATCH (p:Project {status: 'active'})-[r:REQUIRES]->(k:Skill)
              WITH p, collect([k.id, coalesce(r.level, 3)]) AS req ORDER BY p.id
              RETURN req LIMIT 1""")
              .single()
              .get("req")
              .asList(v -> v);
      for (int i = 0; i < req.size(); i++) {
        skills
            .append(i == 0 ? "" : ", ")
            .append("{skill: \"")
            .append(req.get(i).get(0).asString())
            .append("\", level: ")
            .append(req.get(i).get(1).asInt())
            .append(i == 0 ? ", critical: true" : "")
            .append("}");
      }
    }
    JsonNode r =
        gql(
            "{ formTeam(input: {size: 4, maxFromOneTeam: 2, skills: ["
                + skills
                + "]}) { members { expert { id } teamId covers { skillId credit } }"
                + " requirements { skillId slots filled status holders { expertId credit } }"
                + " uncovered { skillId reason } coverage cohesion candidates } }");
    assertThat(r.get("errors")).as(r.toString()).isNull();
    JsonNode t = r.at("/data/formTeam");
    assertThat(t.get("members").size()).isBetween(1, 4);
    Map<String, Integer> perTeam = new java.util.HashMap<>();
    t.get("members").forEach(m -> perTeam.merge(m.get("teamId").asText(), 1, Integer::sum));
    assertThat(perTeam.values()).allMatch(n -> n <= 2);
    double filled = 0;
    int slots = 0;
    Set<String> open = new HashSet<>();
    for (JsonNode q : t.get("requirements")) {
      double sum = 0;
      for (JsonNode h : q.get("holders")) sum += h.get("credit").asDouble();
      assertThat(q.get("filled").asDouble())
          .isCloseTo(sum, org.assertj.core.data.Offset.offset(1e-3));
      filled += sum;
      slots += q.get("slots").asInt();
      if (!q.get("status").asText().equals("COVERED")) open.add(q.get("skillId").asText());
    }
    assertThat(t.get("coverage").asDouble())
        .isCloseTo(filled / slots, org.assertj.core.data.Offset.offset(1e-3));
    Set<String> uncovered = new HashSet<>();
    t.get("uncovered").forEach(u -> uncovered.add(u.get("skillId").asText()));
    assertThat(uncovered).isEqualTo(open);
    t.get("uncovered").forEach(u -> assertThat(u.get("reason").asText()).isNotBlank());
  }

  @Test
  void busFactorsAreTheTeamsHoldersAtTheNeededLevel() {
    String team;
    try (var s = driver.session()) {
      team =
          s.run(
                  """
              MATCH (t:Team)<-[:MEMBER_OF]-(m:Expert)-[w:WORKED_ON]->(:Project {status: 'active'})
              WHERE w.to IS NULL AND coalesce(m.status, 'active') <> 'departed'
              RETURN t.id AS t, count(*) AS n ORDER BY n DESC, t LIMIT 1""")
              .single()
              .get("t")
              .asString();
    }
    JsonNode r =
        gql(
            "{ keyPersonRisk(teamId: \""
                + team
                + "\") { people skills { skillId level busFactor risk holders { expert { id } levelHeld viaSkillId } } } }");
    assertThat(r.get("errors")).as(r.toString()).isNull();
    JsonNode skills = r.at("/data/keyPersonRisk/skills");
    assertThat(skills.size()).isPositive();
    double last = 2;
    try (var s = driver.session()) {
      for (JsonNode k : skills) {
        assertThat(k.get("risk").asDouble()).isLessThanOrEqualTo(last);
        last = k.get("risk").asDouble();
        assertThat(k.get("busFactor").asInt()).isEqualTo(k.get("holders").size());
        for (JsonNode h : k.get("holders")) {
          // an active member of the team holding the skill (or its twin) at the level
          boolean ok =
              s.run(
                      """
                  MATCH (e:Expert {id: $e})-[:MEMBER_OF]->(:Team {id: $t}), (e)-[h:HAS_SKILL]->(k:Skill {id: $via})
                  WHERE coalesce(e.status, 'active') <> 'departed' AND h.level >= $level
                    AND (k.id = $skill OR EXISTS { (k)-[:SAME_AS]-(:Skill {id: $skill}) })
                  RETURN count(*) > 0 AS ok""",
                      Map.of(
                          "e", h.at("/expert/id").asText(),
                          "t", team,
                          "via", h.get("viaSkillId").asText(),
                          "level", k.get("level").asInt(),
                          "skill", k.get("skillId").asText()))
                  .single()
                  .get("ok")
                  .asBoolean();
          assertThat(ok).as("%s holds %s", h, k.get("skillId")).isTrue();
        }
      }
    }
  }

  @Test
  void theDepartureOfAProjectsOnlyHolderLeavesItUncovered() {
    String expert, project, skill;
    try (var s = driver.session()) {
      var row =
          s.run(
                  """
              MATCH (p:Project {status: 'active'})-[r:REQUIRES]->(k:Skill)
              WHERE NOT (k)-[:SAME_AS]-()
              MATCH (e:Expert)-[w:WORKED_ON]->(p), (e)-[h:HAS_SKILL]->(k)
              WHERE w.to IS NULL AND coalesce(e.status, 'active') <> 'departed' AND h.level >= coalesce(r.level, 3)
              WITH p, k, collect(e.id) AS holders WHERE size(holders) = 1
              RETURN holders[0] AS e, p.id AS p, k.id AS k ORDER BY p, k LIMIT 1""")
              .single();
      expert = row.get("e").asString();
      project = row.get("p").asString();
      skill = row.get("k").asString();
    }
    JsonNode r =
        gql(
            "{ departureImpact(expertId: \""
                + expert
                + "\") { projects { id skills { skillId } } stepIn { skillId candidates { expert { id } credit learningPath { steps { courseId } } } } } }");
    assertThat(r.get("errors")).as(r.toString()).isNull();
    JsonNode lost = null;
    for (JsonNode p : r.at("/data/departureImpact/projects"))
      if (p.get("id").asText().equals(project)) lost = p;
    assertThat(lost).as(r.toString()).isNotNull();
    assertThat(lost.get("skills").findValuesAsText("skillId")).contains(skill);
    for (JsonNode step : r.at("/data/departureImpact/stepIn")) {
      for (JsonNode c : step.get("candidates")) {
        assertThat(c.at("/expert/id").asText()).isNotEqualTo(expert);
        assertThat(c.get("learningPath").isNull()).isEqualTo(c.get("credit").asDouble() >= 1);
      }
    }
  }
}
