package dev.talentgraph.ml.collab;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Topic terms of a paper title: lower-cased words without stop words, lightly de-pluralised, plus
 * the bigrams of adjacent kept words ("machine translation", "dependency parsing"). Used when the
 * evaluation reads AAN from files; an imported graph carries its skills on HAS_SKILL instead.
 * Rarity weighting (IDF in {@link CollabGraph}) then discounts terms every title has ("using",
 * "based").
 */
final class TitleTerms {
  private TitleTerms() {}

  private static final Set<String> STOP =
      Set.of(
          "a",
          "an",
          "and",
          "are",
          "as",
          "at",
          "be",
          "by",
          "for",
          "from",
          "in",
          "into",
          "is",
          "it",
          "its",
          "of",
          "on",
          "or",
          "the",
          "to",
          "with",
          "via",
          "using",
          "use",
          "towards",
          "toward",
          "through",
          "their",
          "this",
          "that",
          "these",
          "what",
          "which",
          "how",
          "can",
          "do",
          "does",
          "we",
          "our",
          "new",
          "based",
          "approach",
          "approaches",
          "method",
          "methods",
          "study",
          "system",
          "systems",
          "some",
          "other",
          "between",
          "about",
          "over",
          "under",
          "without",
          "within",
          "not",
          "vs",
          "versus",
          "one",
          "two",
          "all",
          "more",
          "less",
          "than",
          "when",
          "where",
          "why",
          "who",
          "i",
          "ii",
          "iii");

  static List<String> of(String title) {
    List<String> words = new ArrayList<>();
    for (String raw : title.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
      if (raw.isEmpty()) {
        continue;
      }
      words.add(
          raw.length() < 3 || STOP.contains(raw) || raw.chars().allMatch(Character::isDigit)
              ? null
              : stem(raw));
    }
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      if (w == null) continue;
      out.add(w);
      if (i + 1 < words.size() && words.get(i + 1) != null) out.add(w + " " + words.get(i + 1));
    }
    return new ArrayList<>(out);
  }

  /**
   * Strips a plural "s" (parsers, grammars) but not "ss", "is" or "us" (class, analysis, corpus).
   */
  static String stem(String w) {
    if (w.length() > 4
        && w.endsWith("s")
        && !w.endsWith("ss")
        && !w.endsWith("is")
        && !w.endsWith("us")) {
      if (w.endsWith("ies")) return w.substring(0, w.length() - 3) + "y";
      return w.substring(0, w.length() - 1);
    }
    return w;
  }
}
