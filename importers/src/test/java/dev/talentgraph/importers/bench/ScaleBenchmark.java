package dev.talentgraph.importers.bench;

import dev.talentgraph.importers.ImportContext;
import dev.talentgraph.importers.ImportOptions;
import dev.talentgraph.importers.ImportReport;
import dev.talentgraph.importers.ImportRunner;
import dev.talentgraph.importers.Importer;
import dev.talentgraph.importers.Location;
import dev.talentgraph.importers.RowSink;
import dev.talentgraph.importers.Statement;
import dev.talentgraph.importers.Write;
import dev.talentgraph.schema.MigrationRunner;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/**
 * Synthetic scale run: {@code experts} experts with {@code perExpert} HAS_SKILL each over a pool of
 * skills, through the same runner, batching and statements style as the real importers, into an
 * in-process Neo4j over Bolt. Prints one line of figures, including the peak heap of this JVM
 * (which holds the database as well). {@link ScaleBenchmarkIT} runs it in a JVM capped at 2 GiB.
 *
 * <p>{@code java -Xmx2g -cp <test classpath> dev.talentgraph.importers.bench.ScaleBenchmark 1000000
 * 5}
 */
public final class ScaleBenchmark {
  static final Statement SKILL =
      Statement.nodes(
          "scale-skill", "MERGE (s:Skill {id: row.id}) SET s.name = row.name, s.source = 'scale'");
  static final Statement EXPERT =
      Statement.nodes(
          "scale-expert",
          "MERGE (e:Expert {id: row.id}) SET e.name = row.name, e.source = 'scale'"
              + " WITH e, row UNWIND row.skills AS k MATCH (s:Skill {id: k.id})"
              + " MERGE (e)-[r:HAS_SKILL]->(s) SET r.level = k.level, r.source = 'scale'");

  public static void main(String[] args) throws Exception {
    int experts = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int perExpert = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int skills = 10_000;
    int batch = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
    Path home = Files.createTempDirectory("scale-neo4j");
    PeakHeap peak = new PeakHeap();
    peak.start();
    try (Neo4j neo4j =
            Neo4jBuilders.newInProcessBuilder(home)
                .withDisabledServer()
                .withConfig(BoltConnectorInternalSettings.enable_local_connector, false)
                .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .withConfig(
                    GraphDatabaseInternalSettings.netty_server_shutdown_timeout,
                    Duration.ofSeconds(1))
                .build();
        Driver driver = GraphDatabase.driver(neo4j.boltURI(), AuthTokens.none())) {
      new MigrationRunner(driver, "neo4j").migrate();
      ImportContext ctx =
          new ImportContext(driver, "neo4j", ImportOptions.defaults().withBatchSize(batch), null);
      Importer synthetic =
          new Importer() {
            @Override
            public String name() {
              return "scale";
            }

            @Override
            public String usage() {
              return "synthetic";
            }

            @Override
            public void read(Path input, ImportContext c, RowSink out) {
              for (int i = 0; i < skills; i++)
                out.derived(
                    new Write(SKILL, Map.of("id", "scale:skill/" + i, "name", "skill " + i)));
              SplittableRandom rnd = new SplittableRandom(42);
              out.expect(experts);
              for (int i = 0; i < experts; i++) {
                List<Map<String, Object>> ks = new ArrayList<>(perExpert);
                int base = rnd.nextInt(skills);
                for (int k = 0; k < perExpert; k++) {
                  ks.add(
                      Map.of(
                          "id",
                          "scale:skill/" + (base + k * 1_999) % skills,
                          "level",
                          1 + rnd.nextInt(5)));
                }
                out.accept(
                    Location.line("synthetic", i + 1),
                    new Write(
                        EXPERT,
                        Map.of("id", "scale:expert/" + i, "name", "Expert " + i, "skills", ks)));
              }
            }
          };
      long t0 = System.nanoTime();
      ImportReport r = ImportRunner.run(synthetic, home, ctx);
      double secs = (System.nanoTime() - t0) / 1e9;
      peak.stopAndCombine();
      long hasSkill;
      try (var s = driver.session()) {
        hasSkill =
            s.run("MATCH (:Expert)-[r:HAS_SKILL]->(:Skill) RETURN count(r) AS c")
                .single()
                .get("c")
                .asLong();
      }
      System.out.printf(
          Locale.ROOT,
          "SCALE experts=%d hasSkill=%d nodesCreated=%d relationshipsCreated=%d seconds=%.1f rowsPerSecond=%.0f"
              + " relsPerSecond=%.0f peakHeapMiB=%d maxHeapMiB=%d cores=%d%n",
          experts,
          hasSkill,
          r.nodesCreated(),
          r.relationshipsCreated(),
          secs,
          experts / secs,
          hasSkill / secs,
          peak.peak / (1 << 20),
          Runtime.getRuntime().maxMemory() / (1 << 20),
          Runtime.getRuntime().availableProcessors());
    }
  }

  /**
   * Highest heap use seen: the pools' own peaks plus a sampler (pool peaks miss nothing, the
   * sampler sees totals).
   */
  static final class PeakHeap extends Thread {
    volatile boolean running = true;
    volatile long peak;

    PeakHeap() {
      setDaemon(true);
      for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) p.resetPeakUsage();
    }

    @Override
    public void run() {
      while (running) {
        long used = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        peak = Math.max(peak, used);
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    void stopAndCombine() {
      running = false;
      long pools = 0;
      for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
        if (p.getType() == MemoryType.HEAP) pools += p.getPeakUsage().getUsed();
      }
      peak = Math.max(peak, Math.min(pools, Runtime.getRuntime().maxMemory()));
    }
  }
}
