package dev.talentgraph.jobboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.talentgraph.GraphQlOverHttp;
import dev.talentgraph.security.ApiTokens;
import dev.talentgraph.security.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The public job board on the demo graph (the context of DemoGraphIT): an opening created through
 * GraphQL is published without login as a page whose JSON-LD has every property Google's
 * job-posting rules require, in each of its languages; the feed lists open openings only; nothing
 * internal reaches a page; closing the opening removes it (410). Everything created here starts
 * with {@code it-jb-} and is removed afterwards.
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
class JobBoardIT {
  @Autowired WebTestClient web;
  @Autowired ApiTokens tokens;
  @Autowired Driver driver;
  final ObjectMapper json = new ObjectMapper();

  String hr;
  String team;
  String interviewer;
  String interviewerName;
  String skill;
  String skillName;

  static final String CREATE =
      "mutation($in: CreateOpeningInput!) { createOpening(input: $in) { opening { id status"
          + " posting { url languages salary { internal } } } errors { field message } } }";

  @BeforeAll
  void setUp() {
    try (var s = driver.session()) {
      var r =
          s.run(
                  """
          MATCH (t:Team)<-[:MEMBER_OF]-(x:Expert)
          RETURN t.id AS t, x.id AS x, x.name AS name ORDER BY t.id, x.id LIMIT 1""")
              .single();
      team = r.get("t").asString();
      interviewer = r.get("x").asString();
      interviewerName = r.get("name").asString();
      var k =
          s.run(
                  "MATCH (k:Skill) WHERE NOT k:SkillGroup AND k.name IS NOT NULL"
                      + " RETURN k.id AS id, k.name AS name ORDER BY k.id LIMIT 1")
              .single();
      skill = k.get("id").asString();
      skillName = k.get("name").asString();
    }
    hr = tokens.create("it-jb-hr", "it-jb-hr", Set.of(Role.HR), null, null).token();
  }

  @AfterAll
  void cleanUp() {
    try (var s = driver.session()) {
      s.run(
              """
          MATCH (a:Application)-[:TO]->(o:JobOpening) WHERE o.id STARTS WITH 'it-jb-'
          OPTIONAL MATCH (a)-[:MOVED]->(x) DETACH DELETE x, a""")
          .consume();
      s.run(
              "MATCH (n) WHERE (n:JobOpening OR n:Candidate) AND n.id STARTS WITH 'it-jb-' DETACH DELETE n")
          .consume();
    }
  }

  @Test
  void publishesOpenOpeningsWithValidJobPostingsAndRemovesClosedOnes() throws Exception {
    // an onsite opening with a public salary, a Spanish translation and a hiring team
    JsonNode onsite =
        ok(
            CREATE,
            Map.of(
                "in",
                map(
                    "id", "it-jb-onsite",
                    "title", "Data Engineer",
                    "description", "Build pipelines.\n\nWork with <great> people & data.",
                    "teamId", team,
                    "country", "Germany",
                    "city", "Berlin",
                    "remotePolicy", "ONSITE",
                    "requires", List.of(Map.of("skillId", skill, "level", 3, "required", true)),
                    "hiringTeam", List.of(Map.of("expertId", interviewer, "role", "INTERVIEWER")),
                    "place", Map.of("timeZone", "Europe/Berlin", "visaSponsorship", true),
                    "posting",
                        Map.of(
                            "employmentType",
                            "FULL_TIME",
                            "validThrough",
                            "2099-12-31",
                            "salary",
                            Map.of("min", 60000, "max", 75000, "currency", "EUR", "unit", "YEAR"),
                            "translations",
                            List.of(
                                Map.of(
                                    "language", "es",
                                    "title", "Ingeniera de datos",
                                    "description", "Construir flujos de datos."))))));
    assertThat(onsite.at("/createOpening/errors").size()).isZero();
    assertThat(onsite.at("/createOpening/opening/posting/url").asText())
        .isEqualTo("/jobs/it-jb-onsite");
    assertThat(onsite.at("/createOpening/opening/posting/languages").toString())
        .isEqualTo("[\"en\",\"es\"]");
    // a remote opening with an internal salary band, limited to two countries
    JsonNode remote =
        ok(
            CREATE,
            Map.of(
                "in",
                Map.of(
                    "id",
                    "it-jb-remote",
                    "title",
                    "Remote SRE",
                    "teamId",
                    team,
                    "remotePolicy",
                    "REMOTE",
                    "place",
                    Map.of("remoteCountries", List.of("DE", "pl")),
                    "posting",
                    Map.of(
                        "salary",
                        Map.of(
                            "min", 123457, "max", 130001, "currency", "EUR", "internal", true)))));
    assertThat(remote.at("/createOpening/errors").size()).isZero();
    assertThat(remote.at("/createOpening/opening/posting/salary/internal").asBoolean()).isTrue();
    // invalid place and posting values are refused, nothing written
    JsonNode bad =
        ok(
            CREATE,
            Map.of(
                "in",
                Map.of(
                    "id",
                    "it-jb-bad",
                    "title",
                    "Bad",
                    "teamId",
                    team,
                    "place",
                    Map.of("countryCode", "XX", "timeZone", "Mars/Olympus"),
                    "posting",
                    Map.of("salary", Map.of("min", 5, "max", 1, "currency", "ZZZ")))));
    assertThat(bad.at("/createOpening/opening").isNull()).isTrue();
    assertThat(fields(bad.at("/createOpening/errors")))
        .contains(
            "place.countryCode", "place.timeZone", "posting.salary", "posting.salary.currency");

    // the page, without any credentials
    String page = get("/jobs/it-jb-onsite", 200);
    JsonNode ld = jsonLd(page);
    assertGoogleRequired(ld);
    assertThat(ld.get("title").asText()).isEqualTo("Data Engineer");
    assertThat(ld.get("inLanguage").asText()).isEqualTo("en");
    assertThat(ld.get("description").asText())
        .isEqualTo("<p>Build pipelines.</p><p>Work with &lt;great&gt; people &amp; data.</p>");
    assertThat(ld.at("/jobLocation/address/addressLocality").asText()).isEqualTo("Berlin");
    assertThat(ld.at("/jobLocation/address/addressCountry").asText()).isEqualTo("DE");
    assertThat(ld.get("employmentType").asText()).isEqualTo("FULL_TIME");
    assertThat(ld.get("validThrough").asText()).startsWith("2099-12-31");
    assertThat(ld.at("/baseSalary/currency").asText()).isEqualTo("EUR");
    assertThat(ld.at("/baseSalary/value/minValue").asDouble()).isEqualTo(60000);
    assertThat(ld.at("/baseSalary/value/maxValue").asDouble()).isEqualTo(75000);
    assertThat(ld.at("/baseSalary/value/unitText").asText()).isEqualTo("YEAR");
    assertThat(ld.get("skills").toString()).contains(skillName);
    assertThat(page).contains("hreflang=\"es\"").doesNotContain("<great>");
    // nothing internal: the hiring team is not on the page
    assertThat(page).doesNotContain(interviewer).doesNotContain(interviewerName);

    // the same opening in Spanish, by path and by parameter; an unknown language is 404
    JsonNode es = jsonLd(get("/jobs/it-jb-onsite/es", 200));
    assertGoogleRequired(es);
    assertThat(es.get("title").asText()).isEqualTo("Ingeniera de datos");
    assertThat(es.get("inLanguage").asText()).isEqualTo("es");
    assertThat(es.get("url").asText()).endsWith("/jobs/it-jb-onsite/es");
    assertThat(jsonLd(get("/jobs/it-jb-onsite?lang=es", 200)).get("title").asText())
        .isEqualTo("Ingeniera de datos");
    get("/jobs/it-jb-onsite/fr", 404);

    // remote: TELECOMMUTE with the allowed countries; the internal salary band is not published
    String remotePage = get("/jobs/it-jb-remote", 200);
    JsonNode rl = jsonLd(remotePage);
    assertGoogleRequired(rl);
    assertThat(rl.get("jobLocationType").asText()).isEqualTo("TELECOMMUTE");
    assertThat(rl.get("applicantLocationRequirements").findValuesAsText("name"))
        .containsExactly("DE", "PL");
    assertThat(rl.has("baseSalary")).isFalse();
    assertThat(remotePage).doesNotContain("123457").doesNotContain("130001");
    // an employee's GraphQL read does not show the internal band either; HR's does
    String employee =
        tokens.create("it-jb-emp", "it-jb-emp", Set.of(Role.EMPLOYEE), interviewer, null).token();
    String read = "query { opening(id: \"it-jb-remote\") { posting { salary { min internal } } } }";
    assertThat(ok(employee, read).at("/opening/posting/salary").isNull()).isTrue();
    assertThat(ok(hr, read).at("/opening/posting/salary/min").asDouble()).isEqualTo(123457);

    // the feed: open openings only, every language, each a JobPosting with the required properties
    JsonNode feed = json.readTree(get("/jobs/feed.json", 200));
    assertThat(feed.get("@type").asText()).isEqualTo("ItemList");
    List<String> urls = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (JsonNode item : feed.get("itemListElement")) {
      urls.add(item.get("url").asText().replaceFirst("^https?://[^/]+", ""));
      ids.add(item.at("/item/identifier/value").asText());
      assertGoogleRequired(item.get("item"));
    }
    assertThat(feed.get("numberOfItems").asInt()).isEqualTo(urls.size());
    assertThat(urls).contains("/jobs/it-jb-onsite", "/jobs/it-jb-onsite/es", "/jobs/it-jb-remote");
    assertThat(feed.toString()).doesNotContain("123457").doesNotContain(interviewerName);
    try (var s = driver.session()) {
      List<String> open =
          s.run(
                  "MATCH (j:JobOpening) WHERE coalesce(j.status, 'open') = 'open'"
                      + " AND (j.validThrough IS NULL OR j.validThrough >= date()) RETURN j.id AS id")
              .list(r -> r.get("id").asString());
      assertThat(ids).containsExactlyInAnyOrderElementsOf(open);
      long notOpen =
          s.run("MATCH (j:JobOpening) WHERE j.status <> 'open' RETURN count(j) AS n")
              .single()
              .get("n")
              .asLong();
      assertThat(notOpen).as("the demo has closed or held openings to leave out").isPositive();
    }
    get("/jobs", 200);

    // closing removes it: 410 Gone, out of the feed; an unknown id is 404
    ok(
        "mutation { closeOpening(input: {id: \"it-jb-onsite\"}) { opening { status posting { url } } errors { field } } }",
        Map.of());
    get("/jobs/it-jb-onsite", 410);
    get("/jobs/it-jb-onsite/es", 410);
    get("/jobs/it-jb-nope", 404);
    assertThat(get("/jobs/feed.json", 200)).doesNotContain("it-jb-onsite").contains("it-jb-remote");

    // only GET of the board is public: the API stays closed
    web.post().uri("/jobs/it-jb-remote").exchange().expectStatus().isUnauthorized();
    web.post()
        .uri("/graphql")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("query", "{ openings { totalCount } }"))
        .exchange()
        .expectStatus()
        .isUnauthorized();
  }

  /** Google's job-posting structured data: the required properties, and remote's pair. */
  static void assertGoogleRequired(JsonNode p) {
    assertThat(p.get("@type").asText()).isEqualTo("JobPosting");
    for (String f : List.of("title", "description", "datePosted", "hiringOrganization"))
      assertThat(p.hasNonNull(f)).as(f + " in " + p).isTrue();
    assertThat(p.at("/hiringOrganization/name").asText()).isNotBlank();
    assertThat(p.get("datePosted").asText()).matches("\\d{4}-\\d{2}-\\d{2}.*");
    if (p.has("jobLocationType")) {
      assertThat(p.get("jobLocationType").asText()).isEqualTo("TELECOMMUTE");
      assertThat(p.get("applicantLocationRequirements").size()).isPositive();
      p.get("applicantLocationRequirements")
          .forEach(c -> assertThat(c.get("@type").asText()).isEqualTo("Country"));
    } else {
      assertThat(p.at("/jobLocation/address/@type").asText()).isEqualTo("PostalAddress");
      assertThat(p.at("/jobLocation/address/addressCountry").asText()).matches("[A-Z]{2}");
    }
  }

  JsonNode jsonLd(String page) throws Exception {
    Matcher m =
        Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL)
            .matcher(page);
    assertThat(m.find()).as(page).isTrue();
    return json.readTree(m.group(1));
  }

  String get(String path, int status) {
    byte[] body =
        web.get()
            .uri(path)
            .exchange()
            .expectStatus()
            .isEqualTo(status)
            .expectBody()
            .returnResult()
            .getResponseBody();
    return body == null ? "" : new String(body, java.nio.charset.StandardCharsets.UTF_8);
  }

  static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
    return m;
  }

  static List<String> fields(JsonNode errors) {
    List<String> out = new ArrayList<>();
    errors.forEach(e -> out.add(e.get("field").asText()));
    return out;
  }

  JsonNode ok(String query, Map<String, Object> variables) {
    return ok(hr, query, variables);
  }

  JsonNode ok(String token, String query) {
    return ok(token, query, Map.of());
  }

  JsonNode ok(String token, String query, Map<String, Object> variables) {
    JsonNode r = GraphQlOverHttp.bearer(web, token, query, variables);
    assertThat(r.get("errors")).as(r.toString()).isNull();
    return r.get("data");
  }
}
