package dev.talentgraph.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.talentgraph.GraphQlOverHttp;
import dev.talentgraph.TalentGraphApplication;
import dev.talentgraph.cli.TalentGraphCli;
import dev.talentgraph.security.ApiTokens;
import dev.talentgraph.security.Role;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import picocli.CommandLine;

/**
 * The rankers' lifecycle end to end on one store: {@code train collaborators} and {@code train
 * trainings} register both rankers, then two servers started one after the other on that store load
 * them from the registry, answer {@code recommendCollaborators} and {@code recommendTrainings}
 * identically, list both in {@code models} with their metrics and data window, and never train.
 */
@ExtendWith(OutputCaptureExtension.class)
class ModelRestartIT {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  record Answers(JsonNode collaborators, JsonNode trainings, JsonNode models, String log) {}

  @Test
  void trainedRankersAreServedFromTheRegistryAfterARestartWithoutTraining(CapturedOutput output)
      throws Exception {
    String store = dir.resolve("store").toString();
    assertThat(cli("import", "demo", "--data-dir", store, "--experts", "100", "--json")[0])
        .isEqualTo("0");
    String[] collab = cli("train", "collaborators", "--data-dir", store, "--json");
    assertThat(collab[0]).as(collab[2]).isEqualTo("0");
    JsonNode c = JSON.readTree(collab[1]);
    assertThat(c.get("model").asText()).isEqualTo("collaborator-ranker:1");
    assertThat(c.get("active").asBoolean()).isTrue();
    String[] courses = cli("train", "trainings", "--data-dir", store, "--json");
    assertThat(courses[0]).as(courses[2]).isEqualTo("0");
    assertThat(JSON.readTree(courses[1]).get("model").asText()).isEqualTo("course-ranker:1");
    assertThat(dir.toFile().list()).as("nothing but the store is written").containsExactly("store");

    int before = output.length();
    Answers first = serve(store, output, before);
    Answers second = serve(store, output, output.length());

    assertThat(first.collaborators().at("/items").size()).isPositive();
    assertThat(first.collaborators().get("method").asText()).isEqualTo("learned ranker");
    assertThat(first.collaborators().get("model").asText()).startsWith("collaborator-ranker:1 ");
    assertThat(first.trainings().at("/items").size()).isPositive();
    assertThat(first.trainings().get("ranker").asText()).startsWith("course-ranker:1: ");
    assertThat(second.collaborators()).isEqualTo(first.collaborators());
    assertThat(second.trainings()).isEqualTo(first.trainings());

    for (Answers a : List.of(first, second)) {
      List<String> ids = new ArrayList<>();
      a.models().forEach(m -> ids.add(m.get("id").asText()));
      assertThat(ids).containsExactlyInAnyOrder("collaborator-ranker:1", "course-ranker:1");
      a.models()
          .forEach(
              m -> {
                assertThat(m.get("active").asBoolean()).isTrue();
                assertThat(m.get("metrics").size()).as(m.toString()).isPositive();
                assertThat(m.get("trainedUntil").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
                assertThat(m.get("trainingRows").asLong()).isPositive();
              });
      // the servers read the rankers and trained nothing (each training entry point logs at INFO)
      assertThat(a.log())
          .contains("Collaborator recommender loaded")
          .contains("Course ranker: course-ranker:1");
      assertThat(a.log())
          .doesNotContain("training the collaborator ranker")
          .doesNotContain("training the course ranker")
          .doesNotContain("training collaborator-ranker")
          .doesNotContain("training course-ranker");
    }
    assertThat(output.toString())
        .as("the train commands did log their training")
        .contains("training the collaborator ranker")
        .contains("training the course ranker");
  }

  /** One server on the store: its answers, then shut down. */
  private static Answers serve(String store, CapturedOutput output, int logFrom) throws Exception {
    try (ConfigurableApplicationContext ctx =
        new SpringApplicationBuilder(TalentGraphApplication.class)
            .run(
                "--talent.neo4j.embedded.data-dir=" + store,
                "--talent.neo4j.embedded.bolt-port=0",
                "--server.port=0",
                "--talent.models.refresh-interval=0")) {
      String token =
          ctx.getBean(ApiTokens.class)
              .create("restart-" + System.nanoTime(), "admin", Set.of(Role.ADMIN), null, null)
              .token();
      WebTestClient web =
          WebTestClient.bindToServer()
              .baseUrl("http://localhost:" + ctx.getEnvironment().getProperty("local.server.port"))
              .responseTimeout(Duration.ofMinutes(2))
              .build();
      String expert;
      String opening;
      try (var s = ctx.getBean(Driver.class).session()) {
        var r =
            s.run(
                    """
            MATCH (j:JobOpening)-[:REQUIRES]->(k:Skill), (e:Expert)
            WHERE NOT (e)-[:HAS_SKILL]->(k) AND (e)-[:COLLABORATED_WITH]-() AND (e)-[:ENROLLED]->()
            RETURN e.id AS e, j.id AS j ORDER BY e.id, j.id LIMIT 1""")
                .single();
        expert = r.get("e").asString();
        opening = r.get("j").asString();
      }
      JsonNode collaborators =
          gql(
                  web,
                  token,
                  "{ recommendCollaborators(expertId: \""
                      + expert
                      + "\", first: 5) {"
                      + " items { expert { id } score reasons { kind text } } notes model method } }")
              .at("/data/recommendCollaborators");
      JsonNode trainings =
          gql(
                  web,
                  token,
                  "{ recommendTrainings(expertId: \""
                      + expert
                      + "\", target: {jobOpeningId: \""
                      + opening
                      + "\"}, first: 5) { items { courseId score why } ranker note } }")
              .at("/data/recommendTrainings");
      JsonNode models =
          gql(
                  web,
                  token,
                  "{ models { id kind version active metrics { name value } trainedFrom trainedUntil"
                      + " trainingRows } }")
              .at("/data/models");
      return new Answers(collaborators, trainings, models, output.toString().substring(logFrom));
    }
  }

  private static JsonNode gql(WebTestClient web, String token, String query) throws Exception {
    JsonNode r = GraphQlOverHttp.bearer(web, token, query, null);
    assertThat(r.get("errors")).as(r.toString()).isNull();
    return r;
  }

  /** Exit code, standard output and the command line's error stream of one command. */
  private static String[] cli(String... args) {
    StringWriter err = new StringWriter();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream saved = System.out;
    CommandLine cli = TalentGraphCli.commandLine();
    cli.setErr(new PrintWriter(err, true));
    int exit;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      exit = cli.execute(args);
    } finally {
      System.setOut(saved);
    }
    return new String[] {
      String.valueOf(exit), out.toString(StandardCharsets.UTF_8), err.toString()
    };
  }
}
