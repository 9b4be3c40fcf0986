package dev.talentgraph.graphql;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.neo4j.driver.exceptions.ClientException;
import reactor.core.publisher.Mono;

/**
 * The shape every mutation shares: check the input in memory, then in ONE write transaction check
 * it against the graph and write only when nothing is wrong. Expected failures come back as {@link
 * UserError}s in the payload; nothing is written when there is one.
 */
public final class Writes {
  private Writes() {}

  /** Helpers for validating input fields. */
  public static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  public static void requireText(
      List<UserError> errors, String field, String value, int maxLength) {
    if (blank(value)) {
      errors.add(UserError.required(field));
    } else if (value.length() > maxLength) {
      errors.add(
          UserError.invalid(field, field + " must have at most " + maxLength + " characters"));
    }
  }

  public static void optionalText(
      List<UserError> errors, String field, String value, int maxLength) {
    if (value != null && value.length() > maxLength) {
      errors.add(
          UserError.invalid(field, field + " must have at most " + maxLength + " characters"));
    }
  }

  public static void level(List<UserError> errors, String field, Integer level, boolean required) {
    if (level == null) {
      if (required) errors.add(UserError.required(field));
    } else if (level < dev.talentgraph.schema.Props.MIN_LEVEL
        || level > dev.talentgraph.schema.Props.MAX_LEVEL) {
      errors.add(
          UserError.outOfRange(
              field,
              level,
              dev.talentgraph.schema.Props.MIN_LEVEL,
              dev.talentgraph.schema.Props.MAX_LEVEL));
    }
  }

  /**
   * Runs a mutation: when {@code inputErrors} is not empty the database is not touched; otherwise
   * {@code work} runs in one write transaction. A unique-constraint violation (a concurrent create
   * of the same id) becomes {@code duplicate}.
   */
  public static <T> Mono<T> run(
      CypherGateway cypher,
      RoundTrips roundTrips,
      List<UserError> inputErrors,
      Function<List<UserError>, T> failed,
      Function<CypherGateway.Tx, CompletionStage<T>> work,
      UserError duplicate) {
    if (!inputErrors.isEmpty()) return Mono.just(failed.apply(List.copyOf(inputErrors)));
    return cypher
        .write(roundTrips, work)
        .onErrorResume(
            e -> duplicate != null && isConstraintViolation(e),
            e -> Mono.just(failed.apply(List.of(duplicate))));
  }

  public static <T> CompletionStage<T> done(T value) {
    return CompletableFuture.completedFuture(value);
  }

  static boolean isConstraintViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ClientException c
          && "Neo.ClientError.Schema.ConstraintValidationFailed".equals(c.code())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The parameters of a statement, without null values (so {@code SET n += $props} leaves them
   * alone).
   */
  public static Map<String, Object> nonNull(Map<String, Object> in) {
    var out = new java.util.LinkedHashMap<String, Object>();
    in.forEach(
        (k, v) -> {
          if (v != null) out.put(k, v);
        });
    return out;
  }
}
