package dev.talentgraph.analyst;

/**
 * The form of a query kept in the audit log: string and number literals and comments replaced by
 * {@code ?}, so the log shows what was asked without any value a client typed (an e-mail address, a
 * salary, a pasted token). Only used for logging, never for a security decision.
 */
final class AuditText {
  static final int MAX = 800;

  private AuditText() {}

  static String redact(String query) {
    if (query == null) return null;
    StringBuilder b = new StringBuilder();
    int n = query.length();
    int i = 0;
    while (i < n && b.length() < MAX) {
      char c = query.charAt(i);
      if (c == '\'' || c == '"') {
        int j = i + 1;
        while (j < n && query.charAt(j) != c) j += query.charAt(j) == '\\' ? 2 : 1;
        b.append('?');
        i = j + 1;
      } else if (c == '/' && i + 1 < n && query.charAt(i + 1) == '/') {
        int j = query.indexOf('\n', i);
        i = j < 0 ? n : j;
      } else if (c == '/' && i + 1 < n && query.charAt(i + 1) == '*') {
        int j = query.indexOf("*/", i + 2);
        i = j < 0 ? n : j + 2;
        b.append(' ');
      } else if (c == '`') {
        int j = query.indexOf('`', i + 1);
        j = j < 0 ? n - 1 : j;
        b.append(query, i, j + 1);
        i = j + 1;
      } else if (Character.isDigit(c)
          && (i == 0 || !Character.isUnicodeIdentifierPart(query.charAt(i - 1)))) {
        int j = i;
        while (j < n
            && (Character.isLetterOrDigit(query.charAt(j))
                || query.charAt(j) == '.'
                || query.charAt(j) == '_')) j++;
        b.append('?');
        i = j;
      } else if (Character.isUnicodeIdentifierStart(c) || c == '_' || c == '$') {
        int j = i + 1;
        while (j < n && Character.isUnicodeIdentifierPart(query.charAt(j))) j++;
        b.append(query, i, j);
        i = j;
      } else {
        b.append(Character.isWhitespace(c) ? ' ' : c);
        i++;
      }
    }
    String s = b.toString().replaceAll(" {2,}", " ").strip();
    return i < n ? s + " …" : s;
  }
}
