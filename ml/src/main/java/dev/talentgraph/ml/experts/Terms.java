package dev.talentgraph.ml.experts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Words of a post for BM25: lower case letters and digits, short words and stop words dropped. */
final class Terms {
  private static final Set<String> STOP =
      Set.of(
          "a", "an", "and", "are", "as", "at", "be", "but", "by", "can", "do", "does", "for",
          "from", "has", "have", "how", "i", "if", "in", "into", "is", "it", "its", "me", "my",
          "no", "not", "of", "on", "or", "so", "such", "that", "the", "their", "then", "there",
          "these", "they", "this", "to", "was", "we", "what", "when", "which", "will", "with",
          "would", "you", "your", "also", "any", "all", "one", "some", "been", "am", "our", "than",
          "other", "more", "should", "could", "about", "like", "just", "use", "using", "used",
          "get", "want", "need", "way", "know", "where", "why", "who");

  private Terms() {}

  static List<String> of(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) return out;
    String s = text.toLowerCase(Locale.ROOT);
    int i = 0;
    int n = s.length();
    while (i < n) {
      while (i < n && !Character.isLetterOrDigit(s.charAt(i))) i++;
      int start = i;
      while (i < n && Character.isLetterOrDigit(s.charAt(i))) i++;
      if (i - start >= 2) {
        String w = s.substring(start, i);
        if (!STOP.contains(w)) out.add(w);
      }
    }
    return out;
  }
}
