package dev.talentgraph.importers.skills;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into word tokens for dictionary matching: runs of letters and digits, with trailing
 * {@code +} or {@code #} kept ({@code C++}, {@code C#}); everything else separates. Each token
 * keeps its character span in the original text and its folded form (lower case, accents removed),
 * which makes matching case, punctuation and accent insensitive while spans still point at the
 * original.
 */
public final class Tokens {
  private Tokens() {}

  /**
   * A token: folded form, the original characters, the span [start, end) in the text, and whether a
   * hard separator (comma, semicolon, colon, line break, bullet, sentence end) stands before it,
   * which no multi-word match may cross.
   */
  public record Token(String folded, String raw, int start, int end, boolean breakBefore) {
    public Token(String folded, String raw, int start, int end) {
      this(folded, raw, start, end, false);
    }
  }

  private static boolean hard(String text, int from, int to) {
    for (int k = from; k < to; k++) {
      char c = text.charAt(k);
      switch (c) {
        case ',',
            ';',
            ':',
            '\n',
            '\r',
            '|',
            '\u2022',
            '\u25CF',
            '\u25AA',
            '\u27A2',
            '\u2756',
            '\u2666',
            '!',
            '?',
            '(',
            ')',
            '[',
            ']' -> {
          return true;
        }
        case '.' -> {
          if (k + 1 < to && Character.isWhitespace(text.charAt(k + 1))) return true;
        }
        default -> {}
      }
    }
    return false;
  }

  public static List<Token> of(String text) {
    List<Token> out = new ArrayList<>();
    int n = text.length();
    int i = 0;
    int prevEnd = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        i++;
        continue;
      }
      int start = i;
      boolean plain = true;
      while (i < n
          && (Character.isLetterOrDigit(text.charAt(i))
              || Character.getType(text.charAt(i)) == Character.NON_SPACING_MARK)) {
        if (text.charAt(i) > 0x7F) plain = false;
        i++;
      }
      while (i < n && (text.charAt(i) == '+' || text.charAt(i) == '#') && i - start < 64) i++;
      String raw = text.substring(start, i);
      out.add(
          new Token(fold(raw, plain), raw, start, i, !out.isEmpty() && hard(text, prevEnd, start)));
      prevEnd = i;
    }
    return out;
  }

  /** The folded forms only. */
  public static List<String> folded(String text) {
    List<Token> ts = of(text);
    List<String> out = new ArrayList<>(ts.size());
    for (Token t : ts) out.add(t.folded());
    return out;
  }

  /** The folded tokens joined by single spaces: the normal form under which labels are compared. */
  public static String normal(String text) {
    return String.join(" ", folded(text));
  }

  static String fold(String raw, boolean plain) {
    if (plain) return raw.toLowerCase(java.util.Locale.ROOT);
    String d = Normalizer.normalize(raw, Normalizer.Form.NFD);
    StringBuilder sb = new StringBuilder(d.length());
    for (int k = 0; k < d.length(); k++) {
      char ch = d.charAt(k);
      if (Character.getType(ch) != Character.NON_SPACING_MARK) sb.append(ch);
    }
    return sb.toString().toLowerCase(java.util.Locale.ROOT);
  }
}
