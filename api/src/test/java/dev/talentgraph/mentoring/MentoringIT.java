package dev.talentgraph.mentoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.talentgraph.GraphQlOverHttp;
import dev.talentgraph.audit.AuditLog;
import dev.talentgraph.security.ApiTokens;
import dev.talentgraph.security.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Mentors over GraphQL on the demo graph (same context as the other demo tests) plus a small
 * fixture whose answer is known: a mentee at level 2 in a skill; candidates at level 4 in another
 * team and in the mentee's own team, one holding only a narrower skill, one at level 2, one already
 * carrying three mentees.
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
class MentoringIT {
  @Autowired WebTestClient web;
  @Autowired ApiTokens tokens;
  @Autowired Driver driver;
  @Autowired AuditLog audit;
  String admin;
  String portal;

  /**
   * The fixture people, and the mentorships this class recorded, leave the shared demo context as
   * they came: other classes count the demo's experts.
   */
  @AfterAll
  void removeFixture() {
    try (var s = driver.session()) {
      s.run("MATCH ()-[r:MENTORS]->() WHERE r.mentorship IS NOT NULL DELETE r").consume();
      s.run("MATCH (m:Mentorship) DETACH DELETE m").consume();
      s.run("MATCH (n) WHERE n.fixture = 'mt' DETACH DELETE n").consume();
    }
  }

  @BeforeAll
  void fixture() {
    try (var s = driver.session()) {
      s.run("MATCH (n) WHERE n.fixture = 'mt' DETACH DELETE n").consume();
      s.run(
              """
          CREATE (k:Skill {id: 'mt-skill', name: 'Mentoring fixture skill', fixture: 'mt'}),
                 (n:Skill {id: 'mt-narrow', name: 'Fixture specialty', fixture: 'mt'})-[:BROADER]->(k),
                 (t1:Team {id: 'mt-t1', name: 'Fixture team one', fixture: 'mt'}),
                 (t2:Team {id: 'mt-t2', name: 'Fixture team two', fixture: 'mt'})
          WITH k, n, t1, t2
          UNWIND [['mt-mentee', 'mt-skill', 2, 't1'], ['mt-same', 'mt-skill', 4, 't1'],
                  ['mt-other', 'mt-skill', 4, 't2'], ['mt-low', 'mt-skill', 2, 't2'],
                  ['mt-narrowly', 'mt-narrow', 5, 't2'], ['mt-busy', 'mt-skill', 5, 't2'],
                  ['mt-x1', null, 0, 't2'], ['mt-x2', null, 0, 't2'], ['mt-x3', null, 0, 't2']] AS p
          CREATE (e:Expert {id: p[0], name: 'Person ' + p[0], fixture: 'mt'})
          FOREACH (_ IN CASE WHEN p[3] = 't1' THEN [1] ELSE [] END | CREATE (e)-[:MEMBER_OF]->(t1))
          FOREACH (_ IN CASE WHEN p[3] = 't2' THEN [1] ELSE [] END | CREATE (e)-[:MEMBER_OF]->(t2))
          FOREACH (_ IN CASE WHEN p[1] = 'mt-skill' THEN [1] ELSE [] END |
            CREATE (e)-[:HAS_SKILL {level: p[2]}]->(k))
          FOREACH (_ IN CASE WHEN p[1] = 'mt-narrow' THEN [1] ELSE [] END |
            CREATE (e)-[:HAS_SKILL {level: p[2]}]->(n))
          """)
          .consume();
      s.run(
              """
          MATCH (b:Expert {id: 'mt-busy'}), (x:Expert) WHERE x.id IN ['mt-x1', 'mt-x2', 'mt-x3']
          CREATE (b)-[:MENTORS {since: date('2025-01-01')}]->(x)
          """)
          .consume();
    }
    admin = tokens.create("mt-admin", "admin", Set.of(Role.ADMIN), null, null).token();
    portal = tokens.create("mt-portal", "portal", Set.of(Role.PORTAL), null, null).token();
  }

  String employee(String expertId) {
    return tokens
        .create(
            "mt-" + expertId + "-" + System.nanoTime(),
            expertId,
            Set.of(Role.EMPLOYEE),
            expertId,
            null)
        .token();
  }

  @Test
  void mentorsAreAboveTheMenteeAnotherTeamFirstAndTheBusyLeftOut() {
    JsonNode r =
        gql(
            admin,
            "{ recommendMentors(expertId: \"mt-mentee\", skill: \"mt-skill\", first: 10) {"
                + " basis maxActiveMentees notes targets { skillId menteeLevel wantedLevel }"
                + " items { expert { id } score otherTeam activeMentees"
                + " covers { skillId viaSkillId level wantedLevel } reasons { kind text } } } }");
    assertThat(r.has("errors")).as(r.toString()).isFalse();
    JsonNode rec = r.at("/data/recommendMentors");
    assertThat(rec.at("/targets/0/menteeLevel").asDouble()).isEqualTo(2.0);
    assertThat(rec.at("/targets/0/wantedLevel").asInt()).isEqualTo(3);
    List<String> ids = new ArrayList<>();
    rec.get("items").forEach(i -> ids.add(i.at("/expert/id").asText()));
    assertThat(ids).containsExactly("mt-other", "mt-same", "mt-narrowly");
    assertThat(rec.at("/items/0/otherTeam").asBoolean()).isTrue();
    assertThat(rec.at("/items/1/otherTeam").asBoolean()).isFalse();
    assertThat(rec.at("/items/2/covers/0/viaSkillId").asText()).isEqualTo("mt-narrow");
    assertThat(rec.at("/items/2/reasons/0/text").asText()).contains("narrower");
    assertThat(rec.at("/items/0/reasons/0/text").asText())
        .isEqualTo("Holds Mentoring fixture skill at level 4 (the mentee: 2, wanted: 3)");
    assertThat(rec.get("notes").toString()).contains("already mentor 3");
  }

  @Test
  void withoutASkillTheGapTowardEveryActiveProjectIsTheTarget() {
    try (var s = driver.session()) {
      s.run(
              """
          MATCH (e:Expert {id: 'mt-x1'}), (k:Skill {id: 'mt-skill'}), (n:Skill {id: 'mt-narrow'})
          CREATE (p1:Project {id: 'mt-p1', name: 'Fixture project one', status: 'active', fixture: 'mt'}),
                 (p2:Project {id: 'mt-p2', name: 'Fixture project two', fixture: 'mt'}),
                 (p3:Project {id: 'mt-p3', name: 'Fixture project done', status: 'done', fixture: 'mt'}),
                 (p1)-[:REQUIRES {level: 3}]->(k), (p2)-[:REQUIRES {level: 4}]->(n),
                 (p3)-[:REQUIRES {level: 5}]->(k),
                 (e)-[:WORKED_ON]->(p1), (e)-[:WORKED_ON]->(p2), (e)-[:WORKED_ON]->(p3)
          """)
          .consume();
    }
    JsonNode r =
        gql(
            employee("mt-x1"),
            "{ recommendMentors(expertId: \"mt-x1\") { basis targets { skillId wantedLevel }"
                + " items { expert { id } } } }");
    assertThat(r.has("errors")).as(r.toString()).isFalse();
    JsonNode rec = r.at("/data/recommendMentors");
    assertThat(rec.get("basis").asText()).isEqualTo("active projects");
    // both active projects' gaps, the finished project's level 5 not among them
    assertThat(rec.get("targets").toString())
        .contains("{\"skillId\":\"mt-skill\",\"wantedLevel\":3}")
        .contains("{\"skillId\":\"mt-narrow\",\"wantedLevel\":4}")
        .doesNotContain("\"wantedLevel\":5");
    assertThat(rec.get("items").toString()).contains("mt-narrowly").doesNotContain("mt-x1");
  }

  @Test
  void onTheDemoGraphEveryMentorIsALevelAboveInTheSkillOrAStandIn() {
    String mentee;
    String skill;
    try (var s = driver.session()) {
      var row =
          s.run(
                  "MATCH (e:Expert {source: 'demo'})-[h:HAS_SKILL]->(k:Skill) WHERE h.level <= 2"
                      + " AND COUNT { (:Expert)-[g:HAS_SKILL]->(k) WHERE g.level >= 4 } >= 3"
                      + " RETURN e.id AS e, k.id AS k, h.level AS l ORDER BY e.id, k.id LIMIT 1")
              .single();
      mentee = row.get("e").asString();
      skill = row.get("k").asString();
    }
    JsonNode r =
        gql(
            employee(mentee),
            "{ recommendMentors(expertId: \""
                + mentee
                + "\", skill: \""
                + skill
                + "\") { targets { wantedLevel } items { expert { id } activeMentees"
                + " covers { viaSkillId level } reasons { kind } } } }");
    assertThat(r.has("errors")).as(r.toString()).isFalse();
    JsonNode items = r.at("/data/recommendMentors/items");
    assertThat(items.size()).isPositive();
    int wanted = r.at("/data/recommendMentors/targets/0/wantedLevel").asInt();
    try (var s = driver.session()) {
      for (JsonNode i : items) {
        String id = i.at("/expert/id").asText();
        assertThat(id).isNotEqualTo(mentee);
        assertThat(i.get("activeMentees").asInt()).isLessThan(3);
        long level =
            s.run(
                    "MATCH (:Expert {id: $e})-[h:HAS_SKILL]->(:Skill {id: $k}) RETURN h.level AS l",
                    Map.of("e", id, "k", i.at("/covers/0/viaSkillId").asText()))
                .single()
                .get("l")
                .asLong();
        assertThat(level).isGreaterThanOrEqualTo(wanted);
        assertThat(i.get("reasons").toString()).contains("skill").contains("capacity");
      }
    }
    // someone else may not ask about this person
    JsonNode refused =
        gql(portal, "{ recommendMentors(expertId: \"" + mentee + "\") { expertId } }");
    assertThat(refused.at("/errors/0/extensions/code").asText()).isEqualTo("FORBIDDEN");
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class TheFlow {
    @Test
    void requestAcceptEndWithDatesOnlyTheMentorAcceptsAndEveryStepAudited() {
      String mentee = employee("mt-low");
      String mentor = employee("mt-other");
      String request =
          "mutation { requestMentorship(input: {menteeId: \"mt-low\", mentorId: \"mt-other\","
              + " skillId: \"mt-skill\", note: \"help\"}) { mentorship { id status requestedAt"
              + " acceptedAt mentor { id } mentee { id } } errors { field code message } } }";
      JsonNode asked = gql(mentee, request);
      assertThat(asked.at("/data/requestMentorship/errors").size()).as(asked.toString()).isZero();
      JsonNode m = asked.at("/data/requestMentorship/mentorship");
      String id = m.get("id").asText();
      assertThat(m.get("status").asText()).isEqualTo("REQUESTED");
      assertThat(m.get("requestedAt").asText()).isNotEmpty();
      assertThat(m.get("acceptedAt").isNull()).isTrue();

      JsonNode again = gql(mentee, request);
      assertThat(again.at("/data/requestMentorship/errors/0/code").asText()).isEqualTo("DUPLICATE");
      JsonNode self =
          gql(
              mentee,
              "mutation { requestMentorship(input: {menteeId: \"mt-low\", mentorId: \"mt-low\"}) {"
                  + " errors { field code } } }");
      assertThat(self.at("/data/requestMentorship/errors/0/code").asText()).isEqualTo("INVALID");
      JsonNode forOther =
          gql(
              mentee,
              "mutation { requestMentorship(input: {menteeId: \"mt-same\", mentorId: \"mt-other\"})"
                  + " { errors { code } } }");
      assertThat(forOther.at("/errors/0/extensions/code").asText()).isEqualTo("FORBIDDEN");

      String accept =
          "mutation { acceptMentorship(input: {id: \""
              + id
              + "\"}) { mentorship { status acceptedAt } errors { code message } } }";
      JsonNode byMentee = gql(mentee, accept);
      assertThat(byMentee.at("/errors/0/extensions/code").asText()).isEqualTo("FORBIDDEN");
      JsonNode byAdmin = gql(admin, accept);
      assertThat(byAdmin.at("/errors/0/extensions/code").asText()).isEqualTo("FORBIDDEN");
      JsonNode accepted = gql(mentor, accept);
      assertThat(accepted.at("/data/acceptMentorship/mentorship/status").asText())
          .as(accepted.toString())
          .isEqualTo("ACTIVE");
      assertThat(accepted.at("/data/acceptMentorship/mentorship/acceptedAt").asText()).isNotEmpty();

      String both =
          "{ a: expert(id: \"mt-low\") { mentors { id } } b: expert(id: \"mt-other\") { mentees { id } } }";
      JsonNode linked = gql(portal, both);
      assertThat(linked.at("/data/a/mentors/0/id").asText()).isEqualTo("mt-other");
      assertThat(linked.at("/data/b/mentees/0/id").asText()).isEqualTo("mt-low");

      JsonNode ended =
          gql(
              mentee,
              "mutation { endMentorship(input: {id: \""
                  + id
                  + "\", reason: \"done\"}) { mentorship { status endedAt } errors { code } } }");
      assertThat(ended.at("/data/endMentorship/mentorship/status").asText())
          .as(ended.toString())
          .isEqualTo("ENDED");
      assertThat(gql(portal, both).at("/data/a/mentors").size()).isZero();
      JsonNode endAgain =
          gql(admin, "mutation { endMentorship(input: {id: \"" + id + "\"}) { errors { code } } }");
      assertThat(endAgain.at("/data/endMentorship/errors/0/code").asText())
          .isEqualTo("INVALID_TRANSITION");
      try (var s = driver.session()) {
        var r =
            s.run(
                    "MATCH (:Expert {id: 'mt-other'})-[r:MENTORS]->(:Expert {id: 'mt-low'})"
                        + " RETURN r.since AS since, r.until AS until, r.mentorship AS m")
                .single();
        assertThat(r.get("since").isNull()).isFalse();
        assertThat(r.get("until").isNull()).isFalse();
        assertThat(r.get("m").asString()).isEqualTo(id);
      }
      assertThat(audit.flush(Duration.ofSeconds(10))).isTrue();
      try (var s = driver.session()) {
        List<String> targets =
            s.run(
                    "MATCH (a:AuditEvent) WHERE a.actor IN ['mt-low', 'mt-other']"
                        + " RETURN a.target + ' ' + a.outcome AS t")
                .list(r -> r.get("t").asString());
        assertThat(String.join("\n", targets))
            .contains("requestMentorship")
            .contains("acceptMentorship")
            .contains("endMentorship");
      }
      // the mentorships are personal: the mentee sees theirs, PORTAL does not
      JsonNode own = gql(mentee, "{ expert(id: \"mt-low\") { mentorships { id status } } }");
      assertThat(own.at("/data/expert/mentorships/0/id").asText()).isEqualTo(id);
      JsonNode hidden = gql(portal, "{ expert(id: \"mt-low\") { mentorships { id } } }");
      assertThat(hidden.at("/errors/0/extensions/code").asText()).isEqualTo("FORBIDDEN");
    }

    @Test
    void aMentorAtTheCapCannotAccept() {
      JsonNode asked =
          gql(
              admin,
              "mutation { requestMentorship(input: {menteeId: \"mt-same\", mentorId: \"mt-busy\"}) {"
                  + " mentorship { id } errors { code } } }");
      String id = asked.at("/data/requestMentorship/mentorship/id").asText();
      JsonNode r =
          gql(
              employee("mt-busy"),
              "mutation { acceptMentorship(input: {id: \""
                  + id
                  + "\"}) { mentorship { status } errors { code message } } }");
      assertThat(r.at("/data/acceptMentorship/errors/0/code").asText())
          .as(r.toString())
          .isEqualTo("OUT_OF_RANGE");
      assertThat(r.at("/data/acceptMentorship/mentorship/status").asText()).isEqualTo("REQUESTED");
    }
  }

  JsonNode gql(String token, String query) {
    return GraphQlOverHttp.bearer(web, token, query, null);
  }
}
