package dev.talentgraph.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * OAuth2/OIDC bearer JWTs from an identity provider (a test key pair stands in for its keys):
 * verified signature and expiry, roles from a claim, and the same rules as every other login.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "talent.neo4j.embedded.bolt-port=0",
      "spring.security.oauth2.resourceserver.jwt.public-key-location=classpath:jwt/public.pem",
      "talent.security.jwt.roles-claim=realm_access.roles"
    })
@AutoConfigureWebTestClient
class JwtIT {
  @Autowired WebTestClient web;

  static final Map<String, String> QUERY = Map.of("query", "{ graphStats { experts } }");

  static String jwt(String keyFile, List<String> roles, Instant expires) throws Exception {
    String pem =
        new ClassPathResource("jwt/" + keyFile)
            .getContentAsString(StandardCharsets.UTF_8)
            .replaceAll("-----[A-Z ]+-----", "")
            .replaceAll("\\s", "");
    PrivateKey key =
        KeyFactory.getInstance("RSA")
            .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    var claims =
        new JWTClaimsSet.Builder()
            .subject("u-123")
            .issuer("https://idp.example")
            .claim("preferred_username", "grace")
            .claim("realm_access", Map.of("roles", roles))
            .issueTime(Date.from(expires.minusSeconds(900)))
            .expirationTime(Date.from(expires))
            .build();
    SignedJWT signed = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
    signed.sign(new RSASSASigner(key));
    return signed.serialize();
  }

  WebTestClient.ResponseSpec call(String token) {
    return web.post()
        .uri("/graphql")
        .headers(h -> h.setBearerAuth(token))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(QUERY)
        .exchange();
  }

  @Test
  void aValidTokenWithARoleIsAccepted() throws Exception {
    call(jwt(
            "private-pkcs8.pem",
            List.of("offline_access", "analyst"),
            Instant.now().plusSeconds(300)))
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.data.graphStats.experts")
        .isNumber();
  }

  @Test
  void anExpiredTokenIsRefused() throws Exception {
    call(jwt("private-pkcs8.pem", List.of("HR"), Instant.now().minusSeconds(600)))
        .expectStatus()
        .isUnauthorized()
        .expectBody()
        .jsonPath("$.message")
        .value(
            m ->
                org.assertj.core.api.Assertions.assertThat(m.toString())
                    .contains("invalid JWT")
                    .containsIgnoringCase("expired"));
  }

  @Test
  void aTokenSignedByAnotherKeyIsRefused() throws Exception {
    call(jwt("other-private-pkcs8.pem", List.of("ADMIN"), Instant.now().plusSeconds(300)))
        .expectStatus()
        .isUnauthorized()
        .expectBody()
        .jsonPath("$.message")
        .value(
            m -> org.assertj.core.api.Assertions.assertThat(m.toString()).contains("invalid JWT"));
  }

  @Test
  void aTokenWithoutATalentGraphRoleIsRefused() throws Exception {
    call(jwt("private-pkcs8.pem", List.of("offline_access"), Instant.now().plusSeconds(300)))
        .expectStatus()
        .isUnauthorized()
        .expectBody()
        .jsonPath("$.message")
        .value(
            m ->
                org.assertj.core.api.Assertions.assertThat(m.toString())
                    .contains("no TalentGraph role"));
  }

  @Test
  void garbageIsRefusedAndApiTokensStillWork() {
    call("not.a.jwt").expectStatus().isUnauthorized();
    call("tg_unknown")
        .expectStatus()
        .isUnauthorized()
        .expectBody()
        .jsonPath("$.message")
        .isEqualTo("invalid, revoked or expired API token");
  }
}
