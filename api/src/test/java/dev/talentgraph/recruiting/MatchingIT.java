package dev.talentgraph.recruiting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.talentgraph.GraphQlOverHttp;
import dev.talentgraph.db.DatabaseConfiguration.SchemaMigrations;
import dev.talentgraph.importers.ImportContext;
import dev.talentgraph.importers.ImportOptions;
import dev.talentgraph.importers.ImportReport;
import dev.talentgraph.importers.ImportRunner;
import dev.talentgraph.schema.FieldCipher;
import dev.talentgraph.security.ApiTokens;
import dev.talentgraph.security.Role;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of the matching tests: its own application context and graph (the imports extract skills
 * with the taxonomy in the graph, so they must not see other tests' skills), the real importers,
 * tokens per role and a GraphQL helper.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"talent.neo4j.embedded.bolt-port=0", "talent.test.context=matching"})
@AutoConfigureWebTestClient
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MatchingIT {
  @Autowired WebTestClient web;
  @Autowired Driver driver;
  @Autowired FieldCipher cipher;
  @Autowired SchemaMigrations schema;
  @Autowired ApiTokens tokens;
  final ObjectMapper json = new ObjectMapper();
  final Map<Role, String> tokenByRole = new HashMap<>();

  @BeforeAll
  void tokens() {
    for (Role r : List.of(Role.ADMIN, Role.HR, Role.ANALYST)) {
      tokenByRole.put(
          r,
          tokens
              .create(
                  getClass().getSimpleName() + "-" + r,
                  r.name().toLowerCase(),
                  Set.of(r),
                  null,
                  null)
              .token());
    }
  }

  String token(String name, Role role, String expertId) {
    return tokens
        .create(getClass().getSimpleName() + "-" + name, name, Set.of(role), expertId, null)
        .token();
  }

  ImportReport importFile(
      dev.talentgraph.importers.Importer importer, Path file, ImportOptions options)
      throws Exception {
    ImportReport r =
        ImportRunner.run(
            importer, file, new ImportContext(driver, schema.database(), options, cipher));
    System.out.println(r.toText());
    return r;
  }

  List<Record> cypher(String query, Map<String, Object> params) {
    try (var s = driver.session()) {
      return s.executeWrite(tx -> tx.run(query, params).list());
    }
  }

  /** Applications in the ADR 0006 shape: stage applied, one StageChange, to the opening. */
  void apply(String openingId, List<String> people, String prefix) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < people.size(); i++)
      rows.add(Map.of("person", people.get(i), "app", prefix + (i + 1)));
    cypher(
        """
        MATCH (j:JobOpening {id: $opening})
        UNWIND $rows AS row
        MATCH (p {id: row.person}) WHERE p:Candidate OR p:Expert
        MERGE (a:Application {id: row.app})
        SET a.stage = 'applied', a.appliedAt = date('2026-11-01'), a.updatedAt = date('2026-11-01'), a.source = 'test'
        MERGE (p)-[:APPLIED]->(a) MERGE (a)-[:TO]->(j)
        MERGE (a)-[:MOVED]->(c:StageChange {id: row.app + '/1'})
        SET c.seq = 1, c.to = 'applied', c.at = datetime('2026-11-01T09:00:00Z'), c.actor = 'test', c.reason = 'fixture'
        """,
        Map.of("opening", openingId, "rows", rows));
  }

  JsonNode gql(String token, String query, Map<String, Object> variables) {
    return GraphQlOverHttp.bearer(
        web.mutate().responseTimeout(java.time.Duration.ofMinutes(2)).build(),
        token,
        query,
        variables);
  }

  JsonNode ok(String token, String query, Map<String, Object> variables) {
    JsonNode r = gql(token, query, variables);
    assertThat(r.has("errors")).as("errors in %s", r).isFalse();
    return r;
  }

  static final String RANK =
      """
      query($id: ID!, $first: Int, $experts: Boolean) {
        rankCandidates(openingId: $id, first: $first, includeExperts: $experts) {
          openingId title model method considered
          requirements { skillId skillName level required }
          items { rank applicationId candidateId name internal stage score
            match { coverage requiredCoverage preferredCoverage evidenceStrength hireScore summary
              covered { skillId skillName required levelRequired levelHad credit evidence evidenceText text }
              adjacent { skillId skillName required levelRequired viaSkillId viaSkillName relation levelHad credit evidence text }
              missing { skillId skillName required levelRequired text }
              modelReasons { feature contribution text } } } } }
      """;

  static final String MATCH =
      """
      query($id: ID!, $first: Int) {
        matchOpenings(expertId: $id, first: $first) {
          expertId name model method considered
          items { rank openingId title status applicationId score
            match { coverage hireScore summary covered { skillName } missing { skillName } adjacent { skillName viaSkillName relation }
              modelReasons { text } } } } }
      """;
}
