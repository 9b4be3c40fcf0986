package dev.talentgraph.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.talentgraph.GraphQlOverHttp;
import dev.talentgraph.audit.AuditLog;
import dev.talentgraph.schema.Labels;
import dev.talentgraph.security.ApiTokens;
import dev.talentgraph.security.Role;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A backup of the served demo graph, restored into the same database emptied to its migrations
 * (every node and relationship written again: new element ids, a new storage order, values decoded
 * from the backup's JSON), gives the same fingerprint and the same GraphQL answers: the expert
 * page, experts holding a skill, who knows a skill, a skill gap, metrics and the graph's figures.
 * Same context as DemoGraphIT; the graph it leaves is the one it found (same fingerprint).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "talent.neo4j.embedded.bolt-port=0",
      "talent.demo.enabled=true",
      "talent.demo.experts=100"
    })
@AutoConfigureWebTestClient
class BackupRestoreIT {
  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired WebTestClient web;
  @Autowired ApiTokens tokens;
  @Autowired Driver driver;
  @Autowired AuditLog audit;

  @TempDir Path backup;

  @Test
  void aRestoreGivesTheSameFingerprintAndTheSameAnswers() throws Exception {
    String token = tokens.create("backup-it", "admin", Set.of(Role.ADMIN), null, null).token();
    Map<String, String> queries = queries();
    Map<String, JsonNode> before = new LinkedHashMap<>();
    queries.forEach((name, q) -> before.put(name, answer(token, q)));
    before.forEach(
        (name, r) -> assertThat(r.path("errors").isMissingNode()).as(name + " " + r).isTrue());

    assertThat(audit.flush(Duration.ofSeconds(30))).isTrue();
    GraphBackup.Fingerprint source = GraphBackup.fingerprint(driver, "neo4j");
    GraphBackup.Manifest m =
        GraphBackup.backup(driver, "neo4j", backup.resolve("b"), "test key set");
    assertThat(m.fingerprint()).isEqualTo(source.value());

    try (var s = driver.session()) {
      while (s.executeWrite(
              tx ->
                  tx.run(
                          "MATCH (n) WHERE NOT n:"
                              + Labels.MIGRATION
                              + " WITH n LIMIT 5000 DETACH DELETE n RETURN count(*) AS n")
                      .single()
                      .get("n")
                      .asLong())
          > 0) {
        // batches of 5,000
      }
    }
    GraphBackup.Fingerprint restored = GraphBackup.restore(driver, "neo4j", backup.resolve("b"));
    assertThat(restored).isEqualTo(source);

    Map<String, java.util.List<String>> changed = new LinkedHashMap<>();
    queries.forEach(
        (name, q) -> {
          java.util.List<String> d = differences("", before.get(name), answer(token, q));
          if (!d.isEmpty()) changed.put(name, d);
        });
    assertThat(changed).as("answers that changed").isEmpty();
  }

  /** The JSON pointers where two answers differ, with both values (at most ten). */
  static java.util.List<String> differences(String at, JsonNode a, JsonNode b) {
    java.util.List<String> out = new java.util.ArrayList<>();
    diff(at, a, b, out);
    return out;
  }

  private static void diff(String at, JsonNode a, JsonNode b, java.util.List<String> out) {
    if (out.size() >= 10 || a.equals(b)) return;
    if (a.isObject() && b.isObject()) {
      java.util.Set<String> keys = new java.util.TreeSet<>();
      a.fieldNames().forEachRemaining(keys::add);
      b.fieldNames().forEachRemaining(keys::add);
      for (String k : keys) diff(at + "/" + k, a.path(k), b.path(k), out);
    } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
      for (int i = 0; i < a.size(); i++) diff(at + "/" + i, a.get(i), b.get(i), out);
    } else {
      out.add(at + ": " + a + " then " + b);
    }
  }

  /**
   * Documents over ids chosen from the demo graph: the most held skill, the expert with most
   * skills, an opening.
   */
  Map<String, String> queries() {
    String skill, expert, opening;
    try (var s = driver.session()) {
      skill =
          s.run(
                  "MATCH (:Expert)-[:HAS_SKILL]->(k:Skill) RETURN k.id AS id, count(*) AS n"
                      + " ORDER BY n DESC, id LIMIT 1")
              .single()
              .get("id")
              .asString();
      expert =
          s.run(
                  "MATCH (e:Expert)-[:HAS_SKILL]->() WHERE e.id STARTS WITH 'e'"
                      + " RETURN e.id AS id, count(*) AS n ORDER BY n DESC, id LIMIT 1")
              .single()
              .get("id")
              .asString();
      opening =
          s.run("MATCH (j:JobOpening) RETURN j.id AS id ORDER BY id LIMIT 1")
              .single()
              .get("id")
              .asString();
    }
    Map<String, String> q = new LinkedHashMap<>();
    q.put(
        "expert page",
        "{ talentProfile(expertId: \"%s\") { expertId expert { id name title }".formatted(expert)
            + " skills { skill { id name } level since lastSeen evidence { kind ref text source } }"
            + " timeline { kind date endDate } projects { project { id } role from to }"
            + " collaborators { expert { id } count firstYear lastYear }"
            + " courses { course { id } status startedAt completedAt levelBefore levelAfter }"
            + " publications { publication { id } } } }");
    q.put(
        "experts holding a skill",
        ("{ experts(first: 50, where: {hasSkill: [{id: \"%s\", minLevel: 2}]}) { totalCount"
                + " edges { node { id name skills { level skill { id } } } } } }")
            .formatted(skill));
    q.put(
        "who knows",
        ("{ whoKnows(skill: \"%s\", first: 20) { skills { id name }"
                + " items { expert { id name } score evidence { kind ref text date skill { id } relation credit } }"
                + " notes } }")
            .formatted(skill));
    q.put(
        "skill gap",
        ("{ skillGap(expertId: \"%s\", target: {jobOpeningId: \"%s\"}) { expertId target { kind id name }"
                + " gaps { skillId skillName requiredLevel currentLevel reason } met { skillId } } }")
            .formatted(expert, opening));
    q.put(
        "metrics",
        "{ metrics(from: \"2020-01-01\", to: \"2026-06-30\") {"
            + " hiringSuccess { closedOpenings hires openingsWithHire rate }"
            + " timeToHire { hires fromApplied { count sumDays mean median p90 } }"
            + " stageConversion { from to reachedFrom reachedTo rate }"
            + " trainingEffect { enrolments totalGain meanGain courses top { courseId enrolments totalGain meanGain } }"
            + " retention { overall { period activeAtStart retained rate } byTeam { period group activeAtStart retained suppressed } }"
            + " skillCoverage { teams { teamId requiredSkills coveredSkills } gapsBySkill { skillId teams } } } }");
    q.put("graph figures", "{ graphStats { experts skills } }");
    return q;
  }

  JsonNode answer(String token, String query) {
    return GraphQlOverHttp.bearer(web, token, query, null);
  }
}
