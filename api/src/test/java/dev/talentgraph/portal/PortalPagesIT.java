package dev.talentgraph.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talentgraph.schema.FieldCipher;
import dev.talentgraph.security.LocalUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The portal over HTTP without a browser: the login form and its session, CSRF on forms and on the
 * session's GraphQL calls, the Content-Security-Policy, what a PORTAL login can and cannot see in
 * every page and payload, hostile names escaped, and the API's own authentication unchanged.
 */
// "talent.portal-tests" only keys an application context of the portal's own (shared by its two
// suites), so the fixture's people never change the counts that other suites' graphs assert
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"talent.neo4j.embedded.bolt-port=0", "talent.portal-tests=true"})
@AutoConfigureWebTestClient
class PortalPagesIT {
  @Autowired WebTestClient web;
  @LocalServerPort int port;
  @Autowired Driver driver;
  @Autowired FieldCipher cipher;
  @Autowired LocalUsers users;

  static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  static final Pattern META_CSRF = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

  static final List<String> PAGES =
      List.of(
          "/",
          "/search?q=a",
          "/search?q=ML",
          "/people/pt-ada",
          "/people/pt-bob",
          "/people/pt-ada/graph",
          "/skills/pt-ml",
          "/skills/pt-ml/graph",
          "/learning?expert=pt-ada&skill=pt-dl&level=3",
          "/ask",
          "/ask?title=Tuning&text=How+do+I+tune+a+Python+model%3F&tags=python",
          "/search?q=Python",
          "/communities",
          "/communities/pt-pc1",
          "/communities/pt-pc2",
          "/teams",
          "/teams?skill0=pt-ml&level0=3&critical0=on&skill1=pt-py&level1=4&size=2&riskTeam=pt-team",
          "/graphiql");

  @BeforeEach
  void fixture() {
    PortalFixture.load(driver, cipher, users);
  }

  /** A logged-in browser session: its cookie and CSRF token. */
  record Session(String cookie, String csrf) {}

  Session login(String user) {
    EntityExchangeResult<byte[]> form =
        web.get()
            .uri("/login")
            .accept(MediaType.TEXT_HTML)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .returnResult();
    String cookie = form.getResponseCookies().getFirst("SESSION").getValue();
    String token = first(CSRF, body(form));
    EntityExchangeResult<byte[]> done =
        web.post()
            .uri("/login")
            .cookie("SESSION", cookie)
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(
                BodyInserters.fromFormData("username", user)
                    .with("password", PortalFixture.PASSWORD)
                    .with("_csrf", token))
            .exchange()
            .expectStatus()
            .is3xxRedirection()
            .expectBody()
            .returnResult();
    assertThat(done.getResponseHeaders().getLocation()).hasPath("/");
    var renewed = done.getResponseCookies().getFirst("SESSION");
    String session = renewed != null ? renewed.getValue() : cookie;
    String page = get(new Session(session, null), "/search");
    return new Session(session, first(META_CSRF, page));
  }

  String get(Session s, String path) {
    EntityExchangeResult<byte[]> r =
        web.get()
            .uri(path)
            .cookie("SESSION", s.cookie())
            .accept(MediaType.TEXT_HTML)
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .valueMatches("Content-Security-Policy", ".*script-src 'self';.*")
            .expectBody()
            .returnResult();
    return body(r);
  }

  String sessionGraphQl(Session s, String query) {
    return body(
        web.post()
            .uri("/graphql")
            .cookie("SESSION", s.cookie())
            .header("X-CSRF-TOKEN", s.csrf())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("query", query))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .returnResult());
  }

  @Test
  void aBrowserWithoutASessionIsSentToTheLoginFormAndAScriptGetsTheBasicChallenge() {
    web.get()
        .uri("/people/pt-ada")
        .accept(MediaType.TEXT_HTML)
        .exchange()
        .expectStatus()
        .is3xxRedirection()
        .expectHeader()
        .valueMatches("Location", ".*/login");
    web.get()
        .uri("/people/pt-ada")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .valueMatches("WWW-Authenticate", "Basic.*");
  }

  @Test
  void theLoginFormNeedsItsCsrfTokenAndTheRightPassword() {
    web.post()
        .uri("/login")
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body(
            BodyInserters.fromFormData("username", "pt-portal")
                .with("password", PortalFixture.PASSWORD))
        .exchange()
        .expectStatus()
        .isForbidden();
    EntityExchangeResult<byte[]> form =
        web.get().uri("/login").exchange().expectBody().returnResult();
    web.post()
        .uri("/login")
        .cookie("SESSION", form.getResponseCookies().getFirst("SESSION").getValue())
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body(
            BodyInserters.fromFormData("username", "pt-portal")
                .with("password", "wrong password")
                .with("_csrf", first(CSRF, body(form))))
        .exchange()
        .expectStatus()
        .is3xxRedirection()
        .expectHeader()
        .valueMatches("Location", ".*/login\\?error");
  }

  @Test
  void theSessionReachesGraphQlOnlyWithItsCsrfHeaderAndTheApiKeepsBasicAuth() {
    Session s = login("pt-portal");
    assertThat(sessionGraphQl(s, "{ expert(id: \"pt-ada\") { name } }")).contains("Ada Lovelace");
    web.post()
        .uri("/graphql")
        .cookie("SESSION", s.cookie())
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("query", "{ graphStats { experts } }"))
        .exchange()
        .expectStatus()
        .isForbidden();
    web.post()
        .uri("/graphql")
        .headers(h -> h.setBasicAuth("pt-portal", PortalFixture.PASSWORD))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("query", "{ graphStats { experts } }"))
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .doesNotExist("Set-Cookie")
        .expectBody()
        .jsonPath("$.data.graphStats.experts")
        .isEqualTo(3);
    web.post()
        .uri("/graphql")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("query", "{ graphStats { experts } }"))
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .valueMatches("WWW-Authenticate", "Basic.*");
  }

  @Test
  void aPortalLoginSeesNoPersonalFieldInAnyPageOrPayload() {
    Session s = login("pt-portal");
    StringBuilder seen = new StringBuilder();
    for (String page : PAGES) seen.append(get(s, page));
    seen.append(
        sessionGraphQl(
            s,
            "{ expert(id: \"pt-ada\") { name personal { email salary } }"
                + " talentProfile(expertId: \"pt-ada\") { scores { score { value } } careerStage { stage } } }"));
    assertThat(seen.toString())
        .contains("Ada Lovelace")
        .doesNotContain(PortalFixture.ADA_EMAIL)
        .doesNotContain(PortalFixture.ADA_SALARY)
        .doesNotContain("Personal data");
    // the same pages show it to HR: the check above can fail
    Session hr = login("pt-hr");
    assertThat(get(hr, "/people/pt-ada")).contains(PortalFixture.ADA_EMAIL);
  }

  @Test
  void hostileNamesAreEscapedInPagesAndInTheGraphData() {
    Session s = login("pt-portal");
    for (String page :
        List.of("/people/pt-ada", "/people/pt-ada/graph", "/skills/pt-ml", "/search?q=Hara")) {
      String html = get(s, page);
      assertThat(html).as(page).doesNotContain("<script>window.pwned").contains("O&#39;Hara");
      assertThat(html).as(page).contains("&lt;script&gt;window.pwned=1&lt;/script&gt;");
    }
  }

  @Test
  void plannedPagesSayTheFeatureIsNotServedYetAndEveryPageIsLinkable() {
    Session s = login("pt-portal");
    assertThat(get(s, "/ask")).contains("Whom should I ask?");
    assertThat(get(s, "/people/nobody")).contains("Nothing in the graph has the id");
    assertThat(get(s, "/search?q=py3")).contains("Python");
    assertThat(get(s, "/graphiql"))
        .contains("/webjars/graphiql/graphiql.min.js")
        .doesNotContain("esm.sh")
        .doesNotContain("<script>");
  }

  @Test
  void theTeamsPageBuildsATeamForHrAndExplainsItselfToOtherRoles() {
    String team =
        "/teams?skill0=pt-ml&level0=3&critical0=on&skill1=pt-py&level1=4&skill2=pt-dl&level2=5"
            + "&size=2&riskTeam=pt-team";
    String portal = get(login("pt-portal"), team);
    assertThat(portal).contains("for managers and HR").doesNotContain("Who covers what");
    String employee = get(login("pt-ada"), team);
    assertThat(employee).contains("for managers and HR").doesNotContain("Who covers what");

    String hr = get(login("pt-hr"), team);
    assertThat(hr)
        .contains("Who covers what")
        .contains("Ada Lovelace")
        .contains("O&#39;Hara")
        .doesNotContain("<script>window.pwned")
        // Ada covers Python at level 4 exactly; the critical Machine Learning wants two holders
        .containsPattern("<td class=\"cov-full\"[^>]*>full · L4</td>")
        .contains("Deep Learning</strong>:")
        .contains("Bus factor")
        .contains("Team Research: 2 people");
    // the key-person risk table: Python needed by the project, held by Ada alone
    assertThat(hr)
        .containsPattern(
            "(?s)Python</a></td>\\s*<td>3</td>\\s*<td class=\"cov-part\">1 \\(one person\\)");
    assertThat(get(login("pt-hr"), "/teams")).contains("Name at least one skill");
  }

  @Test
  void theTeamsFormTakesSkillNamesAndSynonymsAndSaysWhichNameIsNoSkill() {
    Session hr = login("pt-hr");
    // a name (any case) and a synonym resolve to the same team as the ids above
    String named = get(hr, "/teams?skill0=machine+learning&level0=3&skill1=py3&level1=4&size=2");
    assertThat(named)
        .contains("Who covers what")
        .containsPattern("<td class=\"cov-full\"[^>]*>full · L4</td>")
        .contains("data-skill-suggest")
        .contains("src=\"/portal/skill-suggest.js\"");
    String unknown = get(hr, "/teams?skill0=Python&skill1=Learning&skill2=Quantum+Knitting&size=2");
    assertThat(unknown)
        .contains(
            "No skill is named &quot;Learning&quot;. Did you mean: Deep Learning, Machine Learning?")
        .contains(
            "No skill is named &quot;Quantum Knitting&quot;: the taxonomy has no skill or synonym"
                + " containing it.")
        .doesNotContain("Who covers what");
  }

  @Test
  void communitiesListTheirSkillsMembersAndBridgesAndPeopleShowTheirCommunity() {
    Session s = login("pt-portal");
    assertThat(get(s, "/communities"))
        .contains("2 communities of at least 1 people")
        .contains("href=\"/communities/pt-pc1\"")
        .contains("Machine Learning · Python")
        .containsPattern("Deep Learning</a><span class=\"muted\"> \\(1\\)")
        .doesNotContain("Detect the communities again");
    assertThat(get(s, "/communities/pt-pc1"))
        .contains("Ada Lovelace")
        .contains("&lt;script&gt;window.pwned=1&lt;/script&gt; O&#39;Hara")
        .contains("2 (100%)")
        .contains("Nobody here has strong ties");
    assertThat(get(s, "/communities/pt-pc2"))
        .containsPattern("(?s)Cyd Charisse</a>\\s*connects to <a href=\"/communities/pt-pc1\">");
    assertThat(get(s, "/communities/nope")).contains("Nothing in the graph has the id");
    assertThat(get(s, "/people/pt-ada")).contains("href=\"/communities/pt-pc1\"");
    assertThat(get(login("pt-admin"), "/communities")).contains("Detect the communities again");
  }

  @Test
  void anEmployeeSeesWhomToAskPostsAQuestionAndSearchSaysWhoKnows() {
    Session s = login("pt-ada");
    var posted =
        web.post()
            .uri("/ask")
            .cookie("SESSION", s.cookie())
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(
                BodyInserters.fromFormData("_csrf", s.csrf())
                    .with("title", "Tuning <b>models</b>")
                    .with("text", "How do I tune a Python model?")
                    .with("tags", "python"))
            .exchange()
            .expectStatus()
            .is3xxRedirection()
            .expectBody()
            .returnResult();
    // the redirect is encoded already; the client encodes the path and query it is given
    String location =
        java.net.URLDecoder.decode(
            posted.getResponseHeaders().getLocation().toString(), StandardCharsets.UTF_8);
    assertThat(get(s, location))
        .contains("Your question &quot;Tuning &lt;b&gt;models&lt;/b&gt;&quot; was posted.");
    // the router learns from answered questions; with none it says so on the page
    String ask = get(s, "/ask?title=Tuning&text=How+do+I+tune+a+Python+model%3F&tags=python");
    assertThat(ask)
        .contains("has no answered question to learn from")
        .contains("Post the question");
    // an explained empty state, not an error box
    assertThat(ask).contains("Nobody to propose yet").doesNotContain("class=\"problems\"");
    assertThat(get(s, "/search?q=Machine+Learning")).contains("Who knows Machine Learning");
  }

  /**
   * Every page answers on one keep-alive connection, request after request. The pages answer from
   * the database driver's thread; without {@link ReadRequestFirst} about one in a hundred left the
   * connection unread and the next request unanswered (the client would wait for ever, here until
   * its generous limit).
   */
  @Test
  void manyPageRequestsOnOneKeepAliveConnectionAllAnswer() throws Exception {
    Session s = login("pt-hr");
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    List<String> pages =
        List.of(
            "/skills/pt-ml/graph",
            "/people/pt-ada/graph",
            "/skills/pt-dl/graph",
            "/people/pt-cyd/graph",
            "/skills/pt-py");
    int unanswered = 0;
    for (int i = 0; i < 400; i++) {
      String page = pages.get(i % pages.size());
      try {
        HttpResponse<String> r =
            client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + page))
                    .header("Cookie", "SESSION=" + s.cookie())
                    .header("Accept", "text/html")
                    .timeout(Duration.ofSeconds(30))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(page).isEqualTo(200);
      } catch (HttpTimeoutException e) {
        unanswered++;
      }
    }
    assertThat(unanswered).as("requests never answered").isZero();
  }

  /**
   * Nothing a page loads comes from another host (no CDN): scripts, stylesheets, images, fonts and
   * frames are the application's own, GraphiQL's from the WebJars in the jar.
   */
  @Test
  void noPageLoadsAnythingFromAnotherHost() {
    Pattern loads =
        Pattern.compile(
            "<(?:script|img|iframe|source|audio|video|embed)\\b[^>]*\\bsrc\\s*=\\s*[\"']([^\"']*)"
                + "|<link\\b[^>]*\\bhref\\s*=\\s*[\"']([^\"']*)"
                + "|url\\(\\s*[\"']?([^\"')]*)"
                + "|@import\\s+[\"']([^\"']*)",
            Pattern.CASE_INSENSITIVE);
    List<String> external = new java.util.ArrayList<>();
    int references = 0;
    for (String user : List.of("pt-admin", "pt-portal")) {
      Session s = login(user);
      List<String> served = new java.util.ArrayList<>(PAGES);
      served.add("/login");
      for (String page : served) {
        String html = get(s, page);
        Matcher m = loads.matcher(html);
        while (m.find()) {
          String ref =
              m.group(1) != null
                  ? m.group(1)
                  : m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
          references++;
          if (ref.matches("(?i)^\\s*(https?:)?//.*")) external.add(page + ": " + ref);
          if (ref.startsWith("/") && (ref.endsWith(".css") || ref.endsWith(".js"))) {
            String asset = asset(s, ref);
            assertThat(asset).as(ref).isNotEmpty();
            if (ref.endsWith(".css")) {
              Matcher inCss = loads.matcher(asset);
              while (inCss.find()) {
                String r = inCss.group(3) != null ? inCss.group(3) : inCss.group(4);
                if (r != null && r.matches("(?i)^\\s*(https?:)?//.*")) external.add(ref + ": " + r);
              }
            }
          }
        }
      }
    }
    assertThat(references).isGreaterThan(PAGES.size());
    assertThat(external).as("references to other hosts").isEmpty();
    assertThat(get(login("pt-admin"), "/graphiql"))
        .contains("src=\"/webjars/react/")
        .contains("src=\"/webjars/graphiql/");
  }

  /**
   * A script or stylesheet as the browser gets it (some are larger than the test client buffers).
   */
  String asset(Session s, String path) {
    try {
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                      .header("Cookie", "SESSION=" + s.cookie())
                      .GET()
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      return r.body();
    } catch (Exception e) {
      throw new IllegalStateException(path, e);
    }
  }

  @Test
  void withoutAnIssuerTheLoginPageOffersNoOidcSignIn() {
    String login =
        body(
            web.get()
                .uri("/login")
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectBody()
                .returnResult());
    assertThat(login).contains("User name").doesNotContain("/oauth2/authorization/");
    web.get()
        .uri("/oauth2/authorization/corp")
        .accept(MediaType.TEXT_HTML)
        .exchange()
        .expectStatus()
        .is3xxRedirection()
        .expectHeader()
        .valueMatches("Location", ".*/login");
  }

  @Test
  void logoutEndsTheSession() {
    Session s = login("pt-portal");
    web.post()
        .uri("/logout")
        .cookie("SESSION", s.cookie())
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body(BodyInserters.fromFormData("_csrf", s.csrf()))
        .exchange()
        .expectStatus()
        .is3xxRedirection()
        .expectHeader()
        .valueMatches("Location", ".*/login\\?logout");
    web.get()
        .uri("/people/pt-ada")
        .cookie("SESSION", s.cookie())
        .accept(MediaType.TEXT_HTML)
        .exchange()
        .expectStatus()
        .is3xxRedirection();
  }

  static String body(EntityExchangeResult<byte[]> r) {
    byte[] b = r.getResponseBody();
    return b == null ? "" : new String(b, StandardCharsets.UTF_8);
  }

  static String first(Pattern p, String html) {
    Matcher m = p.matcher(html);
    assertThat(m.find()).as("pattern %s in page", p).isTrue();
    return m.group(1);
  }
}
