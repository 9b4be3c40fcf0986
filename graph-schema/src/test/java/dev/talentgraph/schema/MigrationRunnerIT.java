package dev.talentgraph.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

class MigrationRunnerIT {
  static Neo4j neo4j;
  static Driver driver;

  @BeforeAll
  static void start() {
    neo4j =
        Neo4jBuilders.newInProcessBuilder()
            .withDisabledServer()
            .withConfig(BoltConnectorInternalSettings.enable_local_connector, false)
            .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
            .withConfig(
                GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(1))
            .build();
    driver = GraphDatabase.driver(neo4j.boltURI(), AuthTokens.none());
  }

  @AfterAll
  static void stop() {
    driver.close();
    neo4j.close();
  }

  @BeforeEach
  void clean() {
    try (var s = driver.session()) {
      s.run("MATCH (n) DETACH DELETE n").consume();
      s.run("SHOW CONSTRAINTS YIELD name")
          .list()
          .forEach(r -> s.run("DROP CONSTRAINT " + r.get("name").asString()).consume());
      s.run("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name")
          .list()
          .forEach(r -> s.run("DROP INDEX " + r.get("name").asString() + " IF EXISTS").consume());
    }
  }

  @Test
  void appliesShippedMigrationsOnceInOrderAndRecordsChecksums() {
    var runner = new MigrationRunner(driver, "neo4j");
    int first = runner.migrate();
    assertThat(first)
        .isEqualTo(MigrationRunner.classpathMigrations().size())
        .isGreaterThanOrEqualTo(5);
    assertThat(runner.migrate()).as("second start applies nothing").isZero();

    try (var s = driver.session()) {
      List<Integer> versions =
          s.run("MATCH (m:__Migration) RETURN m.version AS v ORDER BY v")
              .list(r -> r.get("v").asInt());
      assertThat(versions).startsWith(1, 2, 3, 4, 5);
      List<String> constraints =
          s.run("SHOW CONSTRAINTS YIELD name RETURN name").list(r -> r.get("name").asString());
      assertThat(constraints).contains("expert_id", "skill_id", "course_id", "project_id");
      String fulltext =
          s.run("SHOW FULLTEXT INDEXES YIELD name WHERE name = 'skill_names' RETURN name")
              .single()
              .get(0)
              .asString();
      assertThat(fulltext).isEqualTo("skill_names");
      // the full-text index covers aliases stored as a list
      s.run(
              "CREATE (:Skill {id:'s1', name:'Machine learning', aliases:['ML','statistical learning']})")
          .consume();
      s.run("CALL db.awaitIndexes(10)").consume();
      long hits =
          s.run(
                  "CALL db.index.fulltext.queryNodes('skill_names', 'statistical') YIELD node RETURN count(node) AS n")
              .single()
              .get("n")
              .asLong();
      assertThat(hits).isEqualTo(1);
    }
  }

  @Test
  void duplicateIdIsRefusedByTheConstraint() {
    new MigrationRunner(driver, "neo4j").migrate();
    try (var s = driver.session()) {
      s.run("CREATE (:Expert {id:'e1'})").consume();
      assertThatThrownBy(() -> s.run("CREATE (:Expert {id:'e1'})").consume())
          .hasMessageContaining("already exists");
    }
  }

  @Test
  void changedAppliedMigrationStopsWithAClearMessage() {
    var runner = new MigrationRunner(driver, "neo4j");
    var original =
        Migration.of(
            "V0001__demo.cypher", "CREATE INDEX demo_a IF NOT EXISTS FOR (n:Demo) ON (n.a);");
    runner.migrate(List.of(original));
    var edited =
        Migration.of(
            "V0001__demo.cypher", "CREATE INDEX demo_b IF NOT EXISTS FOR (n:Demo) ON (n.b);");
    assertThatThrownBy(() -> runner.migrate(List.of(edited)))
        .isInstanceOf(MigrationException.class)
        .hasMessageContaining("V0001__demo.cypher")
        .hasMessageContaining("was changed after it was applied")
        .hasMessageContaining("V0002__");
  }

  @Test
  void failingStatementNamesTheFileAndRecordsNothing() {
    var runner = new MigrationRunner(driver, "neo4j");
    var bad =
        Migration.of(
            "V0001__broken.cypher",
            "CREATE INDEX ok_a IF NOT EXISTS FOR (n:X) ON (n.a);\nCREATE INDEXX broken FOR (n:X) ON (n.b);");
    assertThatThrownBy(() -> runner.migrate(List.of(bad)))
        .isInstanceOf(MigrationException.class)
        .hasMessageContaining("V0001__broken.cypher");
    try (var s = driver.session()) {
      assertThat(s.run("MATCH (m:__Migration) RETURN count(m) AS n").single().get("n").asLong())
          .isZero();
    }
  }

  @Test
  void badFileNameIsRefused() {
    assertThatThrownBy(() -> Migration.of("0001-init.cypher", "RETURN 1"))
        .hasMessageContaining("0001-init.cypher");
  }

  @Test
  void indexListsEveryMigrationFile() throws IOException {
    Path dir = Path.of("src/main/resources/db/migrations");
    try (Stream<Path> files = Files.list(dir)) {
      List<String> onDisk =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".cypher"))
              .sorted()
              .collect(Collectors.toList());
      List<String> indexed =
          MigrationRunner.classpathMigrations().stream().map(Migration::fileName).sorted().toList();
      assertThat(indexed)
          .as("db/migrations/migrations.idx must list every migration file")
          .isEqualTo(onDisk);
    }
  }

  @Test
  void statementsSplitOnLineEndingSemicolonsAndSkipComments() {
    var m =
        Migration.of(
            "V0009__x.cypher", "// comment\nCREATE INDEX a\n FOR (n:A) ON (n.x);\n\nRETURN 1;\n");
    assertThat(m.statements()).containsExactly("CREATE INDEX a\nFOR (n:A) ON (n.x)", "RETURN 1");
  }
}
