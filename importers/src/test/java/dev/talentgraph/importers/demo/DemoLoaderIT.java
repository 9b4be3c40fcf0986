package dev.talentgraph.importers.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.talentgraph.schema.FieldCipher;
import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.MigrationRunner;
import dev.talentgraph.schema.PersonalFields;
import dev.talentgraph.schema.RelTypes;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/** The demo written into a real in-process Neo4j over Bolt, migrated like the product's. */
class DemoLoaderIT {
  static Neo4j neo4j;
  static Driver driver;
  static final AesGcmTestCipher CIPHER = new AesGcmTestCipher();

  @BeforeAll
  static void start() {
    neo4j =
        Neo4jBuilders.newInProcessBuilder()
            .withDisabledServer()
            .withConfig(BoltConnectorInternalSettings.enable_local_connector, false)
            .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
            .withConfig(
                GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(1))
            .build();
    driver = GraphDatabase.driver(neo4j.boltURI(), AuthTokens.none());
    new MigrationRunner(driver, "neo4j").migrate();
  }

  @AfterAll
  static void stop() {
    driver.close();
    neo4j.close();
  }

  @BeforeEach
  void empty() {
    try (Session s = driver.session()) {
      s.run(
              "MATCH (n) WHERE NOT n:"
                  + Labels.MIGRATION
                  + " CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS")
          .consume();
    }
  }

  private static DemoLoader loader() {
    return new DemoLoader(driver, "neo4j", CIPHER);
  }

  @Test
  void theServedDemoLandsComplete() {
    DemoData data = DemoGenerator.generate(DemoSettings.defaults());
    AtomicLong lastDone = new AtomicLong();
    List<String> steps = new ArrayList<>();
    DemoSummary first =
        loader()
            .load(
                data,
                (step, done, total) -> {
                  assertThat(done).isGreaterThan(lastDone.get()).isLessThanOrEqualTo(total);
                  lastDone.set(done);
                  if (steps.isEmpty() || !steps.get(steps.size() - 1).equals(step)) {
                    steps.add(step);
                  }
                });
    System.out.printf(
        "demo load: %d rows, %d nodes, %d relationships in %d ms%n",
        first.rows(),
        first.nodesCreated(),
        first.relationshipsCreated(),
        first.elapsed().toMillis());
    assertThat(steps)
        .startsWith(Labels.SKILL)
        .contains(Labels.PERSONAL_DATA, RelTypes.COLLABORATED_WITH);
    assertThat(graphCounts(data)).isEqualTo(data.expectedCounts());
    assertThat(first.nodesCreated())
        .isEqualTo(
            countAll(
                "MATCH (n) WHERE NOT n:"
                    + Labels.MIGRATION
                    + " AND NOT n:"
                    + Labels.DATASET
                    + " RETURN count(n)"));
    assertThat(loader().storeState()).isEqualTo(DemoLoader.StoreState.DEMO_COMPLETE);
    // the README's first query has something to show: experts with their skills' names
    try (Session s = driver.session()) {
      long withSkills =
          s.run(
                  "MATCH (e:Expert)-[h:HAS_SKILL]->(k:Skill) WHERE h.level >= 1 AND k.name IS NOT NULL "
                      + "RETURN count(DISTINCT e) AS n")
              .single()
              .get("n")
              .asLong();
      assertThat(withSkills).isEqualTo(data.experts().size());
    }
  }

  /**
   * ADR 0006 on the loaded demo: a hire is one node (Candidate and Expert), histories are complete,
   * feedback is sealed.
   */
  @Test
  void theRecruitingFlowLandsAsTheAdrSays() {
    DemoData data = DemoFixtures.small();
    loader().load(data, ProgressListener.NONE);
    try (Session s = driver.session()) {
      // a hired candidate: one node with both labels, in the opening's team since the hire, with
      // its history
      String hired = data.hiredCandidates().iterator().next();
      var rec =
          s.run(
                  """
          MATCH (c:Candidate:Expert {id: $id})-[:APPLIED]->(a:Application {stage: 'hired'})-[:TO]->(o:JobOpening)-[:HIRES_FOR]->(t:Team)
          MATCH (c)-[m:MEMBER_OF]->(t)
          RETURN count(DISTINCT c) AS nodes, c.status AS status, m.since = c.hiredAt AS since, a.closedAt = c.hiredAt AS closed,
                 [(a)-[:MOVED]->(x) | x.seq] AS seqs, [(a)-[:MOVED]->(x) WHERE x.to = 'hired' | x.actor] AS hiredBy,
                 [(x:Expert)-[h:ON_HIRING_TEAM {role: 'hiring_manager'}]->(o) | x.id] AS managers""",
                  Map.of("id", hired))
              .single();
      assertThat(rec.get("nodes").asLong()).isEqualTo(1);
      assertThat(rec.get("status").asString()).isEqualTo("active");
      assertThat(rec.get("since").asBoolean()).isTrue();
      assertThat(rec.get("closed").asBoolean()).isTrue();
      List<Integer> seqs = rec.get("seqs").asList(v -> v.asInt()).stream().sorted().toList();
      assertThat(seqs)
          .as("applied, screened, assessment, interview rounds, offer, hired")
          .hasSizeGreaterThanOrEqualTo(6)
          .isEqualTo(java.util.stream.IntStream.rangeClosed(1, seqs.size()).boxed().toList());
      assertThat(rec.get("hiredBy").asList(v -> v.asString()))
          .isEqualTo(rec.get("managers").asList(v -> v.asString()));
      assertThat(
              count(
                  "MATCH (n:Candidate) WHERE NOT n:Expert AND (n)-[:MEMBER_OF]->() RETURN count(n)"))
          .isZero();
      // every application's moves run 1..n from 'applied' to its current stage
      assertThat(
              count(
                  """
          MATCH (a:Application)-[:MOVED]->(m:StageChange)
          WITH a, m ORDER BY m.seq
          WITH a, collect(m) AS ms
          WHERE ms[0].to <> 'applied' OR ms[-1].to <> a.stage OR [i IN range(0, size(ms) - 1) WHERE ms[i].seq <> i + 1] <> []
             OR date(ms[0].at) <> a.appliedAt OR date(ms[-1].at) <> a.updatedAt
          RETURN count(a)"""))
          .isZero();
      assertThat(count("MATCH (a:Application) WHERE NOT (a)-[:MOVED]->() RETURN count(a)"))
          .isZero();
      // interview feedback: sealed, bound to "<interviewId>/feedback"
      DemoData.Feedback f = data.feedback().get(0);
      String sealed =
          s.run(
                  "MATCH (:Interview {id: $id})-[:HAS_PERSONAL_DATA]->(p:PersonalData) RETURN p.feedback AS f",
                  Map.of("id", f.interviewId()))
              .single()
              .get("f")
              .asString();
      assertThat(sealed).startsWith(FieldCipher.PREFIX).doesNotContain(f.text());
      assertThat(CIPHER.decrypt(sealed, FieldCipher.aad(f.interviewId(), "feedback")))
          .isEqualTo(f.text());
      assertThatThrownBy(
              () ->
                  CIPHER.decrypt(
                      sealed, FieldCipher.aad(data.feedback().get(1).interviewId(), "feedback")))
          .isInstanceOf(IllegalArgumentException.class);
      // contests: the expert's own skill, marked contested, nothing deleted
      assertThat(
              count(
                  "MATCH (e:Expert)-[:CONTESTED]->(c:Contest {factType: 'skill'})-[:CONCERNS]->(k:Skill)<-[h:HAS_SKILL {contested: true}]-(e) "
                      + "WHERE c.factKey = k.id AND c.actor = e.id RETURN count(c)"))
          .isEqualTo(data.contests().size())
          .isPositive();
      assertThat(
              count(
                  "MATCH (i:Interview) WHERE NOT (i)-[:INTERVIEWED_BY]->(:Expert)-[:ON_HIRING_TEAM]->(:JobOpening)<-[:TO]-(:Application)-[:HAS_INTERVIEW]->(i) RETURN count(i)"))
          .isZero();
    }
  }

  private static long count(String query) {
    return countAll(query);
  }

  @Test
  void aSecondLoadChangesNothing() {
    DemoData data = DemoFixtures.small();
    DemoSummary first = loader().load(data, ProgressListener.NONE);
    assertThat(first.nodesCreated()).isPositive();
    String before = fingerprint();
    DemoSummary second = loader().load(data, ProgressListener.NONE);
    assertThat(second.nodesCreated()).isZero();
    assertThat(second.relationshipsCreated()).isZero();
    assertThat(fingerprint())
        .as("every node and relationship with all its properties, ciphertexts included")
        .isEqualTo(before);
    assertThat(graphCounts(data)).isEqualTo(data.expectedCounts());
  }

  @Test
  void personalDataIsStoredOnlyEncryptedAndBoundToItsOwnerAndField() {
    DemoData data = DemoFixtures.small();
    loader().load(data, ProgressListener.NONE);
    DemoData.Personal p = data.personal().get(3);
    try (Session s = driver.session()) {
      Map<String, Object> stored =
          s.run(
                  "MATCH (:Expert {id: $id})-[:HAS_PERSONAL_DATA]->(p:PersonalData) RETURN properties(p) AS p",
                  Map.of("id", p.expertId()))
              .single()
              .get("p")
              .asMap();
      assertThat(stored.keySet()).containsExactlyInAnyOrderElementsOf(PersonalFields.ALL);
      for (String field : PersonalFields.ALL) {
        String sealed = (String) stored.get(field);
        assertThat(sealed).startsWith(FieldCipher.PREFIX).doesNotContain(p.values().get(field));
        assertThat(CIPHER.decrypt(sealed, FieldCipher.aad(p.expertId(), field)))
            .isEqualTo(p.values().get(field));
      }
      // copied onto another owner or field it does not decrypt
      String email = (String) stored.get(PersonalFields.EMAIL);
      assertThatThrownBy(
              () -> CIPHER.decrypt(email, FieldCipher.aad("e0001", PersonalFields.EMAIL)))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(
              () -> CIPHER.decrypt(email, FieldCipher.aad(p.expertId(), PersonalFields.PHONE)))
          .isInstanceOf(IllegalArgumentException.class);
      // no clear personal value anywhere in the store: no e-mail address, no birth date string
      long leaks =
          s.run(
                  "MATCH (n) UNWIND keys(n) AS k WITH n[k] AS v WHERE v IS :: STRING "
                      + "AND (v CONTAINS '@talentgraph.example' OR v IN $births) RETURN count(*) AS n",
                  Map.of(
                      "births",
                      data.personal().stream()
                          .map(x -> x.values().get(PersonalFields.BIRTH_DATE))
                          .toList()))
              .single()
              .get("n")
              .asLong();
      assertThat(leaks).isZero();
    }
  }

  @Test
  void serveDemoLoadsOnlyIntoAnEmptyStoreAndFinishesAnInterruptedLoad() {
    DemoSettings small =
        DemoSettings.defaults().withExperts(DemoSettings.MIN_EXPERTS).withBatchSize(200);
    DemoData data = DemoGenerator.generate(small);
    assertThat(loader().storeState()).isEqualTo(DemoLoader.StoreState.EMPTY);

    // interrupted after the experts' first skills (the process dies, the disk fills): batches so
    // far are committed
    assertThatThrownBy(
            () ->
                loader()
                    .load(
                        data,
                        (step, done, total) -> {
                          if (step.equals(RelTypes.HAS_SKILL)) {
                            throw new IllegalStateException("simulated crash");
                          }
                        }))
        .hasMessage("simulated crash");
    assertThat(loader().storeState()).isEqualTo(DemoLoader.StoreState.DEMO_LOADING);
    assertThat(countAll("MATCH (e:Expert) RETURN count(e)")).isPositive();

    // finishing it with other settings would mix two demos: refused, nothing written
    long before = countAll("MATCH (n) RETURN count(n)");
    DemoSummary otherSeed = loader().loadIfEmpty(small.withSeed(7), ProgressListener.NONE);
    assertThat(otherSeed.skipped()).isTrue();
    assertThat(otherSeed.reason()).contains("interrupted demo load with seed 42 and 100 experts");
    assertThat(countAll("MATCH (n) RETURN count(n)")).isEqualTo(before);

    DemoSummary resumed = loader().loadIfEmpty(small, ProgressListener.NONE);
    assertThat(resumed.skipped()).isFalse();
    assertThat(graphCounts(data)).isEqualTo(data.expectedCounts());
    assertThat(loader().storeState()).isEqualTo(DemoLoader.StoreState.DEMO_COMPLETE);

    DemoSummary again = loader().loadIfEmpty(small, ProgressListener.NONE);
    assertThat(again.skipped()).isTrue();
    assertThat(again.reason()).contains("already holds the demo");
  }

  @Test
  void aStoreWithOtherDataIsLeftAlone() {
    try (Session s = driver.session()) {
      s.run("CREATE (:Skill {id: 'esco:123', name: 'imported'})").consume();
    }
    DemoSummary summary =
        loader()
            .loadIfEmpty(
                DemoSettings.defaults().withExperts(DemoSettings.MIN_EXPERTS),
                ProgressListener.NONE);
    assertThat(summary.skipped()).isTrue();
    assertThat(summary.reason()).contains("not the demo").contains("--data-dir");
    assertThat(countAll("MATCH (n) WHERE NOT n:" + Labels.MIGRATION + " RETURN count(n)"))
        .isEqualTo(1);
  }

  @Test
  void invalidDataIsRefusedBeforeAnythingIsWritten() {
    DemoData bad =
        DemoFixtures.with(
            DemoFixtures.small(),
            "hasSkills",
            l -> {
              l.add(new DemoData.HasSkill(Labels.EXPERT, "e0001", "s-cobol", 3, "test", null));
              return l;
            });
    assertThatThrownBy(() -> loader().load(bad, ProgressListener.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nothing was written")
        .hasMessageContaining("s-cobol");
    assertThat(countAll("MATCH (n) WHERE NOT n:" + Labels.MIGRATION + " RETURN count(n)")).isZero();
  }

  /**
   * Per label and relationship type, the counts in the graph, keyed like {@link
   * DemoData#expectedCounts()}.
   */
  private static Map<String, Integer> graphCounts(DemoData data) {
    Map<String, Integer> out = new java.util.LinkedHashMap<>();
    try (Session s = driver.session()) {
      for (String key : data.expectedCounts().keySet()) {
        boolean label =
            Character.isLowerCase(key.charAt(1)); // labels are CamelCase, types UPPER_CASE
        String q =
            label
                ? "MATCH (n:" + key + ") RETURN count(n)"
                : "MATCH ()-[r:" + key + "]->() RETURN count(r)";
        out.put(key, s.run(q).single().get(0).asInt());
      }
    }
    return out;
  }

  private static long countAll(String query) {
    try (Session s = driver.session()) {
      return s.run(query).single().get(0).asLong();
    }
  }

  /**
   * A digest of every business node and relationship with all its properties, order-independent.
   */
  private static String fingerprint() {
    try (Session s = driver.session()) {
      List<String> lines = new ArrayList<>();
      s.run(
              "MATCH (n) WHERE NOT n:"
                  + Labels.MIGRATION
                  + " AND NOT n:"
                  + Labels.DATASET
                  + " RETURN labels(n) AS l, properties(n) AS p")
          .forEachRemaining(
              r ->
                  lines.add(
                      r.get("l").asList().stream().map(Object::toString).sorted().toList()
                          + new java.util.TreeMap<>(r.get("p").asMap()).toString()));
      s.run(
              "MATCH (a)-[r]->(b) RETURN coalesce(a.id, elementId(a)) AS a, type(r) AS t, coalesce(b.id, elementId(b)) AS b, "
                  + "properties(r) AS p")
          .forEachRemaining(
              r ->
                  lines.add(
                      r.get("a").asString()
                          + "-"
                          + r.get("t").asString()
                          + "->"
                          + r.get("b").asString()
                          + new java.util.TreeMap<>(r.get("p").asMap())));
      lines.sort(null);
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      lines.forEach(l -> md.update((l + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      return lines.size() + ":" + HexFormat.of().formatHex(md.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
