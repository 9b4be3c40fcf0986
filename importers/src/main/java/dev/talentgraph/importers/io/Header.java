package dev.talentgraph.importers.io;

import dev.talentgraph.importers.ImportFailedException;
import dev.talentgraph.importers.Location;
import dev.talentgraph.importers.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The header line of a delimited file: column names to positions, with checks that name the file.
 */
public final class Header {
  private final String file;
  private final List<String> names;
  private final Map<String, Integer> index = new HashMap<>();

  public Header(Row row) {
    this.file = row.file();
    this.names = List.copyOf(row.fields().stream().map(String::strip).toList());
    for (int i = 0; i < names.size(); i++) index.putIfAbsent(names.get(i), i);
  }

  public List<String> names() {
    return names;
  }

  public int size() {
    return names.size();
  }

  public boolean has(String column) {
    return index.containsKey(column);
  }

  /**
   * The position of a column; the import stops with a message naming the file when it is absent.
   */
  public int require(String column) {
    Integer i = index.get(column);
    if (i == null) {
      throw new ImportFailedException(
          Problem.of(
              Problem.Kind.HEADER_MISMATCH,
              Location.line(file, 1).field(column),
              "header has no column '" + column + "'; found " + names));
    }
    return i;
  }

  /** Checks that all columns are present; the message lists every missing one. */
  public void requireAll(List<String> columns) {
    List<String> missing = new ArrayList<>();
    for (String c : columns) if (!index.containsKey(c)) missing.add(c);
    if (!missing.isEmpty()) {
      throw new ImportFailedException(
          Problem.of(
              Problem.Kind.HEADER_MISMATCH,
              Location.line(file, 1),
              "header does not match: missing column"
                  + (missing.size() > 1 ? "s " : " ")
                  + missing
                  + "; found "
                  + names));
    }
  }

  public String get(Row row, String column) {
    return row.get(require(column));
  }
}
