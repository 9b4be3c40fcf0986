package dev.talentgraph.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.talentgraph.schema.FieldCipher;
import dev.talentgraph.security.LocalUsers;
import java.io.IOException;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * OIDC login for people on the portal, through the real authorization-code flow against a small
 * OIDC issuer served in the test (discovery, authorization, token and JWKS endpoints; RSA-signed ID
 * tokens): the login page offers the issuer, the browser is sent there and back with a code, the
 * application exchanges the code, verifies the ID token and maps its claims to a TalentGraph user
 * and roles (a local user by a claim, or roles from a claim); a login with neither is refused.
 * Without an issuer configured the portal offers none ({@link PortalPagesIT}).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "talent.neo4j.embedded.bolt-port=0",
      "talent.portal-tests=oidc",
      "talent.security.oidc.local-user-claim=tg_user"
    })
class PortalOidcLoginIT {
  static final String CLIENT_ID = "talentgraph-portal";
  static final String CLIENT_SECRET = "portal-client-secret";
  static final TestIssuer ISSUER = TestIssuer.start();

  @DynamicPropertySource
  static void issuer(DynamicPropertyRegistry r) {
    String reg = "spring.security.oauth2.client.registration.corp.";
    r.add(reg + "client-id", () -> CLIENT_ID);
    r.add(reg + "client-secret", () -> CLIENT_SECRET);
    r.add(reg + "client-name", () -> "Corp SSO");
    r.add(reg + "scope", () -> "openid,profile");
    r.add("spring.security.oauth2.client.provider.corp.issuer-uri", ISSUER::issuer);
  }

  @AfterAll
  static void stop() {
    ISSUER.server.stop(0);
  }

  @LocalServerPort int port;
  @Autowired Driver driver;
  @Autowired FieldCipher cipher;
  @Autowired LocalUsers users;

  @BeforeEach
  void fixture() {
    PortalFixture.load(driver, cipher, users);
  }

  /** A browser: cookies kept, redirects followed one by one so each step can be checked. */
  final HttpClient browser =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  HttpResponse<String> get(String url) throws Exception {
    return browser.send(
        HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  String base() {
    return "http://localhost:" + port;
  }

  /** Runs the code flow from the portal's sign-in link; returns where the portal sends us last. */
  String signIn(Map<String, Object> claims) throws Exception {
    ISSUER.nextLogin = claims;
    HttpResponse<String> login = get(base() + "/login");
    assertThat(login.body())
        .contains("href=\"/oauth2/authorization/corp\"", "Sign in with Corp SSO");
    HttpResponse<String> start = get(base() + "/oauth2/authorization/corp");
    assertThat(start.statusCode()).isEqualTo(302);
    String authorize = start.headers().firstValue("Location").orElseThrow();
    assertThat(authorize).startsWith(ISSUER.issuer() + "/authorize?");
    HttpResponse<String> back = get(authorize);
    assertThat(back.statusCode()).isEqualTo(302);
    String callback = back.headers().firstValue("Location").orElseThrow();
    assertThat(callback).startsWith(base() + "/login/oauth2/code/corp?code=");
    HttpResponse<String> done = get(callback);
    assertThat(done.statusCode()).isEqualTo(302);
    return done.headers().firstValue("Location").orElseThrow();
  }

  @Test
  void aLoginWithARolesClaimGetsThoseRolesThroughTheCodeFlow() throws Exception {
    String landing =
        signIn(
            Map.of(
                "sub",
                "oidc-hr-1",
                "preferred_username",
                "hilda",
                "roles",
                List.of("hr", "other")));
    assertThat(landing).isEqualTo("/");
    HttpResponse<String> teams = get(base() + "/teams");
    assertThat(teams.statusCode()).isEqualTo(200);
    assertThat(teams.body()).contains("hilda (HR)").contains("Build a team");
    // the ID token's personal-data rules apply as for any HR login: Ada's e-mail is shown
    assertThat(get(base() + "/people/pt-ada").body()).contains(PortalFixture.ADA_EMAIL);
    assertThat(ISSUER.tokenRequests).isPositive();
  }

  @Test
  void aLoginNamingALocalUserIsThatUserWithItsRolesAndExpert() throws Exception {
    String landing =
        signIn(Map.of("sub", "oidc-ada", "preferred_username", "ada.l", "tg_user", "pt-ada"));
    assertThat(landing).isEqualTo("/");
    HttpResponse<String> page = get(base() + "/search");
    assertThat(page.body()).contains("pt-ada (EMPLOYEE)").contains("href=\"/people/pt-ada\"");
    // an EMPLOYEE may not plan teams: the page explains instead
    assertThat(get(base() + "/teams").body()).contains("This page is for managers and HR");
  }

  @Test
  void aLoginWithNeitherALocalUserNorARoleIsRefused() throws Exception {
    String landing =
        signIn(Map.of("sub", "oidc-nobody", "preferred_username", "nobody", "roles", "visitor"));
    assertThat(landing).isEqualTo("/login?oidcError");
    assertThat(get(base() + landing).body()).contains("names no TalentGraph user");
    HttpResponse<String> search = get(base() + "/search");
    assertThat(search.statusCode()).isEqualTo(302);
    assertThat(search.headers().firstValue("Location").orElseThrow()).endsWith("/login");
  }

  /**
   * An OIDC issuer of its own: discovery, an authorization endpoint that approves at once (for the
   * claims the test set), a token endpoint that checks the client's secret and the code, and the
   * JWKS its ID tokens are signed with.
   */
  static final class TestIssuer {
    final HttpServer server;
    final RSAKey key;
    final Map<String, Map<String, Object>> codes = new ConcurrentHashMap<>();
    volatile Map<String, Object> nextLogin = Map.of();
    volatile int tokenRequests;
    private final ObjectMapper json = new ObjectMapper();

    private TestIssuer(HttpServer server, RSAKey key) {
      this.server = server;
      this.key = key;
    }

    static TestIssuer start() {
      try {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        TestIssuer issuer =
            new TestIssuer(server, new RSAKeyGenerator(2048).keyID("test-key").generate());
        server.createContext("/.well-known/openid-configuration", issuer::discovery);
        server.createContext("/authorize", issuer::authorize);
        server.createContext("/token", issuer::token);
        server.createContext("/jwks", issuer::jwks);
        server.start();
        return issuer;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    String issuer() {
      return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void discovery(HttpExchange x) throws IOException {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("issuer", issuer());
      d.put("authorization_endpoint", issuer() + "/authorize");
      d.put("token_endpoint", issuer() + "/token");
      d.put("jwks_uri", issuer() + "/jwks");
      d.put("response_types_supported", List.of("code"));
      d.put("subject_types_supported", List.of("public"));
      d.put("id_token_signing_alg_values_supported", List.of("RS256"));
      d.put("scopes_supported", List.of("openid", "profile"));
      d.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic"));
      reply(x, 200, json.writeValueAsString(d));
    }

    void authorize(HttpExchange x) throws IOException {
      Map<String, String> q = form(x.getRequestURI().getRawQuery());
      if (!CLIENT_ID.equals(q.get("client_id")) || !"code".equals(q.get("response_type"))) {
        reply(x, 400, "{\"error\":\"invalid_request\"}");
        return;
      }
      String code = "code-" + codes.size();
      Map<String, Object> login = new LinkedHashMap<>(nextLogin);
      login.put("nonce", q.get("nonce"));
      codes.put(code, login);
      String to =
          q.get("redirect_uri")
              + "?code="
              + code
              + "&state="
              + URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8);
      x.getResponseHeaders().add("Location", to);
      x.sendResponseHeaders(302, -1);
      x.close();
    }

    void token(HttpExchange x) throws IOException {
      tokenRequests++;
      String basic =
          "Basic "
              + Base64.getEncoder()
                  .encodeToString(
                      (CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
      Map<String, String> body =
          form(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      Map<String, Object> login = codes.remove(String.valueOf(body.get("code")));
      if (!basic.equals(x.getRequestHeaders().getFirst("Authorization")) || login == null) {
        reply(x, 400, "{\"error\":\"invalid_grant\"}");
        return;
      }
      try {
        JWTClaimsSet.Builder claims =
            new JWTClaimsSet.Builder()
                .issuer(issuer())
                .audience(CLIENT_ID)
                .issueTime(new Date())
                .expirationTime(new Date(System.currentTimeMillis() + 300_000));
        login.forEach(
            (k, v) -> {
              if (k.equals("sub")) claims.subject(v.toString());
              else if (v != null) claims.claim(k, v);
            });
        SignedJWT idToken =
            new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                claims.build());
        idToken.sign(new RSASSASigner(key));
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("access_token", "at-" + login.get("sub"));
        t.put("token_type", "Bearer");
        t.put("expires_in", 300);
        t.put("scope", "openid profile");
        t.put("id_token", idToken.serialize());
        reply(x, 200, json.writeValueAsString(t));
      } catch (Exception e) {
        reply(x, 500, "{\"error\":\"server_error\"}");
      }
    }

    void jwks(HttpExchange x) throws IOException {
      reply(x, 200, new JWKSet(key.toPublicJWK()).toString());
    }

    private static Map<String, String> form(String raw) {
      Map<String, String> m = new LinkedHashMap<>();
      if (raw == null) return m;
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        if (eq < 0) continue;
        m.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
      return m;
    }

    private static void reply(HttpExchange x, int status, String body) throws IOException {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      x.getResponseHeaders().add("Content-Type", "application/json");
      x.sendResponseHeaders(status, bytes.length);
      x.getResponseBody().write(bytes);
      x.close();
    }
  }
}
