package dev.talentgraph.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.talentgraph.db.EmbeddedNeo4j;
import dev.talentgraph.db.EmbeddedNeo4jSettings;
import dev.talentgraph.importers.demo.SyntheticLoader;
import dev.talentgraph.ml.GraphTrainer;
import dev.talentgraph.ml.ModelKinds;
import dev.talentgraph.ml.model.TrainerSpec;
import dev.talentgraph.ml.scoring.BatchScorer;
import dev.talentgraph.schema.MigrationRunner;
import dev.talentgraph.security.ApiTokens;
import dev.talentgraph.security.Role;
import dev.talentgraph.security.TinkFieldCipher;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code talentgraph bench scale}: how each cost grows with the graph. Per size, one synthetic
 * store ({@code import synthetic}, built once under {@code --work} and reused) and, in the same
 * run, {@code LOAD CSV ... IN TRANSACTIONS} of the same rows into a fresh store as the baseline;
 * then the store's size, {@code serve}'s start-up to healthy (with the embedded database's phases
 * from its log), p50/p99 of the read operations (one client, random people and skills), the first
 * call of each (which builds any in-memory index), the server's peak heap, and batch scoring
 * throughput. Last, the log-log slope of each figure between consecutive sizes, and {@code
 * scale.md} with an SVG plot.
 */
@Command(
    name = "scale",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Build (or reuse) one synthetic store per size and measure import, start-up and read latency;",
      "print each figure's growth exponent between sizes and write scale.md with a plot."
    })
public class ScaleBench implements Callable<Integer> {
  @Option(
      names = "--sizes",
      split = ",",
      defaultValue = "2000,20000",
      description = "Experts per store (default: ${DEFAULT-VALUE}).")
  List<Integer> sizes;

  @Option(
      names = "--work",
      defaultValue = "target/scale",
      description = "Where the stores live (default: ${DEFAULT-VALUE}).")
  Path work;

  @Option(names = "--seed", defaultValue = "42")
  long seed;

  @Option(
      names = {"-n", "--requests"},
      defaultValue = "200",
      description = "Measured requests per operation.")
  int requests;

  @Option(
      names = {"-w", "--warmup"},
      defaultValue = "50",
      description = "Warm-up requests per operation.")
  int warmup;

  @Option(
      names = "--no-baseline",
      description = "Skip the LOAD CSV baseline (it needs a second store of each size).")
  boolean noBaseline;

  @Option(names = "--no-scoring", description = "Skip training and batch scoring.")
  boolean noScoring;

  @Option(
      names = "--out",
      defaultValue = "docs/bench",
      description = "Where scale.md and scale.svg go (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--port", defaultValue = "18420")
  int port;

  @Option(names = "--bolt-port", defaultValue = "18421")
  int boltPort;

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  static final String EXPERT_PAGE =
      "query ($id: ID!) { expert(id: $id) { id name skills { level skill { id name } }"
          + " projects { id name } collaborators { id name } } }";
  static final String HAS_SKILL =
      "query ($skill: ID!) { experts(first: 20, where: {hasSkill: [{id: $skill, minLevel: 2}]})"
          + " { totalCount edges { node { id name } } } }";
  static final String WHO_KNOWS =
      "query ($skill: ID) { whoKnows(skill: $skill, first: 10) { items { expert { id name } score } } }";
  static final String COLLABORATORS =
      "query ($id: ID!) { recommendCollaborators(expertId: $id, first: 10) {"
          + " items { expert { id name } score } model } }";
  static final String TRAININGS =
      "query ($id: ID!) { recommendTrainings(expertId: $id, first: 10) { items { courseId score } ranker } }";
  static final String RANK =
      "query ($opening: ID!) { rankCandidates(openingId: $opening, first: 10) {"
          + " considered items { rank candidateId } } }";

  /** The figures of one size, in the table's order; NaN when not measured. */
  private final Map<Integer, Map<String, Double>> figures = new LinkedHashMap<>();

  private final Map<String, String> units = new LinkedHashMap<>();

  @Override
  public Integer call() throws Exception {
    Path root = Files.createDirectories(work).toAbsolutePath();
    String load = ProfileBench.loadAverage();
    for (int n : sizes) {
      Map<String, Double> f = new LinkedHashMap<>();
      figures.put(n, f);
      measureSize(n, root.resolve(Integer.toString(n)), f);
      printSize(n, f);
      // after every size, so an interrupted run of the large sizes keeps the small ones
      writeReport(load, growthTable());
    }
    System.out.println(growthTable());
    return 0;
  }

  private void put(Map<String, Double> f, String name, String unit, double value) {
    units.putIfAbsent(name, unit);
    f.put(name, value);
  }

  private void measureSize(int n, Path dir, Map<String, Double> f) throws Exception {
    Files.createDirectories(dir);
    Path store = dir.resolve("store");
    Path importFigures = dir.resolve("import.json");
    Path csvHome = dir.resolve("csv-store");
    Path csvDir = csvHome.resolve("import");
    if (!Files.exists(importFigures)) {
      log(n + ": import synthetic --experts " + n + " into " + store);
      deleteTree(store);
      Path gcLog = dir.resolve("import-gc.log");
      List<String> cmd = new ArrayList<>(BenchSupport.javaJar());
      cmd.addAll(1, List.of("-Xmx2g", "-XX:+UseParallelGC", "-Xlog:gc:file=" + gcLog));
      cmd.addAll(
          List.of(
              "import",
              "synthetic",
              "--experts",
              Integer.toString(n),
              "--seed",
              Long.toString(seed),
              "--data-dir",
              store.toString(),
              "--csv",
              csvDir.toString()));
      Path log = dir.resolve("import.log");
      long t0 = System.nanoTime();
      BenchSupport.run(cmd, Map.of(), dir, log, Duration.ofHours(3));
      double seconds = (System.nanoTime() - t0) / 1e9;
      Matcher m = Pattern.compile("([\\d,]+) rows in ([\\d.]+) s").matcher(Files.readString(log));
      if (!m.find()) throw new IllegalStateException("no summary in " + log);
      long rows = Long.parseLong(m.group(1).replace(",", ""));
      double loadSeconds = Double.parseDouble(m.group(2));
      Map<String, Object> saved = new LinkedHashMap<>();
      saved.put("rows", rows);
      saved.put("seconds", loadSeconds);
      saved.put("processSeconds", seconds);
      saved.put("peakHeapMiB", peakHeapMiB(gcLog));
      saved.put("liveHeapMiB", liveHeapMiB(gcLog));
      if (!noBaseline) {
        saved.putAll(loadCsv(csvHome, csvDir));
      }
      Files.writeString(importFigures, BenchSupport.writeJson(saved));
    } else {
      log(n + ": reusing the store in " + store + " (delete " + importFigures + " to rebuild)");
    }
    JsonNode imp = BenchSupport.readJson(importFigures);
    put(f, "import time", "s", imp.get("seconds").asDouble());
    put(f, "import rows/s", "rows/s", imp.get("rows").asDouble() / imp.get("seconds").asDouble());
    put(f, "import rows", "rows", imp.get("rows").asDouble());
    put(
        f,
        "LOAD CSV rows/s",
        "rows/s",
        imp.has("csvSeconds")
            ? imp.get("csvRows").asDouble() / imp.get("csvSeconds").asDouble()
            : Double.NaN);
    put(f, "import peak heap", "MiB", imp.get("peakHeapMiB").asDouble());
    put(f, "import live heap after GC", "MiB", imp.path("liveHeapMiB").asDouble(Double.NaN));
    put(f, "store size", "MiB", sizeMiB(store));
    serve(n, dir, store, f);
  }

  /** LOAD CSV of the same rows into a fresh store, in-process; the figures to save. */
  private Map<String, Object> loadCsv(Path home, Path csvDir) throws IOException {
    Path data = home.resolve("data");
    deleteTree(data);
    Map<String, Object> saved = new LinkedHashMap<>();
    // the page cache the import had (its --page-cache default)
    EmbeddedNeo4j db =
        EmbeddedNeo4j.start(new EmbeddedNeo4jSettings(true, home, null, 0, null, "1g", null, null));
    try (Driver driver = db.newDriver()) {
      new MigrationRunner(driver, "neo4j").migrate();
      String importDir;
      try (Session s = driver.session()) {
        importDir =
            s
                .run("CALL dbms.listConfig('server.directories.import') YIELD value RETURN value")
                .list(r -> r.get("value").asString())
                .stream()
                .findFirst()
                .orElse("");
      }
      Path from = importDir.isBlank() ? null : Path.of(importDir).toAbsolutePath();
      String statements = Files.readString(csvDir.resolve(SyntheticLoader.LOAD_CSV_FILE));
      long rows = 0;
      try (Stream<Path> files = Files.list(csvDir)) {
        for (Path p : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
          try (Stream<String> lines = Files.lines(p)) {
            rows += lines.count() - 1;
          }
        }
      }
      log("  LOAD CSV baseline: " + rows + " rows (import directory " + importDir + ")");
      long t0 = System.nanoTime();
      for (String statement : statements.split(";\n")) {
        if (statement.isBlank()) continue;
        Matcher m = Pattern.compile("'file:///([^']+)'").matcher(statement);
        if (!m.find()) continue;
        Path file = csvDir.resolve(m.group(1)).toAbsolutePath();
        String url =
            from != null && file.startsWith(from)
                ? "file:///" + from.relativize(file)
                : file.toUri().toString();
        try (Session s = driver.session()) {
          s.run(statement.replace(m.group(0), "'" + url + "'")).consume();
        } catch (org.neo4j.driver.exceptions.ClientException e) {
          if (!e.getMessage().contains("Cannot load from URL")) throw e;
          // the import directory is not where the setting said: the file's absolute URL
          try (Session s = driver.session()) {
            s.run(statement.replace(m.group(0), "'" + file.toUri() + "'")).consume();
          }
        }
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      saved.put("csvRows", rows);
      saved.put("csvSeconds", seconds);
    } finally {
      db.close();
      deleteTree(data);
    }
    return saved;
  }

  private void serve(int n, Path dir, Path store, Map<String, Double> f) throws Exception {
    String adminPassword = BenchSupport.secret("bench-");
    String boltPassword = BenchSupport.secret("bolt-");
    Path gcLog = dir.resolve("serve-gc.log");
    Files.deleteIfExists(gcLog);
    List<String> cmd = new ArrayList<>(BenchSupport.javaJar());
    cmd.addAll(1, List.of("-Xms1g", "-Xmx4g", "-XX:+UseParallelGC", "-Xlog:gc:file=" + gcLog));
    cmd.addAll(
        List.of(
            "serve",
            "--data-dir",
            store.toString(),
            "--port",
            Integer.toString(port),
            "--bolt-port",
            Integer.toString(boltPort)));
    Path log = dir.resolve("serve.log");
    log(n + ": serve " + store);
    long t0 = System.nanoTime();
    Process server =
        BenchSupport.start(
            cmd,
            Map.of("TALENT_ADMIN_PASSWORD", adminPassword, "TALENT_BOLT_PASSWORD", boltPassword),
            log,
            dir);
    try {
      BenchSupport.awaitHttp(
          "http://127.0.0.1:" + port + "/actuator/health", server, log, Duration.ofMinutes(20));
      put(f, "start-up to healthy", "s", (System.nanoTime() - t0) / 1e9);
      Matcher m =
          Pattern.compile("Embedded Neo4j started in (\\d+) ms \\(\\+(\\d+) ms registering")
              .matcher(Files.readString(log));
      boolean found = m.find();
      put(f, "  embedded Neo4j start", "s", found ? Long.parseLong(m.group(1)) / 1e3 : Double.NaN);
      put(
          f,
          "  procedure registration",
          "s",
          found ? Long.parseLong(m.group(2)) / 1e3 : Double.NaN);
      String serveLog = Files.readString(log);
      put(
          f,
          "  schema migrations",
          "s",
          millis(serveLog, "Schema migrations checked in (\\d+) ms"));
      put(f, "  active models", "s", millis(serveLog, "Active models loaded in (\\d+) ms"));
      String url = "http://127.0.0.1:" + port + "/graphql";
      try (Driver driver =
          GraphDatabase.driver(
              "bolt://127.0.0.1:" + boltPort, AuthTokens.basic("neo4j", boltPassword))) {
        String admin =
            new ApiTokens(driver, "neo4j")
                .create(
                    "bench-scale-" + System.currentTimeMillis(),
                    "admin",
                    Set.of(Role.ADMIN),
                    null,
                    Duration.ofHours(3))
                .token();
        List<String> people;
        List<String> skills;
        List<String> openings;
        try (Session s = driver.session()) {
          people =
              s.run(
                      "MATCH (e:Expert) WITH e ORDER BY rand() LIMIT 2000 RETURN e.id AS id ORDER BY id")
                  .list(r -> r.get("id").asString());
          skills =
              s.run(
                      "MATCH (k:Skill) WHERE EXISTS { (k)<-[:HAS_SKILL]-(:Expert) }"
                          + " RETURN k.id AS id ORDER BY id")
                  .list(r -> r.get("id").asString());
          openings =
              s.run(
                      "MATCH (o:JobOpening) WHERE EXISTS { (o)<-[:TO]-(:Application) }"
                          + " WITH o ORDER BY rand() LIMIT 500 RETURN o.id AS id ORDER BY id")
                  .list(r -> r.get("id").asString());
        }
        Random random = new Random(seed);
        measure(f, "expert page", random, people, id -> post(url, admin, EXPERT_PAGE, "id", id));
        measure(
            f, "experts(hasSkill)", random, skills, k -> post(url, admin, HAS_SKILL, "skill", k));
        measure(
            f,
            "talentProfile",
            random,
            people,
            id -> post(url, admin, ProfileBench.PROFILE, "id", id));
        measure(f, "whoKnows", random, skills, k -> post(url, admin, WHO_KNOWS, "skill", k));
        measure(
            f,
            "recommendCollaborators",
            random,
            people,
            id -> post(url, admin, COLLABORATORS, "id", id));
        measure(
            f, "recommendTrainings", random, people, id -> post(url, admin, TRAININGS, "id", id));
        measure(f, "rankCandidates", random, openings, o -> post(url, admin, RANK, "opening", o));
        if (!noScoring) {
          scoring(driver, store, f);
        }
      }
    } finally {
      BenchSupport.stop(server);
    }
    put(f, "server peak heap", "MiB", peakHeapMiB(gcLog));
    put(f, "server live heap after GC", "MiB", liveHeapMiB(gcLog));
  }

  /** Trains attrition and scores every current expert over the server's Bolt port. */
  private void scoring(Driver driver, Path store, Map<String, Double> f) {
    var cipher = TinkFieldCipher.resolve(null, null, store);
    LocalDate asOf = LocalDate.of(2026, 6, 30);
    log("  train attrition");
    new GraphTrainer(driver, "neo4j", cipher)
        .train(
            ModelKinds.ATTRITION,
            new GraphTrainer.Options(
                TrainerSpec.defaults(ModelKinds.ATTRITION.algorithm(), seed),
                3,
                Set.of(),
                asOf,
                true,
                0.5),
            s -> {});
    log("  batch scoring");
    long t0 = System.nanoTime();
    BatchScorer.Result r =
        new BatchScorer(driver, "neo4j", cipher)
            .score(ModelKinds.ATTRITION, asOf, Instant.now(), 5, s -> {});
    double seconds = (System.nanoTime() - t0) / 1e9;
    put(f, "batch scoring", "experts/s", r.scored() / seconds);
    put(f, "  scoring: read features", "s", r.readMillis() / 1e3);
    put(f, "  scoring: predict and explain", "s", r.scoreMillis() / 1e3);
    put(f, "  scoring: write", "s", r.writeMillis() / 1e3);
  }

  interface Call {
    JsonNode run(String arg) throws Exception;
  }

  private void measure(
      Map<String, Double> f, String label, Random random, List<String> args, Call call)
      throws Exception {
    if (args.isEmpty()) {
      put(f, label + " p50", "ms", Double.NaN);
      put(f, label + " p99", "ms", Double.NaN);
      return;
    }
    log("  measuring " + label);
    long c0 = System.nanoTime();
    check(call.run(args.get(random.nextInt(args.size()))), label);
    put(f, label + " first call", "ms", (System.nanoTime() - c0) / 1e6);
    for (int i = 0; i < warmup; i++) check(call.run(args.get(random.nextInt(args.size()))), label);
    long[] nanos = new long[requests];
    for (int i = 0; i < requests; i++) {
      String a = args.get(random.nextInt(args.size()));
      long t0 = System.nanoTime();
      JsonNode r = call.run(a);
      nanos[i] = System.nanoTime() - t0;
      check(r, label);
    }
    Arrays.sort(nanos);
    put(f, label + " p50", "ms", nanos[(int) (0.50 * (requests - 1))] / 1e6);
    put(f, label + " p99", "ms", nanos[(int) Math.ceil(0.99 * (requests - 1))] / 1e6);
  }

  private static void check(JsonNode r, String label) {
    if (r.has("errors")) throw new IllegalStateException(label + ": " + r.get("errors"));
  }

  private JsonNode post(String url, String token, String query, String name, String value)
      throws Exception {
    var req =
        HttpRequest.newBuilder(URI.create(url))
            .header("content-type", "application/json")
            .header("Authorization", "Bearer " + token)
            .timeout(Duration.ofSeconds(300))
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    JSON.writeValueAsString(
                        Map.of("query", query, "variables", Map.of(name, value)))))
            .build();
    var res = http.send(req, HttpResponse.BodyHandlers.ofString());
    if (res.statusCode() != 200)
      throw new IllegalStateException("HTTP " + res.statusCode() + ": " + res.body());
    return JSON.readTree(res.body());
  }

  /** The first group of a pattern in a log as seconds, NaN when absent. */
  private static double millis(String log, String pattern) {
    Matcher m = Pattern.compile(pattern).matcher(log);
    return m.find() ? Long.parseLong(m.group(1)) / 1e3 : Double.NaN;
  }

  /** The largest heap occupancy before a collection in a {@code -Xlog:gc} file, in MiB. */
  static double peakHeapMiB(Path gcLog) throws IOException {
    return heapMiB(gcLog, " (\\d+)([KMG])->\\d+[KMG]\\(");
  }

  /** The largest heap occupancy after a collection (the live set, bounded memory), in MiB. */
  static double liveHeapMiB(Path gcLog) throws IOException {
    return heapMiB(gcLog, " \\d+[KMG]->(\\d+)([KMG])\\(");
  }

  private static double heapMiB(Path gcLog, String pattern) throws IOException {
    if (!Files.exists(gcLog)) return Double.NaN;
    Matcher m = Pattern.compile(pattern).matcher(Files.readString(gcLog));
    double max = 0;
    while (m.find()) {
      double v = Double.parseDouble(m.group(1));
      max =
          Math.max(
              max,
              switch (m.group(2)) {
                case "K" -> v / 1024;
                case "G" -> v * 1024;
                default -> v;
              });
    }
    return max;
  }

  private static double sizeMiB(Path dir) throws IOException {
    if (!Files.exists(dir)) return Double.NaN;
    try (Stream<Path> files = Files.walk(dir)) {
      return files
              .filter(Files::isRegularFile)
              .mapToLong(
                  p -> {
                    try {
                      return Files.size(p);
                    } catch (IOException e) {
                      return 0;
                    }
                  })
              .sum()
          / 1048576.0;
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private void printSize(int n, Map<String, Double> f) {
    System.out.printf(Locale.ROOT, "bench scale: %,d experts%n", n);
    f.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-36s %12.1f %s%n", k, v, units.get(k)));
  }

  /** log(y2/y1) / log(n2/n1) of each figure between consecutive sizes. */
  static double slope(int n1, double y1, int n2, double y2) {
    if (!(y1 > 0) || !(y2 > 0)) return Double.NaN;
    return Math.log(y2 / y1) / Math.log((double) n2 / n1);
  }

  String growthTable() {
    List<Integer> ns = new ArrayList<>(figures.keySet());
    StringBuilder b = new StringBuilder();
    b.append("| figure | unit |");
    ns.forEach(n -> b.append(String.format(Locale.ROOT, " %,d |", n)));
    for (int i = 1; i < ns.size(); i++) {
      b.append(String.format(Locale.ROOT, " slope %,d→%,d |", ns.get(i - 1), ns.get(i)));
    }
    b.append("\n|---|---|");
    b.append("---:|".repeat(ns.size() + Math.max(0, ns.size() - 1)));
    b.append('\n');
    for (String name : units.keySet()) {
      b.append("| ").append(name.strip()).append(" | ").append(units.get(name)).append(" |");
      for (int n : ns) {
        b.append(' ').append(format(figures.get(n).getOrDefault(name, Double.NaN))).append(" |");
      }
      for (int i = 1; i < ns.size(); i++) {
        double s =
            slope(
                ns.get(i - 1),
                figures.get(ns.get(i - 1)).getOrDefault(name, Double.NaN),
                ns.get(i),
                figures.get(ns.get(i)).getOrDefault(name, Double.NaN));
        b.append(Double.isNaN(s) ? " – |" : String.format(Locale.ROOT, " %.2f |", s));
      }
      b.append('\n');
    }
    return b.toString();
  }

  private static String format(double v) {
    if (Double.isNaN(v)) return "–";
    if (v >= 100) return String.format(Locale.ROOT, "%,.0f", v);
    return String.format(Locale.ROOT, "%.1f", v);
  }

  private void writeReport(String loadBefore, String table) throws IOException {
    Files.createDirectories(out);
    Files.writeString(out.resolve("scale.svg"), svg(), StandardCharsets.UTF_8);
    String sizesArg = String.join(",", figures.keySet().stream().map(String::valueOf).toList());
    String md =
        "# Scale: how each cost grows with the graph\n\n"
            + "Measured by `bin/talentgraph bench scale --sizes "
            + sizesArg
            + "` ("
            + Runtime.getRuntime().availableProcessors()
            + " cores; load average "
            + loadBefore
            + " at the start and "
            + ProfileBench.loadAverage()
            + " at the end). Latencies are one client over HTTP; a slope is"
            + " log(figure ratio) / log(size ratio) between two sizes: 0 does not grow, 1 grows"
            + " linearly with the number of experts.\n\n"
            + table
            + "\n![p99 latency and import rate by size, log-log](scale.svg)\n";
    Files.writeString(out.resolve("scale.md"), md, StandardCharsets.UTF_8);
    log("wrote " + out.resolve("scale.md") + " and scale.svg");
  }

  /** The p99 of each read operation against the size, log-log, one polyline per operation. */
  String svg() {
    List<Integer> ns = new ArrayList<>(figures.keySet());
    List<String> series = units.keySet().stream().filter(k -> k.endsWith(" p99")).toList();
    int w = 720, h = 420, left = 70, right = 220, top = 20, bottom = 50;
    double minX = Math.log10(ns.stream().mapToInt(i -> i).min().orElse(1));
    double maxX = Math.log10(ns.stream().mapToInt(i -> i).max().orElse(10));
    if (maxX <= minX) maxX = minX + 1;
    double minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
    for (String s : series) {
      for (int n : ns) {
        double v = figures.get(n).getOrDefault(s, Double.NaN);
        if (v > 0) {
          minY = Math.min(minY, Math.log10(v));
          maxY = Math.max(maxY, Math.log10(v));
        }
      }
    }
    if (minY > maxY) {
      minY = 0;
      maxY = 1;
    }
    minY = Math.floor(minY);
    maxY = Math.max(Math.ceil(maxY), minY + 1);
    String[] colors = {
      "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"
    };
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n",
            w,
            h));
    b.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    int pw = w - left - right, ph = h - top - bottom;
    b.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#333\"/>%n",
            left,
            top,
            pw,
            ph));
    for (double y = minY; y <= maxY; y++) {
      double py = top + ph - (y - minY) / (maxY - minY) * ph;
      b.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                  + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s ms</text>%n",
              left,
              left + pw,
              py,
              py,
              left - 6,
              py + 4,
              format(Math.pow(10, y))));
    }
    for (int n : ns) {
      double px = left + (Math.log10(n) - minX) / (maxX - minX) * pw;
      b.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#ddd\"/>"
                  + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%,d</text>%n",
              px,
              px,
              top,
              top + ph,
              px,
              top + ph + 18,
              n));
    }
    b.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">experts (log)</text>%n",
            left + pw / 2,
            h - 10));
    for (int i = 0; i < series.size(); i++) {
      String s = series.get(i);
      String color = colors[i % colors.length];
      StringBuilder pts = new StringBuilder();
      for (int n : ns) {
        double v = figures.get(n).getOrDefault(s, Double.NaN);
        if (!(v > 0)) continue;
        double px = left + (Math.log10(n) - minX) / (maxX - minX) * pw;
        double py = top + ph - (Math.log10(v) - minY) / (maxY - minY) * ph;
        pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
        b.append(
            String.format(
                Locale.ROOT,
                "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n",
                px,
                py,
                color));
      }
      b.append(
          String.format(
              Locale.ROOT,
              "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
              pts.toString().trim(),
              color));
      b.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>%n",
              left + pw + 10,
              top + 14 + 16 * i,
              color,
              s));
    }
    b.append("</svg>\n");
    return b.toString();
  }

  private static void log(String message) {
    System.err.println("[bench scale] " + message);
  }
}
