package dev.talentgraph.ml.tabular;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A CSV file read whole into memory with its header and the line number of every row, so that any
 * later complaint can name file, line and column. A byte-order mark is dropped; blank lines are
 * skipped; a row with a different number of fields than the header is an error.
 */
public final class CsvTable {
  private final Path file;
  private final List<String> header;
  private final List<String[]> rows;
  private final long[] lines;

  private CsvTable(Path file, List<String> header, List<String[]> rows, long[] lines) {
    this.file = file;
    this.header = header;
    this.rows = rows;
    this.lines = lines;
  }

  /** Reads and checks the file. */
  public static CsvTable read(Path file) {
    if (!Files.isRegularFile(file)) throw new TabularInputException(file + ": no such file");
    List<String> header = null;
    List<String[]> rows = new ArrayList<>();
    List<Long> lines = new ArrayList<>();
    try (CsvReader<CsvRecord> reader =
        CsvReader.builder()
            .skipEmptyLines(true)
            .ignoreDifferentFieldCount(true)
            .ofCsvRecord(file, StandardCharsets.UTF_8)) {
      for (CsvRecord rec : reader) {
        if (header == null) {
          header = new ArrayList<>(rec.getFields());
          if (!header.isEmpty() && header.get(0).startsWith("\uFEFF"))
            header.set(0, header.get(0).substring(1));
          Set<String> seen = new HashSet<>();
          for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).trim();
            header.set(i, h);
            if (h.isEmpty())
              throw new TabularInputException(
                  file
                      + ":"
                      + rec.getStartingLineNumber()
                      + ": column "
                      + (i + 1)
                      + " has no name");
            if (!seen.add(h))
              throw new TabularInputException(
                  file + ":" + rec.getStartingLineNumber() + ": column '" + h + "' appears twice");
          }
          continue;
        }
        if (rec.getFieldCount() == 1 && rec.getField(0).isBlank()) continue;
        if (rec.getFieldCount() != header.size()) {
          throw new TabularInputException(
              file
                  + ":"
                  + rec.getStartingLineNumber()
                  + ": "
                  + rec.getFieldCount()
                  + " fields but the header has "
                  + header.size());
        }
        rows.add(rec.getFields().toArray(String[]::new));
        lines.add(rec.getStartingLineNumber());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
    if (header == null) throw new TabularInputException(file + ": the file is empty (no header)");
    if (rows.isEmpty()) throw new TabularInputException(file + ": no data rows after the header");
    return new CsvTable(
        file, List.copyOf(header), rows, lines.stream().mapToLong(Long::longValue).toArray());
  }

  public Path file() {
    return file;
  }

  public List<String> header() {
    return header;
  }

  public int size() {
    return rows.size();
  }

  public String value(int row, int column) {
    return rows.get(row)[column];
  }

  /** Line number of a data row in the file (1-based, the header is line 1). */
  public long line(int row) {
    return lines[row];
  }

  /** Index of a column, or a clear error listing the columns there are. */
  public int column(String name) {
    int i = header.indexOf(name);
    if (i < 0) {
      throw new TabularInputException(
          file + ": no column '" + name + "'; the columns are " + String.join(", ", header));
    }
    return i;
  }
}
