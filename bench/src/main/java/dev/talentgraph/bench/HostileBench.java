package dev.talentgraph.bench;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code talentgraph bench hostile}: do ordinary requests keep their latency while an attacker
 * sends the nested-collaborators query as PORTAL? One demo server; the expert page at {@code -c}
 * connections alone, then again while {@code --attackers} clients send the attack back to back;
 * prints p50/p99 of both runs and what the attack got (refused or answered).
 */
@Command(
    name = "hostile",
    mixinStandardHelpOptions = true,
    description =
        "Latency of ordinary GraphQL requests alone and while a PORTAL client sends nested"
            + " collaborators queries, same server.")
public class HostileBench implements Callable<Integer> {
  static final String ATTACK =
      "{ expert(id: \"e0479\") { collaborators { collaborators { collaborators { collaborators {"
          + " collaborators { id name } } } } } } }";

  @Option(
      names = {"-c", "--concurrency"},
      defaultValue = "8",
      description = "Connections of ordinary requests (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(
      names = "--attackers",
      defaultValue = "4",
      description = "Clients sending the attack (default: ${DEFAULT-VALUE}).")
  int attackers;

  @Option(
      names = {"-d", "--duration"},
      defaultValue = "30",
      description = "Measured seconds per run (default: ${DEFAULT-VALUE}).")
  int duration;

  @Option(
      names = {"-w", "--warmup"},
      defaultValue = "15",
      description = "Warm-up seconds (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(
      names = "--work-dir",
      description = "Store, logs and results (default: bench-results/hostile-<time>).")
  Path workDir;

  @Option(
      names = "--peer-dir",
      defaultValue = "${env:TALENT_PEER_DIR:-../shared/peers/neo4j-graphql}",
      description = "Where load.js comes from (default: ${DEFAULT-VALUE}).")
  Path peerDir;

  @Override
  public Integer call() throws Exception {
    Path dir = BenchSupport.workDir(workDir, "hostile");
    Path tools = dir.resolve("load");
    BenchSupport.copyTree(peerDir.toAbsolutePath(), tools);
    Files.writeString(tools.resolve("expert-page.graphql"), GraphqlBench.OURS);
    String boltPassword = BenchSupport.secret("bolt-");
    Map<String, String> env =
        Map.of(
            "TALENT_ADMIN_PASSWORD",
            BenchSupport.secret("admin-"),
            "TALENT_BOLT_PASSWORD",
            boltPassword);
    int port = GraphqlBench.freePort();
    int boltPort = GraphqlBench.freePort();
    System.err.println("[bench] starting the demo server");
    Process server =
        BenchSupport.startDemoServer(
            dir, port, boltPort, env, List.of(), dir.resolve("server.log"), Duration.ofMinutes(10));
    List<Map<String, Object>> rows = new ArrayList<>();
    try {
      String reader;
      String portal;
      try (var driver =
          GraphDatabase.driver(
              "bolt://127.0.0.1:" + boltPort,
              AuthTokens.basic("neo4j", boltPassword),
              Config.builder().withLogging(Logging.none()).build())) {
        var tokens = new ApiTokens(driver, "neo4j");
        reader =
            tokens
                .create(
                    "bench-hostile-reader", "admin", Set.of(Role.ADMIN), null, Duration.ofHours(2))
                .token();
        portal =
            tokens
                .create(
                    "bench-hostile-portal",
                    "portal",
                    Set.of(Role.PORTAL),
                    null,
                    Duration.ofHours(2))
                .token();
      }
      String url = "http://127.0.0.1:" + port + "/graphql";
      List<String> load =
          new ArrayList<>(
              List.of(
                  "node",
                  "load.js",
                  "-u",
                  url,
                  "-q",
                  "expert-page.graphql",
                  "-c",
                  Integer.toString(concurrency),
                  "-H",
                  "Authorization: Bearer " + reader));
      List<String> warm = new ArrayList<>(load);
      warm.addAll(List.of("-w", "0", "-d", Integer.toString(warmup), "--label", "warmup"));
      System.err.println("[bench] warming up " + warmup + " s");
      BenchSupport.run(
          warm, Map.of(), tools, dir.resolve("warmup.log"), Duration.ofSeconds(warmup + 120L));
      for (boolean attacked : new boolean[] {false, true}) {
        String label = attacked ? "with-attack" : "alone";
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong refused = new AtomicLong();
        AtomicLong answered = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong slowestMs = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        if (attacked) {
          for (int i = 0; i < attackers; i++) {
            Thread t =
                new Thread(
                    () -> attack(url, portal, stop, refused, answered, failed, slowestMs),
                    "attacker-" + i);
            t.setDaemon(true);
            t.start();
            threads.add(t);
          }
        }
        List<String> measured = new ArrayList<>(load);
        Path out = dir.resolve(label + ".json");
        measured.addAll(
            List.of(
                "-w",
                "0",
                "-d",
                Integer.toString(duration),
                "--label",
                label,
                "--json",
                out.toString()));
        System.err.println("[bench] measuring " + label + " for " + duration + " s");
        BenchSupport.run(
            measured,
            Map.of(),
            tools,
            dir.resolve(label + ".log"),
            Duration.ofSeconds(duration + 120L));
        stop.set(true);
        for (Thread t : threads) t.join(60_000);
        JsonNode r = BenchSupport.readJson(out);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("run", label);
        row.put("rps", r.get("rps").asDouble());
        row.put("p50_ms", r.get("p50_ms").asDouble());
        row.put("p99_ms", r.get("p99_ms").asDouble());
        row.put("errors", r.get("errors").asLong());
        row.put("requests", r.get("requests").asLong());
        row.put("attacks_refused", refused.get());
        row.put("attacks_answered", answered.get());
        row.put("attacks_failed", failed.get());
        row.put("slowest_attack_ms", slowestMs.get());
        rows.add(row);
      }
    } finally {
      BenchSupport.stop(server);
    }
    Files.writeString(dir.resolve("summary.json"), BenchSupport.writeJson(Map.of("runs", rows)));
    System.out.println(
        "| run | req/s | p50 ms | p99 ms | errors | attacks refused | answered | failed | slowest"
            + " attack ms |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    rows.forEach(
        r ->
            System.out.printf(
                "| %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                r.get("run"),
                r.get("rps"),
                r.get("p50_ms"),
                r.get("p99_ms"),
                r.get("errors"),
                r.get("attacks_refused"),
                r.get("attacks_answered"),
                r.get("attacks_failed"),
                r.get("slowest_attack_ms")));
    System.out.printf(
        "%n(c=%d ordinary connections, %d attackers, %d s measured after %d s warm-up, %d CPUs)%n",
        concurrency, attackers, duration, warmup, Runtime.getRuntime().availableProcessors());
    boolean errors = rows.stream().anyMatch(r -> ((Long) r.get("errors")) > 0);
    boolean leaked = rows.stream().anyMatch(r -> ((Long) r.get("attacks_answered")) > 0);
    return errors || leaked ? 1 : 0;
  }

  /** Sends the attack back to back until told to stop; counts how each one ended. */
  static void attack(
      String url,
      String token,
      AtomicBoolean stop,
      AtomicLong refused,
      AtomicLong answered,
      AtomicLong failed,
      AtomicLong slowestMs) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    String body = "{\"query\":" + BenchSupport.writeJson(ATTACK) + "}";
    while (!stop.get()) {
      long t0 = System.nanoTime();
      try {
        HttpResponse<String> r =
            client.send(
                HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(120))
                    .header("content-type", "application/json")
                    .header("authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.body().contains("\"refused\":true")) refused.incrementAndGet();
        else if (r.body().contains("\"collaborators\"")) answered.incrementAndGet();
        else failed.incrementAndGet();
      } catch (Exception e) {
        failed.incrementAndGet();
      }
      slowestMs.accumulateAndGet((System.nanoTime() - t0) / 1_000_000, Math::max);
    }
  }
}
