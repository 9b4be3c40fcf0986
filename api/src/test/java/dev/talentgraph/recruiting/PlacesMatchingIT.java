package dev.talentgraph.recruiting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.talentgraph.GraphQlOverHttp;
import dev.talentgraph.security.ApiTokens;
import dev.talentgraph.security.Role;
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
 * Places and time zones in rankCandidates and matchOpenings, on the demo graph (the context of
 * DemoGraphIT): allowed countries, a minimum overlap and missing sponsorship filter people out
 * (listed under excluded, with why); overlap, relocation and sponsorship scale the score and are
 * named in the explanation. Fixtures start with {@code it-pm-} and are removed afterwards; only
 * time zones without daylight saving time are compared to the hour.
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
class PlacesMatchingIT {
  @Autowired WebTestClient web;
  @Autowired ApiTokens tokens;
  @Autowired Driver driver;
  final ObjectMapper json = new ObjectMapper();
  String hr;
  String team;
  String skill;

  static final String RANK =
      "query($id: ID!) { rankCandidates(openingId: $id, first: 20) { method considered"
          + " items { candidateId score match { summary place { policy eligible overlapHours"
          + " needsSponsorship factor text } } }"
          + " excluded { applicationId candidateId name internal reason } } }";

  @BeforeAll
  void setUp() {
    try (var s = driver.session()) {
      team =
          s.run("MATCH (t:Team) RETURN t.id AS t ORDER BY t.id LIMIT 1")
              .single()
              .get("t")
              .asString();
      skill =
          s.run("MATCH (k:Skill) WHERE NOT k:SkillGroup RETURN k.id AS id ORDER BY k.id LIMIT 1")
              .single()
              .get("id")
              .asString();
    }
    hr = tokens.create("it-pm-hr", "it-pm-hr", Set.of(Role.HR), null, null).token();
  }

  @AfterAll
  void cleanUp() {
    try (var s = driver.session()) {
      s.run(
              """
          MATCH (a:Application)-[:TO]->(o:JobOpening) WHERE o.id STARTS WITH 'it-pm-'
          OPTIONAL MATCH (a)-[:MOVED]->(x) DETACH DELETE x, a""")
          .consume();
      s.run(
              "MATCH (n) WHERE (n:JobOpening OR n:Candidate) AND n.id STARTS WITH 'it-pm-' DETACH DELETE n")
          .consume();
    }
  }

  @Test
  void remoteWithAllowedCountries() {
    opening(
        "it-pm-remote",
        "REMOTE",
        null,
        null,
        Map.of("remoteCountries", List.of("DE", "FR"), "timeZone", "Europe/Berlin"));
    candidate("it-pm-de", "DE", "Berlin", "Europe/Berlin", List.of());
    candidate("it-pm-us", "US", "New York", "America/New_York", List.of());
    apply("it-pm-remote", "it-pm-de", "it-pm-us");
    JsonNode r = rank("it-pm-remote");
    assertThat(r.at("/items").size()).isEqualTo(1);
    JsonNode de = r.at("/items/0");
    assertThat(de.get("candidateId").asText()).isEqualTo("it-pm-de");
    assertThat(de.at("/match/place/text").asText())
        .isEqualTo("remote, from DE (allowed), 8 h overlap with the team");
    assertThat(de.at("/match/place/overlapHours").asDouble()).isEqualTo(8.0);
    assertThat(de.at("/match/place/factor").asDouble()).isEqualTo(1.0);
    assertThat(de.at("/match/summary").asText())
        .endsWith("; remote, from DE (allowed), 8 h overlap with the team");
    assertThat(r.get("method").asText()).contains("place fit");
    assertThat(r.at("/excluded/0/candidateId").asText()).isEqualTo("it-pm-us");
    assertThat(r.at("/excluded/0/applicationId").asText()).isNotBlank();
    assertThat(r.at("/excluded/0/reason").asText())
        .isEqualTo("remote from US not allowed (only DE, FR)");
    assertThat(r.get("considered").asInt()).isEqualTo(1);
  }

  @Test
  void remoteWithATimeZoneWindow() {
    opening(
        "it-pm-window",
        "REMOTE",
        null,
        null,
        Map.of("minOverlapHours", 4, "timeZone", "Asia/Tokyo"));
    candidate("it-pm-in", "IN", "Pune", "Asia/Kolkata", List.of());
    candidate("it-pm-br", "BR", "Recife", "America/Recife", List.of());
    candidate("it-pm-sg", "SG", "Singapore", "Asia/Singapore", List.of());
    apply("it-pm-window", "it-pm-in", "it-pm-br", "it-pm-sg");
    JsonNode r = rank("it-pm-window");
    Map<String, JsonNode> items = byId(r.get("items"), "candidateId");
    assertThat(items).containsOnlyKeys("it-pm-in", "it-pm-sg");
    // Kolkata is 3.5 h behind Tokyo, Singapore 1 h: 4.5 and 7 h of a 9-to-17 day shared
    assertThat(items.get("it-pm-in").at("/match/place/text").asText())
        .isEqualTo("remote, 4.5 h overlap with the team");
    assertThat(items.get("it-pm-in").at("/match/place/factor").asDouble())
        .isEqualTo(
            PlaceFit.REMOTE_BASE + PlaceFit.REMOTE_OVERLAP * 4.5 / 8,
            org.assertj.core.data.Offset.offset(1e-4));
    assertThat(items.get("it-pm-sg").at("/match/place/overlapHours").asDouble()).isEqualTo(7.0);
    // same skills, more overlap: ranked first
    assertThat(r.at("/items/0/candidateId").asText()).isEqualTo("it-pm-sg");
    assertThat(r.at("/items/0/score").asDouble()).isGreaterThan(r.at("/items/1/score").asDouble());
    assertThat(r.at("/excluded/0/candidateId").asText()).isEqualTo("it-pm-br");
    assertThat(r.at("/excluded/0/reason").asText())
        .isEqualTo("remote, 0 h overlap with the team, opening needs 4 h");
  }

  @Test
  void onsiteNeedsTheRightToWorkOrSponsorship() {
    opening("it-pm-onsite", "ONSITE", "Germany", "Berlin", Map.of("visaSponsorship", false));
    candidate("it-pm-fr", "FR", "Paris", "Europe/Paris", List.of("DE", "ES"));
    candidate("it-pm-jp", "JP", "Tokyo", "Asia/Tokyo", List.of());
    candidate("it-pm-ber", "DE", "Berlin", "Europe/Berlin", List.of());
    apply("it-pm-onsite", "it-pm-fr", "it-pm-jp", "it-pm-ber");
    JsonNode r = rank("it-pm-onsite");
    Map<String, JsonNode> items = byId(r.get("items"), "candidateId");
    assertThat(items).containsOnlyKeys("it-pm-fr", "it-pm-ber");
    assertThat(items.get("it-pm-fr").at("/match/place/text").asText())
        .isEqualTo(
            "onsite in Berlin (DE), authorised to work in DE, would relocate from Paris, FR");
    assertThat(items.get("it-pm-fr").at("/match/place/needsSponsorship").asBoolean()).isFalse();
    assertThat(items.get("it-pm-ber").at("/match/place/text").asText())
        .isEqualTo("onsite in Berlin (DE), lives there");
    assertThat(r.at("/excluded/0/candidateId").asText()).isEqualTo("it-pm-jp");
    assertThat(r.at("/excluded/0/reason").asText())
        .isEqualTo("onsite in Berlin (DE), needs sponsorship, opening offers none");

    // with sponsorship the same person is ranked, a little lower, and told why
    JsonNode u =
        ok(
            "mutation { updateOpening(input: {id: \"it-pm-onsite\", place: {visaSponsorship: true}})"
                + " { opening { place { visaSponsorship countryCode } } errors { field message } } }",
            Map.of());
    assertThat(u.at("/updateOpening/opening/place/visaSponsorship").asBoolean()).isTrue();
    assertThat(u.at("/updateOpening/opening/place/countryCode").asText()).isEqualTo("DE");
    JsonNode after = rank("it-pm-onsite");
    JsonNode jp = byId(after.get("items"), "candidateId").get("it-pm-jp");
    assertThat(jp.at("/match/place/text").asText())
        .isEqualTo(
            "onsite in Berlin (DE), needs sponsorship, opening offers it, would relocate from Tokyo, JP");
    assertThat(jp.at("/match/place/needsSponsorship").asBoolean()).isTrue();
    assertThat(jp.at("/match/place/factor").asDouble())
        .isEqualTo(
            PlaceFit.SPONSORSHIP * PlaceFit.RELOCATION, org.assertj.core.data.Offset.offset(1e-4));
    assertThat(after.get("excluded").size()).isZero();
  }

  @Test
  void demoGraphHasSpreadsAndMatchOpeningsHonoursThem() {
    try (var s = driver.session()) {
      var spread =
          s.run(
                  """
          MATCH (e:Expert) WITH count(DISTINCT e.countryCode) AS countries, count(DISTINCT e.timeZone) AS zones,
            count(e) AS experts, count(e.timeZone) AS zoned
          MATCH (c:Candidate) WHERE NOT c:Expert
          WITH countries, zones, experts, zoned, count(c) AS candidates, count(c.timeZone) AS candZoned,
            sum(CASE WHEN size(coalesce(c.workAuthorization, [])) > 0 THEN 1 ELSE 0 END) AS authorised
          MATCH (j:JobOpening)
          RETURN countries, zones, experts, zoned, candidates, candZoned, authorised,
            count(DISTINCT j.remotePolicy) AS policies,
            sum(CASE WHEN j.remotePolicy = 'remote' THEN 1 ELSE 0 END) AS remote,
            sum(CASE WHEN j.remoteCountries IS NOT NULL THEN 1 ELSE 0 END) AS byCountry,
            sum(CASE WHEN j.minOverlapHours IS NOT NULL THEN 1 ELSE 0 END) AS byWindow,
            sum(CASE WHEN j.visaSponsorship THEN 1 ELSE 0 END) AS sponsoring,
            sum(CASE WHEN j.visaSponsorship = false THEN 1 ELSE 0 END) AS notSponsoring""")
              .single();
      System.out.println("demo places: " + spread.asMap());
      assertThat(spread.get("countries").asInt()).isGreaterThanOrEqualTo(8);
      assertThat(spread.get("zones").asInt()).isGreaterThanOrEqualTo(8);
      assertThat(spread.get("zoned").asInt()).isEqualTo(spread.get("experts").asInt());
      assertThat(spread.get("candZoned").asInt()).isEqualTo(spread.get("candidates").asInt());
      assertThat(spread.get("authorised").asInt()).isPositive();
      assertThat(spread.get("policies").asInt()).isEqualTo(3);
      // every remote opening is limited by countries or by a time-zone window
      assertThat(spread.get("byCountry").asInt() + spread.get("byWindow").asInt())
          .isEqualTo(spread.get("remote").asInt())
          .isPositive();
      assertThat(spread.get("sponsoring").asInt()).isPositive();
      assertThat(spread.get("notSponsoring").asInt()).isPositive();
    }
    // experts without work authorisation abroad: for each, onsite/hybrid openings in another
    // country are either ranked "needs sponsorship, opening offers it" or excluded as "offers none"
    List<String> experts;
    try (var s = driver.session()) {
      experts =
          s.run(
                  "MATCH (e:Expert)-[:HAS_SKILL]->() WHERE e.status = 'active' AND e.countryCode IN ['IN', 'US', 'BR']"
                      + " RETURN DISTINCT e.id AS id ORDER BY id LIMIT 8")
              .list(x -> x.get("id").asString());
    }
    int ranked = 0, excludedNone = 0, remoteNamed = 0;
    for (String id : experts) {
      JsonNode m =
          ok(
                  "query($id: ID!) { matchOpenings(expertId: $id, first: 50) { items { openingId"
                      + " match { summary place { policy needsSponsorship text } } }"
                      + " excluded { openingId reason } } }",
                  Map.of("id", id))
              .get("matchOpenings");
      for (JsonNode i : m.get("items")) {
        JsonNode place = i.at("/match/place");
        if (place.isNull() || place.isMissingNode()) continue;
        String text = place.get("text").asText();
        assertThat(i.at("/match/summary").asText()).endsWith("; " + text);
        if (place.get("policy").asText().equals("REMOTE")) {
          assertThat(text).startsWith("remote");
          if (text.contains("overlap with the team")) remoteNamed++;
        } else if (place.get("needsSponsorship").asBoolean(false)) {
          assertThat(text).contains("needs sponsorship, opening offers it");
          ranked++;
        }
      }
      for (JsonNode x : m.get("excluded")) {
        String reason = x.get("reason").asText();
        assertThat(reason)
            .containsAnyOf(
                "needs sponsorship, opening offers none", "not allowed", "opening needs");
        if (reason.contains("offers none")) excludedNone++;
      }
    }
    System.out.printf(
        "demo matchOpenings over %d experts: %d ranked needing sponsorship, %d excluded for none,"
            + " %d remote with overlap named%n",
        experts.size(), ranked, excludedNone, remoteNamed);
    assertThat(ranked + excludedNone).isPositive();
  }

  // ------------------------------------------------------------------ helpers

  void opening(String id, String policy, String country, String city, Map<String, Object> place) {
    Map<String, Object> in = new HashMap<>();
    in.put("id", id);
    in.put("title", "Opening " + id);
    in.put("teamId", team);
    in.put("remotePolicy", policy);
    if (country != null) in.put("country", country);
    if (city != null) in.put("city", city);
    in.put("requires", List.of(Map.of("skillId", skill, "level", 3, "required", true)));
    in.put("place", place);
    JsonNode r =
        ok(
            "mutation($in: CreateOpeningInput!) { createOpening(input: $in) { opening { id }"
                + " errors { field message } } }",
            Map.of("in", in));
    assertThat(r.at("/createOpening/errors").size()).as(r.toString()).isZero();
  }

  void candidate(String id, String country, String city, String zone, List<String> auth) {
    JsonNode r =
        ok(
            "mutation($in: CreateCandidateInput!) { createCandidate(input: $in) { candidate { id"
                + " place { countryCode country timeZone workAuthorization } } errors { field message } } }",
            Map.of(
                "in",
                Map.of(
                    "id",
                    id,
                    "name",
                    "Person " + id,
                    "skills",
                    List.of(Map.of("skillId", skill, "level", 3)),
                    "place",
                    Map.of(
                        "countryCode", country,
                        "city", city,
                        "timeZone", zone,
                        "workAuthorization", auth))));
    assertThat(r.at("/createCandidate/errors").size()).as(r.toString()).isZero();
    assertThat(r.at("/createCandidate/candidate/place/countryCode").asText()).isEqualTo(country);
    assertThat(r.at("/createCandidate/candidate/place/timeZone").asText()).isEqualTo(zone);
  }

  void apply(String opening, String... candidates) {
    for (String c : candidates) {
      JsonNode r =
          ok(
              "mutation($o: ID!, $c: ID!) { apply(input: {openingId: $o, candidateId: $c})"
                  + " { application { id } errors { field message } } }",
              Map.of("o", opening, "c", c));
      assertThat(r.at("/apply/errors").size()).as(r.toString()).isZero();
    }
  }

  JsonNode rank(String opening) {
    return ok(RANK, Map.of("id", opening)).get("rankCandidates");
  }

  static Map<String, JsonNode> byId(JsonNode items, String field) {
    Map<String, JsonNode> m = new HashMap<>();
    items.forEach(i -> m.put(i.get(field).asText(), i));
    return m;
  }

  JsonNode ok(String query, Map<String, Object> variables) {
    JsonNode r =
        GraphQlOverHttp.bearer(
            web.mutate().responseTimeout(java.time.Duration.ofMinutes(2)).build(),
            hr,
            query,
            variables);
    assertThat(r.get("errors")).as(r.toString()).isNull();
    return r.get("data");
  }

  static List<String> list(JsonNode a) {
    List<String> out = new ArrayList<>();
    a.forEach(x -> out.add(x.asText()));
    return out;
  }
}
