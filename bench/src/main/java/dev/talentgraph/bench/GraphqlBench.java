package dev.talentgraph.bench;

import static dev.talentgraph.bench.BenchSupport.list;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.talentgraph.security.ApiTokens;
import dev.talentgraph.security.Role;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code talentgraph bench graphql}: the expert page (20 experts with skills, projects and
 * collaborators) served by TalentGraph's GraphQL API, beside the same data fetched with one
 * hand-written Cypher query through the driver (the floor any GraphQL layer pays on top of), beside
 * the Neo4j GraphQL Library serving the same graph. All three run in the same run, against the same
 * embedded Neo4j, with the same dependency-free load generator (the peer's {@code load.js}/{@code
 * raw.js}), at the same concurrency.
 *
 * <p>The product starts as a child process on a demo store of its own; the load generators and the
 * peer share the machine with it, as they would on a developer's box. Server CPU is read from /proc
 * around the measured window only (the warm-up is a separate run).
 */
@Command(
    name = "graphql",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmark the expert-page GraphQL query against one hand-written Cypher query and the Neo4j GraphQL Library.",
      "Needs Node.js and npm (the peer is installed with npm ci into the work directory)."
    })
public class GraphqlBench implements Callable<Integer> {
  @Option(
      names = {"-c", "--concurrency"},
      defaultValue = "16",
      description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(
      names = {"-d", "--duration"},
      defaultValue = "20",
      description = "Measured seconds per run (default: ${DEFAULT-VALUE}).")
  int duration;

  // Warm-up runs in chunks until the throughput has settled AND the server's JIT compiler has gone
  // quiet: on 2 cores the compiler needs a whole core for minutes of this load before
  // TalentGraph's code is compiled, and the throughput can plateau within 10% while it is still
  // compiling, so a rule on the throughput alone measured the compiler's CPU as the request's.
  // Every run gets the same rule; the curve and the compile seconds per chunk are printed.
  @Option(
      names = {"-w", "--warmup"},
      defaultValue = "60",
      description =
          "Minimum warm-up seconds before each run (default: ${DEFAULT-VALUE}); it goes on until the throughput settles.")
  int warmup;

  @Option(
      names = "--max-warmup",
      defaultValue = "360",
      description =
          "Longest warm-up per run, in seconds (default: ${DEFAULT-VALUE}); a run that has not settled by then is flagged.")
  int maxWarmup;

  @Option(
      names = "--settle",
      defaultValue = "0.10",
      description =
          "Settled: the last three 15-second warm-up chunks within this fraction of each other (default: ${DEFAULT-VALUE}).")
  double settle;

  @Option(
      names = "--jit-quiet",
      defaultValue = "0.05",
      description =
          "Settled also needs the server's JIT compile time in the last warm-up chunk at most this fraction of the chunk (default: ${DEFAULT-VALUE}; read with jstat -compiler).")
  double jitQuiet;

  static final int WARMUP_CHUNK_S = 15;

  @Option(
      names = "--work-dir",
      description = "Where the store, logs and results go (default: bench-results/graphql-<time>).")
  Path workDir;

  @Option(
      names = "--peer-dir",
      defaultValue = "${env:TALENT_PEER_DIR:-../shared/peers/neo4j-graphql}",
      description = "The Neo4j GraphQL Library peer (default: ${DEFAULT-VALUE}).")
  Path peerDir;

  @Option(
      names = "--skip-peer",
      description =
          "Measure only TalentGraph and the raw Cypher floor (no npm needed... except raw.js's driver).")
  boolean skipPeer;

  @Option(names = "--json", description = "Print the summary as JSON.")
  boolean json;

  private static final org.neo4j.driver.Config QUIET =
      org.neo4j.driver.Config.builder().withLogging(org.neo4j.driver.Logging.none()).build();

  static final String OURS =
      """
      query ExpertPage {
        experts(first: 20) {
          edges { node { id name skills { level skill { name } } projects { name } collaborators { name } } }
        }
      }
      """;

  /**
   * The floor: one hand-written query, same experts (id order), same fields, collaborations read
   * undirected.
   */
  static final String RAW =
      """
      MATCH (e:Expert)
      WHERE e.id IS NOT NULL
      WITH e ORDER BY e.id LIMIT $limit
      RETURN e { .id, .name,
        skills:        [(e)-[r:HAS_SKILL]->(s:Skill) | {level: r.level, name: s.name}],
        projects:      [(e)-[:WORKED_ON]->(p:Project) | p.name],
        collaborators: [(e)-[:COLLABORATED_WITH]-(c:Expert) | c.name]
      } AS expert
      """;

  static final String PEER_QUERY =
      """
      query ExpertPage {
        experts(limit: 20, sort: [{ id: ASC }]) {
          id
          name
          skillsConnection { edges { properties { level } node { name } } }
          projects { name }
          collaborators { name }
        }
      }
      """;

  @Override
  public Integer call() throws Exception {
    Path dir = BenchSupport.workDir(workDir, "graphql");
    String adminPassword = BenchSupport.secret("bench-");
    String boltPassword = BenchSupport.secret("bolt-");
    int port = freePort();
    int boltPort = freePort();
    Path serverLog = dir.resolve("talentgraph-server.log");
    Process server = null;
    Process peer = null;
    try {
      log("starting TalentGraph (serve --demo) on a store of its own in " + dir.resolve("store"));
      server =
          BenchSupport.startDemoServer(
              dir,
              port,
              boltPort,
              Map.of("TALENT_ADMIN_PASSWORD", adminPassword, "TALENT_BOLT_PASSWORD", boltPassword),
              List.of(),
              serverLog,
              Duration.ofMinutes(10));
      String bolt = "bolt://127.0.0.1:" + boltPort;
      String token;
      long experts;
      try (var driver = GraphDatabase.driver(bolt, AuthTokens.basic("neo4j", boltPassword), QUIET);
          var s = driver.session()) {
        token =
            new ApiTokens(driver, "neo4j")
                .create(
                    "bench-" + System.currentTimeMillis(),
                    "admin",
                    Set.of(Role.ADMIN),
                    null,
                    Duration.ofHours(2))
                .token();
        experts = s.run("MATCH (e:Expert) RETURN count(e) AS n").single().get("n").asLong();
      }
      log("graph has " + experts + " experts; API token created");

      Path peerWork = dir.resolve("peer");
      BenchSupport.copyTree(peerDir.toAbsolutePath(), peerWork);
      Files.writeString(peerWork.resolve("queries/talentgraph-expert-page.graphql"), OURS);
      Files.writeString(peerWork.resolve("queries/raw-expert-page-ordered.cypher"), RAW);
      Files.writeString(peerWork.resolve("queries/peer-expert-page-ordered.graphql"), PEER_QUERY);
      // Collaborations are stored once per pair; TalentGraph reads them undirected, so the peer
      // must too.
      String typeDefs = Files.readString(peerWork.resolve("typeDefs.graphql"));
      Files.writeString(
          peerWork.resolve("typeDefs.graphql"),
          typeDefs.replace(
              "@relationship(type: \"COLLABORATED_WITH\", direction: OUT, properties: \"CollaboratedWith\")",
              "@relationship(type: \"COLLABORATED_WITH\", direction: OUT, queryDirection: UNDIRECTED, properties: \"CollaboratedWith\")"));
      log("installing the peer's Node.js packages (npm ci)");
      BenchSupport.run(
          list("npm", "ci", "--no-audit", "--no-fund"),
          Map.of(),
          peerWork,
          dir.resolve("npm-ci.log"),
          Duration.ofMinutes(10));

      Map<String, String> boltEnv =
          Map.of("NEO4J_URI", bolt, "NEO4J_USER", "neo4j", "NEO4J_PASSWORD", boltPassword);
      String ourUrl = "http://127.0.0.1:" + port + "/graphql";
      String ourPage = post(ourUrl, OURS, "Bearer " + token);
      ProcessHandle serverHandle = server.toHandle();

      List<Map<String, Object>> rows = new ArrayList<>();
      rows.add(
          measure(
              "TalentGraph GraphQL (HTTP, API token)",
              peerWork,
              dir,
              Map.of(),
              List.of(
                  "node",
                  "load.js",
                  "-u",
                  ourUrl,
                  "-q",
                  "queries/talentgraph-expert-page.graphql",
                  "-H",
                  "Authorization: Bearer " + token),
              serverHandle,
              null));
      rows.add(
          measure(
              "hand-written Cypher (driver, one query)",
              peerWork,
              dir,
              boltEnv,
              List.of("node", "raw.js", "-q", "queries/raw-expert-page-ordered.cypher"),
              serverHandle,
              null));
      String peerPage = null;
      if (!skipPeer) {
        int peerPort = freePort();
        Map<String, String> env = new HashMap<>(boltEnv);
        env.put("PORT", Integer.toString(peerPort));
        Path peerLog = dir.resolve("peer-server.log");
        peer = BenchSupport.start(list("node", "server.js"), env, peerLog, peerWork);
        BenchSupport.awaitLog(peerLog, "peer ready", peer, Duration.ofMinutes(2));
        String peerUrl = "http://127.0.0.1:" + peerPort + "/";
        peerPage = post(peerUrl, PEER_QUERY, null);
        rows.add(
            measure(
                "Neo4j GraphQL Library 7 (HTTP)",
                peerWork,
                dir,
                Map.of(),
                List.of(
                    "node",
                    "load.js",
                    "-u",
                    peerUrl,
                    "-q",
                    "queries/peer-expert-page-ordered.graphql"),
                serverHandle,
                peer.toHandle()));
      }
      String sameData = compare(ourPage, rawPage(bolt, boltPassword), peerPage);
      return report(dir, rows, experts, sameData);
    } finally {
      BenchSupport.stop(peer);
      BenchSupport.stop(server);
    }
  }

  private Map<String, Object> measure(
      String label,
      Path peerWork,
      Path dir,
      Map<String, String> env,
      List<String> command,
      ProcessHandle server,
      ProcessHandle peer)
      throws Exception {
    String slug = label.replaceAll("[^A-Za-z]+", "-").toLowerCase();
    Warmup warm = warmUp(label, slug, peerWork, dir, env, command, server);
    log("measuring: " + label + " (" + duration + " s at " + concurrency + " clients)");
    List<String> measured = new ArrayList<>(command);
    Path out = dir.resolve(slug + ".json");
    measured.addAll(
        List.of(
            "-c",
            Integer.toString(concurrency),
            "-w",
            "0",
            "-d",
            Integer.toString(duration),
            "--label",
            slug,
            "--json",
            out.toString()));
    long serverCpu0 = BenchSupport.cpuMillis(server);
    long peerCpu0 = peer == null ? 0 : BenchSupport.cpuMillis(peer);
    BenchSupport.run(
        measured, env, peerWork, dir.resolve(slug + ".log"), Duration.ofSeconds(duration + 120L));
    long serverCpu = BenchSupport.cpuMillis(server) - serverCpu0;
    long peerCpu = peer == null ? 0 : BenchSupport.cpuMillis(peer) - peerCpu0;
    JsonNode r = BenchSupport.readJson(out);
    long requests = r.get("requests").asLong();
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("run", label);
    row.put("rps", r.get("rps").asDouble());
    row.put("p50_ms", r.get("p50_ms").asDouble());
    row.put("p99_ms", r.get("p99_ms").asDouble());
    row.put("errors", r.get("errors").asLong());
    row.put("requests", requests);
    row.put(
        "talentgraph_jvm_cpu_ms_per_request",
        requests == 0 ? null : round(serverCpu / (double) requests));
    row.put(
        "peer_node_cpu_ms_per_request",
        peer == null || requests == 0 ? null : round(peerCpu / (double) requests));
    row.put("client_cpu_s", r.get("client_cpu_s").asDouble());
    row.put("warmup_s", warm.seconds());
    row.put("warmup_settled", warm.settled());
    row.put("warmup_rps", warm.rps());
    row.put("warmup_jit_s", warm.jitSeconds());
    return row;
  }

  /**
   * How a run's warm-up went: the req/s and the server's JIT compile seconds of each chunk, and
   * whether it settled.
   */
  record Warmup(List<Double> rps, List<Double> jitSeconds, int seconds, boolean settled) {}

  /**
   * Runs the load in {@value #WARMUP_CHUNK_S}-second chunks for at least {@code --warmup} seconds
   * and until {@link #settled(List, List, double, double)} (at most {@code --max-warmup}).
   */
  private Warmup warmUp(
      String label,
      String slug,
      Path peerWork,
      Path dir,
      Map<String, String> env,
      List<String> command,
      ProcessHandle server)
      throws Exception {
    log(
        "warming up: "
            + label
            + " (at least "
            + warmup
            + " s, until the throughput settles and the server's JIT is quiet; at most "
            + maxWarmup
            + " s)");
    List<Double> rps = new ArrayList<>();
    List<Double> jit = new ArrayList<>();
    double jit0 = BenchSupport.jitSeconds(server);
    Path chunkJson = dir.resolve(slug + "-warmup-chunk.json");
    int seconds = 0;
    boolean settled = false;
    while (seconds < maxWarmup) {
      List<String> chunk = new ArrayList<>(command);
      chunk.addAll(
          List.of(
              "-c",
              Integer.toString(concurrency),
              "-w",
              "0",
              "-d",
              Integer.toString(WARMUP_CHUNK_S),
              "--label",
              "warmup",
              "--json",
              chunkJson.toString()));
      BenchSupport.run(
          chunk,
          env,
          peerWork,
          dir.resolve(slug + "-warmup-" + rps.size() + ".log"),
          Duration.ofSeconds(WARMUP_CHUNK_S + 120L));
      rps.add(BenchSupport.readJson(chunkJson).get("rps").asDouble());
      double jit1 = BenchSupport.jitSeconds(server);
      jit.add(jit1 - jit0);
      jit0 = jit1;
      seconds += WARMUP_CHUNK_S;
      settled = seconds >= warmup && settled(rps, jit, settle, jitQuiet * WARMUP_CHUNK_S);
      if (settled) break;
    }
    log(
        "warm-up "
            + (settled ? "settled" : "NOT settled")
            + " after "
            + seconds
            + " s; req/s per "
            + WARMUP_CHUNK_S
            + " s chunk: "
            + curve(rps)
            + "; server JIT compile s per chunk: "
            + jit.stream()
                .map(v -> v.isNaN() ? "?" : String.format(java.util.Locale.ROOT, "%.1f", v))
                .collect(Collectors.joining(" ")));
    return new Warmup(
        rps.stream().map(GraphqlBench::round).toList(),
        jit.stream().map(v -> v.isNaN() ? null : round(v)).toList(),
        seconds,
        settled);
  }

  /** A warm-up curve as whole req/s, space-separated. */
  static String curve(List<?> rps) {
    return rps.stream()
        .map(v -> String.valueOf(Math.round((Double) v)))
        .collect(Collectors.joining(" "));
  }

  /**
   * Whether the last three throughputs agree within {@code tolerance} and the server's JIT compiled
   * for at most {@code maxJitSeconds} in the last chunk. An unknown compile time (NaN: jstat could
   * not read the server) leaves the throughput rule alone.
   */
  static boolean settled(
      List<Double> rps, List<Double> jitSeconds, double tolerance, double maxJitSeconds) {
    if (!settled(rps, tolerance)) return false;
    if (jitSeconds.isEmpty()) return false;
    double last = jitSeconds.get(jitSeconds.size() - 1);
    return Double.isNaN(last) || last <= maxJitSeconds;
  }

  /**
   * Whether the last three values lie within {@code tolerance} (relative to the largest) of each
   * other.
   */
  static boolean settled(List<Double> rps, double tolerance) {
    if (rps.size() < 3) return false;
    List<Double> last = rps.subList(rps.size() - 3, rps.size());
    double max = last.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    double min = last.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    return max > 0 && (max - min) / max <= tolerance;
  }

  private int report(Path dir, List<Map<String, Object>> rows, long experts, String sameData)
      throws IOException {
    double ours = (double) rows.get(0).get("rps");
    double raw = (double) rows.get(1).get("rps");
    Double lib = rows.size() > 2 ? (Double) rows.get(2).get("rps") : null;
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("experts_in_graph", experts);
    summary.put("concurrency", concurrency);
    summary.put("duration_s", duration);
    summary.put("warmup_min_s", warmup);
    summary.put("warmup_max_s", maxWarmup);
    summary.put("warmup_settle", settle);
    summary.put("warmup_jit_quiet", jitQuiet);
    summary.put("cpus", Runtime.getRuntime().availableProcessors());
    summary.put("runs", rows);
    summary.put("talentgraph_vs_raw_cypher", round(ours / raw));
    if (lib != null) summary.put("talentgraph_vs_graphql_library", round(ours / lib));
    summary.put("same_data", sameData);
    summary.put(
        "target", "TalentGraph >= 50% of the raw query's throughput and above the library's");
    summary.put("target_met", ours >= 0.5 * raw && (lib == null || ours > lib));
    summary.put(
        "all_runs_settled",
        rows.stream().allMatch(r -> Boolean.TRUE.equals(r.get("warmup_settled"))));
    Files.writeString(dir.resolve("summary.json"), BenchSupport.writeJson(summary));
    StringBuilder md = new StringBuilder();
    md.append(
        "| run | req/s | p50 ms | p99 ms | errors | requests | CPU ms/req TalentGraph JVM (incl. Neo4j) | CPU ms/req peer node"
            + " | CPU ms/req load generator |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (var r : rows) {
      md.append("| ")
          .append(r.get("run"))
          .append(" | ")
          .append(r.get("rps"))
          .append(" | ")
          .append(r.get("p50_ms"))
          .append(" | ")
          .append(r.get("p99_ms"))
          .append(" | ")
          .append(r.get("errors"))
          .append(" | ")
          .append(r.get("requests"))
          .append(" | ")
          .append(r.get("talentgraph_jvm_cpu_ms_per_request"))
          .append(" | ")
          .append(
              r.get("peer_node_cpu_ms_per_request") == null
                  ? "-"
                  : r.get("peer_node_cpu_ms_per_request"))
          .append(" | ")
          .append(
              round((Double) r.get("client_cpu_s") * 1000 / Math.max(1L, (Long) r.get("requests"))))
          .append(" |\n");
    }
    md.append("\nTalentGraph / raw Cypher throughput: ").append(round(ours / raw));
    if (lib != null) md.append("; TalentGraph / GraphQL Library: ").append(round(ours / lib));
    md.append("\nSame data in all runs: ").append(sameData).append("\n");
    md.append("\nWarm-up per run (")
        .append(WARMUP_CHUNK_S)
        .append(" s chunks, until the last three are within ")
        .append(Math.round(settle * 100))
        .append("% and the server's JIT compiled for at most ")
        .append(Math.round(jitQuiet * 100))
        .append("% of the last):\n");
    for (var r : rows) {
      md.append("- ")
          .append(r.get("run"))
          .append(": ")
          .append(r.get("warmup_s"))
          .append(" s, ")
          .append(Boolean.TRUE.equals(r.get("warmup_settled")) ? "settled" : "NOT settled")
          .append("; req/s ")
          .append(curve((List<?>) r.get("warmup_rps")))
          .append("; JIT s ")
          .append(
              ((List<?>) r.get("warmup_jit_s"))
                  .stream()
                      .map(v -> v == null ? "?" : v.toString())
                      .collect(Collectors.joining(" ")))
          .append("\n");
    }
    if (rows.stream().anyMatch(r -> !Boolean.TRUE.equals(r.get("warmup_settled")))) {
      md.append(
          "WARNING: a run did not settle within --max-warmup; its figure is not a steady state, compare with care.\n");
    }
    md.append(
        String.format(
            "%nc=%d, %d s measured after each run's warm-up; %d experts; %d CPUs, all processes on this machine.%n",
            concurrency, duration, experts, Runtime.getRuntime().availableProcessors()));
    Files.writeString(dir.resolve("summary.md"), md.toString());
    System.out.println(json ? BenchSupport.writeJson(summary) : md.toString());
    log("results in " + dir);
    boolean errors = rows.stream().anyMatch(r -> ((Long) r.get("errors")) > 0);
    return errors || !sameData.startsWith("SAME") ? 1 : 0;
  }

  /** Each page reduced to expert id -> sorted skills (name:level), projects and collaborators. */
  static String compare(String oursJson, List<Map<String, Object>> raw, String peerJson)
      throws IOException {
    ObjectMapper m = new ObjectMapper();
    Map<String, String> ours = new TreeMap<>();
    for (JsonNode edge : m.readTree(oursJson).at("/data/experts/edges")) {
      JsonNode n = edge.get("node");
      Set<String> skills = new TreeSet<>();
      n.get("skills")
          .forEach(s -> skills.add(s.at("/skill/name").asText() + ":" + s.get("level").asInt()));
      ours.put(
          n.get("id").asText(),
          skills + "|" + names(n.get("projects")) + "|" + names(n.get("collaborators")));
    }
    Map<String, String> floor = new TreeMap<>();
    for (var e : raw) {
      Set<String> skills = new TreeSet<>();
      for (Object o : (List<?>) e.get("skills")) {
        var s = (Map<?, ?>) o;
        skills.add(s.get("name") + ":" + ((Number) s.get("level")).intValue());
      }
      floor.put(
          (String) e.get("id"),
          skills
              + "|"
              + new TreeSet<>((List<?>) e.get("projects")).toString().replace(", ", ",")
              + "|"
              + new TreeSet<>((List<?>) e.get("collaborators")).toString().replace(", ", ","));
    }
    if (ours.isEmpty()) return "DIFFERENT: TalentGraph returned no experts: " + oursJson;
    if (!ours.equals(floor)) return "DIFFERENT: TalentGraph vs raw Cypher";
    if (peerJson != null) {
      Map<String, String> lib = new TreeMap<>();
      for (JsonNode n : m.readTree(peerJson).at("/data/experts")) {
        Set<String> skills = new TreeSet<>();
        n.at("/skillsConnection/edges")
            .forEach(
                s ->
                    skills.add(
                        s.at("/node/name").asText() + ":" + s.at("/properties/level").asInt()));
        lib.put(
            n.get("id").asText(),
            skills + "|" + names(n.get("projects")) + "|" + names(n.get("collaborators")));
      }
      if (!ours.equals(lib)) return "DIFFERENT: TalentGraph vs GraphQL Library";
    }
    return "SAME (" + ours.size() + " experts)";
  }

  private static String names(JsonNode list) {
    Set<String> out = new TreeSet<>();
    list.forEach(n -> out.add(n.get("name").asText()));
    return out.toString().replace(", ", ",");
  }

  private static List<Map<String, Object>> rawPage(String bolt, String password) {
    try (var driver = GraphDatabase.driver(bolt, AuthTokens.basic("neo4j", password), QUIET);
        var s = driver.session()) {
      return s.run(RAW, Map.of("limit", 20)).list(r -> r.get("expert").asMap());
    }
  }

  private static String post(String url, String query, String authorization) throws Exception {
    var body = new ObjectMapper().writeValueAsString(Map.of("query", query));
    var req =
        HttpRequest.newBuilder(URI.create(url))
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) req.header("Authorization", authorization);
    var res = HttpClient.newHttpClient().send(req.build(), HttpResponse.BodyHandlers.ofString());
    if (res.statusCode() != 200 || res.body().contains("\"errors\"")) {
      throw new IllegalStateException(
          "the expert page failed at " + url + ": HTTP " + res.statusCode() + " " + res.body());
    }
    return res.body();
  }

  static int freePort() throws IOException {
    try (var s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private void log(String message) {
    System.err.println("[bench] " + message);
  }
}
