package dev.talentgraph.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.talentgraph.GraphQlOverHttp;
import dev.talentgraph.security.ApiTokens;
import dev.talentgraph.security.Role;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
 * whoKnows over GraphQL on a small taxonomy (Zorblang, its narrower Zorb Spring, its SAME_AS twin)
 * and people whose evidence differs in one thing at a time: the skill they hold, its recency, the
 * projects, papers and answers behind it.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "talent.neo4j.embedded.bolt-port=0")
@AutoConfigureWebTestClient
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WhoKnowsIT {
  static final String FIELDS =
      "skills { id name } notes items { expert { id name } score"
          + " evidence { kind ref text date skill { id } relation credit } }";

  @Autowired WebTestClient web;
  @Autowired Driver driver;
  @Autowired ApiTokens tokens;
  String admin;
  String portal;
  int year = LocalDate.now().getYear();

  @BeforeAll
  void fixture() {
    try (var s = driver.session()) {
      s.run("MATCH (n) WHERE n.fixture = 'wk' DETACH DELETE n").consume();
      s.run(
              """
          CREATE (java:Skill {id: 'wk-java', name: 'Zorblang', fixture: 'wk'})
          CREATE (spring:Skill {id: 'wk-spring', name: 'Zorb Spring', fixture: 'wk'})-[:BROADER]->(java)
          CREATE (twin:Skill {id: 'wk-java-twin', name: 'Zorblang programming', fixture: 'wk'})-[:SAME_AS]->(java)
          CREATE (go:Skill {id: 'wk-go', name: 'Quuxlang', fixture: 'wk'})
          CREATE (exact:Expert {id: 'wk-exact', name: 'Exact Holder', fixture: 'wk'})-[:HAS_SKILL {level: 4, lastYear: $year}]->(java)
          CREATE (narrow:Expert {id: 'wk-narrow', name: 'Narrow Holder', fixture: 'wk'})-[:HAS_SKILL {level: 4, lastYear: $year}]->(spring)
          CREATE (t:Expert {id: 'wk-twin', name: 'Twin Holder', fixture: 'wk'})-[:HAS_SKILL {level: 4, lastYear: $year}]->(twin)
          CREATE (old:Expert {id: 'wk-old', name: 'Old Holder', fixture: 'wk'})-[:HAS_SKILL {level: 4, lastYear: $year - 9}]->(java)
          CREATE (g:Expert {id: 'wk-gopher', name: 'Other Skill', fixture: 'wk'})-[:HAS_SKILL {level: 5, lastYear: $year}]->(go)
          CREATE (p:Project {id: 'wk-project', name: 'Zorb platform', fixture: 'wk'})-[:REQUIRES {level: 3}]->(java)
          CREATE (exact)-[:WORKED_ON {role: 'dev'}]->(p)
          CREATE (u:Publication {id: 'wk-paper', title: 'Zorblang at scale', year: $year, fixture: 'wk'})-[:ABOUT]->(java)
          CREATE (exact)-[:AUTHORED]->(u)
          CREATE (tag:Tag {id: 'wk:tag/zorblang', name: 'zorblang', fixture: 'wk'})-[:DENOTES]->(java)
          CREATE (q:Question {id: 'wk:q1', title: 'How to zorb?', fixture: 'wk', createdAt: datetime()})-[:TAGGED]->(tag)
          CREATE (a:Answer {id: 'wk:a1', accepted: true, score: 3, fixture: 'wk', createdAt: datetime()})-[:ANSWER_TO]->(q)
          CREATE (ans:Expert {id: 'wk-answerer', name: 'Answerer', fixture: 'wk'})-[:ANSWERED]->(a)
          """,
              Map.of("year", year))
          .consume();
    }
    admin = tokens.create("wk-admin", "wk-admin", Set.of(Role.ADMIN), null, null).token();
    portal = tokens.create("wk-portal", "wk-portal", Set.of(Role.PORTAL), null, null).token();
  }

  JsonNode gql(String token, String query) {
    return GraphQlOverHttp.bearer(web, token, query, null);
  }

  static List<String> ids(JsonNode items) {
    List<String> out = new ArrayList<>();
    items.forEach(i -> out.add(i.at("/expert/id").asText()));
    return out;
  }

  static JsonNode item(JsonNode items, String id) {
    for (JsonNode i : items) if (i.at("/expert/id").asText().equals(id)) return i;
    throw new AssertionError(id + " not in " + items);
  }

  @Test
  void ranksByCreditedStrengthAndRecencyAndNamesTheEvidence() {
    JsonNode r = gql(admin, "{ whoKnows(skill: \"wk-java\", first: 20) { " + FIELDS + " } }");
    assertThat(r.get("errors")).as(r.toString()).isNull();
    JsonNode items = r.at("/data/whoKnows/items");
    List<String> order = ids(items);
    assertThat(order)
        .as(
            "exact holder with a project and a paper first, the twin at full credit, the narrower"
                + " holder at half, the holder of nine years ago last")
        .containsSubsequence("wk-exact", "wk-twin", "wk-narrow", "wk-old")
        .contains("wk-answerer")
        .doesNotContain("wk-gopher");
    double twin = item(items, "wk-twin").get("score").asDouble();
    double narrow = item(items, "wk-narrow").get("score").asDouble();
    assertThat(narrow).isCloseTo(twin * 0.5, within(1e-3));
    JsonNode ev = item(items, "wk-narrow").at("/evidence/0");
    assertThat(ev.get("kind").asText()).isEqualTo("HAS_SKILL");
    assertThat(ev.get("ref").asText()).isEqualTo("wk-narrow-[HAS_SKILL]->wk-spring");
    assertThat(ev.get("relation").asText()).isEqualTo("narrower");
    assertThat(ev.get("credit").asDouble()).isEqualTo(0.5);
    assertThat(ev.at("/skill/id").asText()).isEqualTo("wk-spring");
    assertThat(item(items, "wk-twin").at("/evidence/0/relation").asText()).isEqualTo("same-as");
    assertThat(item(items, "wk-old").at("/evidence/0/date").asText())
        .isEqualTo(String.valueOf(year - 9));
    List<String> kinds = new ArrayList<>();
    item(items, "wk-exact").get("evidence").forEach(e -> kinds.add(e.get("kind").asText()));
    assertThat(kinds).containsExactlyInAnyOrder("HAS_SKILL", "WORKED_ON", "AUTHORED");
    JsonNode answer = item(items, "wk-answerer").at("/evidence/0");
    assertThat(answer.get("kind").asText()).isEqualTo("ANSWERED");
    assertThat(answer.get("ref").asText()).isEqualTo("wk:a1");
    assertThat(answer.get("text").asText()).contains("accepted answer", "How to zorb?");
    for (int i = 1; i < items.size(); i++)
      assertThat(items.get(i).get("score").asDouble())
          .isLessThanOrEqualTo(items.get(i - 1).get("score").asDouble());
  }

  @Test
  void freeTextGoesThroughTheSkillExtractor() {
    JsonNode r =
        gql(
            admin,
            "{ whoKnows(text: \"Who can help me with Zorblang?\", first: 3) { " + FIELDS + " } }");
    assertThat(r.get("errors")).as(r.toString()).isNull();
    assertThat(r.at("/data/whoKnows/skills/0/id").asText()).isEqualTo("wk-java");
    assertThat(r.at("/data/whoKnows/notes").toString()).contains("Zorblang");
    assertThat(ids(r.at("/data/whoKnows/items"))).startsWith("wk-exact").hasSize(3);
    JsonNode none = gql(admin, "{ whoKnows(text: \"nothing known here\") { " + FIELDS + " } }");
    assertThat(none.at("/data/whoKnows/items").size()).isZero();
    assertThat(none.at("/data/whoKnows/notes").toString()).contains("no skill");
  }

  @Test
  void unknownSkillIsAnErrorNamingTheArgument() {
    JsonNode r = gql(admin, "{ whoKnows(skill: \"wk-nope\") { items { score } } }");
    assertThat(r.at("/errors/0/message").asText()).contains("wk-nope");
    assertThat(r.at("/errors/0/extensions/argument").asText()).isEqualTo("skill");
    JsonNode neither = gql(admin, "{ whoKnows { items { score } } }");
    assertThat(neither.at("/errors/0/extensions/argument").asText()).isEqualTo("skill");
  }

  @Test
  void portalSeesPublicKnowledgeOnlyAndNoScores() {
    JsonNode r = gql(portal, "{ whoKnows(skill: \"wk-java\", first: 20) { " + FIELDS + " } }");
    assertThat(r.get("errors")).as(r.toString()).isNull();
    JsonNode items = r.at("/data/whoKnows/items");
    assertThat(ids(items)).contains("wk-exact", "wk-answerer");
    items.forEach(i -> assertThat(i.get("score").isNull()).isTrue());
    List<String> kinds = new ArrayList<>();
    item(items, "wk-exact").get("evidence").forEach(e -> kinds.add(e.get("kind").asText()));
    assertThat(kinds).containsExactlyInAnyOrder("HAS_SKILL", "AUTHORED");
  }

  @Test
  void filtersByCommunity() {
    try (var s = driver.session()) {
      s.run(
              "MERGE (c:Community {id: 'wk-community'}) SET c.fixture = 'wk' WITH c"
                  + " MATCH (e:Expert {id: 'wk-narrow'}) MERGE (e)-[:IN_COMMUNITY]->(c)")
          .consume();
    }
    JsonNode r =
        gql(
            admin,
            "{ whoKnows(skill: \"wk-java\", where: {community: \"wk-community\"}) { "
                + FIELDS
                + " } }");
    assertThat(ids(r.at("/data/whoKnows/items"))).containsExactly("wk-narrow");
  }
}
