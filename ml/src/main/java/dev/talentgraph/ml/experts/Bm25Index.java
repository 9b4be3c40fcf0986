package dev.talentgraph.ml.experts;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * BM25 (Robertson and Zaragoza, "The Probabilistic Relevance Framework: BM25 and Beyond", 2009)
 * over one growing document per person, k1 = 1.2, b = 0.75.
 */
final class Bm25Index {
  static final double K1 = 1.2;
  static final double B = 0.75;

  private final Map<String, Integer> documentFrequency = new HashMap<>();
  private final Map<String, Map<String, Integer>> postings = new HashMap<>();
  private final Map<String, Integer> lengths = new HashMap<>();
  private long totalLength;

  /** Appends words to a person's document. */
  void add(String person, List<String> words) {
    lengths.putIfAbsent(person, 0);
    for (String w : words) {
      Map<String, Integer> post = postings.computeIfAbsent(w, k -> new HashMap<>());
      int tf = post.merge(person, 1, Integer::sum);
      if (tf == 1) documentFrequency.merge(w, 1, Integer::sum);
    }
    lengths.merge(person, words.size(), Integer::sum);
    totalLength += words.size();
  }

  /** The score of every person whose document shares a word with the query. */
  Map<String, Double> score(List<String> query) {
    Map<String, Double> out = new HashMap<>();
    int n = lengths.size();
    if (n == 0 || totalLength == 0) return out;
    double avg = (double) totalLength / n;
    for (String w : new HashSet<>(query)) {
      Map<String, Integer> post = postings.get(w);
      if (post == null) continue;
      int df = documentFrequency.get(w);
      double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      for (var e : post.entrySet()) {
        double tf = e.getValue();
        int len = lengths.get(e.getKey());
        double s = idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * len / avg));
        out.merge(e.getKey(), s, Double::sum);
      }
    }
    return out;
  }
}
