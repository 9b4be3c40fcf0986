package dev.talentgraph.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;

/**
 * The embedded store: data and the generated Bolt password survive a restart; a second process is
 * told what to do.
 */
class EmbeddedStoreIT {
  @TempDir Path dir;

  @Test
  void dataAndBoltPasswordSurviveARestart() {
    List<String> announced = new ArrayList<>();
    String password;
    try (var db = EmbeddedNeo4j.start(EmbeddedNeo4jSettings.of(dir, 0), Map.of(), announced::add);
        var driver = db.newDriver();
        var s = driver.session()) {
      password = db.password();
      s.run("UNWIND range(1, 25) AS i CREATE (:Expert {id: 'e' + i})").consume();
    }
    assertThat(announced).hasSize(1);
    assertThat(announced.get(0)).contains(password).contains(EmbeddedNeo4j.ENV_BOLT_PASSWORD);

    List<String> second = new ArrayList<>();
    try (var db = EmbeddedNeo4j.start(EmbeddedNeo4jSettings.of(dir, 0), Map.of(), second::add);
        var driver = GraphDatabase.driver(db.boltUri(), AuthTokens.basic("neo4j", password));
        var s = driver.session()) {
      assertThat(s.run("MATCH (e:Expert) RETURN count(e) AS n").single().get("n").asLong())
          .isEqualTo(25);
    }
    assertThat(second).as("the password is printed once, at first start only").isEmpty();
  }

  @Test
  void environmentPasswordWins() {
    try (var db = EmbeddedNeo4j.start(EmbeddedNeo4jSettings.of(dir, 0), Map.of(), m -> {})) {
      assertThat(db.password()).isNotEqualTo("from-the-environment");
    }
    try (var db =
            EmbeddedNeo4j.start(
                EmbeddedNeo4jSettings.of(dir, 0),
                Map.of(EmbeddedNeo4j.ENV_BOLT_PASSWORD, "from-the-environment"),
                m -> {});
        var driver =
            GraphDatabase.driver(db.boltUri(), AuthTokens.basic("neo4j", "from-the-environment"))) {
      driver.verifyConnectivity();
    }
    // a later start without the variable keeps the chosen password (and prints nothing)
    List<String> printed = new ArrayList<>();
    try (var db = EmbeddedNeo4j.start(EmbeddedNeo4jSettings.of(dir, 0), Map.of(), printed::add);
        var driver =
            GraphDatabase.driver(db.boltUri(), AuthTokens.basic("neo4j", "from-the-environment"))) {
      driver.verifyConnectivity();
    }
    assertThat(printed).isEmpty();
  }

  @Test
  void secondOpenerInTheSameProcessGetsStoreInUse() {
    try (var db = EmbeddedNeo4j.start(EmbeddedNeo4jSettings.of(dir, 0), Map.of(), m -> {})) {
      assertThatThrownBy(
              () -> EmbeddedNeo4j.start(EmbeddedNeo4jSettings.of(dir, 0), Map.of(), m -> {}))
          .isInstanceOf(StoreInUseException.class)
          .hasMessageContaining(dir.toAbsolutePath().normalize().toString())
          .hasMessageContaining("--uri");
    }
  }

  @Test
  void secondProcessGetsAClearErrorNotAStackTrace() throws Exception {
    try (var db = EmbeddedNeo4j.start(EmbeddedNeo4jSettings.of(dir, 0), Map.of(), m -> {})) {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process p =
          new ProcessBuilder(
                  java,
                  "-cp",
                  System.getProperty("java.class.path"),
                  "dev.talentgraph.cli.TalentGraphCli",
                  "token",
                  "list",
                  "--data-dir",
                  dir.toString())
              .redirectErrorStream(false)
              .start();
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      String err = new String(p.getErrorStream().readAllBytes());
      assertThat(p.exitValue()).as(err).isEqualTo(3);
      assertThat(err)
          .contains("error: The data directory " + dir.toAbsolutePath().normalize())
          .contains("is in use")
          .doesNotContain("\tat ");
    }
  }
}
