package dev.talentgraph.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.talentgraph.profiles.ProfileQuery;
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
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code talentgraph bench profile}: latency of {@code talentProfile} for random experts of the
 * demo graph, without and with its recommendation sections, beside two baselines measured in the
 * same run against the same server: the plain expert page ({@code expert(id)} with skills,
 * projects, collaborators, publications, teams) and the profile's own statement sent straight over
 * Bolt (no HTTP, no GraphQL: the floor). The product starts as a child process on a demo store of
 * its own; the attrition and training-effect models are trained first (so scores and estimates are
 * there) and both recommenders built, so every run measures the steady state. The load average of
 * the machine is recorded around each run.
 */
@Command(
    name = "profile",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Benchmark talentProfile (p50/p99, req/s) without and with its recommendation sections, against the",
      "expert-page query and the profile's statement over Bolt, on a demo graph of its own."
    })
public class ProfileBench implements Callable<Integer> {
  @Option(
      names = "--experts",
      defaultValue = "2000",
      description = "Experts in the demo graph (default: ${DEFAULT-VALUE}).")
  int experts;

  @Option(
      names = {"-n", "--requests"},
      defaultValue = "500",
      description = "Measured requests per run (default: ${DEFAULT-VALUE}).")
  int requests;

  @Option(
      names = {"-w", "--warmup"},
      defaultValue = "150",
      description = "Warm-up requests before each run (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(
      names = {"-c", "--concurrency"},
      defaultValue = "1",
      description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Seed of the random expert sequence (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--port",
      defaultValue = "18350",
      description = "HTTP port of the server under test (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--bolt-port",
      defaultValue = "18351",
      description = "Its Bolt port (default: ${DEFAULT-VALUE}).")
  int boltPort;

  @Option(
      names = "--work-dir",
      description = "Where the store, logs and results go (default: bench-results/profile-<time>).")
  Path workDir;

  @Option(names = "--json", description = "Print the summary as JSON.")
  boolean json;

  static final String EXPERT_PAGE =
      """
      query ($id: ID!) { expert(id: $id) { id name title country
        skills { level evidence source since skill { id name } } projects { id name status }
        collaborators { id name } publications { id title year } teams { id name } } }""";

  static final String SECTIONS =
      """
        expertId expert { id name title country }
        skills { skill { id name } level since lastSeen contested evidence { kind ref text source date } lastSeenEvidence { kind ref date } }
        timeline { kind date endDate title refId role evidence { kind ref text date } }
        projects { project { id name status } role from to evidence { kind ref text } }
        publications { publication { id title year venue } about evidence { kind ref } }
        collaborators { expert { id name } count firstYear lastYear sharedProjects sharedPublications evidence { kind ref text } }
        courses { course { id title } status completedAt skill { id name } levelBefore levelAfter measuredGain modelEstimate model
                  evidence { kind ref text } }
        scores { score { model version value at explanation { feature contribution text } } contested evidence { kind ref text } }
        performanceReviews { review { id year rating } date evidence { kind ref } }
        careerEvents { kind date title grade outcome evidence { kind ref } }
        careerStage { stage grade yearsAtCompany yearsInGrade status rule evidence { kind ref } }
        contests { id status factType factKey }
      """;

  static final String PROFILE =
      "query ($id: ID!) { talentProfile(expertId: $id) {" + SECTIONS + "} }";

  static final String PROFILE_NO_ESTIMATES = PROFILE.replace(" modelEstimate model", "");

  static final String PROFILE_WITH_RECOMMENDATIONS =
      "query ($id: ID!) { talentProfile(expertId: $id) {"
          + SECTIONS
          + " recommendedTrainings(first: 5) { items { courseId title score why closes { skillId } } note ranker }"
          + " recommendedCollaborators(first: 5) { items { expert { id name } score reasons { kind text } } model } } }";

  private static final org.neo4j.driver.Config QUIET =
      org.neo4j.driver.Config.builder().withLogging(org.neo4j.driver.Logging.none()).build();
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /** One kind of request: a GraphQL document over HTTP, or the Bolt floor. */
  private interface Call {
    /** Runs one request for the expert; returns null when it succeeded, else why not. */
    String run(String expertId) throws Exception;
  }

  @Override
  public Integer call() throws Exception {
    Path dir = BenchSupport.workDir(workDir, "profile");
    String adminPassword = BenchSupport.secret("bench-");
    String boltPassword = BenchSupport.secret("bolt-");
    Path serverLog = dir.resolve("talentgraph-server.log");
    Process server = null;
    try {
      log(
          "starting TalentGraph (serve --demo, "
              + experts
              + " experts) on a store of its own in "
              + dir.resolve("store"));
      server =
          BenchSupport.startDemoServer(
              dir,
              port,
              boltPort,
              Map.of(
                  "TALENT_ADMIN_PASSWORD",
                  adminPassword,
                  "TALENT_BOLT_PASSWORD",
                  boltPassword,
                  "TALENT_DEMO_EXPERTS",
                  Integer.toString(experts)),
              List.of(),
              serverLog,
              Duration.ofMinutes(15));
      String base = "http://127.0.0.1:" + port;
      try (Driver driver =
          GraphDatabase.driver(
              "bolt://127.0.0.1:" + boltPort, AuthTokens.basic("neo4j", boltPassword), QUIET)) {
        String token =
            new ApiTokens(driver, "neo4j")
                .create(
                    "bench-profile-" + System.currentTimeMillis(),
                    "admin",
                    Set.of(Role.ADMIN),
                    null,
                    Duration.ofHours(3))
                .token();
        List<String> ids;
        try (var s = driver.session()) {
          ids =
              s.run("MATCH (e:Expert) RETURN e.id AS id ORDER BY id")
                  .list(r -> r.get("id").asString());
        }
        log(
            "graph has "
                + ids.size()
                + " experts; training attrition, training-effect and the two rankers");
        String url = base + "/graphql";
        for (String m :
            List.of(
                "mutation { trainModel(input: {kind: ATTRITION}) { model { id } errors { message } } }",
                "mutation { trainModel(input: {kind: TRAINING_EFFECT}) { model { id } errors { message } } }",
                "mutation { trainModel(input: {kind: COURSE_RANKER}) { model { id } errors { message } } }",
                "mutation { trainModel(input: {kind: COLLABORATOR_RANKER}) { model { id } errors { message } } }")) {
          String body = post(url, token, m, null, Duration.ofMinutes(20));
          JsonNode r = JSON.readTree(body);
          if (r.has("errors") || r.findValues("errors").stream().anyMatch(e -> !e.isEmpty())) {
            throw new IllegalStateException(m + " failed: " + body);
          }
        }
        String floor = ProfileQuery.allSections();
        Map<String, Call> runs = new LinkedHashMap<>();
        runs.put(
            "baseline: expert(id) page over GraphQL",
            id -> check(post(url, token, EXPERT_PAGE, id, null), "expert"));
        runs.put(
            "baseline: the profile's statement over Bolt (no HTTP, no GraphQL)",
            id -> {
              try (var s = driver.session()) {
                return s.run(floor, Map.of("id", id)).list().size() == 1 ? null : "no row";
              }
            });
        runs.put(
            "talentProfile, no recommendations, no model estimates",
            id -> check(post(url, token, PROFILE_NO_ESTIMATES, id, null), "talentProfile"));
        runs.put(
            "talentProfile, no recommendations",
            id -> check(post(url, token, PROFILE, id, null), "talentProfile"));
        runs.put(
            "talentProfile with recommendations",
            id -> check(post(url, token, PROFILE_WITH_RECOMMENDATIONS, id, null), "talentProfile"));
        String sample =
            post(url, token, PROFILE_WITH_RECOMMENDATIONS, ids.get(ids.size() / 2), null);
        Files.writeString(dir.resolve("sample-profile.json"), sample);
        List<Map<String, Object>> rows = new ArrayList<>();
        Random random = new Random(seed);
        for (var run : runs.entrySet())
          rows.add(measure(run.getKey(), run.getValue(), ids, random, server.toHandle()));
        return report(dir, rows, ids.size());
      }
    } finally {
      BenchSupport.stop(server);
    }
  }

  private Map<String, Object> measure(
      String label, Call call, List<String> ids, Random random, ProcessHandle server)
      throws Exception {
    log("warming up: " + label + " (" + warmup + " requests)");
    drive(call, pick(ids, random, warmup), new long[warmup]);
    log("measuring: " + label + " (" + requests + " requests, " + concurrency + " clients)");
    String loadBefore = loadAverage();
    long cpu0 = BenchSupport.cpuMillis(server);
    long[] nanos = new long[requests];
    long t0 = System.nanoTime();
    int errors = drive(call, pick(ids, random, requests), nanos);
    double seconds = (System.nanoTime() - t0) / 1e9;
    long cpu = BenchSupport.cpuMillis(server) - cpu0;
    Arrays.sort(nanos);
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("run", label);
    row.put("p50_ms", ms(percentile(nanos, 0.50)));
    row.put("p99_ms", ms(percentile(nanos, 0.99)));
    row.put("max_ms", ms(nanos[nanos.length - 1]));
    row.put("mean_ms", ms((long) Arrays.stream(nanos).average().orElse(0)));
    row.put("rps", round(requests / seconds));
    row.put("errors", errors);
    row.put("requests", requests);
    row.put("server_cpu_ms_per_request", round(cpu / (double) requests));
    row.put("loadavg_before", loadBefore);
    row.put("loadavg_after", loadAverage());
    log(
        String.format(
            Locale.ROOT,
            "  p50 %.1f ms, p99 %.1f ms, %.1f req/s, %d errors",
            row.get("p50_ms"),
            row.get("p99_ms"),
            row.get("rps"),
            errors));
    return row;
  }

  private static List<String> pick(List<String> ids, Random random, int n) {
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) out.add(ids.get(random.nextInt(ids.size())));
    return out;
  }

  /**
   * Runs the calls with {@code concurrency} clients; fills each request's latency; returns the
   * error count.
   */
  private int drive(Call call, List<String> experts, long[] nanos) throws Exception {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    AtomicLong firstError = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    try {
      List<Future<?>> clients = new ArrayList<>();
      for (int c = 0; c < concurrency; c++) {
        clients.add(
            pool.submit(
                () -> {
                  for (int i = next.getAndIncrement();
                      i < experts.size();
                      i = next.getAndIncrement()) {
                    long t = System.nanoTime();
                    String error;
                    try {
                      error = call.run(experts.get(i));
                    } catch (Exception e) {
                      error = e.toString();
                    }
                    nanos[i] = System.nanoTime() - t;
                    if (error != null) {
                      errors.incrementAndGet();
                      if (firstError.compareAndSet(0, 1))
                        log("  error for " + experts.get(i) + ": " + error);
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : clients) f.get();
    } finally {
      pool.shutdown();
    }
    return errors.get();
  }

  private static String check(String body, String field) throws Exception {
    JsonNode r = JSON.readTree(body);
    if (r.has("errors")) return r.get("errors").toString();
    return r.at("/data/" + field).isNull() || r.at("/data/" + field).isMissingNode()
        ? "no " + field
        : null;
  }

  private String post(String url, String token, String query, String expertId, Duration timeout)
      throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("query", query);
    if (expertId != null) body.put("variables", Map.of("id", expertId));
    var req =
        HttpRequest.newBuilder(URI.create(url))
            .header("content-type", "application/json")
            .header("Authorization", "Bearer " + token)
            .timeout(timeout == null ? Duration.ofSeconds(30) : timeout)
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
            .build();
    var res = http.send(req, HttpResponse.BodyHandlers.ofString());
    if (res.statusCode() != 200)
      throw new IllegalStateException("HTTP " + res.statusCode() + ": " + res.body());
    return res.body();
  }

  private int report(Path dir, List<Map<String, Object>> rows, int graphExperts) throws Exception {
    double withoutP99 = (double) rows.get(3).get("p99_ms");
    double withP99 = (double) rows.get(4).get("p99_ms");
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("experts_in_graph", graphExperts);
    summary.put("requests_per_run", requests);
    summary.put("warmup_per_run", warmup);
    summary.put("concurrency", concurrency);
    summary.put("cpus", Runtime.getRuntime().availableProcessors());
    summary.put("runs", rows);
    summary.put("target", "talentProfile p99 < 100 ms without recommendations, < 250 ms with them");
    summary.put("target_met_without_recommendations", withoutP99 < 100);
    summary.put("target_met_with_recommendations", withP99 < 250);
    Files.writeString(dir.resolve("summary.json"), BenchSupport.writeJson(summary));
    StringBuilder md = new StringBuilder();
    md.append(
        "| run | p50 ms | p99 ms | max ms | req/s | errors | server CPU ms/req | load avg before -> after |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---|\n");
    for (var r : rows) {
      md.append("| ")
          .append(r.get("run"))
          .append(" | ")
          .append(r.get("p50_ms"))
          .append(" | ")
          .append(r.get("p99_ms"))
          .append(" | ")
          .append(r.get("max_ms"))
          .append(" | ")
          .append(r.get("rps"))
          .append(" | ")
          .append(r.get("errors"))
          .append(" | ")
          .append(r.get("server_cpu_ms_per_request"))
          .append(" | ")
          .append(r.get("loadavg_before"))
          .append(" -> ")
          .append(r.get("loadavg_after"))
          .append(" |\n");
    }
    md.append(
        String.format(
            Locale.ROOT,
            "%nTargets (p99): without recommendations %.1f ms < 100: %s; with them %.1f ms < 250: %s%n",
            withoutP99,
            withoutP99 < 100,
            withP99,
            withP99 < 250));
    md.append(
        String.format(
            Locale.ROOT,
            "%d random experts of %d per run after %d warm-up requests, %d client(s), %d CPUs;"
                + " client, server and embedded Neo4j on this machine.%n",
            requests,
            graphExperts,
            warmup,
            concurrency,
            Runtime.getRuntime().availableProcessors()));
    Files.writeString(dir.resolve("summary.md"), md.toString());
    System.out.println(json ? BenchSupport.writeJson(summary) : md.toString());
    log("results in " + dir);
    return rows.stream().anyMatch(r -> ((Integer) r.get("errors")) > 0) ? 1 : 0;
  }

  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (Exception e) {
      return "n/a";
    }
  }

  private static long percentile(long[] sorted, double p) {
    int i = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  private static double ms(long nanos) {
    return round(nanos / 1e6);
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  private static void log(String message) {
    System.err.println("[bench] " + message);
  }
}
