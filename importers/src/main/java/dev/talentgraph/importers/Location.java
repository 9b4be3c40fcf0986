package dev.talentgraph.importers;

/**
 * Where in the input something was found: a file, a 1-based line (0 when the whole file is meant)
 * and optionally a column or field name. Rendered as {@code file:line: field} so that editors and
 * terminals can jump to it.
 */
public record Location(String file, long line, String field) {

  public static Location file(String file) {
    return new Location(file, 0, null);
  }

  public static Location line(String file, long line) {
    return new Location(file, line, null);
  }

  public Location field(String name) {
    return new Location(file, line, name);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(file);
    if (line > 0) sb.append(':').append(line);
    if (field != null) sb.append(" [").append(field).append(']');
    return sb.toString();
  }
}
