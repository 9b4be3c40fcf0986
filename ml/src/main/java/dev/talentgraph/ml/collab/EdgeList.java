package dev.talentgraph.ml.collab;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * An undirected graph with nothing but edges, in SNAP format: {@code #} comment lines, then one
 * {@code FromNodeId ToNodeId} pair per line, tab- or space-separated, each pair possibly stored in
 * both directions. Self-loops are dropped (nobody co-authors with themselves) and both directions
 * of a pair are one edge.
 */
public final class EdgeList {

  private final List<String> nodes;
  private final long[] edges; // pairKey over node positions, sorted, unique
  private final int selfLoops;

  private EdgeList(List<String> nodes, long[] edges, int selfLoops) {
    this.nodes = nodes;
    this.edges = edges;
    this.selfLoops = selfLoops;
  }

  public static EdgeList load(Path file) {
    if (!Files.isRegularFile(file)) throw new CollabDataException("edge file not found: " + file);
    Map<String, Integer> index = new LinkedHashMap<>();
    Set<Long> edges = new LinkedHashSet<>();
    int loops = 0;
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      long no = 0;
      while ((line = r.readLine()) != null) {
        no++;
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#")) continue;
        String[] f = t.split("[\\t ]+");
        if (f.length != 2) {
          throw CollabDataException.at(
              file,
              no,
              "line",
              "expected two node ids separated by a tab or space, found "
                  + f.length
                  + " fields: '"
                  + t
                  + "'");
        }
        int a = index.computeIfAbsent(f[0], k -> index.size());
        int b = index.computeIfAbsent(f[1], k -> index.size());
        if (a == b) {
          loops++;
          continue;
        }
        edges.add(CollabGraph.pairKey(a, b));
      }
    } catch (IOException e) {
      throw new CollabDataException("cannot read " + file + ": " + e.getMessage(), e);
    }
    if (edges.isEmpty())
      throw new CollabDataException(
          file + " holds no edges (only comments, blank lines or self-loops)");
    long[] sorted = edges.stream().mapToLong(Long::longValue).sorted().toArray();
    return new EdgeList(List.copyOf(index.keySet()), sorted, loops);
  }

  public int nodeCount() {
    return nodes.size();
  }

  public int edgeCount() {
    return edges.length;
  }

  public int selfLoopsDropped() {
    return selfLoops;
  }

  /** A seeded split: {@code round(fraction * edges)} held-out edges, the rest as the graph. */
  public Split split(double testFraction, long seed) {
    if (!(testFraction > 0 && testFraction < 1)) {
      throw new CollabDataException("test fraction must be in (0, 1), was " + testFraction);
    }
    long[] shuffled = edges.clone();
    shuffle(shuffled, new SplittableRandom(seed));
    int test = (int) Math.round(testFraction * shuffled.length);
    if (test == 0 || test == shuffled.length) {
      throw new CollabDataException(
          "test fraction "
              + testFraction
              + " of "
              + shuffled.length
              + " edges leaves no positives or no graph");
    }
    long[] held = Arrays.copyOfRange(shuffled, 0, test);
    long[] rest = Arrays.copyOfRange(shuffled, test, shuffled.length);
    return new Split(this, rest, held);
  }

  /**
   * Fisher-Yates with the caller's seeded generator: the same seed draws the same pairs in every
   * caller.
   */
  public static void shuffle(long[] a, SplittableRandom rnd) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      long t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  /** Graph edges and held-out edges, both as pair keys over the file's node positions. */
  public record Split(EdgeList source, long[] graphEdges, long[] heldOut) {

    /**
     * The graph of {@code graphEdges}; every node of the file is an expert (some without edges).
     */
    public CollabGraph graph() {
      return source.graphOf(graphEdges);
    }

    /**
     * Held-out edges as pair keys of {@code g}'s indices (identical: the graph keeps file order).
     */
    public long[] positives() {
      long[] p = heldOut.clone();
      Arrays.sort(p);
      return p;
    }
  }

  CollabGraph graphOf(long[] keys) {
    CollabGraph.Builder b = CollabGraph.builder();
    for (String n : nodes) b.expert(n, n);
    for (long k : keys)
      b.collaboration(
          CollabGraph.pairFirst(k),
          CollabGraph.pairSecond(k),
          1,
          CollabGraph.UNKNOWN_YEAR,
          CollabGraph.UNKNOWN_YEAR);
    return b.build(CollabGraph.UNKNOWN_YEAR);
  }

  List<String> nodes() {
    return new ArrayList<>(nodes);
  }
}
