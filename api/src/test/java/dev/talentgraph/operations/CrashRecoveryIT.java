package dev.talentgraph.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.talentgraph.cli.TalentGraphCli;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * The product killed with SIGKILL ({@code kill -9}) and started again, as separate processes on one
 * store: (a) {@code import demo} killed once its progress shows written batches, then {@code serve
 * --demo} with the same settings finishes the interrupted load; the graph then holds exactly the
 * counts of an uninterrupted run, per label and per relationship type, and nothing half-written;
 * (b) that server killed in the middle of a burst of concurrent GraphQL mutations (an API token
 * made by the command line); after a restart every acknowledged mutation is there whole, the graph
 * keeps the same invariants and the server answers.
 *
 * <p>Three process starts in all (the killed import, the server that finishes it, the restarted
 * server). Every wait polls the process's output or its health with a generous ceiling; nothing
 * depends on how fast the machine is except where the import is killed, and that place is checked
 * (the server's load must have had something left to write).
 */
class CrashRecoveryIT {
  static final ObjectMapper JSON = new ObjectMapper();
  static final int EXPERTS = 100;
  static final String PASSWORD = "crash-recovery-1";
  static final Duration CEILING = Duration.ofMinutes(12);
  static final Pattern PROGRESS = Pattern.compile("demo:\\s+(\\d+)% ");
  static final Pattern DEMO_LOADED =
      Pattern.compile("demo graph generated \\(seed 42, 100 experts\\): (\\d+) nodes");

  /**
   * Nodes per label and relationships per type of an uninterrupted run: {@code import demo
   * --experts 100 --batch-size 10} left to finish, then {@code serve --demo
   * --talent.demo.experts=100} on that store (which finds the demo complete). Obtained by running
   * this test with {@code -Dcrash.reference=true}, which does exactly that and prints them.
   */
  static final Map<String, Long> NODES =
      Map.ofEntries(
          Map.entry("Application", 92L),
          Map.entry("Assessment", 29L),
          Map.entry("Candidate", 80L),
          Map.entry("Contest", 2L),
          Map.entry("Course", 284L),
          Map.entry("Expert", 103L),
          Map.entry("Interview", 34L),
          Map.entry("JobOpening", 10L),
          Map.entry("PerformanceReview", 417L),
          Map.entry("PersonalData", 183L),
          Map.entry("Project", 12L),
          Map.entry("Promotion", 56L),
          Map.entry("Publication", 29L),
          Map.entry("Skill", 265L),
          Map.entry("SkillGroup", 41L),
          Map.entry("StageChange", 279L),
          Map.entry("Team", 15L),
          Map.entry("User", 1L),
          Map.entry("__Dataset", 1L),
          Map.entry("__Migration", 11L));

  static final Map<String, Long> RELATIONSHIPS =
      Map.ofEntries(
          Map.entry("ABOUT", 44L),
          Map.entry("APPLIED", 92L),
          Map.entry("AUTHORED", 82L),
          Map.entry("BROADER", 258L),
          Map.entry("COLLABORATED_WITH", 192L),
          Map.entry("CONCERNS", 2L),
          Map.entry("CONTESTED", 2L),
          Map.entry("ENROLLED", 215L),
          Map.entry("HAS_ASSESSMENT", 29L),
          Map.entry("HAS_INTERVIEW", 34L),
          Map.entry("HAS_PERSONAL_DATA", 183L),
          Map.entry("HAS_REVIEW", 417L),
          Map.entry("HAS_SKILL", 1708L),
          Map.entry("HIRES_FOR", 10L),
          Map.entry("INTERVIEWED_BY", 34L),
          Map.entry("MANAGES", 15L),
          Map.entry("MEASURED", 110L),
          Map.entry("MEMBER_OF", 103L),
          Map.entry("MENTORS", 15L),
          Map.entry("MOVED", 279L),
          Map.entry("ON_HIRING_TEAM", 29L),
          Map.entry("PREREQUISITE_OF", 135L),
          Map.entry("PROMOTED", 56L),
          Map.entry("RELATED_TO", 49L),
          Map.entry("REQUIRES", 122L),
          Map.entry("TEACHES", 346L),
          Map.entry("TO", 92L),
          Map.entry("WORKED_ON", 57L));

  /** Queries that must all answer 0 on a consistent graph: what a half-written batch leaves. */
  static final Map<String, String> BROKEN =
      Map.ofEntries(
          Map.entry(
              "node without its id",
              "MATCH (n) WHERE (n:Expert OR n:Skill OR n:Course OR n:Project OR n:JobOpening"
                  + " OR n:Team OR n:Application OR n:Candidate) AND n.id IS NULL RETURN count(n) AS n"),
          Map.entry(
              "skill claim without its level",
              "MATCH (:Expert)-[h:HAS_SKILL]->(:Skill) WHERE h.level IS NULL RETURN count(h) AS n"),
          Map.entry(
              "application without applicant or opening",
              "MATCH (a:Application) WHERE NOT EXISTS { ()-[:APPLIED]->(a) }"
                  + " OR NOT EXISTS { (a)-[:TO]->() } RETURN count(a) AS n"),
          Map.entry(
              "stage change without its application",
              "MATCH (c:StageChange) WHERE NOT EXISTS { (c)-[:MOVED]-() } RETURN count(c) AS n"),
          Map.entry(
              "personal data without its person",
              "MATCH (p:PersonalData) WHERE NOT EXISTS { (p)-[:HAS_PERSONAL_DATA]-() }"
                  + " RETURN count(p) AS n"),
          Map.entry(
              "review without its person",
              "MATCH (r:PerformanceReview) WHERE NOT EXISTS { (r)-[:HAS_REVIEW]-() }"
                  + " RETURN count(r) AS n"),
          Map.entry(
              "interview without application or interviewer",
              "MATCH (i:Interview) WHERE NOT EXISTS { (i)-[:HAS_INTERVIEW]-() }"
                  + " OR NOT EXISTS { (i)-[:INTERVIEWED_BY]-() } RETURN count(i) AS n"),
          Map.entry(
              "demo expert outside a team",
              "MATCH (e:Expert) WHERE NOT e.id STARTS WITH 'crash-'"
                  + " AND NOT EXISTS { (e)-[:MEMBER_OF]->(:Team) } RETURN count(e) AS n"),
          Map.entry(
              "demo load not complete",
              "MATCH (d:__Dataset {name: 'demo'}) WHERE coalesce(d.state, '') <> 'complete' RETURN count(d) AS n"),
          Map.entry(
              "duplicate expert id",
              "MATCH (e:Expert) WITH e.id AS id, count(*) AS c WHERE c > 1 RETURN count(id) AS n"));

  @TempDir Path store;

  @Test
  void killedImportAndKilledMutationBurstRecoverExactly() throws Exception {
    long started = System.nanoTime();
    boolean reference = Boolean.getBoolean("crash.reference");
    String boltPassword = PASSWORD;

    String killedAt = "not killed";
    long createdByServer = -1;
    // (a) the import, killed once its progress shows written batches
    try (Jvm importer =
        Jvm.start(
            store,
            "import",
            "demo",
            "--data-dir",
            store.toString(),
            "--experts",
            "" + EXPERTS,
            "--batch-size",
            "10")) {
      if (reference) {
        assertThat(importer.awaitExit(CEILING)).as(importer.output()).isZero();
      } else {
        String line =
            importer.awaitLine(
                l -> {
                  Matcher m = PROGRESS.matcher(l);
                  return m.find()
                      && Integer.parseInt(m.group(1)) >= 20
                      && Integer.parseInt(m.group(1)) < 100;
                },
                CEILING);
        importer.kill();
        killedAt = line.trim();
        assertThat(importer.output()).as(line).doesNotContain("demo graph (seed");
      }
    }

    int http = freePort();
    int bolt = freePort();
    List<String> serve =
        List.of(
            "serve",
            "--demo",
            "--data-dir",
            store.toString(),
            "--port",
            "" + http,
            "--bolt-port",
            "" + bolt,
            "--talent.demo.experts=" + EXPERTS);
    Map<String, Long> nodesBefore;
    Map<String, Long> relsBefore;
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicInteger sent = new AtomicInteger();
    String skill;
    try (Jvm server = Jvm.start(store, serve.toArray(String[]::new))) {
      awaitHealth(server, http);
      if (!reference) {
        // the server's load finished the demo: it had nodes left to create, fewer than all
        Matcher m = DEMO_LOADED.matcher(server.awaitLine(DEMO_LOADED.asPredicate(), CEILING));
        assertThat(m.find()).isTrue();
        long created = Long.parseLong(m.group(1));
        createdByServer = created;
        assertThat(created)
            .isPositive()
            .isLessThan(NODES.values().stream().mapToLong(v -> v).sum());
      }
      try (Driver driver = driver(bolt, boltPassword)) {
        nodesBefore = nodeCounts(driver);
        relsBefore = relationshipCounts(driver);
        if (reference) {
          System.out.println(
              "NODES "
                  + nodesBefore
                  + "\nRELATIONSHIPS "
                  + relsBefore
                  + "\nSCHEMA "
                  + schema(driver));
        }
        assertThat(nodesBefore).isEqualTo(NODES);
        assertThat(relsBefore).isEqualTo(RELATIONSHIPS);
        assertConsistent(driver);
      }

      // (b) a burst of mutations, killed in the middle
      String token = createToken(bolt, boltPassword);
      skill = firstSkill(bolt, boltPassword);
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
      ExecutorService pool = Executors.newFixedThreadPool(8);
      for (int i = 0; i < 400; i++) {
        String id = "crash-" + i;
        pool.submit(
            () -> {
              sent.incrementAndGet();
              if (mutate(client, http, token, id, skill)) acknowledged.add(id);
              return null;
            });
      }
      long deadline = System.nanoTime() + CEILING.toNanos();
      while (acknowledged.size() < 20 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(acknowledged).as("acknowledged before the kill").hasSizeGreaterThanOrEqualTo(20);
      server.kill();
      pool.shutdownNow();
      assertThat(pool.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
    }
    assertThat(acknowledged.size()).as("the burst was cut short").isLessThan(400);

    try (Jvm server = Jvm.start(store, serve.toArray(String[]::new));
        Driver driver = driver(bolt, boltPassword)) {
      awaitHealth(server, http);
      assertConsistent(driver);
      List<String> present = new ArrayList<>();
      try (var s = driver.session()) {
        s.run(
                "MATCH (e:Expert) WHERE e.id STARTS WITH 'crash-' RETURN e.id AS id,"
                    + " [(e)-[h:HAS_SKILL]->(k:Skill) | k.id + ':' + h.level] AS skills")
            .list()
            .forEach(
                r -> {
                  present.add(r.get("id").asString());
                  // a mutation that created the expert but did not reach its skill is not
                  // acknowledged; one that reached it wrote it whole
                  assertThat(r.get("skills").asList(v -> v.asString()))
                      .isSubsetOf(List.of(skill + ":3"));
                });
        for (String id : acknowledged) {
          assertThat(
                  s.run(
                          "MATCH (:Expert {id: $id})-[h:HAS_SKILL {level: 3}]->(:Skill {id: $skill})"
                              + " RETURN count(h) AS n",
                          Map.of("id", id, "skill", skill))
                      .single()
                      .get("n")
                      .asLong())
              .as(id)
              .isEqualTo(1);
        }
      }
      assertThat(present).containsAll(acknowledged);
      // everything else is as before the burst: the burst only added its experts and their skills
      Map<String, Long> nodesAfter = nodeCounts(driver);
      Map<String, Long> relsAfter = relationshipCounts(driver);
      Map<String, Long> expectedNodes = new TreeMap<>(nodesBefore);
      expectedNodes.merge("Expert", (long) present.size(), Long::sum);
      assertThat(without(nodesAfter, RUN_LABELS)).isEqualTo(without(expectedNodes, RUN_LABELS));
      long skillsWritten;
      try (var s = driver.session()) {
        skillsWritten =
            s.run(
                    "MATCH (e:Expert)-[h:HAS_SKILL]->() WHERE e.id STARTS WITH 'crash-'"
                        + " RETURN count(h) AS n")
                .single()
                .get("n")
                .asLong();
      }
      Map<String, Long> expectedRels = new TreeMap<>(relsBefore);
      expectedRels.merge("HAS_SKILL", skillsWritten, Long::sum);
      assertThat(without(relsAfter, RUN_TYPES)).isEqualTo(without(expectedRels, RUN_TYPES));

      // the restarted server answers, with an acknowledged expert read back through GraphQL
      String one = acknowledged.iterator().next();
      JsonNode r =
          post(
              HttpClient.newHttpClient(),
              http,
              createToken(bolt, boltPassword),
              "{ expert(id: \"" + one + "\") { id name skills { level skill { id } } } }");
      assertThat(r.path("errors").isMissingNode()).as(r.toString()).isTrue();
      assertThat(r.at("/data/expert/name").asText()).isEqualTo("Crash " + one);
      assertThat(r.at("/data/expert/skills/0/level").asInt()).isEqualTo(3);
    }
    System.out.printf(
        "CrashRecoveryIT: import killed at '%s'; the server's load then created %d nodes;"
            + " %d mutations sent, %d acknowledged before the kill; %.0f s%n",
        killedAt,
        createdByServer,
        sent.get(),
        acknowledged.size(),
        (System.nanoTime() - started) / 1e9);
  }

  /** Labels and types whose counts depend on the run (requests, tokens, audit), not the data. */
  static final Set<String> RUN_LABELS = Set.of("AuditEvent", "ApiToken", "AuditSummary");

  static final Set<String> RUN_TYPES = Set.of("AUDITED", "TOKEN_OF");

  static Map<String, Long> without(Map<String, Long> counts, Set<String> keys) {
    Map<String, Long> m = new TreeMap<>(counts);
    m.keySet().removeAll(keys);
    return m;
  }

  static void assertConsistent(Driver driver) {
    try (var s = driver.session()) {
      BROKEN.forEach(
          (what, query) -> assertThat(s.run(query).single().get("n").asLong()).as(what).isZero());
      assertThat(schema(driver)).as("constraints and indexes").isEqualTo(SCHEMA);
      assertThat(
              s.run("SHOW INDEXES YIELD state WHERE state <> 'ONLINE' RETURN count(*) AS n")
                  .single()
                  .get("n")
                  .asLong())
          .as("indexes not online")
          .isZero();
    }
  }

  /** The migrations' constraints and indexes, as an uninterrupted run leaves them. */
  static final Map<String, Long> SCHEMA = Map.of("constraints", 31L, "indexes", 48L);

  static Map<String, Long> schema(Driver driver) {
    try (var s = driver.session()) {
      return Map.of(
          "constraints",
          s.run("SHOW CONSTRAINTS YIELD name RETURN count(*) AS n").single().get("n").asLong(),
          "indexes",
          s.run("SHOW INDEXES YIELD name RETURN count(*) AS n").single().get("n").asLong());
    }
  }

  static Map<String, Long> nodeCounts(Driver driver) {
    Map<String, Long> m = new TreeMap<>();
    try (var s = driver.session()) {
      s.run("MATCH (n) UNWIND labels(n) AS l RETURN l, count(*) AS n")
          .list()
          .forEach(r -> m.put(r.get("l").asString(), r.get("n").asLong()));
    }
    return m;
  }

  static Map<String, Long> relationshipCounts(Driver driver) {
    Map<String, Long> m = new TreeMap<>();
    try (var s = driver.session()) {
      s.run("MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS n")
          .list()
          .forEach(r -> m.put(r.get("t").asString(), r.get("n").asLong()));
    }
    return m;
  }

  static Driver driver(int bolt, String password) {
    return GraphDatabase.driver("bolt://localhost:" + bolt, AuthTokens.basic("neo4j", password));
  }

  static String firstSkill(int bolt, String password) {
    try (Driver d = driver(bolt, password);
        var s = d.session()) {
      return s.run("MATCH (k:Skill) RETURN k.id AS id ORDER BY id LIMIT 1")
          .single()
          .get("id")
          .asString();
    }
  }

  /** An ADMIN token made by {@code talentgraph token create} over Bolt, as the README says. */
  static synchronized String createToken(int bolt, String password) {
    PrintStream out = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      code =
          TalentGraphCli.commandLine()
              .execute(
                  "token",
                  "create",
                  "--name",
                  "crash-" + System.nanoTime(),
                  "--role",
                  "ADMIN",
                  "--uri",
                  "bolt://localhost:" + bolt,
                  "--password",
                  password);
    } finally {
      System.setOut(out);
    }
    String text = captured.toString(StandardCharsets.UTF_8);
    assertThat(code).as(text).isZero();
    return text.lines().filter(l -> l.startsWith("tg_")).findFirst().orElseThrow();
  }

  /** One acknowledged write: an expert and a skill claim, as two fields of one document. */
  static boolean mutate(HttpClient client, int http, String token, String id, String skill) {
    String doc =
        "mutation { a: createExpert(input: {id: \""
            + id
            + "\", name: \"Crash "
            + id
            + "\"}) { expert { id } errors { message } }"
            + " b: setExpertSkill(input: {expertId: \""
            + id
            + "\", skillId: \""
            + skill
            + "\", level: 3}) { expertSkill { level } errors { message } } }";
    try {
      JsonNode r = post(client, http, token, doc);
      return r.path("errors").isMissingNode()
          && r.at("/data/a/expert/id").asText().equals(id)
          && r.at("/data/a/errors").isEmpty()
          && r.at("/data/b/expertSkill/level").asInt() == 3
          && r.at("/data/b/errors").isEmpty();
    } catch (IOException | InterruptedException e) {
      return false; // not acknowledged: the server died before it answered
    }
  }

  static JsonNode post(HttpClient client, int http, String token, String query)
      throws IOException, InterruptedException {
    HttpResponse<String> res =
        client.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + http + "/graphql"))
                .timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        JSON.writeValueAsString(Map.of("query", query))))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (res.statusCode() != 200) throw new IOException("HTTP " + res.statusCode());
    return JSON.readTree(res.body());
  }

  static void awaitHealth(Jvm server, int http) throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    long deadline = System.nanoTime() + CEILING.toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(server.process.isAlive()).as(server.output()).isTrue();
      try {
        var res =
            client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + http + "/actuator/health"))
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() == 200 && res.body().contains("UP")) return;
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new AssertionError("the server did not become healthy:\n" + server.output());
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** A product process on the test's own java and class path, its output kept for assertions. */
  static final class Jvm implements AutoCloseable {
    final Process process;
    final List<String> lines = new ArrayList<>();

    private Jvm(Process process) {
      this.process = process;
      Thread reader =
          new Thread(
              () -> {
                try (var in =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                  for (String l = in.readLine(); l != null; l = in.readLine()) {
                    synchronized (lines) {
                      lines.add(l);
                      lines.notifyAll();
                    }
                  }
                } catch (IOException e) {
                  // the process died
                }
              },
              "crash-it-output");
      reader.setDaemon(true);
      reader.start();
    }

    static Jvm start(Path store, String... args) throws IOException {
      List<String> cmd = new ArrayList<>();
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      cmd.addAll(
          List.of("-Xmx1g", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", classPath()));
      cmd.add(TalentGraphCli.class.getName());
      cmd.addAll(List.of(args));
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
      pb.environment().put("TALENT_BOLT_PASSWORD", PASSWORD);
      pb.environment().put("TALENT_ADMIN_PASSWORD", PASSWORD);
      pb.environment().remove("TALENT_ENCRYPTION_KEYSET");
      Files.createDirectories(store);
      return new Jvm(pb.start());
    }

    static String classPath() {
      return System.getProperty("java.class.path");
    }

    String awaitLine(Predicate<String> matches, Duration ceiling) throws InterruptedException {
      long deadline = System.nanoTime() + ceiling.toNanos();
      int seen = 0;
      synchronized (lines) {
        while (System.nanoTime() < deadline) {
          for (; seen < lines.size(); seen++) {
            if (matches.test(lines.get(seen))) return lines.get(seen);
          }
          if (!process.isAlive() && seen == lines.size()) {
            throw new AssertionError("the process ended first:\n" + output());
          }
          lines.wait(500);
        }
      }
      throw new AssertionError("no such line within " + ceiling + ":\n" + output());
    }

    int awaitExit(Duration ceiling) throws InterruptedException {
      assertThat(process.waitFor(ceiling.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
      return process.exitValue();
    }

    /** SIGKILL: no shutdown hook, no flush, no graceful close of the store. */
    void kill() throws InterruptedException {
      process.destroyForcibly();
      assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    }

    String output() {
      synchronized (lines) {
        return String.join("\n", lines);
      }
    }

    @Override
    public void close() throws InterruptedException {
      if (process.isAlive()) {
        process.destroy();
        if (!process.waitFor(2, TimeUnit.MINUTES)) process.destroyForcibly();
      }
    }
  }
}
