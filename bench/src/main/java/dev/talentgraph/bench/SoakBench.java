package dev.talentgraph.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.talentgraph.security.ApiTokens;
import dev.talentgraph.security.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code talentgraph bench soak}: a served demo store under mixed load for minutes: {@code
 * --connections} clients, each sending one request after another over HTTP with an API token, four
 * reads (the expert page, a skill's holders, whoKnows) to one write ({@code setExpertSkill} on a
 * random person and skill). Every minute it prints the requests, the errors (a non-200 answer, a
 * GraphQL error or no answer), p50 and p99, and the server's heap after GC: {@code
 * talentgraph.jvm.heap.after.gc} (the heap in use after the most recent collection, young or full)
 * scraped from {@code /actuator/prometheus} with an OPERATOR token. A healthy server shows 0 errors
 * and a flat heap.
 */
@Command(
    name = "soak",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Mixed reads and writes over HTTP against a served demo store for minutes:",
      "errors, p99 and heap after GC per minute (flat, 0 errors)."
    })
public class SoakBench implements Callable<Integer> {
  @Option(
      names = "--minutes",
      defaultValue = "10",
      description = "Measured minutes (default: ${DEFAULT-VALUE}).")
  int minutes;

  @Option(
      names = "--connections",
      defaultValue = "32",
      description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
  int connections;

  @Option(
      names = "--period-seconds",
      defaultValue = "60",
      description = "Length of one reported period (default: ${DEFAULT-VALUE}, a minute).")
  int periodSeconds;

  @Option(
      names = "--experts",
      defaultValue = "2000",
      description = "Demo experts (default: ${DEFAULT-VALUE}).")
  int experts;

  @Option(
      names = "--writes-per-ten",
      defaultValue = "2",
      description = "Writes among every ten requests (default: ${DEFAULT-VALUE}).")
  int writesPerTen;

  @Option(names = "--seed", defaultValue = "1")
  long seed;

  @Option(
      names = "--live-set",
      defaultValue = "true",
      negatable = true,
      description = {
        "At each minute's end, run a full collection on the server (jcmd GC.run) and report the heap",
        "left: the live set (default: ${DEFAULT-VALUE}; the pause it causes counts in the next minute)."
      })
  boolean liveSet;

  @Option(names = "--work-dir", description = "Default: bench-results/soak-<time>.")
  Path workDir;

  private static final ObjectMapper JSON = new ObjectMapper();

  static final String EXPERT_PAGE =
      "query ($id: ID!) { expert(id: $id) { id name skills { level skill { id name } }"
          + " projects { id name } collaborators { id name } } }";
  static final String SKILL_HOLDERS =
      "query ($id: ID!) { skill(id: $id) { id name experts(first: 20) { totalCount"
          + " edges { node { expert { id name } level } } } } }";
  static final String WHO_KNOWS =
      "query ($skill: ID) { whoKnows(skill: $skill, first: 10) { items { expert { id name } score } } }";
  static final String SET_SKILL =
      "mutation ($in: SetExpertSkillInput!) { setExpertSkill(input: $in) { errors { message } } }";

  /** One reported period: latencies in microseconds and the error count. */
  static final class Period {
    final List<Long> micros = new ArrayList<>();
    long errors;

    synchronized void add(long us, boolean error) {
      micros.add(us);
      if (error) errors++;
    }

    synchronized long[] sorted() {
      long[] a = micros.stream().mapToLong(Long::longValue).toArray();
      Arrays.sort(a);
      return a;
    }
  }

  /** The q-quantile (0..1) of sorted values, nearest rank; 0 when empty. */
  static long quantile(long[] sorted, double q) {
    if (sorted.length == 0) return 0;
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
  }

  /** The sum of every sample of a Prometheus text exposition whose name and labels match. */
  static double scrape(String exposition, String name, String labelFilter) {
    double sum = 0;
    boolean found = false;
    Pattern line =
        Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*\\})?\\s+(\\S+)$", Pattern.MULTILINE);
    Matcher m = line.matcher(exposition);
    while (m.find()) {
      String labels = m.group(1) == null ? "" : m.group(1);
      if (labelFilter != null && !labels.contains(labelFilter)) continue;
      sum += Double.parseDouble(m.group(2));
      found = true;
    }
    return found ? sum : Double.NaN;
  }

  @Override
  public Integer call() throws Exception {
    Path dir = BenchSupport.workDir(workDir, "soak");
    int port = GraphqlBench.freePort();
    int boltPort = GraphqlBench.freePort();
    String boltPassword = BenchSupport.secret("bolt-");
    Path serverLog = dir.resolve("talentgraph-server.log");
    log("starting TalentGraph (serve --demo, " + experts + " experts) in " + dir.resolve("store"));
    Process server =
        BenchSupport.startDemoServer(
            dir,
            port,
            boltPort,
            Map.of(
                "TALENT_ADMIN_PASSWORD", BenchSupport.secret("admin-"),
                "TALENT_BOLT_PASSWORD", boltPassword,
                "TALENT_DEMO_EXPERTS", Integer.toString(experts)),
            List.of(),
            serverLog,
            Duration.ofMinutes(15));
    try {
      String writer;
      String operator;
      List<String> expertIds;
      List<String> skillIds;
      try (Driver driver =
          GraphDatabase.driver(
              "bolt://127.0.0.1:" + boltPort, AuthTokens.basic("neo4j", boltPassword))) {
        ApiTokens tokens = new ApiTokens(driver, "neo4j");
        Duration ttl = Duration.ofMinutes(minutes * (long) periodSeconds / 60 + 30);
        writer =
            tokens
                .create("bench-soak-" + System.nanoTime(), "admin", Set.of(Role.ADMIN), null, ttl)
                .token();
        operator =
            tokens
                .create(
                    "bench-soak-operator-" + System.nanoTime(),
                    "admin",
                    Set.of(Role.OPERATOR),
                    null,
                    ttl)
                .token();
        try (var s = driver.session()) {
          expertIds =
              s.run("MATCH (e:Expert) RETURN e.id AS id ORDER BY id")
                  .list(r -> r.get("id").asString());
          skillIds =
              s.run(
                      "MATCH (s:Skill)<-[:HAS_SKILL]-() WITH DISTINCT s RETURN s.id AS id ORDER BY id"
                          + " LIMIT 500")
                  .list(r -> r.get("id").asString());
        }
      }
      if (expertIds.isEmpty() || skillIds.isEmpty()) {
        throw new IllegalStateException("the demo graph has no experts or skills");
      }
      return soak(port, writer, operator, expertIds, skillIds, dir, server.pid());
    } finally {
      BenchSupport.stop(server);
    }
  }

  private int soak(
      int port,
      String writer,
      String operator,
      List<String> expertIds,
      List<String> skillIds,
      Path dir,
      long serverPid)
      throws Exception {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    URI graphql = URI.create("http://127.0.0.1:" + port + "/graphql");
    URI prometheus = URI.create("http://127.0.0.1:" + port + "/actuator/prometheus");
    long periodNanos = periodSeconds * 1_000_000_000L;
    Map<Integer, Period> periods = new ConcurrentHashMap<>();
    Map<String, AtomicLong> errorKinds = new ConcurrentHashMap<>();
    long start = System.nanoTime();
    long end = start + minutes * periodNanos;
    List<Thread> workers = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      Random random = new Random(seed * 1_000 + c);
      Thread t =
          new Thread(
              () -> {
                int i = 0;
                while (System.nanoTime() < end) {
                  String body = request(random, i++, expertIds, skillIds);
                  long t0 = System.nanoTime();
                  String error = null;
                  try {
                    HttpResponse<String> res =
                        http.send(
                            HttpRequest.newBuilder(graphql)
                                .timeout(Duration.ofSeconds(60))
                                .header("Authorization", "Bearer " + writer)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (res.statusCode() != 200) {
                      error = "http_" + res.statusCode();
                    } else {
                      JsonNode answer = JSON.readTree(res.body());
                      if (answer.has("errors") && !answer.get("errors").isEmpty()) {
                        JsonNode first = answer.get("errors").get(0);
                        error =
                            "graphql:"
                                + first
                                    .path("extensions")
                                    .path("code")
                                    .asText(
                                        first
                                            .path("extensions")
                                            .path("classification")
                                            .asText("?"));
                      } else if (answer.path("data").toString().contains("\"errors\":[{")) {
                        error = "payload";
                      }
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                  } catch (Exception e) {
                    error = e.getClass().getSimpleName();
                  }
                  long t1 = System.nanoTime();
                  if (error != null) {
                    errorKinds.computeIfAbsent(error, k -> new AtomicLong()).incrementAndGet();
                  }
                  // counted in the period it ends in: a period's row is printed when it ends
                  int p = (int) Math.min(minutes - 1, (t1 - start) / periodNanos);
                  periods
                      .computeIfAbsent(p, k -> new Period())
                      .add((t1 - t0) / 1_000, error != null);
                }
              },
              "soak-" + c);
      t.setDaemon(true);
      t.start();
      workers.add(t);
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    System.out.println(
        "| minute | requests | errors | p50 ms | p99 ms | heap after GC MB | heap used MB | live set MB |");
    System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (int p = 0; p < minutes; p++) {
      long due = start + (p + 1) * periodNanos;
      long wait = due - System.nanoTime();
      if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      // the heap as the period ends, read while the load goes on
      String exposition = exposition(http, prometheus, operator);
      double liveMb = scrape(exposition, "talentgraph_jvm_heap_after_gc_bytes", null) / 1e6;
      double heapMb = scrape(exposition, "jvm_memory_used_bytes", "area=\"heap\"") / 1e6;
      // the young collections' figure above also holds the old generation's garbage until a full
      // collection runs; a forced one leaves only what is reachable
      double liveSetMb = liveSet ? liveSet(serverPid, http, prometheus, operator) : Double.NaN;
      if (p == minutes - 1) {
        for (Thread t : workers) t.join(Duration.ofSeconds(90).toMillis());
      }
      Period period = periods.getOrDefault(p, new Period());
      long[] sorted = period.sorted();
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("minute", p + 1);
      row.put("requests", sorted.length);
      row.put("errors", period.errors);
      row.put("p50_ms", quantile(sorted, 0.50) / 1000.0);
      row.put("p99_ms", quantile(sorted, 0.99) / 1000.0);
      row.put("heap_after_gc_mb", Math.round(liveMb * 10) / 10.0);
      row.put("heap_used_mb", Math.round(heapMb * 10) / 10.0);
      row.put("live_set_mb", Double.isNaN(liveSetMb) ? null : Math.round(liveSetMb * 10) / 10.0);
      rows.add(row);
      System.out.printf(
          "| %d | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f |%n",
          p + 1,
          sorted.length,
          period.errors,
          quantile(sorted, 0.50) / 1000.0,
          quantile(sorted, 0.99) / 1000.0,
          liveMb,
          heapMb,
          liveSetMb);
    }
    long errors = rows.stream().mapToLong(r -> (Long) r.get("errors")).sum();
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("connections", connections);
    summary.put("period_seconds", periodSeconds);
    summary.put("writes_per_ten", writesPerTen);
    summary.put("cpus", Runtime.getRuntime().availableProcessors());
    summary.put("errors", errors);
    summary.put("error_kinds", errorKinds);
    summary.put("periods", rows);
    Files.writeString(dir.resolve("summary.json"), BenchSupport.writeJson(summary));
    System.out.printf(
        "%n%d errors%s; %d connections, %d of 10 requests write; results in %s%n",
        errors, errorKinds.isEmpty() ? "" : " " + errorKinds, connections, writesPerTen, dir);
    return errors > 0 ? 1 : 0;
  }

  /**
   * The server's heap after a full collection, in MB: {@code jcmd PID GC.run} (which returns once
   * the collection is done), then the old generation in use. A full collection of the parallel
   * collector the bench starts the server with leaves every live object in the old generation and
   * the young one empty; young collections in the moment before the scrape promote little. NaN when
   * jcmd fails.
   */
  private static double liveSet(long pid, HttpClient http, URI prometheus, String operator)
      throws Exception {
    Path java = Path.of(ProcessHandle.current().info().command().orElse("java"));
    Path jcmd = java.resolveSibling("jcmd");
    Process gc =
        new ProcessBuilder(
                Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd", Long.toString(pid), "GC.run")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (gc.waitFor() != 0) return Double.NaN;
    return scrape(exposition(http, prometheus, operator), "jvm_memory_used_bytes", "Old Gen") / 1e6;
  }

  /** The server's Prometheus text, read with the OPERATOR token. */
  private static String exposition(HttpClient http, URI prometheus, String operator)
      throws Exception {
    return http.send(
            HttpRequest.newBuilder(prometheus)
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + operator)
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private String request(Random random, int i, List<String> expertIds, List<String> skillIds) {
    String expert = expertIds.get(random.nextInt(expertIds.size()));
    String skill = skillIds.get(random.nextInt(skillIds.size()));
    Map<String, Object> body = new LinkedHashMap<>();
    if (i % 10 < writesPerTen) {
      body.put("query", SET_SKILL);
      body.put(
          "variables",
          Map.of(
              "in", Map.of("expertId", expert, "skillId", skill, "level", 1 + random.nextInt(5))));
    } else {
      switch (random.nextInt(3)) {
        case 0 -> {
          body.put("query", EXPERT_PAGE);
          body.put("variables", Map.of("id", expert));
        }
        case 1 -> {
          body.put("query", SKILL_HOLDERS);
          body.put("variables", Map.of("id", skill));
        }
        default -> {
          body.put("query", WHO_KNOWS);
          body.put("variables", Map.of("skill", skill));
        }
      }
    }
    try {
      return JSON.writeValueAsString(body);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void log(String s) {
    System.err.println("[soak] " + s);
  }
}
