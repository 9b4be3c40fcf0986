package dev.talentgraph.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import graphql.schema.FieldCoordinates;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import reactor.core.publisher.Mono;

/**
 * How {@code node(id:)} finds an object of one Node type that has no query of its own by id (a
 * feature contributes one as a bean). It must apply the same access rule as wherever else the type
 * is read: the simplest way is {@link #viaQuery}, which runs a query field with all its rules.
 */
public interface NodeResolver {
  /** The GraphQL object type resolved, e.g. {@code Team}. */
  String type();

  /** The object with this key (a read model the {@code Node} type resolver knows), or empty. */
  Mono<?> resolve(String key, DataFetchingEnvironment env);

  /**
   * Runs the Query field {@code field} as the schema wires it (its access rule and audit included)
   * with these arguments and the selection of the current field: an object, a {@code
   * DataFetcherResult} (a refusal: null and an error), or empty.
   */
  static Mono<Object> viaQuery(
      DataFetchingEnvironment env, String field, Map<String, Object> arguments) {
    FieldCoordinates coordinates = FieldCoordinates.coordinates("Query", field);
    DataFetcher<?> fetcher =
        env.getGraphQLSchema()
            .getCodeRegistry()
            .getDataFetcher(
                coordinates, env.getGraphQLSchema().getQueryType().getFieldDefinition(field));
    DataFetchingEnvironment delegated =
        DataFetchingEnvironmentImpl.newDataFetchingEnvironment(env).arguments(arguments).build();
    try {
      return adapt(fetcher.get(delegated));
    } catch (Exception e) {
      return Mono.error(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Mono<Object> adapt(Object result) {
    if (result instanceof Mono<?> m) return (Mono<Object>) m;
    if (result instanceof CompletionStage<?> c)
      return Mono.fromCompletionStage((CompletionStage<Object>) c);
    return Mono.justOrEmpty(result);
  }
}
