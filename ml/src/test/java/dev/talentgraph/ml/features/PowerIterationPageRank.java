package dev.talentgraph.ml.features;

import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.Props;
import dev.talentgraph.schema.RelTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;

/**
 * The reference PageRank the GDS call is checked against: power iteration over the undirected
 * Expert collaboration edges read with Cypher, damping 0.85, dangling mass spread uniformly, until
 * the L1 change is below 1e-9 or 100 iterations, scaled to mean 1.
 */
final class PowerIterationPageRank {
  private PowerIterationPageRank() {}

  static Map<String, Double> compute(Driver driver, String database) {
    Map<String, Integer> index = new HashMap<>();
    List<String> ids = new ArrayList<>();
    List<int[]> edges = new ArrayList<>();
    try (Session s = driver.session(SessionConfig.forDatabase(database))) {
      s.executeRead(
          tx -> {
            tx.run("MATCH (e:" + Labels.EXPERT + ") RETURN e." + Props.ID + " AS id")
                .forEachRemaining(
                    r -> {
                      index.put(r.get("id").asString(), ids.size());
                      ids.add(r.get("id").asString());
                    });
            tx.run(
                    "MATCH (a:"
                        + Labels.EXPERT
                        + ")-[:"
                        + RelTypes.COLLABORATED_WITH
                        + "]->(b:"
                        + Labels.EXPERT
                        + ") RETURN a."
                        + Props.ID
                        + " AS a, b."
                        + Props.ID
                        + " AS b")
                .forEachRemaining(
                    r -> {
                      Integer a = index.get(r.get("a").asString()),
                          b = index.get(r.get("b").asString());
                      if (a != null && b != null && !a.equals(b)) edges.add(new int[] {a, b});
                    });
            return null;
          });
    }
    double[] rank = compute(ids.size(), edges, 0.85, 100, 1e-9);
    Map<String, Double> out = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) out.put(ids.get(i), rank[i] * ids.size());
    return out;
  }

  /** PageRank over n nodes and undirected edges; sums to 1. Dangling mass is spread uniformly. */
  static double[] compute(int n, List<int[]> edges, double damping, int maxIter, double tol) {
    if (n == 0) return new double[0];
    int[] deg = new int[n];
    for (int[] e : edges) {
      deg[e[0]]++;
      deg[e[1]]++;
    }
    double[] r = new double[n];
    Arrays.fill(r, 1.0 / n);
    for (int it = 0; it < maxIter; it++) {
      double[] next = new double[n];
      double dangling = 0;
      for (int i = 0; i < n; i++) if (deg[i] == 0) dangling += r[i];
      for (int[] e : edges) {
        next[e[1]] += damping * r[e[0]] / deg[e[0]];
        next[e[0]] += damping * r[e[1]] / deg[e[1]];
      }
      double base = (1 - damping) / n + damping * dangling / n;
      double diff = 0;
      for (int i = 0; i < n; i++) {
        next[i] += base;
        diff += Math.abs(next[i] - r[i]);
      }
      r = next;
      if (diff < tol) break;
    }
    return r;
  }
}
