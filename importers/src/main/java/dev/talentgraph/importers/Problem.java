package dev.talentgraph.importers;

/**
 * A defect of the input, with its place. Row problems reject one row (or stop a {@code --strict}
 * import); file problems ({@link Kind#isFatal()}) stop the import of that source before anything is
 * written.
 */
public record Problem(Kind kind, Location at, String message) {

  /** What went wrong; the name is what a rejects file and a JSON report show. */
  public enum Kind {
    MISSING_FILE(true),
    EMPTY_FILE(true),
    HEADER_MISMATCH(true),
    BAD_MAPPING(true),
    COLUMN_COUNT(false),
    BAD_NUMBER(false),
    BAD_DATE(false),
    BAD_VALUE(false),
    MISSING_VALUE(false),
    BAD_ENCODING(false),
    FIELD_TOO_LARGE(false),
    SPREADSHEET_FORMULA(false),
    DUPLICATE_KEY(false),
    UNKNOWN_REFERENCE(false),
    BAD_SYNTAX(false);

    private final boolean fatal;

    Kind(boolean fatal) {
      this.fatal = fatal;
    }

    public boolean isFatal() {
      return fatal;
    }
  }

  public static Problem of(Kind kind, Location at, String message) {
    return new Problem(kind, at, message);
  }

  @Override
  public String toString() {
    return at + ": " + message;
  }
}
