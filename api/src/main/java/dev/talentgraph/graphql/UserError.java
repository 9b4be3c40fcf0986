package dev.talentgraph.graphql;

/**
 * An expected failure of a mutation, returned in its payload (not thrown): which input field, what
 * is wrong, and a code a program can branch on.
 */
public record UserError(String field, String message, Code code) {
  /** Mirrors {@code enum ErrorCode} of the schema. */
  public enum Code {
    REQUIRED,
    INVALID,
    OUT_OF_RANGE,
    NOT_FOUND,
    DUPLICATE,
    INVALID_TRANSITION
  }

  public static UserError required(String field) {
    return new UserError(field, field + " must not be empty", Code.REQUIRED);
  }

  public static UserError notFound(String field, String kind, String id) {
    return new UserError(field, "no " + kind + " with id '" + id + "'", Code.NOT_FOUND);
  }

  public static UserError duplicate(String field, String kind, String id) {
    return new UserError(
        field, "a " + kind + " with id '" + id + "' already exists", Code.DUPLICATE);
  }

  public static UserError outOfRange(String field, Object value, int min, int max) {
    return new UserError(
        field,
        field + " must be between " + min + " and " + max + " (was " + value + ")",
        Code.OUT_OF_RANGE);
  }

  public static UserError invalid(String field, String message) {
    return new UserError(field, message, Code.INVALID);
  }
}
