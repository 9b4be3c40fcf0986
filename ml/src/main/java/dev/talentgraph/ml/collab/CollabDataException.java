package dev.talentgraph.ml.collab;

/**
 * Bad input for collaborator recommendation or its evaluation: a malformed file (named with its
 * line and field), an empty edge list, a year range without positives, an unknown expert. The
 * message is written for the person who ran the command.
 */
public class CollabDataException extends RuntimeException {
  public CollabDataException(String message) {
    super(message);
  }

  public CollabDataException(String message, Throwable cause) {
    super(message, cause);
  }

  static CollabDataException at(java.nio.file.Path file, long line, String field, String problem) {
    return new CollabDataException(file + ":" + line + ": field '" + field + "': " + problem);
  }
}
