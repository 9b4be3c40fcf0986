package dev.talentgraph.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.talentgraph.GraphQlOverHttp;
import dev.talentgraph.audit.AuditLog;
import dev.talentgraph.security.ApiTokens;
import dev.talentgraph.security.Role;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
 * {@code node(id:)} on the demo graph (the demo test context, shared with DemoGraphIT and
 * RecruitingPipelineIT): one global id of every Node type resolves to an object of that type with
 * that key, and the access rules of the typed queries hold through {@code node} (a PORTAL user
 * reads the public part of an Expert and nothing personal, no application, contest or audit event).
 * What is created here has ids starting with {@code it-node-} and is removed afterwards.
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
class NodeQueriesIT {
  @Autowired WebTestClient web;
  @Autowired ApiTokens tokens;
  @Autowired Driver driver;
  @Autowired AuditLog auditLog;
  final ObjectMapper json = new ObjectMapper();

  String admin;
  String portal;
  String hr;

  /** One key of every Node type, by type. */
  final Map<String, String> keys = new LinkedHashMap<>();

  @BeforeAll
  void setUp() {
    admin = tokens.create("it-node-admin", "it-node-admin", Set.of(Role.ADMIN), null, null).token();
    portal =
        tokens.create("it-node-portal", "it-node-portal", Set.of(Role.PORTAL), null, null).token();
    hr = tokens.create("it-node-hr", "it-node-hr", Set.of(Role.HR), null, null).token();
    try (var s = driver.session()) {
      for (String label :
          new String[] {
            "Expert",
            "Skill",
            "Course",
            "Project",
            "Publication",
            "Team",
            "JobOpening",
            "Candidate",
            "Application",
            "Assessment",
            "Interview"
          }) {
        var rows =
            s.run(
                    "MATCH (n:"
                        + label
                        + ") WHERE n.id IS NOT NULL"
                        + (label.equals("Skill") ? " AND NOT n:SkillGroup" : "")
                        + " RETURN n.id AS id ORDER BY n.id LIMIT 1")
                .list(r -> r.get("id").asString());
        assertThat(rows).as("a %s in the demo graph", label).hasSize(1);
        keys.put(label, rows.get(0));
      }
      s.run(
              "MATCH (e:Expert {id: $e}) CREATE (e)-[:CONTESTED]->(:Contest {id: 'it-node-contest', factType: 'skill',"
                  + " factKey: 'it-node-skill', reason: 'never used it', status: 'OPEN', at: datetime('2026-03-01T09:30:00Z'),"
                  + " actor: $e})",
              Map.of("e", keys.get("Expert")))
          .consume();
      keys.put("Contest", "it-node-contest");
    }
    JsonNode trained =
        ok(
            admin,
            "mutation { trainModel(input: {kind: ATTRITION, seed: 1, folds: 2}) { model { id } errors { message } } }",
            null);
    keys.put("Model", trained.at("/trainModel/model/id").asText());
    assertThat(auditLog.flush(Duration.ofSeconds(30))).isTrue();
    try (var s = driver.session()) {
      keys.put(
          "AuditEvent",
          s.run("MATCH (a:AuditEvent) RETURN a.id AS id ORDER BY a.at DESC LIMIT 1")
              .single()
              .get("id")
              .asString());
    }
  }

  @AfterAll
  void cleanUp() {
    try (var s = driver.session()) {
      s.run("MATCH (c:Contest {id: 'it-node-contest'}) DETACH DELETE c").consume();
    }
  }

  @Test
  void everyNodeTypeIsInTheSchemaAndOneIdOfEachResolves() {
    JsonNode schema = ok(admin, "{ __type(name: \"Node\") { possibleTypes { name } } }", null);
    Set<String> possible = new TreeSet<>();
    schema.at("/__type/possibleTypes").forEach(t -> possible.add(t.get("name").asText()));
    assertThat(possible)
        .isEqualTo(new TreeSet<>(GlobalIds.TYPES))
        .isEqualTo(new TreeSet<>(keys.keySet()));

    for (var e : keys.entrySet()) {
      String id = e.getKey() + ":" + e.getValue();
      JsonNode r = ok(admin, "query($id: ID!) { node(id: $id) { __typename id } }", vars("id", id));
      assertThat(r.at("/node/__typename").asText()).as(id).isEqualTo(e.getKey());
      assertThat(r.at("/node/id").asText()).as(id).isEqualTo(e.getValue());
    }
  }

  @Test
  void aNodeReadsItsTypesFieldsAndTheTypedQueriesTakeTheGlobalIdToo() {
    String id = "Expert:" + keys.get("Expert");
    JsonNode r =
        ok(
            admin,
            "query($id: ID!) { node(id: $id) { ... on Expert { name skills { skill { id } } } } expert(id: $id) { id name } }",
            vars("id", id));
    assertThat(r.at("/node/name").asText()).isNotBlank().isEqualTo(r.at("/expert/name").asText());
    assertThat(r.at("/expert/id").asText()).isEqualTo(keys.get("Expert"));
    assertThat(r.at("/node/skills/0/skill/id").asText()).isNotBlank();
    JsonNode contest =
        ok(
            admin,
            "{ node(id: \"Contest:it-node-contest\") { ... on Contest { expertId status at } } }",
            null);
    assertThat(contest.at("/node/expertId").asText()).isEqualTo(keys.get("Expert"));
    assertThat(contest.at("/node/status").asText()).isEqualTo("OPEN");
    assertThat(contest.at("/node/at").asText()).isEqualTo("2026-03-01T09:30:00.000Z");
  }

  @Test
  void nodeAppliesTheTypedQueriesAccessRules() {
    // PORTAL: the public part of an Expert, never a personal field
    JsonNode r =
        gql(
            portal,
            "query($id: ID!) { node(id: $id) { ... on Expert { name personal { email } } } }",
            vars("id", "Expert:" + keys.get("Expert")));
    assertThat(r.at("/data/node/name").asText()).isNotBlank();
    assertThat(r.at("/data/node/personal").isNull()).isTrue();
    assertThat(r.at("/errors/0/extensions/code").asText()).isEqualTo("FORBIDDEN");
    // PORTAL: no application, assessment, candidate, contest, audit event or model, through node as
    // elsewhere
    for (String type :
        new String[] {
          "Application", "Assessment", "Interview", "Candidate", "Contest", "AuditEvent", "Model"
        }) {
      JsonNode denied =
          gql(
              portal,
              "query($id: ID!) { node(id: $id) { __typename id } }",
              vars("id", type + ":" + keys.get(type)));
      assertThat(denied.at("/data/node").isNull()).as(type + ": " + denied).isTrue();
      assertThat(denied.at("/errors/0/extensions/classification").asText())
          .as(type + ": " + denied)
          .isEqualTo("FORBIDDEN");
    }
    // the typed query refuses the same application
    JsonNode typed =
        gql(
            portal,
            "query($id: ID!) { application(id: $id) { id } }",
            vars("id", keys.get("Application")));
    assertThat(typed.at("/errors/0/extensions/code").asText()).isEqualTo("FORBIDDEN");
    // HR reads applications and contests, not the audit log (ADMIN only)
    assertThat(
            ok(
                    hr,
                    "query($id: ID!) { node(id: $id) { id } }",
                    vars("id", "Application:" + keys.get("Application")))
                .at("/node/id")
                .asText())
        .isEqualTo(keys.get("Application"));
    JsonNode audit =
        gql(
            hr,
            "query($id: ID!) { node(id: $id) { id } }",
            vars("id", "AuditEvent:" + keys.get("AuditEvent")));
    assertThat(audit.at("/errors/0/extensions/code").asText()).isEqualTo("FORBIDDEN");
  }

  @Test
  void aMissingIdIsNullAndABareKeyIsABadRequest() {
    assertThat(
            ok(admin, "{ node(id: \"Expert:it-node-nobody\") { id } }", null).get("node").isNull())
        .isTrue();
    JsonNode bare =
        gql(admin, "query($id: ID!) { node(id: $id) { id } }", vars("id", keys.get("Expert")));
    assertThat(bare.at("/errors/0/extensions/classification").asText()).isEqualTo("BAD_REQUEST");
    assertThat(bare.at("/errors/0/extensions/code").asText()).isEqualTo("INVALID_ARGUMENT");
    assertThat(bare.at("/data/node").isNull()).isTrue();
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
