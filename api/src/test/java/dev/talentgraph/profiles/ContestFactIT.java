package dev.talentgraph.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.talentgraph.GraphQlOverHttp;
import dev.talentgraph.security.ApiTokens;
import dev.talentgraph.security.LocalUsers;
import dev.talentgraph.security.Role;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 * {@code contestFact} / {@code resolveContest} on the demo graph (the context of DemoGraphIT): the
 * flag, the history of several contests over time, the typed errors, and who may contest and
 * resolve what.
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
class ContestFactIT {
  static final String PASSWORD = "contest-fact-pw";
  static final String PAYLOAD =
      "{ contest { id expertId factType factKey reason status at actor resolvedAt resolvedBy resolution"
          + " previousLevel previousEvidence evidence { kind ref } } errors { field message code } }";

  @Autowired WebTestClient web;
  @Autowired ApiTokens tokens;
  @Autowired LocalUsers users;
  @Autowired Driver driver;
  final ObjectMapper json = new ObjectMapper();
  String admin;

  /**
   * An expert in a managed team, with at least three skills; their manager; someone in another
   * team.
   */
  String expert;

  String manager;
  String stranger;
  String strangersManager;
  List<String> skills;

  @BeforeAll
  void setUp() {
    admin = tokens.create("contest-fact-it", "admin", Set.of(Role.ADMIN), null, null).token();
    try (var s = driver.session()) {
      var r =
          s.run(
                  """
          MATCH (m:Expert)-[:MANAGES]->(t:Team)<-[:MEMBER_OF]-(e:Expert)-[:HAS_SKILL]->(k:Skill)
          WHERE m <> e WITH m, t, e, collect(k.id) AS skills WHERE size(skills) >= 3
          MATCH (m2:Expert)-[:MANAGES]->(t2:Team)<-[:MEMBER_OF]-(o:Expert) WHERE t2 <> t AND o <> m2 AND m2 <> m AND o <> m
          RETURN e.id AS e, m.id AS m, o.id AS o, m2.id AS m2, skills ORDER BY e.id DESC, o.id LIMIT 1""")
              .single();
      expert = r.get("e").asString();
      manager = r.get("m").asString();
      stranger = r.get("o").asString();
      strangersManager = r.get("m2").asString();
      skills = r.get("skills").asList(v -> v.asString()).stream().sorted().toList();
      // a score to contest (as the scorer writes it), so this class does not depend on a model
      // being trained first
      s.run(
              "MATCH (e:Expert {id: $e}) MERGE (e)-[:HAS_SCORE]->(x:Score {model: 'contest-test'})"
                  + " SET x.id = $e + '/contest-test', x.version = 1, x.value = 0.8, x.at = datetime(), x.explanation = ['planted'],"
                  + " x.explanationFeatures = ['f'], x.explanationContributions = [1.0]",
              Map.of("e", expert))
          .consume();
    }
    users.upsert("cf-self", PASSWORD, Set.of(Role.EMPLOYEE), expert);
    users.upsert("cf-stranger", PASSWORD, Set.of(Role.EMPLOYEE), stranger);
    users.upsert("cf-portal", PASSWORD, Set.of(Role.PORTAL), null);
    users.upsert("cf-hr", PASSWORD, Set.of(Role.HR), null);
    users.upsert("cf-manager", PASSWORD, Set.of(Role.MANAGER), manager);
    users.upsert("cf-other-manager", PASSWORD, Set.of(Role.MANAGER), strangersManager);
    web = web.mutate().responseTimeout(Duration.ofSeconds(60)).build();
  }

  JsonNode gql(String user, String query) {
    return GraphQlOverHttp.userOrToken(web, user, PASSWORD, admin, query);
  }

  JsonNode contest(String user, String expertId, String type, String key, String reason) {
    return gql(
        user,
        "mutation { contestFact(input: {expertId: \""
            + expertId
            + "\", factType: "
            + type
            + ", key: \""
            + key
            + "\", reason: \""
            + reason
            + "\"}) "
            + PAYLOAD
            + " }");
  }

  JsonNode resolve(String user, String id, boolean upheld, String resolution) {
    return gql(
        user,
        "mutation { resolveContest(input: {id: \""
            + id
            + "\", upheld: "
            + upheld
            + ", resolution: \""
            + resolution
            + "\"}) "
            + PAYLOAD
            + " }");
  }

  Map<String, Object> skillFact(String skill) {
    try (var s = driver.session()) {
      var rows =
          s.run(
                  "MATCH (:Expert {id: $e})-[h:HAS_SKILL]->(:Skill {id: $k}) RETURN h.contested AS contested, h.level AS level",
                  Map.of("e", expert, "k", skill))
              .list(r -> r.asMap());
      return rows.isEmpty() ? null : rows.get(0);
    }
  }

  long contests(String expertId) {
    try (var s = driver.session()) {
      return s.run(
              "MATCH (:Expert {id: $e})-[:CONTESTED]->(c:Contest) RETURN count(c) AS n",
              Map.of("e", expertId))
          .single()
          .get("n")
          .asLong();
    }
  }

  @Test
  void thePersonContestsASkillWhichIsFlaggedThenDismissedThenContestedAgainAndUpheld() {
    String skill = skills.get(0);
    long level = (Long) skillFact(skill).get("level");
    JsonNode first = contest("cf-self", expert, "SKILL", skill, "I never used it at work");
    assertThat(first.get("errors")).as(first.toString()).isNull();
    JsonNode c1 = first.at("/data/contestFact/contest");
    assertThat(first.at("/data/contestFact/errors").size()).isZero();
    assertThat(c1.get("status").asText()).isEqualTo("OPEN");
    assertThat(c1.get("actor").asText()).isEqualTo("cf-self");
    assertThat(c1.at("/evidence/ref").asText()).isEqualTo(c1.get("id").asText());
    assertThat(skillFact(skill).get("contested")).isEqualTo(true);
    try (var s = driver.session()) {
      assertThat(
              s.run(
                      "MATCH (:Expert {id: $e})-[:CONTESTED]->(c:Contest {id: $c})-[:CONCERNS]->(k:Skill) RETURN k.id AS k",
                      Map.of("e", expert, "c", c1.get("id").asText()))
                  .single()
                  .get("k")
                  .asString())
          .isEqualTo(skill);
    }

    // the profile shows the flag (public) and the contest (to the person)
    JsonNode profile =
        gql(
            "cf-self",
            "{ talentProfile(expertId: \""
                + expert
                + "\") { skills { skill { id } contested }"
                + " contests { id status factType factKey reason } } }");
    assertThat(profile.get("errors")).as(profile.toString()).isNull();
    assertThat(
            profile.at("/data/talentProfile/skills").findValues("contested").stream()
                .filter(JsonNode::asBoolean)
                .count())
        .isEqualTo(1);
    assertThat(profile.at("/data/talentProfile/contests/0/id").asText())
        .isEqualTo(c1.get("id").asText());

    // one open contest per fact
    JsonNode again = contest("cf-self", expert, "SKILL", skill, "still wrong");
    assertThat(again.at("/data/contestFact/errors/0/code").asText()).isEqualTo("DUPLICATE");
    assertThat(again.at("/data/contestFact/errors/0/field").asText()).isEqualTo("key");

    // only HR/ADMIN or the person's manager resolves: not the person, not another team's manager
    assertThat(
            resolve("cf-self", c1.get("id").asText(), false, "no")
                .at("/errors/0/extensions/code")
                .asText())
        .isEqualTo("FORBIDDEN");
    JsonNode foreign = resolve("cf-other-manager", c1.get("id").asText(), false, "no");
    assertThat(foreign.at("/errors/0/extensions/code").asText())
        .as(foreign.toString())
        .isEqualTo("FORBIDDEN");
    assertThat(
            foreign.at("/data/resolveContest").isNull()
                || foreign.at("/data/resolveContest").isMissingNode())
        .isTrue();
    JsonNode dismissed =
        resolve("cf-manager", c1.get("id").asText(), false, "the project record shows it");
    assertThat(dismissed.get("errors")).as(dismissed.toString()).isNull();
    assertThat(dismissed.at("/data/resolveContest/contest/status").asText()).isEqualTo("DISMISSED");
    assertThat(dismissed.at("/data/resolveContest/contest/resolvedBy").asText())
        .isEqualTo("cf-manager");
    assertThat(skillFact(skill).get("contested")).isEqualTo(false);
    assertThat(
            resolve("cf-hr", c1.get("id").asText(), true, "again")
                .at("/data/resolveContest/errors/0/code")
                .asText())
        .isEqualTo("INVALID");

    // a second contest later: upheld by HR, the HAS_SKILL goes, its level stays on the Contest,
    // history keeps both
    JsonNode second =
        contest("cf-self", expert, "SKILL", skill, "new evidence: the certificate was revoked");
    String c2 = second.at("/data/contestFact/contest/id").asText();
    assertThat(c2).isNotBlank().isNotEqualTo(c1.get("id").asText());
    JsonNode upheld = resolve("cf-hr", c2, true, "certificate revoked");
    assertThat(upheld.at("/data/resolveContest/contest/status").asText())
        .as(upheld.toString())
        .isEqualTo("UPHELD");
    assertThat(upheld.at("/data/resolveContest/contest/previousLevel").asLong()).isEqualTo(level);
    assertThat(skillFact(skill)).isNull();
    JsonNode history =
        gql(
            "cf-hr",
            "{ talentProfile(expertId: \"" + expert + "\") { contests { id status factKey } } }");
    List<String> statuses = history.at("/data/talentProfile/contests").findValuesAsText("status");
    assertThat(history.at("/data/talentProfile/contests").findValuesAsText("id"))
        .contains(c1.get("id").asText(), c2);
    assertThat(statuses).contains("DISMISSED", "UPHELD");
  }

  @Test
  void aScoreIsContestedAndAnUpheldContestKeepsItFlagged() {
    JsonNode r =
        contest("cf-hr", expert, "SCORE", "contest-test", "the model ignores my parental leave");
    assertThat(r.at("/data/contestFact/contest/factType").asText())
        .as(r.toString())
        .isEqualTo("SCORE");
    assertThat(r.at("/data/contestFact/contest/actor").asText()).isEqualTo("cf-hr");
    JsonNode profile =
        gql(
            "cf-self",
            "{ talentProfile(expertId: \""
                + expert
                + "\") { scores { score { model } contested } } }");
    JsonNode scores = profile.at("/data/talentProfile/scores");
    boolean flagged = false;
    for (JsonNode s : scores)
      flagged |=
          s.at("/score/model").asText().equals("contest-test") && s.get("contested").asBoolean();
    assertThat(flagged).as(profile.toString()).isTrue();
    resolve(null, r.at("/data/contestFact/contest/id").asText(), true, "score set aside");
    try (var s = driver.session()) {
      assertThat(
              s.run(
                      "MATCH (:Expert {id: $e})-[:HAS_SCORE]->(x:Score {model: 'contest-test'}) RETURN x.contested AS c",
                      Map.of("e", expert))
                  .single()
                  .get("c")
                  .asBoolean())
          .isTrue();
    }
  }

  @Test
  void typedErrorsNameTheFieldAndWriteNothing() {
    long before = contests(expert);
    JsonNode unknownExpert = contest("cf-hr", "no-such-expert", "SKILL", skills.get(1), "why");
    assertThat(unknownExpert.at("/data/contestFact/errors/0/field").asText()).isEqualTo("expertId");
    assertThat(unknownExpert.at("/data/contestFact/errors/0/code").asText()).isEqualTo("NOT_FOUND");
    JsonNode noSkill = contest("cf-hr", expert, "SKILL", "s-no-such-skill", "why");
    assertThat(noSkill.at("/data/contestFact/errors/0/field").asText()).isEqualTo("key");
    assertThat(noSkill.at("/data/contestFact/errors/0/code").asText()).isEqualTo("NOT_FOUND");
    JsonNode noScore = contest("cf-hr", expert, "SCORE", "astrology", "why");
    assertThat(noScore.at("/data/contestFact/errors/0/message").asText())
        .contains("no score of model 'astrology'");
    JsonNode noReason = contest("cf-hr", expert, "SKILL", skills.get(1), "  ");
    assertThat(noReason.at("/data/contestFact/errors/0/field").asText()).isEqualTo("reason");
    assertThat(noReason.at("/data/contestFact/errors/0/code").asText()).isEqualTo("REQUIRED");
    JsonNode unknownContest = resolve("cf-hr", "ct-nope", true, "x");
    assertThat(unknownContest.at("/data/resolveContest/errors/0/code").asText())
        .isEqualTo("NOT_FOUND");
    assertThat(unknownContest.at("/data/resolveContest/errors/0/field").asText()).isEqualTo("id");
    assertThat(contests(expert)).isEqualTo(before);
    assertThat(skillFact(skills.get(1)).get("contested")).isNull();
  }

  @Test
  void nobodyButThePersonHrAndAdminMayContestTheirFacts() {
    long before = contests(expert);
    for (String user : List.of("cf-portal", "cf-stranger", "cf-manager")) {
      JsonNode r = contest(user, expert, "SKILL", skills.get(2), "not mine to say");
      assertThat(r.at("/data/contestFact").isNull() || r.at("/data/contestFact").isMissingNode())
          .as(user)
          .isTrue();
      assertThat(r.at("/errors/0/extensions/code").asText()).as(user).isEqualTo("FORBIDDEN");
      assertThat(r.at("/errors/0/message").asText()).contains(expert);
    }
    assertThat(contests(expert)).isEqualTo(before);
    assertThat(skillFact(skills.get(2)).get("contested")).isNull();
    JsonNode own = contest("cf-stranger", stranger, "SKILL", "s-no-such-skill", "mine");
    assertThat(own.get("errors")).as("a person may contest their own facts: %s", own).isNull();
  }
}
