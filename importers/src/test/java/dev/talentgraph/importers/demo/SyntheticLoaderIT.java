package dev.talentgraph.importers.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.MigrationRunner;
import dev.talentgraph.schema.RelTypes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/** A 300-expert synthetic graph in two units written into a real in-process Neo4j over Bolt. */
class SyntheticLoaderIT {
  static final SyntheticSettings SMALL =
      new SyntheticSettings(7, 300, 200, DemoSettings.DEFAULT_AS_OF, 500);

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
    new MigrationRunner(driver, "neo4j").migrate();
  }

  @AfterAll
  static void stop() {
    driver.close();
    neo4j.close();
  }

  @Test
  void theSameSeedGivesTheSameGraphAndUnitsSplitEvenly() {
    assertThat(SMALL.units()).isEqualTo(2);
    assertThat(SMALL.unitExperts(0) + SMALL.unitExperts(1)).isEqualTo(300);
    // each unit staffs its employees as the demo does, hired candidates becoming experts on top
    assertThat(SyntheticLoader.unit(SMALL, 1).experts()).hasSizeGreaterThanOrEqualTo(150);
    String once = SyntheticLoader.fingerprint(SMALL);
    assertThat(SyntheticLoader.fingerprint(SMALL)).isEqualTo(once);
    assertThat(
            SyntheticLoader.fingerprint(
                new SyntheticSettings(8, 300, 200, DemoSettings.DEFAULT_AS_OF, 500)))
        .isNotEqualTo(once);
    // one unit of the demo's size and seed is the demo itself
    assertThat(SyntheticLoader.unitSeed(42, 0)).isEqualTo(42);
    assertThat(SyntheticLoader.unitSeed(42, 1)).isNotEqualTo(SyntheticLoader.unitSeed(42, 2));
  }

  @Test
  void writesEveryUnitWithTheDemosDistributionsThenRefusesOrSkipsARerun(@TempDir Path csv)
      throws Exception {
    clear();
    SyntheticLoader loader = new SyntheticLoader(driver, "neo4j", new AesGcmTestCipher());
    List<Integer> progress = new ArrayList<>();
    SyntheticLoader.Summary summary =
        loader.load(SMALL, csv, false, (done, units, rows, elapsed) -> progress.add(done));
    assertThat(summary.skipped()).isFalse();
    assertThat(progress).containsExactly(1, 2);

    // every unit's demo counts, summed: the units share the skills and nothing else
    DemoData u0 = SyntheticLoader.unit(SMALL, 0);
    DemoData u1 = SyntheticLoader.unit(SMALL, 1);
    for (String label :
        List.of(
            Labels.EXPERT,
            Labels.TEAM,
            Labels.COURSE,
            Labels.PROJECT,
            Labels.PUBLICATION,
            Labels.JOB_OPENING,
            Labels.APPLICATION,
            Labels.PERFORMANCE_REVIEW)) {
      assertThat(count("MATCH (n:" + label + ") RETURN count(n)"))
          .as(label)
          .isEqualTo((long) (u0.expectedCounts().get(label) + u1.expectedCounts().get(label)));
    }
    assertThat(count("MATCH (n:" + Labels.SKILL + ") RETURN count(n)"))
        .isEqualTo((long) u0.expectedCounts().get(Labels.SKILL));
    for (String type :
        List.of(
            RelTypes.HAS_SKILL,
            RelTypes.MEMBER_OF,
            RelTypes.ENROLLED,
            RelTypes.WORKED_ON,
            RelTypes.AUTHORED,
            RelTypes.HAS_REVIEW,
            RelTypes.APPLIED)) {
      assertThat(count("MATCH ()-[r:" + type + "]->() RETURN count(r)"))
          .as(type)
          .isEqualTo((long) (u0.expectedCounts().get(type) + u1.expectedCounts().get(type)));
    }
    assertThat(
            count("MATCH (e:" + Labels.EXPERT + ") WHERE e.id STARTS WITH 'u1-' RETURN count(e)"))
        .isEqualTo((long) u1.expectedCounts().get(Labels.EXPERT));
    // the second unit's experts hold skills of the shared taxonomy and sit in their own teams
    assertThat(
            count(
                "MATCH (e:"
                    + Labels.EXPERT
                    + ")-[:"
                    + RelTypes.MEMBER_OF
                    + "]->(t:"
                    + Labels.TEAM
                    + ") WHERE e.id STARTS WITH 'u1-' AND NOT t.id STARTS WITH 'u1-' RETURN count(*)"))
        .isZero();

    // the CSV files hold the same rows but the encrypted personal data, with their LOAD CSV
    long personal =
        summary.rowsByStep().entrySet().stream()
            .filter(e -> e.getKey().startsWith(Labels.PERSONAL_DATA))
            .mapToLong(Map.Entry::getValue)
            .sum();
    assertThat(summary.csvRows()).isEqualTo(summary.rows() - personal);
    String loadCsv = Files.readString(csv.resolve(SyntheticLoader.LOAD_CSV_FILE));
    assertThat(loadCsv).contains("LOAD CSV WITH HEADERS FROM 'file:///Expert.csv'");
    assertThat(loadCsv).contains("IN TRANSACTIONS OF 5000 ROWS");
    assertThat(Files.readAllLines(csv.resolve("Expert.csv"))).hasSize(1 + 300);

    // the same settings again: nothing written; other settings: refused
    long nodes = count("MATCH (n) RETURN count(n)");
    SyntheticLoader.Summary again = loader.load(SMALL, null, false, (d, u, r, e) -> {});
    assertThat(again.skipped()).isTrue();
    assertThat(again.reason()).contains("already holds this synthetic graph");
    SyntheticLoader.Summary other =
        loader.load(
            new SyntheticSettings(8, 300, 200, DemoSettings.DEFAULT_AS_OF, 500),
            null,
            false,
            (d, u, r, e) -> {});
    assertThat(other.skipped()).isTrue();
    assertThat(other.reason()).contains("seed 7");
    assertThat(count("MATCH (n) RETURN count(n)")).isEqualTo(nodes);
  }

  @Test
  void createsTheSameGraphIntoAnEmptyStoreAsMergingAndALoadInterruptedInAUnitFinishesIt() {
    // merging: the store holds another node, so the load (forced) merges every step
    clear();
    try (Session s = driver.session()) {
      s.run("CREATE (:" + Labels.TEAM + " {id: 'elsewhere'})").consume();
    }
    SyntheticLoader loader = new SyntheticLoader(driver, "neo4j", new AesGcmTestCipher());
    assertThat(loader.load(SMALL, null, true, (d, u, r, e) -> {}).skipped()).isFalse();
    try (Session s = driver.session()) {
      s.run("MATCH (n:" + Labels.TEAM + " {id: 'elsewhere'}) DELETE n").consume();
    }
    List<String> merged = snapshot();

    // creating: an empty store
    clear();
    SyntheticLoader.Summary created = loader.load(SMALL, null, false, (d, u, r, e) -> {});
    assertThat(created.skipped()).isFalse();
    assertThat(snapshot()).hasSize(merged.size()).isEqualTo(merged);
    assertThat(created.relationshipsCreated()).isEqualTo(count("MATCH ()-[r]->() RETURN count(r)"));

    // creating, interrupted in the middle of the second unit, then run again
    clear();
    boolean[] firstUnitDone = {false};
    SyntheticLoader interrupted =
        new SyntheticLoader(
            driver,
            "neo4j",
            new AesGcmTestCipher(),
            (step, done, total) -> {
              if (firstUnitDone[0] && step.equals(Labels.APPLICATION + " (candidate)")) {
                throw new IllegalStateException("interrupted in the second unit");
              }
            });
    assertThatThrownBy(
            () ->
                interrupted.load(
                    SMALL, null, false, (done, units, rows, elapsed) -> firstUnitDone[0] = true))
        .hasMessageContaining("interrupted in the second unit");
    // the first unit, and the second's transactions before the one that failed
    assertThat(count("MATCH (d:" + Labels.DATASET + " {name: 'synthetic'}) RETURN d.unitsDone"))
        .isEqualTo(1);
    assertThat(
            count("MATCH (e:" + Labels.EXPERT + ") WHERE e.id STARTS WITH 'u1-' RETURN count(e)"))
        .isPositive();
    assertThat(count("MATCH (n:" + Labels.APPLICATION + ") RETURN count(n)"))
        .isEqualTo((long) SyntheticLoader.unit(SMALL, 0).expectedCounts().get(Labels.APPLICATION));
    List<Integer> progress = new ArrayList<>();
    SyntheticLoader.Summary resumed =
        loader.load(SMALL, null, false, (done, units, rows, elapsed) -> progress.add(done));
    assertThat(resumed.skipped()).isFalse();
    assertThat(progress).containsExactly(2);
    assertThat(snapshot()).hasSize(merged.size()).isEqualTo(merged);
    clear();
  }

  /**
   * Every node (labels and properties; personal data as its owner and field names, the ciphertexts
   * differing on every encryption) and every relationship (endpoints' ids, type and properties),
   * sorted; the loader's bookkeeping left out.
   */
  private static List<String> snapshot() {
    try (Session s = driver.session()) {
      List<String> out = new ArrayList<>();
      s.run(
              "MATCH (n) WHERE NOT any(l IN labels(n) WHERE l STARTS WITH '__') "
                  + "OPTIONAL MATCH (o)-[:"
                  + RelTypes.HAS_PERSONAL_DATA
                  + "]->(n) RETURN labels(n) AS labels, properties(n) AS props, o.id AS owner")
          .forEachRemaining(
              r -> {
                List<String> labels = new ArrayList<>(r.get("labels").asList(v -> v.asString()));
                labels.sort(null);
                Map<String, Object> props = new TreeMap<>(r.get("props").asMap());
                out.add(
                    labels
                        + (labels.contains(Labels.PERSONAL_DATA)
                            ? r.get("owner").asString() + props.keySet()
                            : props.toString()));
              });
      s.run(
              "MATCH (a)-[r]->(b) WHERE NOT b:"
                  + Labels.DATASET
                  + " RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS props")
          .forEachRemaining(
              r ->
                  out.add(
                      r.get("a").asString()
                          + "-"
                          + r.get("type").asString()
                          + "->"
                          + r.get("b").asString(null)
                          + new TreeMap<>(r.get("props").asMap())));
      out.sort(null);
      return out;
    }
  }

  /** Everything but the migrations' bookkeeping. */
  private static void clear() {
    try (Session s = driver.session()) {
      s.run("MATCH (n) WHERE NOT n:" + Labels.MIGRATION + " DETACH DELETE n").consume();
    }
  }

  private static long count(String cypher) {
    try (Session s = driver.session()) {
      return s.run(cypher).single().get(0).asLong();
    }
  }
}
