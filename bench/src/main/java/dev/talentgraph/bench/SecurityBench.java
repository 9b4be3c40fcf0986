package dev.talentgraph.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.talentgraph.security.ApiTokens;
import dev.talentgraph.security.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code talentgraph bench security}: what security costs. The expert page at {@code -c}
 * connections for {@code -d} seconds, token-authenticated through the whole chain (API token, role
 * and field rules, GraphQL limits, audit), then the same server and store restarted with {@code
 * talent.security.enabled=false} and the same load; prints both and the throughput ratio. Same load
 * generator as {@code bench graphql}.
 */
@Command(
    name = "security",
    mixinStandardHelpOptions = true,
    description =
        "Throughput of token-authenticated GraphQL requests versus the same requests with security off.")
public class SecurityBench implements Callable<Integer> {
  @Option(
      names = {"-c", "--concurrency"},
      defaultValue = "32",
      description = "Connections (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(
      names = {"-d", "--duration"},
      defaultValue = "60",
      description = "Measured seconds per run (default: ${DEFAULT-VALUE}).")
  int duration;

  @Option(
      names = {"-w", "--warmup"},
      defaultValue = "20",
      description = "Warm-up seconds per run (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(
      names = "--work-dir",
      description = "Store, logs and results (default: bench-results/security-<time>).")
  Path workDir;

  @Option(
      names = "--peer-dir",
      defaultValue = "${env:TALENT_PEER_DIR:-../shared/peers/neo4j-graphql}",
      description = "Where load.js comes from (default: ${DEFAULT-VALUE}).")
  Path peerDir;

  @Option(names = "--json", description = "Print the summary as JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    Path dir = BenchSupport.workDir(workDir, "security");
    Path tools = dir.resolve("load");
    BenchSupport.copyTree(peerDir.toAbsolutePath(), tools); // load.js needs no npm packages
    Files.writeString(tools.resolve("expert-page.graphql"), GraphqlBench.OURS);
    String boltPassword = BenchSupport.secret("bolt-");
    Map<String, String> env =
        Map.of(
            "TALENT_ADMIN_PASSWORD",
            BenchSupport.secret("admin-"),
            "TALENT_BOLT_PASSWORD",
            boltPassword);

    List<Map<String, Object>> rows = new ArrayList<>();
    for (boolean secured : new boolean[] {true, false}) {
      int port = GraphqlBench.freePort();
      int boltPort = GraphqlBench.freePort();
      Path log = dir.resolve(secured ? "server-secured.log" : "server-open.log");
      System.err.println("[bench] starting the server, security " + (secured ? "ON" : "OFF"));
      Process server =
          BenchSupport.startDemoServer(
              dir,
              port,
              boltPort,
              env,
              secured ? List.of() : List.of("--talent.security.enabled=false"),
              log,
              Duration.ofMinutes(10));
      try {
        List<String> load =
            new ArrayList<>(
                List.of(
                    "node",
                    "load.js",
                    "-u",
                    "http://127.0.0.1:" + port + "/graphql",
                    "-q",
                    "expert-page.graphql",
                    "-c",
                    Integer.toString(concurrency)));
        if (secured) {
          try (var driver =
              GraphDatabase.driver(
                  "bolt://127.0.0.1:" + boltPort,
                  AuthTokens.basic("neo4j", boltPassword),
                  Config.builder().withLogging(Logging.none()).build())) {
            String token =
                new ApiTokens(driver, "neo4j")
                    .create(
                        "bench-security-" + System.nanoTime(),
                        "admin",
                        Set.of(Role.ADMIN),
                        null,
                        Duration.ofHours(2))
                    .token();
            load.addAll(List.of("-H", "Authorization: Bearer " + token));
          }
        }
        String label = secured ? "security-on" : "security-off";
        List<String> warm = new ArrayList<>(load);
        warm.addAll(List.of("-w", "0", "-d", Integer.toString(warmup), "--label", "warmup"));
        System.err.println("[bench] warming up " + warmup + " s");
        BenchSupport.run(
            warm,
            Map.of(),
            tools,
            dir.resolve(label + "-warmup.log"),
            Duration.ofSeconds(warmup + 120L));
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
        System.err.println(
            "[bench] measuring " + duration + " s at " + concurrency + " connections");
        long cpu0 = BenchSupport.cpuMillis(server.toHandle());
        BenchSupport.run(
            measured,
            Map.of(),
            tools,
            dir.resolve(label + ".log"),
            Duration.ofSeconds(duration + 120L));
        long cpu = BenchSupport.cpuMillis(server.toHandle()) - cpu0;
        JsonNode r = BenchSupport.readJson(out);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("run", label);
        row.put("rps", r.get("rps").asDouble());
        row.put("p50_ms", r.get("p50_ms").asDouble());
        row.put("p99_ms", r.get("p99_ms").asDouble());
        row.put("errors", r.get("errors").asLong());
        row.put("requests", r.get("requests").asLong());
        row.put(
            "server_cpu_ms_per_request",
            Math.round(cpu * 100.0 / Math.max(1, r.get("requests").asLong())) / 100.0);
        rows.add(row);
      } finally {
        BenchSupport.stop(server);
      }
    }
    double on = (double) rows.get(0).get("rps");
    double off = (double) rows.get(1).get("rps");
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("runs", rows);
    summary.put("throughput_cost_of_security", Math.round((1 - on / off) * 1000) / 1000.0);
    summary.put("target", "cost under 10% with no errors");
    Files.writeString(dir.resolve("summary.json"), BenchSupport.writeJson(summary));
    if (json) {
      System.out.println(BenchSupport.writeJson(summary));
    } else {
      System.out.println(
          "| run | req/s | p50 ms | p99 ms | errors | requests | server CPU ms/req |");
      System.out.println("|---|---:|---:|---:|---:|---:|---:|");
      rows.forEach(
          r ->
              System.out.printf(
                  "| %s | %s | %s | %s | %s | %s | %s |%n",
                  r.get("run"),
                  r.get("rps"),
                  r.get("p50_ms"),
                  r.get("p99_ms"),
                  r.get("errors"),
                  r.get("requests"),
                  r.get("server_cpu_ms_per_request")));
      System.out.printf(
          "%nThroughput cost of security: %.1f%% (c=%d, %d s measured after %d s warm-up, %d CPUs)%n",
          (1 - on / off) * 100,
          concurrency,
          duration,
          warmup,
          Runtime.getRuntime().availableProcessors());
    }
    boolean errors = rows.stream().anyMatch(r -> ((Long) r.get("errors")) > 0);
    return errors ? 1 : 0;
  }
}
