package dev.talentgraph.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/** Turns {@link InvalidArgumentException} into a BAD_REQUEST error naming the argument. */
@Component
class GraphQlErrors extends DataFetcherExceptionResolverAdapter {
  @Override
  protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
    if (ex instanceof InvalidArgumentException e) {
      return GraphqlErrorBuilder.newError(env)
          .errorType(ErrorType.BAD_REQUEST)
          .message(e.getMessage())
          .extensions(Map.of("argument", e.argument(), "code", "INVALID_ARGUMENT"))
          .build();
    }
    return null;
  }
}
