package dev.talentgraph.recruiting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.talentgraph.GraphQlOverHttp;
import dev.talentgraph.schema.FieldCipher;
import dev.talentgraph.schema.fairness.VoluntaryDemographics;
import dev.talentgraph.security.ApiTokens;
import dev.talentgraph.security.Role;
import java.time.LocalDate;
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
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Fair funnels through GraphQL on the demo graph (the demo test context shared with DemoGraphIT and
 * RecruitingPipelineIT), with a fixture opening on a team of its own: 28 applicants, 25 of whom
 * gave their gender voluntarily (10 female, 10 male, 2 non-binary, 3 other) and 3 who did not.
 * Screening selects 4 of 10 women and 8 of 10 men: the women's impact ratio is 0.5, flagged; the
 * two small groups are suppressed; the unknown applicants are counted apart. Blind review hides the
 * names from a hiring manager until the offer, never from HR. Consent withdrawal deletes the
 * demographics (fairness monitoring) or erases the candidate (recruiting). Everything here has ids
 * starting with {@code it-ff-} and is removed afterwards.
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
class FairFunnelsIT {
  @Autowired WebTestClient web;
  @Autowired ApiTokens tokens;
  @Autowired Driver driver;
  @Autowired FieldCipher cipher;
  final ObjectMapper json = new ObjectMapper();

  String hr;
  String manager;
  String managerId;

  /** id, name, gender (null: not given), screened. */
  final List<Object[]> applicants = new ArrayList<>();

  @BeforeAll
  void setUp() {
    int n = 0;
    for (String[] g :
        new String[][] {
          {"female", "10", "4"},
          {"male", "10", "8"},
          {"non-binary", "2", "1"},
          {"other", "3", "2"},
          {null, "3", "1"}
        }) {
      int size = Integer.parseInt(g[1]);
      int screened = Integer.parseInt(g[2]);
      for (int i = 0; i < size; i++) {
        n++;
        applicants.add(new Object[] {"it-ff-c" + n, "Fixture Person " + n, g[0], i < screened});
      }
    }
    String applied = LocalDate.now().minusDays(20).toString();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Object[] a : applicants) rows.add(Map.of("id", a[0], "name", a[1], "screened", a[3]));
    try (var s = driver.session()) {
      managerId =
          s.run("MATCH (m:Expert)-[:MANAGES]->(:Team) RETURN m.id AS id ORDER BY id LIMIT 1")
              .single()
              .get("id")
              .asString();
      s.run(
              """
          CREATE (t:Team {id: 'it-ff-team', name: 'Fixture team', region: 'EMEA'})
          CREATE (o:JobOpening {id: 'it-ff-o', title: 'Fixture engineer', name: 'Fixture engineer', status: 'open',
                  region: 'EMEA', country: 'Germany', postedAt: date($applied)})-[:HIRES_FOR]->(t)
          WITH o MATCH (m:Expert {id: $m}) CREATE (m)-[:ON_HIRING_TEAM {role: 'hiring_manager'}]->(o)
          WITH o UNWIND $rows AS row
          CREATE (c:Candidate {id: row.id, name: row.name, country: 'Germany'})
          CREATE (c)-[:APPLIED]->(a:Application {id: 'app-' + row.id, appliedAt: date($applied),
                  stage: CASE WHEN row.screened THEN 'screened' ELSE 'rejected' END})-[:TO]->(o)
          CREATE (a)-[:MOVED]->(:StageChange {id: 'it-ff-sc1-' + row.id, seq: 1, to: 'applied', at: datetime()})
          CREATE (a)-[:MOVED]->(:StageChange {id: 'it-ff-sc2-' + row.id, seq: 2, from: 'applied',
                  to: CASE WHEN row.screened THEN 'screened' ELSE 'rejected' END, at: datetime()})
          """,
              Map.of("applied", applied, "m", managerId, "rows", rows))
          .consume();
      // one male applicant went on to the offer
      s.run(
              """
          MATCH (a:Application {id: 'app-it-ff-c11'}) SET a.stage = 'offer'
          WITH a UNWIND [[3, 'assessment'], [4, 'interview'], [5, 'offer']] AS m
          CREATE (a)-[:MOVED]->(:StageChange {id: 'it-ff-sc' + m[0] + '-c11', seq: m[0], to: m[1], at: datetime()})
          """)
          .consume();
    }
    hr = tokens.create("it-ff-hr", "it-ff-hr", Set.of(Role.HR), null, null).token();
    manager =
        tokens
            .create("it-ff-manager", "it-ff-manager", Set.of(Role.MANAGER), managerId, null)
            .token();
    for (Object[] a : applicants) {
      if (a[2] == null) continue;
      JsonNode r =
          ok(
              hr,
              "mutation($id: ID!, $g: String) { giveDemographics(input: {candidateId: $id, gender: $g})"
                  + " { consent { purpose active } errors { message } } }",
              vars("id", a[0], "g", a[2]));
      assertThat(r.at("/giveDemographics/errors").size()).isZero();
      assertThat(r.at("/giveDemographics/consent/purpose").asText())
          .isEqualTo("FAIRNESS_MONITORING");
    }
  }

  @AfterAll
  void cleanUp() {
    try (var s = driver.session()) {
      s.run(
              """
          MATCH (a:Application) WHERE a.id STARTS WITH 'app-it-ff-'
          OPTIONAL MATCH (a)-[:MOVED]->(x) DETACH DELETE x, a""")
          .consume();
      s.run(
              """
          MATCH (c:Candidate) WHERE c.id STARTS WITH 'it-ff-'
          OPTIONAL MATCH (c)-[:HAS_PERSONAL_DATA|GAVE_CONSENT]->(x) DETACH DELETE x, c""")
          .consume();
      s.run(
              "MATCH (n) WHERE (n:JobOpening OR n:Team) AND n.id STARTS WITH 'it-ff-' DETACH DELETE n")
          .consume();
    }
  }

  static final String FUNNEL =
      "{ metrics(team: \"it-ff-team\") { stageConversion { from to reachedFrom reachedTo }"
          + " funnelFairness { attribute minGroupSize threshold applications unknownApplications"
          + " steps { from to eligible selected unknownEligible unknownSelected referenceGroup"
          + " suppressedGroups adverseImpact"
          + " groups { group eligible selected selectionRate impactRatio flagged suppressed } } } } }";

  @Test
  void funnelReportsImpactRatiosWithUnknownsApartAndSmallGroupsSuppressed() {
    JsonNode m = ok(hr, FUNNEL, null).get("metrics");
    JsonNode f = m.get("funnelFairness");
    assertThat(f.get("attribute").asText()).isEqualTo("GENDER");
    assertThat(f.get("minGroupSize").asInt()).isEqualTo(5);
    assertThat(f.get("applications").asInt()).isEqualTo(28);
    assertThat(f.get("unknownApplications").asInt()).isEqualTo(3);

    JsonNode screening = f.at("/steps/0");
    assertThat(screening.get("from").asText()).isEqualTo("applied");
    assertThat(screening.get("to").asText()).isEqualTo("screened");
    // the same applications as the stage conversion
    assertThat(screening.get("eligible").asInt())
        .isEqualTo(m.at("/stageConversion/0/reachedFrom").asInt())
        .isEqualTo(28);
    assertThat(screening.get("selected").asInt())
        .isEqualTo(m.at("/stageConversion/0/reachedTo").asInt())
        .isEqualTo(16);
    assertThat(screening.get("unknownEligible").asInt()).isEqualTo(3);
    assertThat(screening.get("unknownSelected").asInt()).isEqualTo(1);
    assertThat(screening.get("referenceGroup").asText()).isEqualTo("male");
    assertThat(screening.get("adverseImpact").asBoolean()).isTrue();
    assertThat(screening.get("suppressedGroups").asInt()).isEqualTo(2);
    Map<String, JsonNode> groups = byGroup(screening);
    assertThat(groups).containsOnlyKeys("female", "male", "non-binary", "other");
    assertThat(groups.get("female").get("eligible").asInt()).isEqualTo(10);
    assertThat(groups.get("female").get("selected").asInt()).isEqualTo(4);
    assertThat(groups.get("female").get("selectionRate").asDouble()).isEqualTo(0.4);
    assertThat(groups.get("female").get("impactRatio").asDouble()).isEqualTo(0.5);
    assertThat(groups.get("female").get("flagged").asBoolean()).isTrue();
    assertThat(groups.get("male").get("impactRatio").asDouble()).isEqualTo(1.0);
    assertThat(groups.get("male").get("flagged").asBoolean()).isFalse();
    for (String small : List.of("non-binary", "other")) {
      assertThat(groups.get(small).get("suppressed").asBoolean()).isTrue();
      assertThat(groups.get(small).get("eligible").isNull()).isTrue();
      assertThat(groups.get(small).get("selectionRate").isNull()).isTrue();
    }

    // screened -> assessment: only 4 women reached screening, too few; with the two small groups
    // that hides 7 people together, so the men's figures can be shown without revealing any group
    JsonNode next = f.at("/steps/1");
    Map<String, JsonNode> g2 = byGroup(next);
    assertThat(g2.get("female").get("suppressed").asBoolean()).isTrue();
    assertThat(g2.get("male").get("eligible").asInt()).isEqualTo(8);
    assertThat(g2.get("male").get("selected").asInt()).isEqualTo(1);
    assertThat(next.get("suppressedGroups").asInt()).isEqualTo(3);
  }

  @Test
  void rankCandidatesReportsTheSameFiguresForItsTopK() {
    JsonNode r =
        ok(
                hr,
                "{ rankCandidates(openingId: \"it-ff-o\", first: 5) { considered items { candidateId }"
                    + " fairness { attribute k minGroupSize selection { unknownEligible unknownSelected"
                    + " suppressedGroups groups { group eligible selected suppressed } } } } }",
                null)
            .get("rankCandidates");
    // live applicants: the 15 screened and the one at the offer stage (counted among them)
    assertThat(r.get("considered").asInt()).isEqualTo(16);
    JsonNode sel = r.at("/fairness/selection");
    assertThat(r.at("/fairness/k").asInt()).isEqualTo(5);
    assertThat(sel.get("unknownEligible").asInt()).isEqualTo(1);
    long shownAndSelected = 0;
    for (JsonNode g : sel.get("groups")) {
      if (!g.get("suppressed").asBoolean()) shownAndSelected += g.get("selected").asInt();
    }
    assertThat(shownAndSelected + sel.get("unknownSelected").asInt()).isLessThanOrEqualTo(5);
    assertThat(byGroup(sel).get("male").get("eligible").asInt()).isEqualTo(8);
  }

  static final String APPLICANTS =
      "{ opening(id: \"it-ff-o\") { blindReview applications { id stage applicant { __typename id name } } } }";

  @Test
  void blindReviewHidesNamesFromReviewersUntilTheOffer() {
    assertThat(ok(manager, APPLICANTS, null).at("/opening/blindReview").asBoolean()).isFalse();
    assertThat(names(manager)).containsEntry("it-ff-c1", "Fixture Person 1");

    assertThat(
            gql(
                    manager,
                    "mutation { setBlindReview(input: {openingId: \"it-ff-o\"}) { blindReview } }",
                    null)
                .at("/errors/0/extensions/code")
                .asText())
        .isEqualTo("FORBIDDEN");
    JsonNode set =
        ok(
            hr,
            "mutation { setBlindReview(input: {openingId: \"it-ff-o\"}) { blindReview errors { code } } }",
            null);
    assertThat(set.at("/setBlindReview/blindReview").asBoolean()).isTrue();
    try {
      Map<String, String> seen = names(manager);
      assertThat(seen).hasSize(28);
      assertThat(seen.get("it-ff-c1")).startsWith("Applicant ").doesNotContain("Fixture");
      assertThat(seen.get("it-ff-c1")).isEqualTo(names(manager).get("it-ff-c1")); // stable
      assertThat(seen.get("it-ff-c2")).isNotEqualTo(seen.get("it-ff-c1"));
      // the offer stage shows the name
      assertThat(seen.get("it-ff-c11")).isEqualTo("Fixture Person 11");
      // reached another way, the candidate is hidden too
      assertThat(
              ok(manager, "{ candidate(id: \"it-ff-c1\") { name } }", null)
                  .at("/candidate/name")
                  .asText())
          .startsWith("Applicant ");
      // HR sees every name
      assertThat(names(hr)).containsEntry("it-ff-c1", "Fixture Person 1");
    } finally {
      ok(
          hr,
          "mutation { setBlindReview(input: {openingId: \"it-ff-o\", enabled: false}) { blindReview } }",
          null);
    }
    assertThat(names(manager)).containsEntry("it-ff-c1", "Fixture Person 1");
  }

  @Test
  void consentIsRecordedAndItsWithdrawalDeletesOrErases() {
    try (var s = driver.session()) {
      s.run(
              """
          CREATE (o:JobOpening {id: 'it-ff-o2', title: 'Another fixture opening', status: 'open'})
          CREATE (c:Candidate {id: 'it-ff-x', name: 'Xena Withdrawn'})-[:APPLIED]->(:Application {id: 'app-it-ff-x', stage: 'applied', appliedAt: date()})-[:TO]->(o)""")
          .consume();
    }
    assertThat(
            gql(
                    manager,
                    "mutation { giveDemographics(input: {candidateId: \"it-ff-x\", gender: \"female\"}) { erased } }",
                    null)
                .at("/errors/0/extensions/code")
                .asText())
        .isEqualTo("FORBIDDEN");
    ok(
        hr,
        "mutation { recordConsent(input: {candidateId: \"it-ff-x\", purpose: RECRUITING}) { consent { active } } }",
        null);
    ok(
        hr,
        "mutation { giveDemographics(input: {candidateId: \"it-ff-x\", gender: \"Female\", ageBand: \"under-40\"}) { erased } }",
        null);
    try (var s = driver.session()) {
      String sealed =
          s.run(
                  "MATCH (:Candidate {id: 'it-ff-x'})-[:HAS_PERSONAL_DATA]->(d:PersonalData) RETURN d.voluntaryGender AS g")
              .single()
              .get("g")
              .asString();
      assertThat(sealed).startsWith(FieldCipher.PREFIX);
      assertThat(cipher.decrypt(sealed, FieldCipher.aad("it-ff-x", VoluntaryDemographics.GENDER)))
          .isEqualTo("female");
    }
    JsonNode w =
        ok(
                hr,
                "mutation { withdrawConsent(input: {candidateId: \"it-ff-x\", purpose: FAIRNESS_MONITORING})"
                    + " { consent { purpose active withdrawnAt } erased nodesDeleted } }",
                null)
            .get("withdrawConsent");
    assertThat(w.at("/consent/active").asBoolean()).isFalse();
    assertThat(w.at("/consent/withdrawnAt").asText()).isNotEmpty();
    assertThat(w.get("erased").asBoolean()).isFalse();
    assertThat(w.get("nodesDeleted").asInt()).isEqualTo(1);
    try (var s = driver.session()) {
      assertThat(
              s.run(
                      "MATCH (:Candidate {id: 'it-ff-x'})-[:HAS_PERSONAL_DATA]->(d) RETURN count(d) AS n")
                  .single()
                  .get("n")
                  .asInt())
          .isZero();
    }
    JsonNode consents =
        ok(
                hr,
                "{ candidate(id: \"it-ff-x\") { consents { purpose active givenAt withdrawnAt } } }",
                null)
            .at("/candidate/consents");
    assertThat(consents.size()).isEqualTo(2);
    assertThat(consents.at("/0/purpose").asText()).isEqualTo("FAIRNESS_MONITORING");
    assertThat(consents.at("/1/active").asBoolean()).isTrue();
    assertThat(
            ok(hr, "{ candidate(id: \"it-ff-c1\") { consents { purpose } } }", null)
                .at("/candidate/consents")
                .size())
        .isEqualTo(1);
    JsonNode reviewer =
        ok(manager, "{ candidate(id: \"it-ff-c1\") { id consents { purpose } } }", null)
            .get("candidate");
    assertThat(reviewer.get("id").asText()).isEqualTo("it-ff-c1");
    assertThat(reviewer.get("consents").size())
        .as("a reviewer does not learn who gave demographics")
        .isZero();

    JsonNode erase =
        ok(
                hr,
                "mutation { withdrawConsent(input: {candidateId: \"it-ff-x\", purpose: RECRUITING})"
                    + " { consent { active } erased errors { code } } }",
                null)
            .get("withdrawConsent");
    assertThat(erase.get("erased").asBoolean()).isTrue();
    try (var s = driver.session()) {
      var r =
          s.run(
                  "MATCH (c:Candidate {id: 'it-ff-x'}) RETURN c.name AS name, EXISTS { (c)-[:APPLIED]->() } AS linked,"
                      + " EXISTS { MATCH (:Application {id: 'app-it-ff-x'}) } AS kept,"
                      + " COUNT { (c)-[:GAVE_CONSENT]->() } AS consents")
              .single();
      assertThat(r.get("name").asString()).isEqualTo("Erased person");
      assertThat(r.get("linked").asBoolean()).isFalse();
      assertThat(r.get("kept").asBoolean()).isTrue();
      assertThat(r.get("consents").asInt()).isEqualTo(2);
    }
  }

  Map<String, String> names(String token) {
    Map<String, String> out = new HashMap<>();
    for (JsonNode a : ok(token, APPLICANTS, null).at("/opening/applications"))
      out.put(a.at("/applicant/id").asText(), a.at("/applicant/name").asText());
    return out;
  }

  static Map<String, JsonNode> byGroup(JsonNode step) {
    Map<String, JsonNode> out = new HashMap<>();
    step.get("groups").forEach(g -> out.put(g.get("group").asText(), g));
    return out;
  }

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
}
