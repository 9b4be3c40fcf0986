package dev.talentgraph.communities;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.talentgraph.GraphQlOverHttp;
import dev.talentgraph.security.ApiTokens;
import dev.talentgraph.security.Role;
import java.util.ArrayList;
import java.util.List;
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
 * Communities of practice on the demo graph (same context as the other demo tests): a refresh by an
 * ANALYST writes named communities with their modularity, a second refresh replaces them with the
 * same ones and leaves no GDS graph behind, and PORTAL reads them but may not refresh.
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
class CommunitiesIT {
  static final String REFRESH =
      "mutation { refreshCommunities { run { at method modularity people ties communities minSize"
          + " seed weights } errors { message } } }";
  static final String LIST =
      "{ communities(first: 50) { totalCount run { modularity communities }"
          + " edges { node { id name size modularity refreshedAt"
          + " skills { skillId name members share lift }"
          + " members(first: 3) { id name } bridges { expert { id } to { id } weight ties } } } } }";

  @Autowired WebTestClient web;
  @Autowired ApiTokens tokens;
  @Autowired Driver driver;
  String analyst;
  String portal;
  String employee;
  JsonNode first;
  long millis;

  @BeforeAll
  void refreshOnce() {
    analyst = tokens.create("pc-analyst", "analyst", Set.of(Role.ANALYST), null, null).token();
    portal = tokens.create("pc-portal", "portal", Set.of(Role.PORTAL), null, null).token();
    employee = tokens.create("pc-employee", "employee", Set.of(Role.EMPLOYEE), null, null).token();
    long t0 = System.nanoTime();
    first = gql(analyst, REFRESH);
    millis = (System.nanoTime() - t0) / 1_000_000;
  }

  @Test
  void aRefreshWritesNamedCommunitiesWithTheirModularity() {
    JsonNode run = first.at("/data/refreshCommunities/run");
    assertThat(first.at("/data/refreshCommunities/errors").size()).as(first.toString()).isZero();
    int communities = run.get("communities").asInt();
    double modularity = run.get("modularity").asDouble();
    System.out.printf(
        "demo graph (100 experts): %d communities, modularity %.4f, %d people, %d ties, %d ms%n",
        communities, modularity, run.get("people").asInt(), run.get("ties").asInt(), millis);
    assertThat(communities).isGreaterThanOrEqualTo(2);
    // a small, skill-dense graph: well above a random partition's 0, below the 2,000-expert demo's
    // 0.71
    assertThat(modularity).isGreaterThan(0.2);
    assertThat(run.get("method").asText()).contains("Leiden");

    JsonNode page = gql(portal, LIST);
    assertThat(page.has("errors")).as(page.toString()).isFalse();
    JsonNode edges = page.at("/data/communities/edges");
    assertThat(edges.size()).isEqualTo(communities);
    assertThat(page.at("/data/communities/totalCount").asInt()).isEqualTo(communities);
    double sum = 0;
    int people = 0;
    for (JsonNode e : edges) {
      JsonNode c = e.get("node");
      sum += c.get("modularity").asDouble();
      people += c.get("size").asInt();
      assertThat(c.get("size").asInt()).isGreaterThanOrEqualTo(run.get("minSize").asInt());
      assertThat(c.get("skills").size()).as(c.toString()).isPositive();
      // the name is the top skills, each over-represented against the whole graph
      assertThat(c.get("name").asText()).startsWith(c.at("/skills/0/name").asText());
      for (JsonNode s : c.get("skills")) assertThat(s.get("lift").asDouble()).isGreaterThan(1.0);
      assertThat(c.get("members").size()).isEqualTo(Math.min(3, c.get("size").asInt()));
    }
    // per-community contributions add up to the partition's modularity (GDS gds.modularity)
    assertThat(sum).isCloseTo(modularity, org.assertj.core.data.Offset.offset(0.02));
    try (var s = driver.session()) {
      long members =
          s.run("MATCH (:Expert)-[r:PRACTICES_IN]->(:PracticeCommunity) RETURN count(r) AS n")
              .single()
              .get("n")
              .asLong();
      assertThat(members).isEqualTo(people);
    }
  }

  @Test
  void aSecondRefreshReplacesTheCommunitiesWithTheSameOnesAndDropsTheGdsGraph() {
    List<String> before = snapshot();
    JsonNode again = gql(analyst, REFRESH);
    assertThat(again.at("/data/refreshCommunities/errors").size()).as(again.toString()).isZero();
    assertThat(snapshot()).isEqualTo(before);
    try (var s = driver.session()) {
      assertThat(s.run("MATCH (r:CommunityRun) RETURN count(r) AS n").single().get("n").asLong())
          .isOne();
      assertThat(
              s.run("CALL gds.graph.list() YIELD graphName RETURN count(*) AS n")
                  .single()
                  .get("n")
                  .asLong())
          .isZero();
    }
  }

  @Test
  void anExpertKnowsTheirCommunityAndBridgesPointElsewhere() {
    String member;
    String community;
    try (var s = driver.session()) {
      var r =
          s.run(
                  "MATCH (e:Expert)-[:PRACTICES_IN]->(c:PracticeCommunity) RETURN e.id AS e, c.id"
                      + " AS c ORDER BY e.id LIMIT 1")
              .single();
      member = r.get("e").asString();
      community = r.get("c").asString();
    }
    JsonNode r =
        gql(
            employee,
            "{ expert(id: \""
                + member
                + "\") { communities { id name } } community(id: \""
                + community
                + "\") { id bridges(first: 5) { expert { id communities { id } } to { id } } } }");
    assertThat(r.has("errors")).as(r.toString()).isFalse();
    assertThat(r.at("/data/expert/communities/0/id").asText()).isEqualTo(community);
    for (JsonNode b : r.at("/data/community/bridges")) {
      assertThat(b.at("/expert/communities/0/id").asText()).isEqualTo(community);
      assertThat(b.at("/to/id").asText()).isNotEqualTo(community);
    }
  }

  @Test
  void portalAndEmployeeMayReadButNotRefresh() {
    for (String token : List.of(portal, employee)) {
      JsonNode r = gql(token, REFRESH);
      assertThat(r.at("/errors/0/extensions/code").asText())
          .as(r.toString())
          .isEqualTo("FORBIDDEN");
    }
    JsonNode r = gql(portal, "{ communities(first: 1) { edges { node { name } } } }");
    assertThat(r.has("errors")).as(r.toString()).isFalse();
  }

  List<String> snapshot() {
    List<String> out = new ArrayList<>();
    try (var s = driver.session()) {
      s.run(
              "MATCH (c:PracticeCommunity) OPTIONAL MATCH (e:Expert)-[:PRACTICES_IN]->(c)"
                  + " WITH c, e ORDER BY e.id WITH c, collect(e.id) AS ids"
                  + " RETURN c.id + ' ' + c.name + ' ' + c.size + ' '"
                  + " + reduce(s = '', x IN ids | s + x + ',') AS row ORDER BY row")
          .forEachRemaining(r -> out.add(r.get("row").asString()));
    }
    return out;
  }

  JsonNode gql(String token, String query) {
    return GraphQlOverHttp.bearer(web, token, query, null);
  }
}
