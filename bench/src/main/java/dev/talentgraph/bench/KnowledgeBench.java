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
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code talentgraph bench knowledge}: single-client latency of the knowledge-sharing questions on
 * the demo graph: who knows a skill, whom to ask a question, who could mentor someone, and a
 * six-person team for a project's requirements, beside the expert page ({@code expert(id)} with
 * skills, projects and collaborators) measured in the same run against the same server as the
 * baseline. The product starts as a child process on a demo store of its own; inputs are drawn with
 * a seed from the graph (held skills, experts, project requirements, skill names as question text),
 * so two runs ask the same questions.
 */
@Command(
    name = "knowledge",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Benchmark whoKnows, routeQuestion, recommendMentors and formTeam (p50/p99) against the expert page,",
      "on a demo graph of its own."
    })
public class KnowledgeBench implements Callable<Integer> {
  @Option(
      names = "--experts",
      defaultValue = "2000",
      description = "Experts in the demo graph (default: ${DEFAULT-VALUE}).")
  int experts;

  @Option(
      names = {"-n", "--requests"},
      defaultValue = "300",
      description = "Measured requests per operation (default: ${DEFAULT-VALUE}).")
  int requests;

  @Option(
      names = {"-w", "--warmup"},
      defaultValue = "100",
      description = "Warm-up requests before each operation (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Seed of the drawn inputs (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--port",
      defaultValue = "18360",
      description = "HTTP port of the server under test (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--bolt-port",
      defaultValue = "18361",
      description = "Its Bolt port (default: ${DEFAULT-VALUE}).")
  int boltPort;

  @Option(
      names = "--work-dir",
      description =
          "Where the store, logs and results go (default: bench-results/knowledge-<time>).")
  Path workDir;

  @Option(names = "--json", description = "Print the summary as JSON.")
  boolean json;

  static final String EXPERT_PAGE =
      "query ($id: ID!) { expert(id: $id) { id name skills { level skill { id name } }"
          + " projects { id name } collaborators { id name } } }";

  static final String WHO_KNOWS =
      "query ($skill: ID!) { whoKnows(skill: $skill, first: 10) { items { expert { id name } score"
          + " evidence { kind ref text date } } } }";

  static final String ROUTE_QUESTION =
      "query ($text: String!) { routeQuestion(text: $text, first: 10) { items { expert { id name }"
          + " score reasons { kind text } } } }";

  static final String MENTORS_FOR_SKILL =
      "query ($id: ID!, $skill: ID) { recommendMentors(expertId: $id, skill: $skill, first: 5) {"
          + " basis items { expert { id name } score otherTeam reasons { kind text } } } }";

  static final String MENTORS_DEFAULT =
      "query ($id: ID!) { recommendMentors(expertId: $id, first: 5) {"
          + " basis items { expert { id name } score otherTeam reasons { kind text } } } }";

  static final String FORM_TEAM =
      "query ($skills: [TeamSkillInput!]!) { formTeam(input: {size: 6, skills: $skills}) {"
          + " members { expert { id name } covers { skillId credit } }"
          + " uncovered { skillId reason } coverage cohesion score method } }";

  /** One operation: its document, the root field to check, and the variables of request i. */
  private record Operation(
      String label, String document, String field, IntFunction<Map<String, Object>> variables) {}

  private static final org.neo4j.driver.Config QUIET =
      org.neo4j.driver.Config.builder().withLogging(org.neo4j.driver.Logging.none()).build();
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @Override
  public Integer call() throws Exception {
    Path dir = BenchSupport.workDir(workDir, "knowledge");
    String adminPassword = BenchSupport.secret("bench-");
    String boltPassword = BenchSupport.secret("bolt-");
    Process server = null;
    try {
      log("starting TalentGraph (serve --demo, " + experts + " experts) in " + dir);
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
              dir.resolve("talentgraph-server.log"),
              Duration.ofMinutes(15));
      String url = "http://127.0.0.1:" + port + "/graphql";
      try (Driver driver =
          GraphDatabase.driver(
              "bolt://127.0.0.1:" + boltPort, AuthTokens.basic("neo4j", boltPassword), QUIET)) {
        String token =
            new ApiTokens(driver, "neo4j")
                .create(
                    "bench-knowledge-" + System.currentTimeMillis(),
                    "admin",
                    Set.of(Role.ADMIN),
                    null,
                    Duration.ofHours(3))
                .token();
        Inputs in = Inputs.draw(driver, new Random(seed), warmup + requests);
        log(
            "drew "
                + in.experts.size()
                + " experts, "
                + in.skills.size()
                + " held skills, "
                + in.teams.size()
                + " project requirement sets");
        List<Operation> ops =
            List.of(
                new Operation(
                    "baseline: expert(id) page",
                    EXPERT_PAGE,
                    "expert",
                    i -> Map.of("id", in.experts.get(i))),
                new Operation(
                    "whoKnows(skill, first: 10)",
                    WHO_KNOWS,
                    "whoKnows",
                    i -> Map.of("skill", in.skills.get(i))),
                new Operation(
                    "routeQuestion(text, first: 10)",
                    ROUTE_QUESTION,
                    "routeQuestion",
                    i -> Map.of("text", in.questions.get(i))),
                new Operation(
                    "recommendMentors(expertId, skill, first: 5)",
                    MENTORS_FOR_SKILL,
                    "recommendMentors",
                    i -> Map.of("id", in.experts.get(i), "skill", in.skills.get(i))),
                new Operation(
                    "recommendMentors(expertId, first: 5), the active projects' gap",
                    MENTORS_DEFAULT,
                    "recommendMentors",
                    i -> Map.of("id", in.experts.get(i))),
                new Operation(
                    "formTeam(size: 6, a project's requirements)",
                    FORM_TEAM,
                    "formTeam",
                    i -> Map.of("skills", in.teams.get(i))));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Operation op : ops) rows.add(measure(url, token, op));
        return report(dir, rows);
      }
    } finally {
      BenchSupport.stop(server);
    }
  }

  /** The drawn inputs, one per request (warm-up and measured). */
  private record Inputs(
      List<String> experts,
      List<String> skills,
      List<String> questions,
      List<List<Map<String, Object>>> teams) {

    static Inputs draw(Driver driver, Random random, int n) {
      try (var s = driver.session()) {
        List<String> expertIds =
            s.run("MATCH (e:Expert) RETURN e.id AS id ORDER BY id")
                .list(r -> r.get("id").asString());
        List<org.neo4j.driver.Record> held =
            s.run(
                    "MATCH (:Expert)-[:HAS_SKILL]->(s:Skill) WITH s, count(*) AS n"
                        + " RETURN s.id AS id, s.name AS name ORDER BY id")
                .list();
        List<List<Map<String, Object>>> requirements = new ArrayList<>();
        for (var r :
            s.run(
                    "MATCH (p:Project)-[q:REQUIRES]->(s:Skill) WITH p, s, q ORDER BY s.id"
                        + " WITH p, collect({skill: s.id, level: coalesce(q.level, 3)})[..6] AS req"
                        + " RETURN req ORDER BY p.id")
                .list()) {
          requirements.add(
              r.get("req").asList(v -> Map.<String, Object>copyOf(v.asMap(x -> x.asObject()))));
        }
        if (expertIds.isEmpty() || held.isEmpty() || requirements.isEmpty()) {
          throw new IllegalStateException(
              "the demo graph has no experts, held skills or project requirements");
        }
        List<String> experts = new ArrayList<>(n);
        List<String> skills = new ArrayList<>(n);
        List<String> questions = new ArrayList<>(n);
        List<List<Map<String, Object>>> teams = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          experts.add(expertIds.get(random.nextInt(expertIds.size())));
          var skill = held.get(random.nextInt(held.size()));
          skills.add(skill.get("id").asString());
          var other = held.get(random.nextInt(held.size()));
          questions.add(
              "How do I get started with "
                  + skill.get("name").asString("this")
                  + " when my team already uses "
                  + other.get("name").asString("that")
                  + "?");
          teams.add(requirements.get(random.nextInt(requirements.size())));
        }
        return new Inputs(experts, skills, questions, teams);
      }
    }
  }

  private Map<String, Object> measure(String url, String token, Operation op) throws Exception {
    log("warming up: " + op.label() + " (" + warmup + " requests)");
    int errors = 0;
    String firstError = null;
    for (int i = 0; i < warmup; i++) {
      String e = call(url, token, op, i);
      if (e != null && firstError == null) firstError = e;
    }
    log("measuring: " + op.label() + " (" + requests + " requests)");
    long[] nanos = new long[requests];
    String loadBefore = ProfileBench.loadAverage();
    for (int i = 0; i < requests; i++) {
      long t = System.nanoTime();
      String e = call(url, token, op, warmup + i);
      nanos[i] = System.nanoTime() - t;
      if (e != null) {
        errors++;
        if (firstError == null) firstError = e;
      }
    }
    if (firstError != null) log("  first error: " + firstError);
    Arrays.sort(nanos);
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("operation", op.label());
    row.put("p50_ms", ms(percentile(nanos, 0.50)));
    row.put("p99_ms", ms(percentile(nanos, 0.99)));
    row.put("max_ms", ms(nanos[nanos.length - 1]));
    row.put("errors", errors);
    row.put("loadavg_before", loadBefore);
    row.put("loadavg_after", ProfileBench.loadAverage());
    log(
        String.format(
            Locale.ROOT,
            "  p50 %.1f ms, p99 %.1f ms, %d errors",
            row.get("p50_ms"),
            row.get("p99_ms"),
            errors));
    return row;
  }

  /** One request; null when it answered without errors, else what went wrong. */
  private String call(String url, String token, Operation op, int i) {
    try {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("query", op.document());
      body.put("variables", op.variables().apply(i));
      var req =
          HttpRequest.newBuilder(URI.create(url))
              .header("content-type", "application/json")
              .header("Authorization", "Bearer " + token)
              .timeout(Duration.ofSeconds(60))
              .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
              .build();
      var res = http.send(req, HttpResponse.BodyHandlers.ofString());
      if (res.statusCode() != 200) return "HTTP " + res.statusCode() + ": " + res.body();
      JsonNode r = JSON.readTree(res.body());
      if (r.has("errors")) return r.get("errors").toString();
      JsonNode data = r.at("/data/" + op.field());
      return data.isMissingNode() || data.isNull() ? "no " + op.field() : null;
    } catch (Exception e) {
      return e.toString();
    }
  }

  private int report(Path dir, List<Map<String, Object>> rows) throws Exception {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("experts_in_graph", experts);
    summary.put("requests_per_operation", requests);
    summary.put("warmup_per_operation", warmup);
    summary.put("seed", seed);
    summary.put("cpus", Runtime.getRuntime().availableProcessors());
    summary.put("runs", rows);
    summary.put(
        "targets",
        "p99 < 100 ms for whoKnows, routeQuestion and recommendMentors; < 1000 ms for formTeam");
    Files.writeString(dir.resolve("summary.json"), BenchSupport.writeJson(summary));
    StringBuilder md = new StringBuilder();
    md.append(
        "| operation | p50 ms | p99 ms | max ms | errors | target p99 | load avg before -> after |\n");
    md.append("|---|---:|---:|---:|---:|---|---|\n");
    for (var r : rows) {
      String op = (String) r.get("operation");
      double p99 = (double) r.get("p99_ms");
      String target =
          op.startsWith("baseline")
              ? "(baseline)"
              : op.startsWith("formTeam")
                  ? (p99 < 1000 ? "< 1000: met" : "< 1000: missed")
                  : (p99 < 100 ? "< 100: met" : "< 100: missed");
      md.append("| ")
          .append(op)
          .append(" | ")
          .append(r.get("p50_ms"))
          .append(" | ")
          .append(p99)
          .append(" | ")
          .append(r.get("max_ms"))
          .append(" | ")
          .append(r.get("errors"))
          .append(" | ")
          .append(target)
          .append(" | ")
          .append(r.get("loadavg_before"))
          .append(" -> ")
          .append(r.get("loadavg_after"))
          .append(" |\n");
    }
    md.append(
        String.format(
            Locale.ROOT,
            "%n%d requests per operation after %d warm-up requests, one client, seed %d, %d CPUs;"
                + " client, server and embedded Neo4j on this machine.%n",
            requests,
            warmup,
            seed,
            Runtime.getRuntime().availableProcessors()));
    Files.writeString(dir.resolve("summary.md"), md.toString());
    System.out.println(json ? BenchSupport.writeJson(summary) : md.toString());
    log("results in " + dir);
    return rows.stream().anyMatch(r -> ((Integer) r.get("errors")) > 0) ? 1 : 0;
  }

  private static long percentile(long[] sorted, double p) {
    int i = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  private static double ms(long nanos) {
    return Math.round(nanos / 1e5) / 10.0;
  }

  private static void log(String message) {
    System.err.println("[bench] " + message);
  }
}
