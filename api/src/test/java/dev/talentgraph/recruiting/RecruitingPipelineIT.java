package dev.talentgraph.recruiting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.talentgraph.GraphQlOverHttp;
import dev.talentgraph.audit.AuditLog;
import dev.talentgraph.schema.FieldCipher;
import dev.talentgraph.security.ApiTokens;
import dev.talentgraph.security.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The recruiting pipeline through GraphQL on the demo graph (the demo test context: 100 experts,
 * shared with DemoGraphIT): an opening on a demo team, a candidate moved from applied to hired by
 * two different users, who then is an Expert on the team with every step in the history; each
 * invalid transition returns INVALID_TRANSITION naming the current and allowed stages and changes
 * nothing. Plus who may read applications and interview feedback. Everything created here has ids
 * starting with {@code it-rp-} and is removed afterwards, so the shared demo graph stays as
 * generated.
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
class RecruitingPipelineIT {
  @Autowired WebTestClient web;
  @Autowired ApiTokens tokens;
  @Autowired Driver driver;
  @Autowired FieldCipher cipher;
  @Autowired AuditLog auditLog;
  final ObjectMapper json = new ObjectMapper();

  String admin;
  String hr;

  /** MANAGER who manages the opening's team: the hiring manager. */
  String manager;

  /** MANAGER on the hiring team as interviewer of round 2 only. */
  String interviewer2;

  String analyst;
  String team;
  String managerId;
  String interviewer1Id;
  String interviewer2Id;
  String skillA;
  String skillB;
  int expertsBefore;

  @BeforeAll
  void setUp() {
    try (var s = driver.session()) {
      var r =
          s.run(
                  """
          MATCH (m:Expert)-[:MANAGES]->(t:Team)<-[:MEMBER_OF]-(x:Expert) WHERE x <> m
          WITH t, m, collect(x.id) AS xs WHERE size(xs) >= 2
          RETURN t.id AS t, m.id AS m, xs[0] AS i1, xs[1] AS i2 ORDER BY t.id LIMIT 1""")
              .single();
      team = r.get("t").asString();
      managerId = r.get("m").asString();
      interviewer1Id = r.get("i1").asString();
      interviewer2Id = r.get("i2").asString();
      var k =
          s.run("MATCH (k:Skill) WHERE NOT k:SkillGroup RETURN k.id AS id ORDER BY k.id LIMIT 2")
              .list(x -> x.get("id").asString());
      skillA = k.get(0);
      skillB = k.get(1);
      expertsBefore = s.run("MATCH (e:Expert) RETURN count(e) AS n").single().get("n").asInt();
    }
    admin = tokens.create("it-rp-admin", "admin", Set.of(Role.ADMIN), null, null).token();
    hr = tokens.create("it-rp-hr", "it-rp-hr", Set.of(Role.HR), null, null).token();
    manager =
        tokens
            .create("it-rp-manager", "it-rp-manager", Set.of(Role.MANAGER), managerId, null)
            .token();
    interviewer2 =
        tokens
            .create(
                "it-rp-interviewer",
                "it-rp-interviewer",
                Set.of(Role.MANAGER),
                interviewer2Id,
                null)
            .token();
    analyst =
        tokens.create("it-rp-analyst", "it-rp-analyst", Set.of(Role.ANALYST), null, null).token();
  }

  /**
   * The demo expert moved by the internal-mobility test, with their team before, restored
   * afterwards.
   */
  String mover;

  String moverTeam;
  Object moverSince;

  @AfterAll
  void cleanUp() {
    try (var s = driver.session()) {
      if (mover != null) {
        s.run(
                "MATCH (e:Expert {id: $e})-[m:MEMBER_OF]->() DELETE m WITH DISTINCT e MATCH (t:Team {id: $t})"
                    + " CREATE (e)-[:MEMBER_OF {since: $since}]->(t)",
                vars("e", mover, "t", moverTeam, "since", moverSince))
            .consume();
      }
      s.run(
              """
          MATCH (a:Application) WHERE EXISTS { (a)-[:TO]->(o:JobOpening) WHERE o.id STARTS WITH 'it-rp-' }
          OPTIONAL MATCH (a)-[:MOVED|HAS_ASSESSMENT|HAS_INTERVIEW]->(x)
          OPTIONAL MATCH (x)-[:HAS_PERSONAL_DATA]->(pd:PersonalData)
          DETACH DELETE pd, x, a""")
          .consume();
      s.run(
              "MATCH (n) WHERE (n:JobOpening OR n:Candidate) AND n.id STARTS WITH 'it-rp-' DETACH DELETE n")
          .consume();
      assertThat(s.run("MATCH (e:Expert) RETURN count(e) AS n").single().get("n").asInt())
          .isEqualTo(expertsBefore);
    }
  }

  // ------------------------------------------------------------------ helpers

  JsonNode gql(String token, String query, Map<String, Object> variables) {
    return GraphQlOverHttp.bearer(web, token, query, variables);
  }

  JsonNode ok(String token, String query, Map<String, Object> variables) {
    JsonNode r = gql(token, query, variables);
    assertThat(r.get("errors")).as(r.toString()).isNull();
    return r.get("data");
  }

  static Map<String, Object> vars(Object... kv) {
    Map<String, Object> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
    return m;
  }

  static final String APPLICATION =
      "id stage round updatedAt allowedMoves opening { id status }"
          + " applicant { __typename id name }"
          + " history { seq from to round at actor reason }"
          + " assessments { id method overall measured { level skill { id } } }"
          + " interviews { id round interviewer { id } scores { competency score } recommendation }";

  static final String MOVE =
      "mutation($id: ID!, $to: Stage!, $reason: String) {"
          + " moveApplication(input: {applicationId: $id, to: $to, reason: $reason}) {"
          + " application { "
          + APPLICATION
          + " } currentStage currentRound allowedStages errors { field message code } } }";

  JsonNode move(String token, String applicationId, String to) {
    return gql(token, MOVE, vars("id", applicationId, "to", to, "reason", "to " + to.toLowerCase()))
        .at("/data/moveApplication");
  }

  JsonNode moveOk(String token, String applicationId, String to) {
    JsonNode m = move(token, applicationId, to);
    assertThat(m.get("errors")).as(m.toString()).isEmpty();
    return m.get("application");
  }

  String createOpening(String id, int rounds, int headcount) {
    JsonNode d =
        ok(
            admin,
            "mutation($in: CreateOpeningInput!) { createOpening(input: $in) { opening { id status interviewRounds"
                + " headcount team { id } requires { level required skill { id } } hiringTeam { role expert { id } } }"
                + " errors { field message code } } }",
            vars(
                "in",
                Map.of(
                    "id",
                    id,
                    "title",
                    "Pipeline engineer " + id,
                    "description",
                    "Builds pipelines",
                    "teamId",
                    team,
                    "location",
                    "Berlin",
                    "remotePolicy",
                    "HYBRID",
                    "interviewRounds",
                    rounds,
                    "headcount",
                    headcount,
                    "requires",
                    List.of(
                        Map.of("skillId", skillA, "level", 3, "required", true),
                        Map.of("skillId", skillB, "level", 2, "required", false)),
                    "hiringTeam",
                    List.of(
                        Map.of("expertId", managerId, "role", "HIRING_MANAGER"),
                        Map.of("expertId", interviewer1Id, "role", "INTERVIEWER"),
                        Map.of("expertId", interviewer2Id, "role", "INTERVIEWER")))));
    JsonNode p = d.at("/createOpening");
    assertThat(p.get("errors")).as(p.toString()).isEmpty();
    assertThat(p.at("/opening/status").asText()).isEqualTo("OPEN");
    assertThat(p.at("/opening/team/id").asText()).isEqualTo(team);
    assertThat(p.at("/opening/requires").size()).isEqualTo(2);
    assertThat(p.at("/opening/hiringTeam").size()).isEqualTo(3);
    return p.at("/opening/id").asText();
  }

  String createCandidate(String id, String name) {
    JsonNode p =
        ok(
                hr,
                "mutation($in: CreateCandidateInput!) { createCandidate(input: $in) { candidate { id name"
                    + " skills { level skill { id } } } errors { field message } } }",
                vars(
                    "in",
                    Map.of(
                        "id",
                        id,
                        "name",
                        name,
                        "skills",
                        List.of(Map.of("skillId", skillA, "level", 2)))))
            .at("/createCandidate");
    assertThat(p.get("errors")).as(p.toString()).isEmpty();
    assertThat(p.at("/candidate/skills/0/level").asInt()).isEqualTo(2);
    return p.at("/candidate/id").asText();
  }

  static final String APPLY =
      "mutation($in: ApplyInput!) { apply(input: $in) { application { "
          + APPLICATION
          + " }"
          + " errors { field message code } } }";

  String apply(String opening, String candidate) {
    JsonNode p =
        ok(hr, APPLY, vars("in", Map.of("openingId", opening, "candidateId", candidate)))
            .at("/apply");
    assertThat(p.get("errors")).as(p.toString()).isEmpty();
    assertThat(p.at("/application/stage").asText()).isEqualTo("APPLIED");
    return p.at("/application/id").asText();
  }

  JsonNode recordInterview(
      String token, String application, int round, String interviewer, String feedback) {
    return ok(
            token,
            "mutation($in: RecordInterviewInput!) { recordInterview(input: $in) { interview { id round"
                + " interviewer { id } scores { competency score } overall recommendation } errors { field message code } } }",
            vars(
                "in",
                Map.of(
                    "applicationId",
                    application,
                    "round",
                    round,
                    "interviewerId",
                    interviewer,
                    "scores",
                    List.of(
                        Map.of("competency", "system design", "score", 4),
                        Map.of("competency", "coding", "score", 5)),
                    "recommendation",
                    "STRONG_YES",
                    "feedback",
                    feedback)))
        .at("/recordInterview");
  }

  /** Stage, round, history length and updatedAt, read with Cypher directly. */
  List<Object> snapshot(String application) {
    try (var s = driver.session()) {
      var r =
          s.run(
                  "MATCH (a:Application {id: $id}) RETURN a.stage AS stage, a.round AS round, a.updatedAt AS updatedAt,"
                      + " a.closedAt AS closedAt, COUNT { (a)-[:MOVED]->(:StageChange) } AS moves,"
                      + " COUNT { (a)-[:HAS_INTERVIEW|HAS_ASSESSMENT]->() } AS records",
                  Map.of("id", application))
              .single();
      List<Object> out = new ArrayList<>();
      r.keys().forEach(k -> out.add(r.get(k).asObject()));
      return out;
    }
  }

  void assertInvalid(
      JsonNode move, String currentStage, Integer currentRound, List<String> allowed) {
    assertThat(move.get("errors")).as(move.toString()).hasSize(1);
    JsonNode e = move.at("/errors/0");
    assertThat(e.get("code").asText()).isEqualTo("INVALID_TRANSITION");
    assertThat(e.get("field").asText()).isEqualTo("to");
    assertThat(e.get("message").asText()).contains(currentStage);
    if (currentRound != null)
      assertThat(e.get("message").asText()).contains("round " + currentRound);
    allowed.forEach(s -> assertThat(e.get("message").asText()).contains(s));
    assertThat(move.get("currentStage").asText()).isEqualTo(currentStage);
    if (currentRound == null) assertThat(move.get("currentRound").isNull()).isTrue();
    else assertThat(move.get("currentRound").asInt()).isEqualTo(currentRound);
    List<String> got = new ArrayList<>();
    move.get("allowedStages").forEach(s -> got.add(s.asText()));
    assertThat(got).containsExactlyElementsOf(allowed);
    assertThat(move.at("/application/stage").asText()).isEqualTo(currentStage);
    assertThat(move.at("/application/allowedMoves").size()).isEqualTo(allowed.size());
  }

  // ------------------------------------------------------------------ from applied to hired

  @Test
  void aCandidateIsHiredEndToEndAndJoinsTheTeam() {
    String opening = createOpening("it-rp-j1", 2, 1);
    String candidate = createCandidate("it-rp-c1", "Pia Pipeline");
    String app = apply(opening, candidate); // hr
    moveOk(admin, app, "SCREENED"); // admin
    moveOk(hr, app, "ASSESSMENT"); // hr
    JsonNode assessed =
        ok(
                hr,
                "mutation($in: RecordAssessmentInput!) { recordAssessment(input: $in) {"
                    + " assessment { id method overall measured { level skill { id } } } errors { field message } } }",
                vars(
                    "in",
                    Map.of(
                        "applicationId",
                        app,
                        "method",
                        "coding test",
                        "updateSkills",
                        true,
                        "levels",
                        List.of(
                            Map.of("skillId", skillA, "level", 4),
                            Map.of("skillId", skillB, "level", 3)))))
            .at("/recordAssessment");
    assertThat(assessed.get("errors")).as(assessed.toString()).isEmpty();
    assertThat(assessed.at("/assessment/overall").asDouble()).isEqualTo(3.5);
    String assessment = assessed.at("/assessment/id").asText();
    JsonNode r1 = moveOk(admin, app, "INTERVIEW"); // admin, round 1
    assertThat(r1.get("round").asInt()).isEqualTo(1);
    assertThat(
            recordInterview(manager, app, 1, interviewer1Id, "Clear thinker; round one.")
                .get("errors"))
        .isEmpty();
    JsonNode r2 = moveOk(manager, app, "INTERVIEW"); // the hiring manager, round 2
    assertThat(r2.get("round").asInt()).isEqualTo(2);
    assertThat(recordInterview(hr, app, 2, interviewer2Id, "Hire; round two.").get("errors"))
        .isEmpty();
    moveOk(hr, app, "OFFER"); // hr
    JsonNode hired = moveOk(admin, app, "HIRED"); // admin
    assertThat(hired.get("stage").asText()).isEqualTo("HIRED");
    assertThat(hired.get("allowedMoves").size()).isZero();
    assertThat(hired.at("/opening/status").asText()).as("headcount 1 reached").isEqualTo("CLOSED");

    // the candidate is now an Expert (same id), on the opening's team
    JsonNode expert =
        ok(
                admin,
                "query($id: ID!) { expert(id: $id) { id name title teams { id } skills { level evidence skill { id } } } }",
                vars("id", candidate))
            .get("expert");
    assertThat(expert.get("name").asText()).isEqualTo("Pia Pipeline");
    assertThat(expert.get("title").asText()).isEqualTo("Pipeline engineer it-rp-j1");
    assertThat(expert.get("teams").findValuesAsText("id")).containsExactly(team);
    JsonNode skill = null;
    for (JsonNode s : expert.get("skills"))
      if (s.at("/skill/id").asText().equals(skillA)) skill = s;
    assertThat(skill).isNotNull();
    assertThat(skill.get("level").asInt()).as("the assessment updated the skill").isEqualTo(4);
    assertThat(skill.get("evidence").asText()).isEqualTo("assessment " + assessment);
    try (var s = driver.session()) {
      var r =
          s.run(
                  "MATCH (p:Candidate:Expert {id: $id})-[m:MEMBER_OF]->(t:Team) RETURN p.status AS status,"
                      + " p.hiredAt IS NOT NULL AS dated, collect(t.id) AS teams",
                  Map.of("id", candidate))
              .single();
      assertThat(r.get("status").asString()).isEqualTo("active");
      assertThat(r.get("dated").asBoolean()).isTrue();
      assertThat(r.get("teams").asList()).containsExactly(team);
    }

    // the opening's applications show it hired; the history lists every step with its actor
    JsonNode o =
        ok(
                admin,
                "query($id: ID!) { opening(id: $id) { status closedAt applications(stage: HIRED) { "
                    + APPLICATION
                    + " } all: applications { id } } }",
                vars("id", opening))
            .get("opening");
    assertThat(o.get("closedAt").isNull()).isFalse();
    assertThat(o.get("applications")).hasSize(1);
    JsonNode a = o.at("/applications/0");
    assertThat(a.get("id").asText()).isEqualTo(app);
    assertThat(a.at("/applicant/__typename").asText()).isEqualTo("Candidate");
    assertThat(a.at("/applicant/id").asText()).isEqualTo(candidate);
    List<String> steps = new ArrayList<>();
    for (JsonNode h : a.get("history")) {
      steps.add(
          h.get("seq").asInt()
              + " "
              + h.get("from").asText(null)
              + "->"
              + h.get("to").asText()
              + (h.get("round").isNull() ? "" : "(" + h.get("round").asInt() + ")")
              + " by "
              + h.get("actor").asText());
      assertThat(h.get("at").asText()).isNotBlank();
      assertThat(h.get("reason").asText()).isNotBlank();
    }
    assertThat(steps)
        .containsExactly(
            "1 null->APPLIED by it-rp-hr",
            "2 APPLIED->SCREENED by admin",
            "3 SCREENED->ASSESSMENT by it-rp-hr",
            "4 ASSESSMENT->INTERVIEW(1) by admin",
            "5 INTERVIEW->INTERVIEW(2) by it-rp-manager",
            "6 INTERVIEW->OFFER by it-rp-hr",
            "7 OFFER->HIRED by admin");
    assertThat(a.get("assessments")).hasSize(1);
    assertThat(a.get("interviews")).hasSize(2);
    assertThat(a.at("/interviews/0/interviewer/id").asText()).isEqualTo(interviewer1Id);

    // after the hire: no move, and the closed opening takes no applications
    JsonNode after = move(hr, app, "REJECTED");
    assertInvalid(after, "HIRED", null, List.of());
    String other = createCandidate("it-rp-c2", "Olli Other");
    JsonNode closed =
        ok(hr, APPLY, vars("in", Map.of("openingId", opening, "candidateId", other))).at("/apply");
    assertThat(closed.at("/errors/0/field").asText()).isEqualTo("openingId");
    assertThat(closed.at("/errors/0/message").asText()).contains("closed");
  }

  // ------------------------------------------------------------------ invalid transitions

  @Test
  void everyInvalidTransitionIsTypedAndChangesNothing() {
    String opening = createOpening("it-rp-j2", 2, 5);
    String app = apply(opening, createCandidate("it-rp-c3", "Ivo Invalid"));

    // skipping stages
    List<Object> before = snapshot(app);
    assertInvalid(
        move(hr, app, "OFFER"), "APPLIED", null, List.of("SCREENED", "REJECTED", "WITHDRAWN"));
    assertInvalid(
        move(hr, app, "ASSESSMENT"), "APPLIED", null, List.of("SCREENED", "REJECTED", "WITHDRAWN"));
    assertInvalid(
        move(hr, app, "APPLIED"), "APPLIED", null, List.of("SCREENED", "REJECTED", "WITHDRAWN"));
    assertThat(snapshot(app)).isEqualTo(before);

    moveOk(hr, app, "SCREENED");
    before = snapshot(app);
    assertInvalid(
        move(hr, app, "INTERVIEW"),
        "SCREENED",
        null,
        List.of("ASSESSMENT", "REJECTED", "WITHDRAWN"));
    assertThat(snapshot(app)).isEqualTo(before);

    // an offer before the last round
    moveOk(hr, app, "ASSESSMENT");
    moveOk(hr, app, "INTERVIEW");
    before = snapshot(app);
    JsonNode early = move(hr, app, "OFFER");
    assertInvalid(early, "INTERVIEW", 1, List.of("INTERVIEW", "REJECTED", "WITHDRAWN"));
    assertThat(early.at("/errors/0/message").asText()).contains("after the last interview round");
    assertThat(move(hr, app, "HIRED").at("/errors/0/code").asText())
        .isEqualTo("INVALID_TRANSITION");
    assertThat(snapshot(app)).isEqualTo(before);

    // the last round: now INTERVIEW again is refused, OFFER allowed
    moveOk(hr, app, "INTERVIEW");
    before = snapshot(app);
    assertInvalid(
        move(hr, app, "INTERVIEW"), "INTERVIEW", 2, List.of("OFFER", "REJECTED", "WITHDRAWN"));
    assertThat(snapshot(app)).isEqualTo(before);

    // nothing after a final stage: hired, and rejected
    moveOk(hr, app, "OFFER");
    moveOk(hr, app, "HIRED");
    before = snapshot(app);
    for (String to : List.of("REJECTED", "WITHDRAWN", "OFFER", "HIRED", "APPLIED")) {
      JsonNode m = move(admin, app, to);
      assertInvalid(m, "HIRED", null, List.of());
      assertThat(m.at("/errors/0/message").asText()).contains("final");
    }
    assertThat(snapshot(app)).isEqualTo(before);

    String rejected = apply(opening, createCandidate("it-rp-c4", "Rita Rejected"));
    moveOk(hr, rejected, "REJECTED");
    before = snapshot(rejected);
    for (String to : List.of("SCREENED", "WITHDRAWN", "REJECTED"))
      assertInvalid(move(hr, rejected, to), "REJECTED", null, List.of());
    assertThat(snapshot(rejected)).isEqualTo(before);

    // an unknown stage: a GraphQL error for the enum literal and for a string variable; nothing
    // written
    String pending = apply(opening, createCandidate("it-rp-c5", "Uma Unknown"));
    before = snapshot(pending);
    JsonNode literal =
        gql(
            hr,
            "mutation { moveApplication(input: {applicationId: \""
                + pending
                + "\", to: PROMOTED}) { errors { code } } }",
            null);
    assertThat(literal.at("/errors/0/message").asText()).contains("PROMOTED");
    assertThat(
            literal.at("/data/moveApplication").isMissingNode()
                || literal.at("/data/moveApplication").isNull())
        .isTrue();
    JsonNode variable = gql(hr, MOVE, vars("id", pending, "to", "promoted"));
    assertThat(variable.at("/errors/0/message").asText()).contains("promoted");
    assertThat(variable.at("/errors/0/extensions/classification").asText())
        .isEqualTo("ValidationError");
    assertThat(snapshot(pending)).isEqualTo(before);

    // an unknown application
    JsonNode unknown = move(hr, "it-rp-nope", "SCREENED");
    assertThat(unknown.at("/errors/0/code").asText()).isEqualTo("NOT_FOUND");
    assertThat(unknown.at("/errors/0/field").asText()).isEqualTo("applicationId");
    assertThat(unknown.get("application").isNull()).isTrue();

    // a second live application of the same person is refused; so are recordings out of stage
    JsonNode twice =
        ok(hr, APPLY, vars("in", Map.of("openingId", opening, "candidateId", "it-rp-c5")))
            .at("/apply");
    assertThat(twice.at("/errors/0/code").asText()).isEqualTo("DUPLICATE");
    assertThat(twice.at("/errors/0/message").asText()).contains(pending);
    JsonNode early2 = recordInterview(hr, pending, 1, interviewer1Id, "too early");
    assertThat(early2.at("/errors/0/field").asText()).isEqualTo("round");
    assertThat(early2.at("/errors/0/message").asText()).contains("APPLIED");
    assertThat(snapshot(pending)).isEqualTo(before);
  }

  // ------------------------------------------------------------------ who sees what

  @Test
  void applicationsAndFeedbackFollowTheRoles() {
    String opening = createOpening("it-rp-j3", 2, 5);
    String app = apply(opening, createCandidate("it-rp-c6", "Fay Feedback"));
    for (String to : List.of("SCREENED", "ASSESSMENT", "INTERVIEW")) moveOk(hr, app, to);
    assertThat(recordInterview(hr, app, 1, interviewer1Id, "Round one: sharp.").get("errors"))
        .isEmpty();
    moveOk(hr, app, "INTERVIEW");
    assertThat(recordInterview(hr, app, 2, interviewer2Id, "Round two: ready.").get("errors"))
        .isEmpty();
    String query =
        "query($id: ID!) { application(id: $id) { id stage interviews { round feedback } } }";

    // HR and the hiring manager (manager of the opening's team) read both
    for (String token : List.of(hr, manager)) {
      JsonNode r = ok(token, query, vars("id", app));
      assertThat(r.at("/application/interviews/0/feedback").asText())
          .isEqualTo("Round one: sharp.");
      assertThat(r.at("/application/interviews/1/feedback").asText())
          .isEqualTo("Round two: ready.");
    }
    // an interviewer on the hiring team reads the application and their own feedback only
    JsonNode own = gql(interviewer2, query, vars("id", app));
    assertThat(own.at("/data/application/stage").asText()).isEqualTo("INTERVIEW");
    assertThat(own.at("/data/application/interviews/0/feedback").isNull()).isTrue();
    assertThat(own.at("/data/application/interviews/1/feedback").asText())
        .isEqualTo("Round two: ready.");
    assertThat(own.get("errors")).hasSize(1);
    assertThat(own.at("/errors/0/extensions/code").asText()).isEqualTo("FORBIDDEN");
    assertThat(own.at("/errors/0/message").asText()).contains("Interview.feedback");

    // ANALYST (and PORTAL, EMPLOYEE) read no application, at the top or nested
    JsonNode denied = gql(analyst, query, vars("id", app));
    assertThat(denied.at("/data/application").isNull()).isTrue();
    assertThat(denied.at("/errors/0/extensions/code").asText()).isEqualTo("FORBIDDEN");
    JsonNode nested =
        gql(
            analyst,
            "query($id: ID!) { opening(id: $id) { title applications { id } } }",
            vars("id", opening));
    assertThat(nested.at("/data/opening/title").asText()).startsWith("Pipeline engineer");
    assertThat(nested.at("/data/opening/applications").isNull()).isTrue();
    assertThat(nested.at("/errors/0/extensions/code").asText()).isEqualTo("FORBIDDEN");
    JsonNode move = gql(analyst, MOVE, vars("id", app, "to", "REJECTED"));
    assertThat(move.at("/errors/0/extensions/code").asText()).isEqualTo("FORBIDDEN");
    JsonNode open =
        gql(
            analyst,
            "mutation { createOpening(input: {title: \"x\", teamId: \""
                + team
                + "\"}) { errors { code } } }",
            null);
    assertThat(open.at("/errors/0/extensions/code").asText()).isEqualTo("FORBIDDEN");

    // a manager of another team, not on the hiring team, may not read or move it
    String outsiderId;
    try (var s = driver.session()) {
      outsiderId =
          s.run(
                  "MATCH (m:Expert)-[:MANAGES]->(t:Team) WHERE t.id <> $team AND NOT m.id IN $hiring"
                      + " RETURN m.id AS id ORDER BY m.id LIMIT 1",
                  Map.of(
                      "team", team, "hiring", List.of(managerId, interviewer1Id, interviewer2Id)))
              .single()
              .get("id")
              .asString();
    }
    String outsider =
        tokens
            .create("it-rp-outsider", "it-rp-outsider", Set.of(Role.MANAGER), outsiderId, null)
            .token();
    assertThat(gql(outsider, query, vars("id", app)).at("/errors/0/extensions/code").asText())
        .isEqualTo("FORBIDDEN");
    assertThat(
            gql(outsider, MOVE, vars("id", app, "to", "REJECTED"))
                .at("/errors/0/extensions/code")
                .asText())
        .isEqualTo("FORBIDDEN");
    assertThat(snapshot(app).get(0)).isEqualTo("interview");

    // the feedback is sealed in the graph, bound to its interview; reads and refusals are audited
    try (var s = driver.session()) {
      var r =
          s.run(
                  "MATCH (:Application {id: $id})-[:HAS_INTERVIEW]->(i:Interview {round: 1})-[:HAS_PERSONAL_DATA]->(p:PersonalData)"
                      + " RETURN i.id AS id, p.feedback AS f",
                  Map.of("id", app))
              .single();
      assertThat(r.get("f").asString()).startsWith(FieldCipher.PREFIX).doesNotContain("sharp");
      assertThat(
              cipher.decrypt(
                  r.get("f").asString(), FieldCipher.aad(r.get("id").asString(), "feedback")))
          .isEqualTo("Round one: sharp.");
    }
    assertThat(auditLog.flush(Duration.ofSeconds(30))).isTrue();
    try (var s = driver.session()) {
      assertThat(
              s.run(
                      "MATCH (a:AuditEvent {actor: 'it-rp-hr', action: 'personal.read'}) WHERE a.target CONTAINS 'Interview.feedback'"
                          + " RETURN count(a) AS n")
                  .single()
                  .get("n")
                  .asInt())
          .isPositive();
      var refusals =
          s.run(
                  "MATCH (a:AuditEvent {actor: 'it-rp-interviewer'}) WHERE a.outcome = 'REFUSED'"
                      + " RETURN a.reason AS reason")
              .list(x -> x.get("reason").asString(""));
      assertThat(refusals)
          .as("the refused feedback read is audited")
          .anyMatch(x -> x.contains("FORBIDDEN") && x.contains("feedback"));
    }
  }

  @Test
  void theAnalystEndpointRefusesTheRecruitingLabels() {
    for (String q :
        List.of(
            "MATCH (s:StageChange) RETURN s.actor",
            "MATCH (i:Interview) RETURN i.scores",
            "MATCH (a:Assessment) RETURN a.overall",
            "MATCH (c:Contest) RETURN c.reason",
            "MATCH (:JobOpening)<-[:TO]-(a) RETURN a.stage")) {
      String body =
          web.post()
              .uri("/cypher")
              .headers(h -> h.setBearerAuth(analyst))
              .contentType(MediaType.APPLICATION_JSON)
              .bodyValue(Map.of("query", q))
              .exchange()
              .expectStatus()
              .is4xxClientError()
              .expectBody(String.class)
              .returnResult()
              .getResponseBody();
      assertThat(body).as(q).contains("refused");
    }
  }

  @Test
  void erasureRemovesTheApplicantsInterviewFeedback() {
    String opening = createOpening("it-rp-j4", 1, 5);
    String candidate = createCandidate("it-rp-c7", "Eli Erased");
    String app = apply(opening, candidate);
    for (String to : List.of("SCREENED", "ASSESSMENT", "INTERVIEW")) moveOk(hr, app, to);
    assertThat(recordInterview(hr, app, 1, interviewer1Id, "About Eli.").get("errors")).isEmpty();
    moveOk(hr, app, "OFFER");
    moveOk(hr, app, "HIRED");
    JsonNode erased =
        ok(
                hr,
                "mutation($id: ID!) { eraseExpert(input: {expertId: $id}) { erased errors { message } } }",
                vars("id", candidate))
            .get("eraseExpert");
    assertThat(erased.get("erased").asBoolean()).isTrue();
    try (var s = driver.session()) {
      assertThat(
              s.run(
                      "MATCH (:Application {id: $id})-[:HAS_INTERVIEW]->(:Interview)-[:HAS_PERSONAL_DATA]->(p) RETURN count(p) AS n",
                      Map.of("id", app))
                  .single()
                  .get("n")
                  .asInt())
          .isZero();
    }

    // an external candidate (not hired) is erased likewise; the application stays, anonymous
    String other = createCandidate("it-rp-c8", "Cora Candidate");
    String app2 = apply(opening, other);
    for (String to : List.of("SCREENED", "ASSESSMENT", "INTERVIEW")) moveOk(hr, app2, to);
    assertThat(recordInterview(hr, app2, 1, interviewer1Id, "About Cora.").get("errors")).isEmpty();
    String erase =
        "mutation($id: ID!) { eraseCandidate(input: {candidateId: $id}) { erased nodesDeleted errors { code } } }";
    assertThat(gql(analyst, erase, vars("id", other)).at("/errors/0/extensions/code").asText())
        .isEqualTo("FORBIDDEN");
    JsonNode e2 = ok(hr, erase, vars("id", other)).get("eraseCandidate");
    assertThat(e2.get("erased").asBoolean()).isTrue();
    assertThat(e2.get("nodesDeleted").asInt()).isEqualTo(1);
    assertThat(ok(hr, erase, vars("id", other)).at("/eraseCandidate/nodesDeleted").asInt())
        .as("idempotent")
        .isZero();
    assertThat(ok(hr, erase, vars("id", candidate)).at("/eraseCandidate/errors/0/code").asText())
        .isEqualTo("NOT_FOUND");
    try (var s = driver.session()) {
      var r =
          s.run(
                  "MATCH (c:Candidate {id: $c}) RETURN c.name AS name, EXISTS { (c)-[:APPLIED]->() } AS linked,"
                      + " EXISTS { MATCH (:Application {id: $a})-[:HAS_INTERVIEW]->()-[:HAS_PERSONAL_DATA]->() } AS feedback,"
                      + " EXISTS { MATCH (a:Application {id: $a}) } AS kept",
                  Map.of("c", other, "a", app2))
              .single();
      assertThat(r.get("name").asString()).isEqualTo("Erased person");
      assertThat(r.get("linked").asBoolean()).isFalse();
      assertThat(r.get("feedback").asBoolean()).isFalse();
      assertThat(r.get("kept").asBoolean()).isTrue();
    }
  }

  @Test
  void anInternalMoverChangesTeam() {
    try (var s = driver.session()) {
      var r =
          s.run(
                  "MATCH (e:Expert {status: 'active'})-[m:MEMBER_OF]->(t:Team) WHERE t.id <> $team AND NOT (e)-[:MANAGES]->() AND NOT e:Candidate"
                      + " RETURN e.id AS e, t.id AS t, m.since AS since ORDER BY e.id LIMIT 1",
                  Map.of("team", team))
              .single();
      mover = r.get("e").asString();
      moverTeam = r.get("t").asString();
      moverSince = r.get("since").asObject();
    }
    String opening = createOpening("it-rp-j6", 1, 1);
    JsonNode applied =
        ok(hr, APPLY, vars("in", Map.of("openingId", opening, "expertId", mover))).at("/apply");
    assertThat(applied.get("errors")).as(applied.toString()).isEmpty();
    String app = applied.at("/application/id").asText();
    assertThat(applied.at("/application/applicant/__typename").asText())
        .isEqualTo("InternalApplicant");
    for (String to : List.of("SCREENED", "ASSESSMENT", "INTERVIEW", "OFFER", "HIRED"))
      moveOk(hr, app, to);
    JsonNode expert =
        ok(hr, "query($id: ID!) { expert(id: $id) { teams { id } } }", vars("id", mover))
            .get("expert");
    assertThat(expert.get("teams").findValuesAsText("id")).containsExactly(team);
    try (var s = driver.session()) {
      assertThat(
              s.run("MATCH (e:Expert {id: $e}) RETURN e:Candidate AS c", Map.of("e", mover))
                  .single()
                  .get("c")
                  .asBoolean())
          .as("an expert stays an expert, not a candidate")
          .isFalse();
    }
  }

  @Test
  void openingsAreListedUpdatedAndClosed() {
    String opening = createOpening("it-rp-j5", 2, 2);
    JsonNode page =
        ok(
                hr,
                "query($team: ID!) { openings(first: 100, where: {status: OPEN, teamId: $team}) { totalCount"
                    + " edges { node { id status team { id } } } } }",
                vars("team", team))
            .get("openings");
    try (var s = driver.session()) {
      int open =
          s.run(
                  "MATCH (o:JobOpening {status: 'open'})-[:HIRES_FOR]->(:Team {id: $t}) RETURN count(o) AS n",
                  Map.of("t", team))
              .single()
              .get("n")
              .asInt();
      assertThat(page.get("totalCount").asInt()).isEqualTo(open);
    }
    assertThat(page.get("edges").findValuesAsText("id")).contains(opening);
    page.get("edges").forEach(e -> assertThat(e.at("/node/status").asText()).isEqualTo("OPEN"));

    String update =
        "mutation($in: UpdateOpeningInput!) { updateOpening(input: $in) { opening { title interviewRounds"
            + " headcount requires { skill { id } } hiringTeam { expert { id } } } errors { field code } } }";
    JsonNode u =
        ok(
                hr,
                update,
                vars(
                    "in",
                    Map.of(
                        "id",
                        opening,
                        "title",
                        "Senior pipeline engineer",
                        "interviewRounds",
                        3,
                        "requires",
                        List.of(Map.of("skillId", skillB, "level", 4)))))
            .get("updateOpening");
    assertThat(u.get("errors")).as(u.toString()).isEmpty();
    assertThat(u.at("/opening/title").asText()).isEqualTo("Senior pipeline engineer");
    assertThat(u.at("/opening/interviewRounds").asInt()).isEqualTo(3);
    assertThat(u.at("/opening/headcount").asInt()).as("left alone").isEqualTo(2);
    assertThat(u.at("/opening/requires").findValuesAsText("id")).containsExactly(skillB);
    assertThat(u.at("/opening/hiringTeam").size()).as("left alone").isEqualTo(3);

    // fewer rounds than a live application has reached is refused
    String app = apply(opening, createCandidate("it-rp-c9", "Rob Rounds"));
    for (String to : List.of("SCREENED", "ASSESSMENT", "INTERVIEW", "INTERVIEW"))
      moveOk(hr, app, to);
    JsonNode shrink =
        ok(hr, update, vars("in", Map.of("id", opening, "interviewRounds", 1)))
            .get("updateOpening");
    assertThat(shrink.at("/errors/0/field").asText()).isEqualTo("interviewRounds");

    String close =
        "mutation($id: ID!) { closeOpening(input: {id: $id}) { opening { status closedAt } errors { code } } }";
    JsonNode c1 = ok(hr, close, vars("id", opening)).get("closeOpening");
    assertThat(c1.at("/opening/status").asText()).isEqualTo("CLOSED");
    JsonNode c2 = ok(hr, close, vars("id", opening)).get("closeOpening");
    assertThat(c2.get("errors")).isEmpty();
    assertThat(c2.at("/opening/closedAt").asText()).isEqualTo(c1.at("/opening/closedAt").asText());
    assertThat(ok(hr, close, vars("id", "it-rp-none")).at("/closeOpening/errors/0/code").asText())
        .isEqualTo("NOT_FOUND");
    JsonNode late =
        ok(hr, APPLY, vars("in", Map.of("openingId", opening, "candidateId", "it-rp-c9")))
            .at("/apply");
    assertThat(late.at("/errors/0/message").asText()).contains("closed");
  }

  @Test
  void badInputIsNamedAndNothingIsWritten() {
    JsonNode p =
        ok(
                admin,
                "mutation { createOpening(input: {id: \"it-rp-bad\", title: \" \", teamId: \"nope\","
                    + " interviewRounds: 11, headcount: 0, requires: [{skillId: \"s-nope\", level: 9}]}) { opening { id } errors { field code } } }",
                null)
            .at("/createOpening");
    List<String> fields = p.get("errors").findValuesAsText("field");
    assertThat(fields).contains("title", "interviewRounds", "headcount", "requires[0].level");
    JsonNode refs =
        ok(
                admin,
                "mutation { createOpening(input: {id: \"it-rp-bad\", title: \"t\", teamId: \"nope\","
                    + " requires: [{skillId: \"s-nope\", level: 2}], hiringTeam: [{expertId: \"e-nope\", role: INTERVIEWER}]}) {"
                    + " errors { field code } } }",
                null)
            .at("/createOpening");
    assertThat(refs.get("errors").findValuesAsText("field"))
        .containsExactly("teamId", "requires[0].skillId", "hiringTeam[0].expertId");
    assertThat(refs.get("errors").findValuesAsText("code")).containsOnly("NOT_FOUND");
    try (var s = driver.session()) {
      assertThat(
              s.run("MATCH (o:JobOpening {id: 'it-rp-bad'}) RETURN count(o) AS n")
                  .single()
                  .get("n")
                  .asInt())
          .isZero();
    }
    JsonNode both =
        ok(hr, APPLY, vars("in", Map.of("openingId", "x", "candidateId", "y", "expertId", "z")))
            .at("/apply");
    assertThat(both.at("/errors/0/message").asText()).contains("exactly one");
  }
}
