package dev.talentgraph.importers.skills;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Aho-Corasick automaton over token ids rather than characters (Aho and Corasick, "Efficient string
 * matching: an aid to bibliographic search", CACM 18(6), 1975). Working on tokens gives word
 * boundaries for free and keeps the scan linear in the number of tokens: each token follows at most
 * one goto edge plus amortised failure links.
 */
final class TokenTrie {
  private final Map<Long, Integer> edges = new HashMap<>();
  private int[] fail = new int[16];

  /**
   * Pattern ids ending at a node, directly (its own) - outputs via suffix links are in {@link
   * #out}.
   */
  private int[][] own = new int[16][];

  private int[] depth = new int[16];
  private int[] out = new int[16];
  private int nodes = 1;
  private boolean built;

  private static long key(int node, int token) {
    return ((long) node << 32) | (token & 0xffffffffL);
  }

  void add(int[] tokens, int patternId) {
    if (built) throw new IllegalStateException("trie already built");
    int node = 0;
    for (int t : tokens) {
      Integer next = edges.get(key(node, t));
      if (next == null) {
        next = nodes++;
        grow(nodes);
        depth[next] = depth[node] + 1;
        edges.put(key(node, t), next);
      }
      node = next;
    }
    int[] o = own[node];
    own[node] = o == null ? new int[] {patternId} : append(o, patternId);
  }

  private static int[] append(int[] a, int v) {
    int[] b = Arrays.copyOf(a, a.length + 1);
    b[a.length] = v;
    return b;
  }

  private void grow(int n) {
    if (n <= fail.length) return;
    int cap = Math.max(n, fail.length * 2);
    fail = Arrays.copyOf(fail, cap);
    own = Arrays.copyOf(own, cap);
    depth = Arrays.copyOf(depth, cap);
    out = Arrays.copyOf(out, cap);
  }

  /** Computes failure links and output links breadth first. */
  void build() {
    Map<Integer, List<long[]>> children = new HashMap<>();
    for (var e : edges.entrySet()) {
      int parent = (int) (e.getKey() >>> 32);
      int token = (int) (long) e.getKey();
      children
          .computeIfAbsent(parent, k -> new ArrayList<>())
          .add(new long[] {token, e.getValue()});
    }
    Arrays.fill(out, 0, nodes, -1);
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (long[] c : children.getOrDefault(0, List.of())) {
      fail[(int) c[1]] = 0;
      queue.add((int) c[1]);
    }
    while (!queue.isEmpty()) {
      int node = queue.poll();
      int f = fail[node];
      out[node] = own[f] != null ? f : out[f];
      for (long[] c : children.getOrDefault(node, List.of())) {
        int token = (int) c[0];
        int child = (int) c[1];
        int g = fail[node];
        Integer next;
        while ((next = edges.get(key(g, token))) == null && g != 0) g = fail[g];
        next = edges.get(key(g, token));
        fail[child] = next != null && next != child ? next : 0;
        queue.add(child);
      }
    }
    built = true;
  }

  /**
   * Callback for each match: pattern id and the index of the last token (inclusive) and pattern
   * length.
   */
  interface Hit {
    void match(int patternId, int endToken, int length);
  }

  /**
   * Scans token ids (-1 for tokens not in any pattern); no match crosses a token with {@code
   * breaks[i]}.
   */
  void scan(int[] tokens, boolean[] breaks, Hit hit) {
    int node = 0;
    for (int i = 0; i < tokens.length; i++) {
      int t = tokens[i];
      if (breaks != null && breaks[i]) node = 0;
      if (t < 0) {
        node = 0;
        continue;
      }
      Integer next;
      while ((next = edges.get(key(node, t))) == null && node != 0) node = fail[node];
      node = next == null ? 0 : next;
      for (int k = node; k > 0; k = out[k]) {
        if (own[k] != null) for (int p : own[k]) hit.match(p, i, depth[k]);
        if (out[k] < 0) break;
      }
    }
  }

  int size() {
    return nodes;
  }
}
