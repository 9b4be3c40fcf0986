package dev.talentgraph.graphql.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One golden specification file: a Markdown page of cases, each a GraphQL document and its
 * variables next to the Cypher statements (with parameters) it must send, in order. The format,
 * read and written here:
 *
 * <pre>
 * ## case title
 * prose (optional)
 * ```graphql          the document
 * ```json variables   the variables (optional)
 * ### Statement 1
 * ```cypher           a statement as sent (line breaks are layout only)
 * ```json parameters  its parameters, keys sorted
 * </pre>
 *
 * Everything before the first {@code ##} is the file's introduction and is kept as it is when the
 * file is rewritten. Comparison ignores whitespace and nothing else.
 */
final class SpecFile {
  record Case(
      String title, String prose, String document, String variables, List<Expected> statements) {}

  record Expected(String cypher, String parameters) {}

  final Path path;
  final String introduction;
  final List<Case> cases;

  private SpecFile(Path path, String introduction, List<Case> cases) {
    this.path = path;
    this.introduction = introduction;
    this.cases = cases;
  }

  static SpecFile read(Path path) {
    List<String> lines;
    try {
      lines = Files.readAllLines(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StringBuilder intro = new StringBuilder();
    List<Case> cases = new ArrayList<>();
    int i = 0;
    while (i < lines.size() && !lines.get(i).startsWith("## "))
      intro.append(lines.get(i++)).append('\n');
    while (i < lines.size()) {
      String title = lines.get(i++).substring(3).strip();
      StringBuilder prose = new StringBuilder();
      String document = null;
      String variables = null;
      List<Expected> statements = new ArrayList<>();
      String pendingCypher = null;
      while (i < lines.size() && !lines.get(i).startsWith("## ")) {
        String line = lines.get(i++);
        if (line.startsWith("```")) {
          String info = line.substring(3).strip();
          StringBuilder body = new StringBuilder();
          while (i < lines.size() && !lines.get(i).startsWith("```"))
            body.append(lines.get(i++)).append('\n');
          if (i >= lines.size())
            throw new IllegalArgumentException(path + ": unclosed block in case '" + title + "'");
          i++;
          String text = body.toString().strip();
          switch (info) {
            case "graphql" -> document = text;
            case "json variables" -> variables = text;
            case "cypher" -> {
              if (pendingCypher != null) statements.add(new Expected(pendingCypher, "{}"));
              pendingCypher = text;
            }
            case "json parameters" -> {
              if (pendingCypher == null)
                throw new IllegalArgumentException(
                    path + ": parameters without a statement in '" + title + "'");
              statements.add(new Expected(pendingCypher, text));
              pendingCypher = null;
            }
            default ->
                throw new IllegalArgumentException(
                    path + ": unknown block '" + info + "' in case '" + title + "'");
          }
        } else if (document == null && !line.startsWith("### ")) {
          prose.append(line).append('\n');
        }
      }
      if (pendingCypher != null) statements.add(new Expected(pendingCypher, "{}"));
      if (document == null)
        throw new IllegalArgumentException(path + ": case '" + title + "' has no graphql block");
      cases.add(new Case(title, prose.toString().strip(), document, variables, statements));
    }
    return new SpecFile(path, intro.toString(), cases);
  }

  /**
   * This file with the statements of each case replaced by {@code actual} (same order as {@link
   * #cases}).
   */
  String render(List<List<StatementLog.Statement>> actual) {
    StringBuilder sb = new StringBuilder(introduction.stripTrailing()).append("\n\n");
    for (int c = 0; c < cases.size(); c++) {
      Case k = cases.get(c);
      sb.append("## ").append(k.title()).append("\n\n");
      if (!k.prose().isEmpty()) sb.append(k.prose()).append("\n\n");
      sb.append("```graphql\n").append(k.document()).append("\n```\n\n");
      if (k.variables() != null)
        sb.append("```json variables\n").append(k.variables()).append("\n```\n\n");
      List<StatementLog.Statement> statements = actual.get(c);
      if (statements.isEmpty()) sb.append("No statement.\n\n");
      for (int s = 0; s < statements.size(); s++) {
        sb.append("### Statement ").append(s + 1).append("\n\n");
        sb.append("```cypher\n")
            .append(placeholders(layout(statements.get(s).cypher())))
            .append("\n```\n\n");
        sb.append("```json parameters\n")
            .append(placeholders(json(statements.get(s).parameters())))
            .append("\n```\n\n");
      }
    }
    return sb.toString().stripTrailing() + "\n";
  }

  void write(String text) {
    try {
      Files.writeString(path, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Whitespace runs as one space, none at the ends: the only normalisation of the text before
   * comparing.
   */
  static String normalise(String text) {
    return text.strip().replaceAll("\\s+", " ");
  }

  private static final java.util.regex.Pattern UUID =
      java.util.regex.Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final java.util.regex.Pattern INSTANT =
      java.util.regex.Pattern.compile(
          "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})?(\\[[^\\]]+])?");

  /**
   * What changes from run to run, as placeholders: generated ids ({@code <uuid>}) and instants such
   * as the current time ({@code <time>}). Applied to the statements sent before they are compared
   * or written.
   */
  static String placeholders(String text) {
    return INSTANT.matcher(UUID.matcher(text).replaceAll("<uuid>")).replaceAll("<time>");
  }

  /** The expected statements of a case as comparable text. */
  static List<String> comparable(List<Expected> statements) {
    return statements.stream()
        .map(e -> normalise(e.cypher()) + "\n  parameters " + normalise(e.parameters()))
        .toList();
  }

  /** Actual statements as comparable text, rendered exactly as {@link #render} writes them. */
  static List<String> comparableActual(List<StatementLog.Statement> statements) {
    return statements.stream()
        .map(
            s ->
                placeholders(normalise(s.cypher()))
                    + "\n  parameters "
                    + placeholders(normalise(json(s.parameters()))))
        .toList();
  }

  private static final List<String> CLAUSES =
      List.of(
          "OPTIONAL MATCH ",
          "MATCH ",
          "WHERE ",
          "WITH ",
          "UNWIND ",
          "CALL ",
          "RETURN ",
          "ORDER BY ",
          "UNION ",
          "MERGE ",
          "CREATE ",
          "SET ",
          "DELETE ",
          "DETACH DELETE ");

  /**
   * A statement laid out one clause per line (breaks only where a space is, outside brackets and
   * strings).
   */
  static String layout(String cypher) {
    String text = normalise(cypher);
    StringBuilder sb = new StringBuilder(text.length() + 32);
    int depth = 0;
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (quote != 0) {
        if (ch == quote && text.charAt(i - 1) != '\\') quote = 0;
      } else if (ch == '\'' || ch == '"' || ch == '`') {
        quote = ch;
      } else if (ch == '(' || ch == '[') {
        depth++;
      } else if (ch == ')' || ch == ']') {
        depth--;
      } else if (ch == ' ' && depth == 0 && startsClause(text, i + 1)) {
        sb.append('\n');
        continue;
      }
      sb.append(ch);
    }
    return sb.toString();
  }

  private static boolean startsClause(String text, int at) {
    for (String c : CLAUSES) {
      if (text.startsWith(c, at))
        return !(c.equals("MATCH ") && text.startsWith("OPTIONAL ", Math.max(0, at - 9)));
    }
    return false;
  }

  /** Parameters as JSON: keys sorted, one top-level key per line, values compact. */
  static String json(Map<String, Object> parameters) {
    if (parameters.isEmpty()) return "{}";
    StringBuilder sb = new StringBuilder("{\n");
    var sorted = new TreeMap<>(parameters);
    int n = 0;
    for (var e : sorted.entrySet()) {
      sb.append("  ").append(string(e.getKey())).append(": ");
      value(sb, e.getValue());
      sb.append(++n < sorted.size() ? ",\n" : "\n");
    }
    return sb.append('}').toString();
  }

  private static void value(StringBuilder sb, Object v) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof String s) {
      sb.append(string(s));
    } else if (v instanceof Number || v instanceof Boolean) {
      sb.append(v);
    } else if (v instanceof Map<?, ?> m) {
      sb.append('{');
      int n = 0;
      for (var e : new TreeMap<>(m).entrySet()) {
        if (n++ > 0) sb.append(", ");
        sb.append(string(String.valueOf(e.getKey()))).append(": ");
        value(sb, e.getValue());
      }
      sb.append('}');
    } else if (v instanceof Collection<?> || v instanceof Object[]) {
      Collection<?> items = v instanceof Collection<?> c ? c : Arrays.asList((Object[]) v);
      sb.append('[');
      int n = 0;
      for (Object item : items) {
        if (n++ > 0) sb.append(", ");
        value(sb, item);
      }
      sb.append(']');
    } else if (v instanceof TemporalAccessor || v instanceof Enum<?>) {
      sb.append(string(v.toString()));
    } else {
      sb.append(string(v.getClass().getSimpleName() + ":" + v));
    }
  }

  private static String string(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        default -> sb.append(ch);
      }
    }
    return sb.append('"').toString();
  }
}
