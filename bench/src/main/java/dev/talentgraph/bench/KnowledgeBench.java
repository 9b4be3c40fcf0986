package dev.talentgraph.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.talentgraph.security.ApiTokens;
import dev.talentgraph.security.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.function.Function;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code talentgraph bench knowledge}: latency of {@code whoKnows} (by skill id, by free text),
 * {@code routeQuestion}, {@code recommendMentors} (for a skill, and toward the active projects'
 * gap) and {@code formTeam} (six people for three held skills, one critical) on the demo graph, one
 * client, random skills and people, beside the expert page ({@code expert(id)} with skills,
 * projects and collaborators) measured in the same run as the baseline. The demo graph has no
 * questions, so the run first posts a seeded employees' Q&amp;A through the API (each question
 * tagged with a skill's name, asked by a random expert and answered by holders of the skill); the
 * router is then built by a first request, outside the measurement.
 */
@Command(
    name = "knowledge",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Benchmark whoKnows, routeQuestion, recommendMentors and formTeam (p50/p99) beside the expert page,",
      "on a demo graph of its own, with a seeded employees' Q&A."
    })
public class KnowledgeBench implements Callable<Integer> {
  @Option(
      names = "--experts",
      defaultValue = "2000",
      description = "Demo experts (default: ${DEFAULT-VALUE}).")
  int experts;

  @Option(
      names = {"-n", "--requests"},
      defaultValue = "300",
      description = "Measured requests per run.")
  int requests;

  @Option(
      names = {"-w", "--warmup"},
      defaultValue = "100",
      description = "Warm-up requests per run.")
  int warmup;

  @Option(
      names = "--questions",
      defaultValue = "300",
      description = "Questions posted before measuring.")
  int questions;

  @Option(names = "--seed", defaultValue = "1")
  long seed;

  @Option(names = "--port", defaultValue = "18390")
  int port;

  @Option(names = "--bolt-port", defaultValue = "18391")
  int boltPort;

  @Option(names = "--work-dir", description = "Default: bench-results/knowledge-<time>.")
  Path workDir;

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  static final String WHO_KNOWS =
      "query ($skill: ID) { whoKnows(skill: $skill, first: 10) { items { expert { id name } score"
          + " evidence { kind ref text date relation credit } } } }";
  static final String WHO_KNOWS_TEXT =
      "query ($text: String) { whoKnows(text: $text, first: 10) { notes items { expert { id name } score } } }";
  static final String ROUTE =
      "query ($text: String!, $tags: [String!]) { routeQuestion(text: $text, tags: $tags, first: 10) {"
          + " model items { expert { id name } score reasons { kind text refs } } } }";
  static final String EXPERT_PAGE =
      "query ($id: ID!) { expert(id: $id) { id name skills { level skill { id name } }"
          + " projects { id name } collaborators { id name } } }";
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
  static final String POST_Q =
      "mutation ($in: PostQuestionInput!) { postQuestion(input: $in) { question { id } errors { message } } }";
  static final String POST_A =
      "mutation ($in: PostAnswerInput!) { postAnswer(input: $in) { answer { id } errors { message } } }";

  @Override
  public Integer call() throws Exception {
    Path dir = BenchSupport.workDir(workDir, "knowledge");
    String adminPassword = BenchSupport.secret("bench-");
    String boltPassword = BenchSupport.secret("bolt-");
    Process server = null;
    try {
      log(
          "starting TalentGraph (serve --demo, "
              + experts
              + " experts) in "
              + dir.resolve("store"));
      server =
          BenchSupport.startDemoServer(
              dir,
              port,
              boltPort,
              Map.of(
                  "TALENT_ADMIN_PASSWORD", adminPassword,
                  "TALENT_BOLT_PASSWORD", boltPassword,
                  "TALENT_DEMO_EXPERTS", Integer.toString(experts)),
              List.of(),
              dir.resolve("talentgraph-server.log"),
              Duration.ofMinutes(15));
      String url = "http://127.0.0.1:" + port + "/graphql";
      try (Driver driver =
          GraphDatabase.driver(
              "bolt://127.0.0.1:" + boltPort, AuthTokens.basic("neo4j", boltPassword))) {
        ApiTokens tokens = new ApiTokens(driver, "neo4j");
        String admin =
            tokens
                .create(
                    "bench-knowledge-" + System.currentTimeMillis(),
                    "admin",
                    Set.of(Role.ADMIN),
                    null,
                    Duration.ofHours(3))
                .token();
        List<Record> skills;
        List<String> people;
        try (var s = driver.session()) {
          skills =
              s.run(
                      "MATCH (k:Skill)<-[:HAS_SKILL]-(e:Expert) WITH k, collect(e.id) AS holders"
                          + " WHERE size(holders) >= 2 RETURN k.id AS id, k.name AS name, holders ORDER BY id")
                  .list();
          people =
              s.run("MATCH (e:Expert) RETURN e.id AS id ORDER BY id")
                  .list(r -> r.get("id").asString());
        }
        Random random = new Random(seed);
        Map<String, String> employeeTokens = new LinkedHashMap<>();
        Function<String, String> tokenOf =
            id ->
                employeeTokens.computeIfAbsent(
                    id,
                    k ->
                        tokens
                            .create(
                                "bench-knowledge-" + k + "-" + System.nanoTime(),
                                k,
                                Set.of(Role.EMPLOYEE),
                                k,
                                Duration.ofHours(3))
                            .token());
        log(
            "graph: "
                + people.size()
                + " experts, "
                + skills.size()
                + " skills held twice or more; posting "
                + questions
                + " questions");
        for (int i = 0; i < questions; i++) {
          Record k = skills.get(random.nextInt(skills.size()));
          String name = k.get("name").asString();
          String tag =
              name.toLowerCase(Locale.ROOT)
                  .replaceAll("[^\\p{L}\\p{N}]+", "-")
                  .replaceAll("^-|-$", "");
          if (tag.isEmpty() || tag.length() > 35) tag = "skill-" + i;
          String asker = people.get(random.nextInt(people.size()));
          JsonNode q =
              post(
                  url,
                  tokenOf.apply(asker),
                  POST_Q,
                  Map.of(
                      "in",
                      Map.of(
                          "title",
                          "Question " + i + " about " + name,
                          "body",
                          "How do I get started with " + name + " in our projects?",
                          "tags",
                          List.of(tag))));
          String qid = q.at("/data/postQuestion/question/id").asText();
          List<String> holders = k.get("holders").asList(v -> v.asString());
          for (int a = 0; a < 1 + random.nextInt(2); a++) {
            String who = holders.get(random.nextInt(holders.size()));
            if (who.equals(asker)) continue;
            post(
                url,
                tokenOf.apply(who),
                POST_A,
                Map.of(
                    "in",
                    Map.of(
                        "questionId",
                        qid,
                        "body",
                        "With " + name + " start from the team's template, answer " + i)));
          }
        }
        String employee = tokenOf.apply(people.get(0));
        log("building the router (first routeQuestion)");
        long tb = System.nanoTime();
        JsonNode first =
            post(url, employee, ROUTE, Map.of("text", "getting started", "tags", List.of()));
        log(
            String.format(
                Locale.ROOT,
                "  built in %.1f s: %s",
                (System.nanoTime() - tb) / 1e9,
                first.at("/data/routeQuestion/model").asText()));
        List<String> report = new ArrayList<>();
        Random draw = new Random(seed + 1);
        report.add(
            measure(
                "baseline: expert(id) page",
                random,
                skills,
                k ->
                    post(
                        url,
                        admin,
                        EXPERT_PAGE,
                        Map.of("id", people.get(draw.nextInt(people.size()))))));
        report.add(
            measure(
                "whoKnows(skill)",
                random,
                skills,
                k -> post(url, admin, WHO_KNOWS, Map.of("skill", k.get("id").asString()))));
        report.add(
            measure(
                "whoKnows(text)",
                random,
                skills,
                k ->
                    post(
                        url,
                        admin,
                        WHO_KNOWS_TEXT,
                        Map.of("text", "who can help with " + k.get("name").asString() + "?"))));
        report.add(
            measure(
                "routeQuestion",
                random,
                skills,
                k -> {
                  String name = k.get("name").asString();
                  return post(
                      url,
                      employee,
                      ROUTE,
                      Map.of(
                          "text",
                          "Any advice on " + name + " for a new project?",
                          "tags",
                          List.of(
                              name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-"))));
                }));
        report.add(
            measure(
                "recommendMentors(skill)",
                random,
                skills,
                k ->
                    post(
                        url,
                        admin,
                        MENTORS_FOR_SKILL,
                        Map.of(
                            "id",
                            people.get(draw.nextInt(people.size())),
                            "skill",
                            k.get("id").asString()))));
        report.add(
            measure(
                "recommendMentors(projects' gap)",
                random,
                skills,
                k ->
                    post(
                        url,
                        admin,
                        MENTORS_DEFAULT,
                        Map.of("id", people.get(draw.nextInt(people.size()))))));
        report.add(
            measure(
                "formTeam(6 people)",
                random,
                skills,
                k -> post(url, admin, FORM_TEAM, Map.of("skills", teamSkills(k, skills, draw)))));
        System.out.printf(
            Locale.ROOT,
            "bench knowledge: %d experts, %d questions posted, %d cores, one client%n",
            people.size(),
            questions,
            Runtime.getRuntime().availableProcessors());
        report.forEach(System.out::println);
      }
      return 0;
    } finally {
      BenchSupport.stop(server);
    }
  }

  /** Three distinct held skills: the drawn one critical at level 3, one at 3, one at 2 twice. */
  private static List<Map<String, Object>> teamSkills(
      Record first, List<Record> skills, Random draw) {
    java.util.LinkedHashSet<String> ids = new java.util.LinkedHashSet<>();
    ids.add(first.get("id").asString());
    while (ids.size() < 3) ids.add(skills.get(draw.nextInt(skills.size())).get("id").asString());
    List<String> picked = List.copyOf(ids);
    return List.of(
        Map.of("skill", picked.get(0), "level", 3, "critical", true),
        Map.of("skill", picked.get(1), "level", 3),
        Map.of("skill", picked.get(2), "level", 2, "count", 2));
  }

  interface Call {
    JsonNode run(Record skill) throws Exception;
  }

  private String measure(String label, Random random, List<Record> skills, Call call)
      throws Exception {
    log("measuring " + label);
    for (int i = 0; i < warmup; i++) check(call.run(skills.get(random.nextInt(skills.size()))));
    String loadBefore = ProfileBench.loadAverage();
    long[] nanos = new long[requests];
    for (int i = 0; i < requests; i++) {
      Record k = skills.get(random.nextInt(skills.size()));
      long t0 = System.nanoTime();
      JsonNode r = call.run(k);
      nanos[i] = System.nanoTime() - t0;
      check(r);
    }
    Arrays.sort(nanos);
    return String.format(
        Locale.ROOT,
        "  %-32s p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms  (%d requests; load average %s -> %s)",
        label,
        nanos[(int) (0.50 * (requests - 1))] / 1e6,
        nanos[(int) Math.ceil(0.99 * (requests - 1))] / 1e6,
        nanos[requests - 1] / 1e6,
        requests,
        loadBefore,
        ProfileBench.loadAverage());
  }

  private static void check(JsonNode r) {
    if (r.has("errors")) throw new IllegalStateException(r.get("errors").toString());
  }

  private JsonNode post(String url, String token, String query, Map<String, Object> variables)
      throws Exception {
    var req =
        HttpRequest.newBuilder(URI.create(url))
            .header("content-type", "application/json")
            .header("Authorization", "Bearer " + token)
            .timeout(Duration.ofSeconds(120))
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    JSON.writeValueAsString(Map.of("query", query, "variables", variables))))
            .build();
    var res = http.send(req, HttpResponse.BodyHandlers.ofString());
    if (res.statusCode() != 200)
      throw new IllegalStateException("HTTP " + res.statusCode() + ": " + res.body());
    return JSON.readTree(res.body());
  }

  private static void log(String message) {
    System.err.println("[bench knowledge] " + message);
  }
}
