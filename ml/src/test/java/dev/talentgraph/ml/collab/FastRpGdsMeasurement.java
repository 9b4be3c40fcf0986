package dev.talentgraph.ml.collab;

import dev.talentgraph.ml.GdsHarness;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.harness.Neo4j;

/**
 * The measurement behind ADR 0003's "Why FastRP is not GDS's": {@link FastRpEmbedding} against GDS
 * {@code gds.fastRP.stream} (fixed seed, concurrency 1) on ca-GrQc and AAN, timing the Java call,
 * an ephemeral in-process store's start, load and projection, and GDS's call, and comparing the GDS
 * vectors of two separately loaded stores. Prints lines starting with {@code MEASURE}; not run by
 * the build.
 *
 * <p>{@code java -cp <ml test classpath> dev.talentgraph.ml.collab.FastRpGdsMeasurement
 * $TALENT_DATASETS}
 */
public final class FastRpGdsMeasurement {
  private FastRpGdsMeasurement() {}

  public static void main(String[] args) {
    Path data = Path.of(args.length > 0 ? args[0] : System.getenv("TALENT_DATASETS"));
    run("ca-GrQc", EdgeList.load(data.resolve("snap/ca-GrQc.txt")).split(0.1, 1).graph());
    AanCorpus aan = AanCorpus.load(data.resolve("aan"));
    run("AAN", aan.graphUpTo(aan.lastYear()));
  }

  static void run(String name, CollabGraph g) {
    FastRpEmbedding.Settings s = new FastRpEmbedding.Settings(64, new double[] {1, 1, 0.5}, 0, 42);
    long[] hand = new long[7];
    for (int i = 0; i < hand.length; i++) {
      long t = System.nanoTime();
      FastRpEmbedding.compute(g, s);
      hand[i] = (System.nanoTime() - t) / 1_000_000;
    }
    System.out.println(
        "MEASURE "
            + name
            + " nodes="
            + g.size()
            + " edges="
            + g.edgeCount()
            + " hand ms="
            + Arrays.toString(hand));
    Map<String, List<Double>> first = gds(name, g, "first store");
    Map<String, List<Double>> second = gds(name, g, "second store");
    int same = 0, diff = 0;
    double maxDiff = 0;
    for (String id : first.keySet()) {
      List<Double> a = first.get(id), b = second.get(id);
      if (a.equals(b)) same++;
      else diff++;
      for (int j = 0; j < a.size(); j++) maxDiff = Math.max(maxDiff, Math.abs(a.get(j) - b.get(j)));
    }
    System.out.println(
        "MEASURE "
            + name
            + " gds across stores identical="
            + same
            + " different="
            + diff
            + " maxAbsDiff="
            + maxDiff);
  }

  static Map<String, List<Double>> gds(String name, CollabGraph g, String label) {
    long t0 = System.nanoTime();
    try (Neo4j neo4j = GdsHarness.start();
        Driver driver = GraphDatabase.driver(neo4j.boltURI(), AuthTokens.none());
        Session s = driver.session()) {
      long t1 = System.nanoTime();
      s.run("CREATE CONSTRAINT FOR (e:Expert) REQUIRE e.id IS UNIQUE").consume();
      List<Map<String, Object>> batch = new ArrayList<>();
      for (int u = 0; u < g.size(); u++) {
        batch.add(Map.of("id", g.id(u)));
        if (batch.size() == 10_000) {
          s.run("UNWIND $b AS r CREATE (:Expert {id: r.id})", Map.of("b", batch)).consume();
          batch.clear();
        }
      }
      s.run("UNWIND $b AS r CREATE (:Expert {id: r.id})", Map.of("b", batch)).consume();
      batch.clear();
      for (int u = 0; u < g.size(); u++) {
        for (int v : g.neighbours(u)) {
          if (v <= u) continue;
          batch.add(Map.of("a", g.id(u), "b", g.id(v)));
          if (batch.size() == 10_000) {
            s.run(
                    "UNWIND $b AS r MATCH (a:Expert {id: r.a}), (b:Expert {id: r.b}) CREATE (a)-[:COLLABORATED_WITH]->(b)",
                    Map.of("b", batch))
                .consume();
            batch.clear();
          }
        }
      }
      s.run(
              "UNWIND $b AS r MATCH (a:Expert {id: r.a}), (b:Expert {id: r.b}) CREATE (a)-[:COLLABORATED_WITH]->(b)",
              Map.of("b", batch))
          .consume();
      long t2 = System.nanoTime();
      s.run(
              "MATCH (a:Expert) OPTIONAL MATCH (a)-[:COLLABORATED_WITH]->(b:Expert) WITH gds.graph.project('m', a, b, {}, {undirectedRelationshipTypes: ['*']}) AS g RETURN g.nodeCount")
          .consume();
      long t3 = System.nanoTime();
      Map<String, List<Double>> out = new HashMap<>();
      long[] runs = new long[3];
      for (int i = 0; i < runs.length; i++) {
        long a = System.nanoTime();
        out.clear();
        s.run(
                "CALL gds.fastRP.stream('m', {embeddingDimension: 64, iterationWeights: [1.0, 1.0, 0.5], randomSeed: 42, concurrency: 1})"
                    + " YIELD nodeId, embedding RETURN gds.util.asNode(nodeId).id AS id, embedding")
            .forEachRemaining(
                r -> out.put(r.get("id").asString(), r.get("embedding").asList(v -> v.asDouble())));
        runs[i] = (System.nanoTime() - a) / 1_000_000;
      }
      s.run("CALL gds.graph.drop('m')").consume();
      System.out.println(
          "MEASURE "
              + name
              + " gds "
              + label
              + ": start ms="
              + (t1 - t0) / 1_000_000
              + " load ms="
              + (t2 - t1) / 1_000_000
              + " project ms="
              + (t3 - t2) / 1_000_000
              + " fastRP.stream ms="
              + Arrays.toString(runs));
      return out;
    }
  }
}
