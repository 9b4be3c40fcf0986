package dev.talentgraph.limits;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.execution.ErrorType;

/**
 * The error codes of the request limits, in the GraphQL error's {@code extensions}: {@code code},
 * the {@code limit} and the {@code actual} value, and {@code refused: true} (the audit log records
 * refusals).
 */
enum LimitError {
  MAX_DEPTH_EXCEEDED,
  MAX_COMPLEXITY_EXCEEDED,
  MAX_ALIASES_EXCEEDED,
  MAX_PAGE_SIZE_EXCEEDED,
  MAX_LIST_SIZE_EXCEEDED,
  REQUEST_TIMEOUT,
  RATE_LIMITED,
  INTROSPECTION_DISABLED;

  GraphQLError error(String message, Number limit, Number actual) {
    return error(message, limit, actual, Map.of());
  }

  GraphQLError error(String message, Number limit, Number actual, Map<String, Object> more) {
    Map<String, Object> ext = new LinkedHashMap<>();
    ext.put("code", name());
    ext.put("refused", true);
    if (limit != null) ext.put("limit", limit);
    if (actual != null) ext.put("actual", actual);
    ext.putAll(more);
    ErrorType type = this == INTROSPECTION_DISABLED ? ErrorType.FORBIDDEN : ErrorType.BAD_REQUEST;
    return GraphqlErrorBuilder.newError().errorType(type).message(message).extensions(ext).build();
  }

  /** Ends the request before any field runs. */
  AbortExecutionException abort(String message, Number limit, Number actual) {
    return new AbortExecutionException(List.of(error(message, limit, actual)));
  }
}
