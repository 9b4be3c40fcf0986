package dev.talentgraph.importers.io;

import dev.talentgraph.importers.ImportFailedException;
import dev.talentgraph.importers.Location;
import dev.talentgraph.importers.Problem;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV (RFC 4180: quoted fields may hold delimiters, doubled quotes and line breaks) or plain
 * delimited text (TSV without quoting) on top of {@link TextLines}, so every record knows the line
 * it starts on. A field longer than the limit is not kept: the record carries a {@link
 * Problem.Kind#FIELD_TOO_LARGE} problem and reading goes on with the next record.
 */
public final class DelimitedReader implements Closeable {
  /** Default limit of one field, in characters (the import options' default). */
  public static final int DEFAULT_MAX_FIELD_CHARS =
      dev.talentgraph.importers.ImportOptions.DEFAULT_MAX_FIELD_CHARS;

  private final TextLines lines;
  private final char delimiter;
  private final boolean quoting;
  private final int maxFieldChars;

  public DelimitedReader(TextLines lines, char delimiter, boolean quoting, int maxFieldChars) {
    this.lines = lines;
    this.delimiter = delimiter;
    this.quoting = quoting;
    this.maxFieldChars = maxFieldChars;
  }

  /**
   * Opens a file, stopping with {@link Problem.Kind#MISSING_FILE} or {@link
   * Problem.Kind#EMPTY_FILE} (no bytes at all) before anything else happens.
   */
  public static DelimitedReader open(
      Path path,
      String displayName,
      char delimiter,
      boolean quoting,
      TextLines.Decoding decoding,
      int maxFieldChars)
      throws IOException {
    requireNonEmptyFile(path, displayName);
    return new DelimitedReader(
        new TextLines(path, displayName, decoding), delimiter, quoting, maxFieldChars);
  }

  public static void requireNonEmptyFile(Path path, String displayName) throws IOException {
    if (!Files.isRegularFile(path)) {
      throw new ImportFailedException(
          Problem.of(
              Problem.Kind.MISSING_FILE,
              Location.file(displayName),
              Files.isDirectory(path) ? "is a folder, expected a file" : "file not found"));
    }
    if (Files.size(path) == 0) {
      throw new ImportFailedException(
          Problem.of(Problem.Kind.EMPTY_FILE, Location.file(displayName), "file is empty"));
    }
  }

  public String name() {
    return lines.name();
  }

  public TextLines lines() {
    return lines;
  }

  /** Reads the header row; an empty file (no header) stops the import. */
  public Header header() throws IOException {
    Row row = next();
    if (row == null || row.fields().size() == 1 && row.fields().get(0).isBlank()) {
      throw new ImportFailedException(
          Problem.of(Problem.Kind.EMPTY_FILE, Location.file(name()), "file has no header line"));
    }
    if (row.problem() != null) throw new ImportFailedException(row.problem());
    return new Header(row);
  }

  /** The next record, or null at the end; blank lines are skipped. */
  public Row next() throws IOException {
    TextLines.Line line;
    do {
      line = lines.next();
      if (line == null) return null;
    } while (line.text().isEmpty() && line.problem() == null);
    long startLine = line.number();
    Problem problem = line.problem();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean tooLarge = false;
    String tooLargeField = null;
    String text = line.text();
    int i = 0;
    boolean inQuotes = false;
    boolean fieldStart = true;
    while (true) {
      if (i >= text.length()) {
        if (inQuotes) {
          line = lines.next();
          if (line == null) {
            problem =
                first(
                    problem,
                    Problem.of(
                        Problem.Kind.BAD_SYNTAX,
                        Location.line(name(), startLine),
                        "quoted field opened on line " + startLine + " is never closed"));
            fields.add(field.toString());
            break;
          }
          if (problem == null) problem = line.problem();
          if (!tooLarge) field.append('\n');
          text = line.text();
          i = 0;
          continue;
        }
        fields.add(tooLarge ? "" : field.toString());
        break;
      }
      char c = text.charAt(i++);
      if (inQuotes) {
        if (c == '"') {
          if (i < text.length() && text.charAt(i) == '"') {
            if (!tooLarge) field.append('"');
            i++;
          } else {
            inQuotes = false;
          }
        } else if (!tooLarge) {
          field.append(c);
        }
      } else if (c == delimiter) {
        fields.add(tooLarge ? "" : field.toString());
        field.setLength(0);
        tooLarge = false;
        fieldStart = true;
        continue;
      } else if (c == '"' && quoting && fieldStart) {
        inQuotes = true;
      } else if (!tooLarge) {
        field.append(c);
      }
      fieldStart = false;
      if (!tooLarge && field.length() > maxFieldChars) {
        tooLarge = true;
        tooLargeField = "column " + (fields.size() + 1);
        field.setLength(0);
        problem =
            first(
                problem,
                Problem.of(
                    Problem.Kind.FIELD_TOO_LARGE,
                    Location.line(name(), startLine).field(tooLargeField),
                    "field is larger than " + maxFieldChars + " characters"));
      }
    }
    return new Row(name(), startLine, fields, problem);
  }

  private static Problem first(Problem a, Problem b) {
    return a != null ? a : b;
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
