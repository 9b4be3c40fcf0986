package dev.talentgraph.skills;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Lucene query of a {@code SkillWhere.text} search: the words of the text (letters, digits and
 * the apostrophes inside a word), each required, with Lucene's syntax characters escaped, so what a
 * user types is only ever words to find, never query syntax (lower case, so {@code OR} and {@code
 * AND} are words too; the index lower-cases anyway).
 */
final class SkillText {
  private SkillText() {}

  private static final Pattern WORD =
      Pattern.compile("[\\p{L}\\p{N}\\p{M}]+(?:['\u2019+#][\\p{L}\\p{N}\\p{M}+#]*)*");

  /** The query, or null when the text has no word (it then matches no skill). */
  static String luceneQuery(String text) {
    List<String> terms = new ArrayList<>();
    Matcher m = WORD.matcher(text == null ? "" : text);
    while (m.find() && terms.size() < 16)
      terms.add("+" + escape(m.group().toLowerCase(Locale.ROOT)));
    return terms.isEmpty() ? null : String.join(" ", terms);
  }

  private static String escape(String word) {
    StringBuilder sb = new StringBuilder(word.length() + 4);
    for (char c : word.toCharArray()) {
      if ("+-&|!(){}[]^\"~*?:\\/'".indexOf(c) >= 0) sb.append('\\');
      sb.append(c);
    }
    return sb.toString();
  }
}
