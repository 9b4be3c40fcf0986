package dev.talentgraph.importers.io;

import dev.talentgraph.importers.Location;
import dev.talentgraph.importers.Problem;
import dev.talentgraph.importers.RowException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Typed, checked access to the fields of one row by column name. Every failure is a {@link
 * RowException} naming the file, line and column, so an importer's mapping code reads as a list of
 * field accesses and one catch.
 */
public final class Fields {
  private final Row row;
  private final Header header;

  /**
   * Checks the row first: a read problem, or a field count that differs from the header, rejects
   * it.
   */
  public Fields(Row row, Header header) {
    this.row = row;
    this.header = header;
    if (row.problem() != null) throw new RowException(row.problem());
    if (row.size() != header.size()) {
      throw new RowException(
          Problem.Kind.COLUMN_COUNT,
          row.at(),
          "expected " + header.size() + " fields as in the header, found " + row.size());
    }
  }

  public Row row() {
    return row;
  }

  public Location at(String column) {
    return row.at(column);
  }

  /** The trimmed value, or null when blank. */
  public String optional(String column) {
    String v = row.get(header.require(column));
    if (v == null) return null;
    v = v.strip();
    return v.isEmpty() ? null : v;
  }

  public String required(String column) {
    String v = optional(column);
    if (v == null)
      throw new RowException(Problem.Kind.MISSING_VALUE, at(column), "'" + column + "' is empty");
    return v;
  }

  public long requiredLong(String column) {
    return parseLong(required(column), at(column));
  }

  public Long optionalLong(String column) {
    String v = optional(column);
    return v == null ? null : parseLong(v, at(column));
  }

  public double requiredDouble(String column) {
    return parseDouble(required(column), at(column));
  }

  public LocalDate requiredDate(String column, DateTimeFormatter format) {
    String v = required(column);
    try {
      return LocalDate.parse(v, format);
    } catch (DateTimeParseException e) {
      throw new RowException(
          Problem.Kind.BAD_DATE,
          at(column),
          "'" + abbreviate(v) + "' is not a date (" + format + ")");
    }
  }

  public static long parseLong(String v, Location at) {
    try {
      return Long.parseLong(v.strip());
    } catch (NumberFormatException e) {
      throw new RowException(
          Problem.Kind.BAD_NUMBER, at, "'" + abbreviate(v) + "' is not a whole number");
    }
  }

  public static double parseDouble(String v, Location at) {
    try {
      double d = Double.parseDouble(v.strip());
      if (Double.isNaN(d) || Double.isInfinite(d)) throw new NumberFormatException();
      return d;
    } catch (NumberFormatException e) {
      throw new RowException(
          Problem.Kind.BAD_NUMBER, at, "'" + abbreviate(v) + "' is not a number");
    }
  }

  /** At most 60 characters of a value, for messages. */
  public static String abbreviate(String v) {
    if (v == null) return "";
    String s = v.replaceAll("\\s+", " ");
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }
}
