package dev.talentgraph.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.talentgraph.GraphQlOverHttp;
import dev.talentgraph.audit.AuditLog;
import dev.talentgraph.ml.GraphTrainer;
import dev.talentgraph.ml.ModelChallenge;
import dev.talentgraph.ml.ModelKinds;
import dev.talentgraph.ml.model.TrainerSpec;
import dev.talentgraph.schema.FieldCipher;
import dev.talentgraph.security.ApiTokens;
import dev.talentgraph.security.Role;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Model checks and champion/challenger on the demo graph through the server: {@code evaluateModel}
 * over HTTP is refused to a PORTAL token and, for ADMIN, stores a {@code ModelCheck} on the active
 * model; a shifted input raises the drift alert, which is audited and counted in {@code
 * talent.models.drift.alerts}; the service's challenge activates a challenger when no model is
 * active and keeps the champion against an identical challenger, auditing both decisions. Without
 * {@code talent.models.retrain.cron} there is no schedule.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "talent.neo4j.embedded.bolt-port=0",
      "talent.demo.enabled=true",
      "talent.demo.experts=300"
    })
@AutoConfigureWebTestClient
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EvaluateModelIT {
  static final String EVALUATE =
      "mutation { evaluateModel(input: {kind: ATTRITION}) { check { id modelId scope alert alerts"
          + " metrics { name value } calibration { count } psi { name value } } errors { field code message } } }";

  @Autowired WebTestClient web;
  @Autowired ApiTokens tokens;
  @Autowired Driver driver;
  @Autowired FieldCipher cipher;
  @Autowired AuditLog audit;
  @Autowired MeterRegistry meters;
  @Autowired ModelChecks checks;
  @Autowired ApplicationContext context;
  final ObjectMapper json = new ObjectMapper();
  String admin;
  String portal;
  String modelId;

  @BeforeAll
  void setUp() {
    admin = tokens.create("evaluate-model-it", "admin", Set.of(Role.ADMIN), null, null).token();
    portal =
        tokens.create("evaluate-model-portal", "portal", Set.of(Role.PORTAL), null, null).token();
    modelId =
        new GraphTrainer(driver, "neo4j", cipher)
            .train(
                ModelKinds.ATTRITION,
                new GraphTrainer.Options(
                    TrainerSpec.defaults(ModelKinds.ATTRITION.algorithm(), 1),
                    5,
                    Set.of(),
                    LocalDate.now(ZoneOffset.UTC),
                    true,
                    0.5),
                s -> {})
            .model()
            .id();
    web = web.mutate().responseTimeout(Duration.ofSeconds(120)).build();
  }

  @Test
  @Order(1)
  void aPortalTokenMayNotCheckAModel() {
    JsonNode r = gql(portal, EVALUATE);
    assertThat(r.at("/errors/0/extensions/classification").asText()).isEqualTo("FORBIDDEN");
    assertThat(checkCount()).isZero();
  }

  @Test
  @Order(2)
  void anAdminChecksTheActiveModelAndTheCheckIsStored() {
    double before = alerts();
    JsonNode r = gql(admin, EVALUATE);
    JsonNode c = r.at("/data/evaluateModel/check");
    assertThat(r.at("/data/evaluateModel/errors").size()).as(r.toString()).isZero();
    assertThat(c.get("modelId").asText()).isEqualTo(modelId);
    assertThat(c.get("alert").asBoolean()).as(r.toString()).isFalse();
    assertThat(c.get("metrics").toString()).contains("\"auc\"", "\"brier\"");
    assertThat(c.get("calibration").size()).isPositive();
    assertThat(c.get("psi").size()).isPositive();
    assertThat(checkCount()).isEqualTo(1);
    assertThat(alerts()).isEqualTo(before);
  }

  @Test
  @Order(3)
  void aShiftedInputRaisesAnAuditedAndCountedAlert() {
    double before = alerts();
    try (var s = driver.session()) {
      s.run("MATCH (e:Expert) WHERE e.grade IS NOT NULL SET e.grade = e.grade + 3").consume();
    }
    try {
      JsonNode r = gql(admin, EVALUATE);
      JsonNode c = r.at("/data/evaluateModel/check");
      assertThat(c.get("alert").asBoolean()).as(r.toString()).isTrue();
      assertThat(c.get("alerts").toString()).contains("input grade shifted");
      assertThat(checkCount()).isEqualTo(2);
      assertThat(alerts()).isEqualTo(before + 1);
      assertThat(audit.flush(Duration.ofSeconds(60))).isTrue();
      try (var s = driver.session()) {
        var a =
            s.run(
                    "MATCH (a:AuditEvent {action: 'model.drift', target: $m}) RETURN a.actor AS actor, a.reason AS reason",
                    Map.of("m", modelId))
                .list();
        assertThat(a).hasSize(1);
        assertThat(a.get(0).get("actor").asString()).isEqualTo("admin");
        assertThat(a.get(0).get("reason").asString()).contains("grade");
      }
    } finally {
      try (var s = driver.session()) {
        s.run("MATCH (e:Expert) WHERE e.grade IS NOT NULL SET e.grade = e.grade - 3").consume();
      }
    }
  }

  @Test
  @Order(4)
  void theServiceChallengePromotesWithoutAChampionAndKeepsAnEqualOne() throws Exception {
    assertThat(context.getBeansOfType(ModelRetraining.class)).isEmpty();
    try (var s = driver.session()) {
      s.run("MATCH (m:Model {kind: 'attrition'}) SET m.active = false").consume();
    }
    ModelChallenge.Decision first = checks.challenge("attrition", 3, "it");
    assertThat(first.promoted()).isTrue();
    assertThat(first.championId()).isNull();
    assertThat(first.challenger().active()).isTrue();

    ModelChallenge.Decision second = checks.challenge("attrition", 3, "it");
    assertThat(second.promoted()).isFalse();
    assertThat(second.championId()).isEqualTo(first.challenger().id());
    assertThat(second.championFigure()).isEqualTo(second.challengerFigure());
    assertThat(second.challenger().active()).isFalse();
    assertThat(
            meters
                .find("talent.models.challenges")
                .tags("kind", "attrition", "decision", "kept")
                .counter()
                .count())
        .isEqualTo(1);
    assertThat(audit.flush(Duration.ofSeconds(60))).isTrue();
    try (var s = driver.session()) {
      var a =
          s.run(
                  "MATCH (a:AuditEvent {action: 'model.challenge'}) RETURN a.target AS t, a.reason AS r ORDER BY a.at")
              .list();
      assertThat(a).hasSize(2);
      assertThat(a.get(0).get("r").asString()).startsWith("promoted: no active model");
      assertThat(a.get(1).get("t").asString()).isEqualTo(second.challenger().id());
      assertThat(a.get(1).get("r").asString()).startsWith("kept: AUC on ");
      String stored =
          s.run(
                  "MATCH (m:Model {id: $id}) RETURN m.challenge AS c",
                  Map.of("id", second.challenger().id()))
              .single()
              .get("c")
              .asString();
      JsonNode d = json.readTree(stored);
      assertThat(d.get("decision").asText()).isEqualTo("kept");
      assertThat(d.get("championFigure").asDouble()).isEqualTo(second.championFigure());
      assertThat(d.get("challengerFigure").asDouble()).isEqualTo(second.challengerFigure());
    }
  }

  private long checkCount() {
    try (var s = driver.session()) {
      return s.run(
              "MATCH (:Model {id: $m})-[:CHECKED]->(k:ModelCheck) RETURN count(k) AS n",
              Map.of("m", modelId))
          .single()
          .get("n")
          .asLong();
    }
  }

  private double alerts() {
    Counter c = meters.find("talent.models.drift.alerts").tag("kind", "attrition").counter();
    return c == null ? 0 : c.count();
  }

  JsonNode gql(String token, String query) {
    return GraphQlOverHttp.bearer(web, token, query, null);
  }
}
