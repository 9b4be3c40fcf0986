package dev.talentgraph.graphql;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.GraphQLNamedType;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What a data fetcher derives from its field's selection (the projection of its statement, whether
 * a total was asked for), computed once per document instead of once per request.
 *
 * <p>Reading a field's selection makes graphql-java build the normalized operation, and building a
 * projection from it walks every selected path: together about 6% of the server's CPU on the expert
 * page, for a result that depends only on the document, the operation, the field's place in it and
 * the variables ({@code @include}/{@code @skip}). Those are the key; the plans live beside the
 * document ({@link PerDocument}), at most {@value #PER_DOCUMENT} of them per document.
 */
public final class SelectionPlans {
  static final int PER_DOCUMENT = 256;
  private static final PerDocument<Key, Object> PLANS = new PerDocument<>(PER_DOCUMENT);

  /**
   * A field's place: operation, the type it is declared on, its response path without list indexes;
   * and the variables.
   */
  private record Key(
      String operation, String parentType, List<String> path, Map<String, Object> variables) {}

  private SelectionPlans() {}

  /**
   * The plan {@code derive} makes of this field's selection, made on the first request with this
   * document, operation, place and variables. {@code derive} must depend on nothing but the
   * selection.
   */
  @SuppressWarnings("unchecked")
  public static <T> T of(
      DataFetchingEnvironment env, Function<DataFetchingFieldSelectionSet, T> derive) {
    Key key =
        new Key(
            env.getOperationDefinition().getName(),
            ((GraphQLNamedType) env.getParentType()).getName(),
            env.getExecutionStepInfo().getPath().getKeysOnly(),
            env.getVariables());
    Object plan = PLANS.get(env.getDocument(), key, () -> derive.apply(env.getSelectionSet()));
    return (T) plan;
  }
}
