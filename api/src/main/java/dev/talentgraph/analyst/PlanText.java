package dev.talentgraph.analyst;

import java.util.ArrayList;
import java.util.List;

/**
 * A lexer for the {@code Details} argument of plan operators. Neo4j renders there the expression
 * the planner actually uses, after parsing: comments are gone, unicode escapes decoded, literals
 * replaced by {@code $autostring_N} parameters, names back-quoted only when they need it. So the
 * guard reads names from the planner's own rendering, never from the query text a client wrote.
 * String literals and back-quoted names are single tokens here, so nothing inside them is mistaken
 * for a call or a label.
 */
final class PlanText {
  enum Kind {
    NAME,
    STRING,
    NUMBER,
    SYMBOL
  }

  /** A token; {@code quoted} names came in back-quotes. */
  record Token(Kind kind, String text, boolean quoted) {
    boolean is(String symbol) {
      return kind == Kind.SYMBOL && text.equals(symbol);
    }
  }

  /** A call in the text: the (dotted) name in front of an opening parenthesis. */
  record Call(String name, int tokenIndex) {
    boolean namespaced() {
      return name.indexOf('.') >= 0;
    }
  }

  private PlanText() {}

  static List<Token> lex(String s) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '\'' || c == '"') {
        int j = i + 1;
        StringBuilder b = new StringBuilder();
        while (j < n && s.charAt(j) != c) {
          if (s.charAt(j) == '\\' && j + 1 < n) j++;
          b.append(s.charAt(j++));
        }
        out.add(new Token(Kind.STRING, b.toString(), false));
        i = Math.min(n, j + 1);
      } else if (c == '`') {
        int j = i + 1;
        StringBuilder b = new StringBuilder();
        while (j < n) {
          if (s.charAt(j) == '`') {
            if (j + 1 < n && s.charAt(j + 1) == '`') {
              b.append('`');
              j += 2;
              continue;
            }
            break;
          }
          b.append(s.charAt(j++));
        }
        out.add(new Token(Kind.NAME, b.toString(), true));
        i = Math.min(n, j + 1);
      } else if (Character.isDigit(c)) {
        int j = i;
        while (j < n
            && (Character.isLetterOrDigit(s.charAt(j))
                || s.charAt(j) == '_'
                || (s.charAt(j) == '.' && j + 1 < n && Character.isDigit(s.charAt(j + 1))))) j++;
        out.add(new Token(Kind.NUMBER, s.substring(i, j), false));
        i = j;
      } else if (Character.isUnicodeIdentifierStart(c) || c == '_') {
        int j = i + 1;
        while (j < n && (Character.isUnicodeIdentifierPart(s.charAt(j)) || s.charAt(j) == '_')) j++;
        out.add(new Token(Kind.NAME, s.substring(i, j), false));
        i = j;
      } else {
        out.add(new Token(Kind.SYMBOL, String.valueOf(c), false));
        i++;
      }
    }
    return out;
  }

  /**
   * Every call {@code a.b.c(}: a dotted run of names directly followed by {@code (}. Names after a
   * {@code $} are dynamic labels ({@code $all(...)}), reported by {@link #hasDynamicLabel}, not
   * here.
   */
  static List<Call> calls(List<Token> t) {
    List<Call> calls = new ArrayList<>();
    for (int i = 0; i < t.size(); i++) {
      if (t.get(i).kind() != Kind.NAME) continue;
      if (i > 0 && (t.get(i - 1).is(".") || t.get(i - 1).is("$")))
        continue; // not the start of a name
      StringBuilder name = new StringBuilder(t.get(i).text());
      int j = i + 1;
      while (j + 1 < t.size() && t.get(j).is(".") && t.get(j + 1).kind() == Kind.NAME) {
        name.append('.').append(t.get(j + 1).text());
        j += 2;
      }
      if (j < t.size() && t.get(j).is("(")) calls.add(new Call(name.toString(), i));
    }
    return calls;
  }

  /**
   * Names written where a label or relationship type goes: after {@code :}, {@code |}, {@code &} or
   * {@code !}.
   */
  static List<String> labelPositionNames(List<Token> t) {
    List<String> names = new ArrayList<>();
    for (int i = 1; i < t.size(); i++) {
      Token prev = t.get(i - 1);
      if (t.get(i).kind() == Kind.NAME
          && (prev.is(":") || prev.is("|") || prev.is("&") || prev.is("!"))) {
        if (prev.is(":") && i >= 2 && t.get(i - 2).is(":")) continue; // a type: x :: INTEGER
        if (prev.is(":")
            && i >= 3
            && t.get(i - 2).kind() == Kind.NAME
            && (t.get(i - 3).is("{") || t.get(i - 3).is(","))) continue; // a map entry {k: v}
        if (prev.is("|") && i >= 2 && !inLabelExpression(t, i - 1)) continue;
        names.add(t.get(i).text());
      }
    }
    return names;
  }

  /**
   * True when the {@code |} at this index joins labels or types ({@code :A|B}) rather than ending a
   * list comprehension's filter ({@code [x IN l WHERE p | x.name]}): a colon comes first with only
   * names and bars between.
   */
  private static boolean inLabelExpression(List<Token> t, int bar) {
    for (int j = bar - 1; j >= 0; j--) {
      Token tk = t.get(j);
      if (tk.is(":")) return true;
      if (tk.kind() == Kind.NAME || tk.is("|") || tk.is("&") || tk.is("!")) continue;
      return false;
    }
    return false;
  }

  /**
   * The node patterns {@code (variable)} or {@code (variable:Label)} of a rendered pattern, in
   * order: each as {variable, first label or null}. Only parentheses that open with a name followed
   * by {@code )} or {@code :} count, so calls and grouped expressions are left out.
   */
  static List<String[]> nodePatterns(List<Token> t) {
    List<String[]> out = new ArrayList<>();
    for (int i = 0; i + 2 < t.size(); i++) {
      if (!t.get(i).is("(") || t.get(i + 1).kind() != Kind.NAME) continue;
      if (i > 0 && t.get(i - 1).kind() == Kind.NAME) continue; // a call: f(x)
      Token after = t.get(i + 2);
      if (after.is(")")) {
        out.add(new String[] {t.get(i + 1).text(), null});
      } else if (after.is(":") && i + 3 < t.size() && t.get(i + 3).kind() == Kind.NAME) {
        boolean plain = i + 4 < t.size() && t.get(i + 4).is(")");
        out.add(new String[] {t.get(i + 1).text(), plain ? t.get(i + 3).text() : null});
      }
    }
    return out;
  }

  /**
   * {@code n:$all($x)} / {@code $any(...)}: a label or type chosen at run time, invisible to the
   * check.
   */
  static boolean hasDynamicLabel(List<Token> t) {
    for (int i = 0; i + 2 < t.size(); i++) {
      if (t.get(i).is("$") && t.get(i + 1).kind() == Kind.NAME && t.get(i + 2).is("(")) return true;
    }
    return false;
  }

  /** A relationship pattern {@code -[ ... ]-} in the text: the tokens between the brackets. */
  record RelPattern(List<Token> inside) {
    /** The plain type list ({@code :A|B}) or null when untyped or typed by a label expression. */
    List<String> plainTypes() {
      int colon = -1;
      for (int i = 0; i < inside.size(); i++) {
        if (inside.get(i).is(":")) {
          colon = i;
          break;
        }
      }
      if (colon < 0) return null;
      List<String> types = new ArrayList<>();
      int i = colon + 1;
      while (i < inside.size()) {
        Token tk = inside.get(i);
        if (tk.kind() != Kind.NAME) return null;
        types.add(tk.text());
        i++;
        if (i < inside.size() && inside.get(i).is("|")) {
          i++;
          continue;
        }
        break;
      }
      // the rest may only be a length (*, 1..3) or a WHERE-free end; anything else is an expression
      for (; i < inside.size(); i++) {
        Token tk = inside.get(i);
        if (!(tk.is("*") || tk.is(".") || tk.kind() == Kind.NUMBER)) return null;
      }
      return types.isEmpty() ? null : types;
    }
  }

  static List<RelPattern> relPatterns(List<Token> t) {
    List<RelPattern> out = new ArrayList<>();
    for (int i = 0; i + 1 < t.size(); i++) {
      if (t.get(i).is("-") && t.get(i + 1).is("[")) {
        int depth = 0;
        int j = i + 1;
        for (; j < t.size(); j++) {
          if (t.get(j).is("[")) depth++;
          else if (t.get(j).is("]") && --depth == 0) break;
        }
        out.add(new RelPattern(t.subList(i + 2, Math.min(j, t.size()))));
        i = j;
      }
    }
    return out;
  }

  /**
   * True when the text has a pattern without brackets ({@code )-->(}, {@code )<--(}, {@code )--(}).
   */
  static boolean hasBarePattern(List<Token> t) {
    for (int i = 0; i + 2 < t.size(); i++) {
      if (!t.get(i).is(")")) continue;
      if (t.get(i + 1).is("-") && t.get(i + 2).is("-")) return true;
      if (i + 3 < t.size() && t.get(i + 1).is("<") && t.get(i + 2).is("-") && t.get(i + 3).is("-"))
        return true;
    }
    return false;
  }
}
