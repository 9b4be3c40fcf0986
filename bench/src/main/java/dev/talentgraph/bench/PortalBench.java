package dev.talentgraph.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code talentgraph bench portal}: the portal's pages as a browser gets them (logged in through
 * the form: session cookie and CSRF token), p50/p95/p99 per page on the demo graph, each beside a
 * baseline measured in the same run: the page's own GraphQL documents sent alone to {@code
 * /graphql} with the same session (what the page costs on top is the in-process execution's
 * plumbing and the template). The documents are read from the page classes of the product jar, so
 * page and baseline cannot drift apart. Every request picks a random person, skill or team of the
 * graph (seeded).
 */
@Command(
    name = "portal",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Benchmark the portal's pages (p50/p95/p99, logged in through the form) against each page's",
      "GraphQL documents alone over /graphql, on a demo graph of its own."
    })
public class PortalBench implements Callable<Integer> {
  @Option(
      names = "--experts",
      defaultValue = "2000",
      description = "Experts in the demo graph (default: ${DEFAULT-VALUE}).")
  int experts;

  @Option(
      names = {"-n", "--requests"},
      defaultValue = "200",
      description = "Measured requests per page and per baseline (default: ${DEFAULT-VALUE}).")
  int requests;

  @Option(
      names = {"-w", "--warmup"},
      defaultValue = "60",
      description = "Warm-up requests before each run (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Seed of the random choices (default: ${DEFAULT-VALUE}).")
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
      description = "Where the store, logs and results go (default: bench-results/portal-<time>).")
  Path workDir;

  @Option(names = "--json", description = "Print the summary as JSON.")
  boolean json;

  /** The target: a page's HTML and data at p95. */
  static final double TARGET_P95_MS = 300;

  private static final org.neo4j.driver.Config QUIET =
      org.neo4j.driver.Config.builder().withLogging(org.neo4j.driver.Logging.none()).build();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern FORM_CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final Pattern META_CSRF =
      Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private String base;
  private String csrf;

  /** What one request of a page needs: its path, and the GraphQL documents the page runs. */
  record Sample(String path, List<Map<String, Object>> documents) {}

  /** The inputs the requests draw from. */
  record Graph(
      List<String> experts,
      List<String> names,
      List<String> skills,
      List<String> teams,
      List<String> communities) {}

  @Override
  public Integer call() throws Exception {
    Path dir = BenchSupport.workDir(workDir, "portal");
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
              // the community detection runs once before measuring; on a busy machine it can take
              // longer than the API's default request limit, which would leave no community to open
              List.of("--talent.graphql.limits.request-timeout=15m"),
              serverLog,
              Duration.ofMinutes(15));
      base = "http://127.0.0.1:" + port;
      login("admin", adminPassword);
      log("detecting the communities of practice (refreshCommunities)");
      String refreshed =
          graphQl(
              doc(
                  "mutation { refreshCommunities { run { communities } errors { message } } }",
                  Map.of()),
              Duration.ofMinutes(15));
      log("  " + refreshed);
      Graph graph;
      try (Driver driver =
              GraphDatabase.driver(
                  "bolt://127.0.0.1:" + boltPort, AuthTokens.basic("neo4j", boltPassword), QUIET);
          var s = driver.session()) {
        graph =
            new Graph(
                s.run("MATCH (e:Expert) RETURN e.id AS id ORDER BY id")
                    .list(r -> r.get("id").asString()),
                s.run("MATCH (e:Expert) RETURN e.name AS n ORDER BY e.id LIMIT 200")
                    .list(r -> r.get("n").asString()),
                s.run("MATCH (s:Skill)<-[:HAS_SKILL]-() RETURN DISTINCT s.id AS id ORDER BY id")
                    .list(r -> r.get("id").asString()),
                s.run("MATCH (t:Team) RETURN t.id AS id ORDER BY id")
                    .list(r -> r.get("id").asString()),
                s.run("MATCH (c:PracticeCommunity) RETURN c.id AS id ORDER BY id")
                    .list(r -> r.get("id").asString()));
      }
      log(
          "graph has "
              + graph.experts().size()
              + " experts, "
              + graph.skills().size()
              + " held skills, "
              + graph.teams().size()
              + " teams, "
              + graph.communities().size()
              + " communities");
      Map<String, Function<Random, Sample>> pages = pages(graph);
      List<Map<String, Object>> rows = new ArrayList<>();
      for (var page : pages.entrySet()) {
        rows.add(measure(page.getKey(), page.getValue(), seed, server.toHandle()));
      }
      return report(dir, rows, graph.experts().size());
    } finally {
      BenchSupport.stop(server);
    }
  }

  /** The pages measured, each with how to pick one request's inputs. */
  private Map<String, Function<Random, Sample>> pages(Graph g) throws Exception {
    String search = document("PortalController", "SEARCH");
    String person = document("PortalController", "PERSON");
    String skill = document("PortalController", "SKILL");
    String personGraph = document("PortalController", "PERSON_GRAPH");
    String skillGraph = document("PortalController", "SKILL_GRAPH");
    String learning = document("PortalController", "LEARNING");
    String formTeam = document("TeamsPage", "FORM_TEAM");
    String risk = document("TeamsPage", "RISK");
    Map<String, Function<Random, Sample>> pages = new LinkedHashMap<>();
    pages.put(
        "search",
        r -> {
          String name = pick(g.names(), r);
          String q = name.substring(0, Math.min(3, name.length()));
          Map<String, Object> vars = new HashMap<>();
          vars.put("q", q);
          vars.put("first", 10);
          return new Sample("/search?q=" + enc(q), List.of(doc(search, vars)));
        });
    pages.put(
        "person",
        r -> {
          String id = pick(g.experts(), r);
          return new Sample(
              "/people/" + id, List.of(doc(person, Map.of("id", id, "personal", true))));
        });
    pages.put(
        "skill",
        r -> {
          String id = pick(g.skills(), r);
          return new Sample("/skills/" + id, List.of(doc(skill, Map.of("id", id, "first", 10))));
        });
    pages.put(
        "person graph",
        r -> {
          String id = pick(g.experts(), r);
          return new Sample(
              "/people/" + id + "/graph", List.of(doc(personGraph, Map.of("id", id))));
        });
    pages.put(
        "skill graph",
        r -> {
          String id = pick(g.skills(), r);
          return new Sample("/skills/" + id + "/graph", List.of(doc(skillGraph, Map.of("id", id))));
        });
    pages.put(
        "learning",
        r -> {
          String id = pick(g.experts(), r);
          String s = pick(g.skills(), r);
          Map<String, Object> target = Map.of("skills", List.of(Map.of("skillId", s, "level", 4)));
          Map<String, Object> vars = new HashMap<>();
          vars.put("id", id);
          vars.put("target", target);
          return new Sample(
              "/learning?expert=" + id + "&skill=" + enc(s) + "&level=4",
              List.of(doc(learning, vars)));
        });
    pages.put(
        "teams (form a team of 4 for 3 skills, one critical; a team's bus factors)",
        r -> {
          // three distinct skills: formTeam refuses a skill asked twice
          List<String> three = new ArrayList<>();
          while (three.size() < 3) {
            String s = pick(g.skills(), r);
            if (!three.contains(s)) three.add(s);
          }
          String a = three.get(0);
          String b = three.get(1);
          String c = three.get(2);
          String team = pick(g.teams(), r);
          List<Map<String, Object>> skills =
              List.of(
                  Map.of("skill", a, "level", 3, "count", 1, "critical", true),
                  Map.of("skill", b, "level", 3, "count", 1, "critical", false),
                  Map.of("skill", c, "level", 3, "count", 1, "critical", false));
          Map<String, Object> riskVars = new HashMap<>();
          riskVars.put("teamId", team);
          riskVars.put("projectId", null);
          return new Sample(
              "/teams?skill0="
                  + enc(a)
                  + "&critical0=on&skill1="
                  + enc(b)
                  + "&skill2="
                  + enc(c)
                  + "&size=4&riskTeam="
                  + enc(team),
              List.of(
                  doc(formTeam, Map.of("input", Map.of("skills", skills, "size", 4))),
                  doc(risk, riskVars)));
        });
    if (!g.communities().isEmpty()) {
      String list = document("CommunitiesPage", "LIST");
      String one = document("CommunitiesPage", "ONE");
      pages.put(
          "communities",
          r -> {
            Map<String, Object> vars = new HashMap<>();
            vars.put("first", 10);
            vars.put("after", null);
            return new Sample("/communities", List.of(doc(list, vars)));
          });
      pages.put(
          "community",
          r -> {
            String id = pick(g.communities(), r);
            return new Sample(
                "/communities/" + id, List.of(doc(one, Map.of("id", id, "members", 11))));
          });
    }
    return pages;
  }

  /** A page's GraphQL document, read from its page class in the product jar. */
  private static String document(String pageClass, String field) throws Exception {
    var f = Class.forName("dev.talentgraph.portal." + pageClass).getDeclaredField(field);
    f.setAccessible(true);
    return (String) f.get(null);
  }

  private static Map<String, Object> doc(String query, Map<String, Object> variables) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("query", query);
    body.put("variables", variables);
    return body;
  }

  private Map<String, Object> measure(
      String page, Function<Random, Sample> samples, long seed, ProcessHandle server)
      throws Exception {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("page", page);
    for (boolean baseline : new boolean[] {false, true}) {
      String label = baseline ? "its GraphQL alone" : "page";
      log("warming up: " + page + ", " + label + " (" + warmup + " requests)");
      Random r = new Random(seed);
      for (int i = 0; i < warmup; i++) {
        Sample w = samples.apply(r);
        try {
          String error = call(w, baseline);
          if (error != null) log("  warm-up error on " + w.path() + ": " + error);
        } catch (Exception e) {
          log("  warm-up error on " + w.path() + ": " + e);
        }
      }
      log("measuring: " + page + ", " + label + " (" + requests + " requests)");
      r = new Random(seed + 1);
      long[] nanos = new long[requests];
      int errors = 0;
      String firstError = null;
      long cpu0 = BenchSupport.cpuMillis(server);
      String load = ProfileBench.loadAverage();
      for (int i = 0; i < requests; i++) {
        Sample s = samples.apply(r);
        long t = System.nanoTime();
        String error;
        try {
          error = call(s, baseline);
        } catch (Exception e) {
          error = e.toString();
        }
        nanos[i] = System.nanoTime() - t;
        if (error != null) {
          errors++;
          if (firstError == null) firstError = s.path() + ": " + error;
        }
      }
      long cpu = BenchSupport.cpuMillis(server) - cpu0;
      Arrays.sort(nanos);
      String key = baseline ? "graphql_" : "page_";
      row.put(key + "p50_ms", ms(percentile(nanos, 0.50)));
      row.put(key + "p95_ms", ms(percentile(nanos, 0.95)));
      row.put(key + "p99_ms", ms(percentile(nanos, 0.99)));
      row.put(key + "max_ms", ms(nanos[nanos.length - 1]));
      row.put(key + "errors", errors);
      row.put(key + "server_cpu_ms_per_request", round(cpu / (double) requests));
      row.put(key + "loadavg_before", load);
      if (firstError != null) log("  first error: " + firstError);
      log(
          String.format(
              Locale.ROOT,
              "  p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %d errors",
              row.get(key + "p50_ms"),
              row.get(key + "p95_ms"),
              row.get(key + "p99_ms"),
              errors));
    }
    return row;
  }

  /** One request: the page's HTML, or its documents over /graphql; null when it succeeded. */
  private String call(Sample s, boolean baseline) throws Exception {
    if (!baseline) {
      var res =
          http.send(
              HttpRequest.newBuilder(URI.create(base + s.path()))
                  .header("Accept", "text/html")
                  .timeout(Duration.ofSeconds(120))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (res.statusCode() != 200) return "HTTP " + res.statusCode();
      if (res.body().contains("class=\"problems\"")) return "the page shows a problem";
      return null;
    }
    for (Map<String, Object> d : s.documents()) {
      JsonNode r = JSON.readTree(graphQl(d, Duration.ofSeconds(120)));
      if (r.has("errors")) return r.get("errors").toString();
    }
    return null;
  }

  /** One document over /graphql with the portal's session and its CSRF header. */
  private String graphQl(Map<String, Object> document, Duration timeout) throws Exception {
    var res =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/graphql"))
                .header("Content-Type", "application/json")
                .header("X-CSRF-TOKEN", csrf)
                .timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(document)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (res.statusCode() != 200)
      throw new IllegalStateException("HTTP " + res.statusCode() + ": " + res.body());
    return res.body();
  }

  /** Logs in through the form, as a browser does: the session cookie and the CSRF token. */
  private void login(String user, String password) throws Exception {
    var form =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    String token = first(FORM_CSRF, form.body());
    String body = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(token);
    var done =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String location = done.headers().firstValue("Location").orElse("");
    if (done.statusCode() / 100 != 3 || location.contains("error"))
      throw new IllegalStateException("login failed: HTTP " + done.statusCode() + " " + location);
    var page =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/search")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    csrf = first(META_CSRF, page.body());
  }

  private int report(Path dir, List<Map<String, Object>> rows, int graphExperts) throws Exception {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("experts_in_graph", graphExperts);
    summary.put("requests_per_run", requests);
    summary.put("warmup_per_run", warmup);
    summary.put("cpus", Runtime.getRuntime().availableProcessors());
    summary.put("target", "a page's HTML and data under 300 ms at p95");
    summary.put("pages", rows);
    Files.writeString(dir.resolve("summary.json"), BenchSupport.writeJson(summary));
    StringBuilder md = new StringBuilder();
    md.append(
        "| page | page p50 ms | p95 ms | p99 ms | max ms | its GraphQL alone p50 ms | p95 ms |"
            + " p99 ms | p95 < 300 ms | errors (page/GraphQL) |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
    for (var r : rows) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s/%s |%n",
              r.get("page"),
              r.get("page_p50_ms"),
              r.get("page_p95_ms"),
              r.get("page_p99_ms"),
              r.get("page_max_ms"),
              r.get("graphql_p50_ms"),
              r.get("graphql_p95_ms"),
              r.get("graphql_p99_ms"),
              (double) r.get("page_p95_ms") < TARGET_P95_MS ? "yes" : "NO",
              r.get("page_errors"),
              r.get("graphql_errors")));
    }
    md.append(
        String.format(
            Locale.ROOT,
            "%n%d requests per page and per baseline (random inputs, seed %d) after %d warm-up"
                + " requests, one client, logged in as admin through the form; %d experts; %d CPUs;"
                + " client, server and embedded Neo4j on this machine.%n",
            requests,
            seed,
            warmup,
            graphExperts,
            Runtime.getRuntime().availableProcessors()));
    Files.writeString(dir.resolve("summary.md"), md.toString());
    System.out.println(json ? BenchSupport.writeJson(summary) : md.toString());
    log("results in " + dir);
    return rows.stream()
            .anyMatch(
                r ->
                    ((Integer) r.get("page_errors")) > 0 || ((Integer) r.get("graphql_errors")) > 0)
        ? 1
        : 0;
  }

  private static String pick(List<String> from, Random r) {
    return from.get(r.nextInt(from.size()));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String first(Pattern p, String html) {
    Matcher m = p.matcher(html);
    if (!m.find()) throw new IllegalStateException("no " + p + " in the page");
    return m.group(1);
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
