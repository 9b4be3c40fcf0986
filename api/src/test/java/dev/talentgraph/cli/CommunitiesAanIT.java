package dev.talentgraph.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Communities of practice on real data nobody here wrote: {@code import aan} then {@code
 * communities refresh --json} twice on a store of its own. Skips when TALENT_DATASETS has no AAN.
 */
class CommunitiesAanIT {
  @TempDir Path dir;

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = TalentGraphCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void aanAuthorsFormNamedCommunitiesWithHighModularityAndARerunReplacesThem() throws Exception {
    Path data = Path.of(System.getenv().getOrDefault("TALENT_DATASETS", "../shared/data"));
    if (!data.isAbsolute() && !Files.isDirectory(data)) data = Path.of("..").resolve(data);
    assumeTrue(
        Files.isRegularFile(data.resolve("aan/acl-metadata.txt")),
        "TALENT_DATASETS (" + data.toAbsolutePath() + ") has no aan/acl-metadata.txt: skipping");
    String store = dir.resolve("store").toString();
    Run imported = run("import", "aan", data.resolve("aan").toString(), "--data-dir", store);
    assertThat(imported.exit()).as(imported.err()).isZero();

    Run first = run("communities", "refresh", "--data-dir", store, "--json");
    assertThat(first.exit()).as(first.err()).isZero();
    JsonNode r = new ObjectMapper().readTree(first.out().strip());
    JsonNode communities = r.get("communities");
    System.out.printf(
        "AAN: %d communities, modularity %.4f, %d people, %d ties, %d ms%n",
        communities.size(),
        r.get("modularity").asDouble(),
        r.get("people").asInt(),
        r.get("ties").asInt(),
        r.get("millis").asLong());
    assertThat(communities.size()).isGreaterThan(50);
    assertThat(r.get("modularity").asDouble()).isGreaterThan(0.7);
    // the largest communities are named by skills found in their papers' titles
    long named = 0;
    for (int i = 0; i < 20; i++) {
      if (communities.get(i).get("skills").size() > 0) named++;
    }
    assertThat(named).isGreaterThanOrEqualTo(15);

    Run second = run("communities", "refresh", "--data-dir", store, "--json");
    assertThat(second.exit()).as(second.err()).isZero();
    JsonNode again = new ObjectMapper().readTree(second.out().strip());
    assertThat(again.get("communities").size()).isEqualTo(communities.size());
    assertThat(again.get("modularity").asDouble()).isEqualTo(r.get("modularity").asDouble());
    assertThat(again.at("/communities/0/name").asText())
        .isEqualTo(communities.get(0).get("name").asText());
  }
}
