package dev.talentgraph.ml.features;

import dev.talentgraph.schema.GraphSessions;
import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.Props;
import dev.talentgraph.schema.RelTypes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

/**
 * PageRank of every Expert in the undirected collaboration graph (Page, Brin, Motwani and Winograd,
 * "The PageRank citation ranking", Stanford 1999), computed by the Graph Data Science library
 * ({@code gds.pageRank.stream}) on a Cypher projection of the Expert-to-Expert {@code
 * COLLABORATED_WITH} relationships, read in both directions, self-loops left out. Damping 0.85, at
 * most 100 iterations, single-threaded so that a re-run gives the same numbers.
 *
 * <p>GDS gives an isolated node the teleport share and does not redistribute it; scores are scaled
 * so that their mean is 1 (size-independent), which makes them equal to the power iteration with
 * dangling mass spread uniformly (the two vectors are proportional). The projection has a unique
 * name and is dropped whatever happens, so concurrent trainings never meet each other's graphs. The
 * database must have GDS installed (the embedded one registers it).
 */
final class PageRank {
  static final double DAMPING = 0.85;
  static final int MAX_ITERATIONS = 100;
  static final double TOLERANCE = 1e-10;

  private static final String PROJECT =
      "MATCH (a:"
          + Labels.EXPERT
          + ") OPTIONAL MATCH (a)-[:"
          + RelTypes.COLLABORATED_WITH
          + "]->(b:"
          + Labels.EXPERT
          + ") WHERE b <> a"
          + " WITH gds.graph.project($graph, a, b, {}, {undirectedRelationshipTypes: ['*']}) AS g RETURN g.nodeCount AS nodes";
  private static final String STREAM =
      "CALL gds.pageRank.stream($graph, {dampingFactor: $damping, maxIterations: $iterations,"
          + " tolerance: $tolerance, concurrency: 1}) YIELD nodeId, score RETURN gds.util.asNode(nodeId)."
          + Props.ID
          + " AS id, score";
  private static final String DROP =
      "CALL gds.graph.drop($graph, false) YIELD graphName RETURN graphName";

  private PageRank() {}

  /** Expert id to PageRank, mean 1; empty when there are no experts. */
  public static Map<String, Double> compute(Driver driver, String database) {
    // Projection, algorithm and drop in one read transaction: the GDS catalog lives in the memory
    // of one server, and a cluster may send each transaction of a session to a different reader.
    Map<String, Double> out = new HashMap<>();
    List<String> projected = new ArrayList<>();
    try (Session s = driver.session(GraphSessions.read(driver, database))) {
      try {
        s.executeRead(
            tx -> {
              out.clear();
              String graph = "talentgraph-pagerank-" + UUID.randomUUID();
              projected.add(graph);
              long nodes = tx.run(PROJECT, Map.of("graph", graph)).single().get("nodes").asLong(0);
              if (nodes > 0) {
                tx.run(
                        STREAM,
                        Map.of(
                            "graph",
                            graph,
                            "damping",
                            DAMPING,
                            "iterations",
                            MAX_ITERATIONS,
                            "tolerance",
                            TOLERANCE))
                    .forEachRemaining(
                        r -> {
                          if (!r.get("id").isNull())
                            out.put(r.get("id").asString(), r.get("score").asDouble());
                        });
              }
              tx.run(DROP, Map.of("graph", graph)).consume();
              projected.remove(graph);
              return null;
            });
      } finally {
        // a failed attempt may have left its graph behind
        for (String graph : projected) {
          try {
            s.run(DROP, Map.of("graph", graph)).consume();
          } catch (RuntimeException cleanup) {
            // nothing to drop, or no GDS: the first failure is the one to report
          }
        }
      }
    }
    double sum = out.values().stream().mapToDouble(Double::doubleValue).sum();
    if (sum > 0) out.replaceAll((id, v) -> v * out.size() / sum);
    return out;
  }
}
