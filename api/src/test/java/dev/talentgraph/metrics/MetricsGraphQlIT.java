package dev.talentgraph.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.talentgraph.GraphQlOverHttp;
import dev.talentgraph.security.ApiTokens;
import dev.talentgraph.security.Role;
import java.time.LocalDate;
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
 * {@code metrics(...)} over GraphQL on the demo graph (the demo context shared with DemoGraphIT):
 * the same figures as {@link MetricsService} (which {@code report metrics} writes), the role
 * scopes, and typed errors.
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
class MetricsGraphQlIT {
  static final String FIELDS =
      "filter { from to team region minGroupSize }"
          + " hiringSuccess { closedOpenings hires openingsWithHire rate }"
          + " timeToHire { hires fromApplied { count sumDays mean median p90 } distribution { label count } }"
          + " stageConversion { from to reachedFrom reachedTo rate } offerAcceptance { decided accepted withdrawn rejected rate }"
          + " trainingEffect { enrolments totalGain meanGain courses minEnrolments unrankedCourses top { courseId enrolments totalGain meanGain } }"
          + " retention { suppressedGroups overall { period activeAtStart retained rate suppressed departuresByReason { key count } }"
          + " byTeam { period group activeAtStart retained suppressed } byRegion { period group activeAtStart suppressed } }"
          + " skillCoverage { teams { teamId requiredSkills coveredSkills gaps { skillId bestLevel requiredLevel kind } }"
          + " gapsBySkill { skillId teams } }";

  @Autowired WebTestClient web;
  @Autowired ApiTokens tokens;
  @Autowired Driver driver;
  String admin, hr, analyst, portal, employee, manager;
  String managedTeam, otherTeam;

  @BeforeAll
  void setUp() {
    try (var s = driver.session()) {
      var r =
          s.run(
                  "MATCH (m:Expert)-[:MANAGES]->(t:Team) RETURN m.id AS m, t.id AS t ORDER BY t.id LIMIT 1")
              .single();
      managedTeam = r.get("t").asString();
      otherTeam =
          s.run(
                  "MATCH (t:Team) WHERE NOT EXISTS { (:Expert {id: $m})-[:MANAGES]->(t) } RETURN t.id AS t ORDER BY t LIMIT 1",
                  Map.of("m", r.get("m").asString()))
              .single()
              .get("t")
              .asString();
      manager =
          tokens
              .create(
                  "metrics-manager", "manager", Set.of(Role.MANAGER), r.get("m").asString(), null)
              .token();
    }
    admin = tokens.create("metrics-admin", "admin", Set.of(Role.ADMIN), null, null).token();
    hr = tokens.create("metrics-hr", "hr", Set.of(Role.HR), null, null).token();
    analyst = tokens.create("metrics-analyst", "analyst", Set.of(Role.ANALYST), null, null).token();
    portal = tokens.create("metrics-portal", "portal", Set.of(Role.PORTAL), null, null).token();
    employee =
        tokens.create("metrics-employee", "employee", Set.of(Role.EMPLOYEE), "e0001", null).token();
  }

  JsonNode gql(String token, String args) {
    String query = "{ metrics" + (args.isEmpty() ? "" : "(" + args + ")") + " { " + FIELDS + " } }";
    return GraphQlOverHttp.bearer(web, token, query, null);
  }

  /** No figures came back: data is null, or data.metrics is. */
  static boolean noMetrics(JsonNode r) {
    JsonNode m = r.at("/data/metrics");
    return m.isNull() || m.isMissingNode();
  }

  @Test
  void sameFiguresAsTheServiceTheReportUses() {
    JsonNode r = gql(hr, "from: \"2022-01-01\", to: \"2026-06-30\"");
    assertThat(r.get("errors")).as(r.toString()).isNull();
    JsonNode m = r.at("/data/metrics");
    Metrics direct =
        new MetricsService(driver, "neo4j")
            .compute(
                MetricsService.request(
                    "2022-01-01", "2026-06-30", null, null, 5, null, null, LocalDate.now()),
                LocalDate.now());
    JsonNode d = new ObjectMapper().valueToTree(direct);
    assertThat(m.at("/filter/minGroupSize").isNull()).isTrue();
    for (String path : new String[] {"/hiringSuccess", "/stageConversion", "/offerAcceptance"}) {
      assertThat(m.at(path).toString()).as(path).isEqualTo(d.at(path).toString());
    }
    assertThat(m.at("/trainingEffect/enrolments").asLong())
        .isPositive()
        .isEqualTo(d.at("/trainingEffect/enrolments").asLong());
    assertThat(m.at("/trainingEffect/meanGain").asDouble())
        .isEqualTo(d.at("/trainingEffect/meanGain").asDouble());
    assertThat(m.at("/trainingEffect/top/0/courseId").asText())
        .isEqualTo(d.at("/trainingEffect/top/0/courseId").asText());
    assertThat(m.at("/retention/overall").size()).isEqualTo(5);
    for (int i = 0; i < 5; i++) {
      assertThat(m.at("/retention/overall/" + i + "/activeAtStart").asLong())
          .isEqualTo(d.at("/retention/overall/" + i + "/activeAtStart").asLong());
      assertThat(m.at("/retention/overall/" + i + "/retained").asLong())
          .isEqualTo(d.at("/retention/overall/" + i + "/retained").asLong());
    }
    assertThat(m.at("/retention/byTeam").size()).isEqualTo(d.at("/retention/byTeam").size());
    assertThat(m.at("/skillCoverage/gapsBySkill").size())
        .isPositive()
        .isEqualTo(d.at("/skillCoverage/gapsBySkill").size());
    assertThat(gql(admin, "").get("errors")).isNull();
  }

  @Test
  void analystsSeeNoGroupUnderFive() {
    JsonNode r = gql(analyst, "");
    assertThat(r.get("errors")).as(r.toString()).isNull();
    JsonNode m = r.at("/data/metrics");
    assertThat(m.at("/filter/minGroupSize").asInt()).isEqualTo(5);
    long suppressed = 0;
    for (String kind : new String[] {"overall", "byTeam", "byRegion"}) {
      for (JsonNode row : m.at("/retention/" + kind)) {
        if (row.get("suppressed").asBoolean()) {
          suppressed++;
          assertThat(row.get("activeAtStart").isNull()).isTrue();
        } else {
          assertThat(row.get("activeAtStart").asLong())
              .as(row.toString())
              .isGreaterThanOrEqualTo(5);
        }
      }
    }
    assertThat(m.at("/retention/suppressedGroups").asLong()).isEqualTo(suppressed);
    // differencing: within a period the teams, and the regions, never hide exactly one row (the
    // total minus the visible rows would give it back)
    for (String kind : new String[] {"byTeam", "byRegion"}) {
      Map<String, Integer> hiddenPerPeriod = new java.util.HashMap<>();
      for (JsonNode row : m.at("/retention/" + kind)) {
        hiddenPerPeriod.merge(
            row.get("period").asText(), row.get("suppressed").asBoolean() ? 1 : 0, Integer::sum);
      }
      assertThat(hiddenPerPeriod.values()).as(kind).doesNotContain(1);
    }
    assertThat(suppressed).as("the 100-expert demo has teams under five people").isPositive();
    m.at("/trainingEffect/top")
        .forEach(c -> assertThat(c.get("enrolments").asLong()).isGreaterThanOrEqualTo(5));
  }

  @Test
  void managersSeeTheTeamsTheyManageOnly() {
    JsonNode own = gql(manager, "team: \"" + managedTeam + "\"");
    assertThat(own.get("errors")).as(own.toString()).isNull();
    assertThat(own.at("/data/metrics").isObject()).isTrue();
    assertThat(own.at("/data/metrics/filter/team").asText()).isEqualTo(managedTeam);
    assertThat(own.at("/data/metrics/filter/minGroupSize").isNull()).isTrue();
    assertThat(own.at("/data/metrics/skillCoverage/teams")).hasSize(1);
    JsonNode other = gql(manager, "team: \"" + otherTeam + "\"");
    assertThat(noMetrics(other)).as(other.toString()).isTrue();
    assertThat(other.at("/errors/0/extensions/code").asText()).isEqualTo("FORBIDDEN");
    assertThat(other.at("/errors/0/extensions/argument").asText()).isEqualTo("team");
    assertThat(gql(manager, "").at("/errors/0/message").asText()).contains(managedTeam);
  }

  @Test
  void portalAndEmployeeAreRefused() {
    for (String token : new String[] {portal, employee}) {
      JsonNode r = gql(token, "");
      assertThat(noMetrics(r)).as(r.toString()).isTrue();
      assertThat(r.at("/errors/0/extensions/code").asText()).isEqualTo("FORBIDDEN");
      assertThat(r.at("/errors/0/message").asText()).contains("Query.metrics refused");
    }
  }

  @Test
  void badArgumentsAreTypedErrors() {
    JsonNode backwards = gql(admin, "from: \"2025-02-01\", to: \"2025-01-01\"");
    assertThat(noMetrics(backwards)).as(backwards.toString()).isTrue();
    assertThat(backwards.at("/errors/0/extensions/classification").asText())
        .isEqualTo("BAD_REQUEST");
    assertThat(backwards.at("/errors/0/extensions/code").asText()).isEqualTo("FROM_AFTER_TO");
    assertThat(backwards.at("/errors/0/extensions/argument").asText()).isEqualTo("from");
    JsonNode team = gql(admin, "team: \"t-none\"");
    assertThat(team.at("/errors/0/extensions/code").asText()).isEqualTo("UNKNOWN_TEAM");
    assertThat(team.at("/errors/0/extensions/argument").asText()).isEqualTo("team");
    assertThat(gql(admin, "to: \"soon\"").at("/errors/0/extensions/code").asText())
        .isEqualTo("INVALID_DATE");
    assertThat(gql(admin, "region: \"Atlantis\"").at("/errors/0/extensions/code").asText())
        .isEqualTo("UNKNOWN_REGION");
    assertThat(gql(admin, "top: 0").at("/errors/0/extensions/argument").asText()).isEqualTo("top");
  }
}
