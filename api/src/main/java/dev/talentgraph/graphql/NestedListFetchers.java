package dev.talentgraph.graphql;

import graphql.TrivialDataFetcher;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import java.util.Set;

/**
 * The fast path of nested lists: a list field of a node type answers straight from the list its
 * parent was fetched with (a field read, no DataLoader, no per-row observation), and only a parent
 * without it goes on to the field's {@code @BatchMapping} (one batched statement for the whole
 * level, see {@link Relations}). Together the two are the one place nested lists are resolved,
 * where a field rule (roles, personal data) can later be applied.
 */
final class NestedListFetchers extends GraphQLTypeVisitorStub {
  /** Object types whose read models implement {@link Prefetched}. */
  static final Set<String> NODE_TYPES = Set.of("Expert", "Skill", "Course", "Project");

  @Override
  public TraversalControl visitGraphQLFieldDefinition(
      GraphQLFieldDefinition field, TraverserContext<GraphQLSchemaElement> context) {
    GraphQLSchemaElement parent = context.getParentNode();
    if (parent instanceof GraphQLFieldsContainer container
        && NODE_TYPES.contains(container.getName())
        && isList(field.getType())) {
      GraphQLCodeRegistry.Builder registry =
          context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
      FieldCoordinates coordinates = FieldCoordinates.coordinates(container, field);
      DataFetcher<?> delegate = registry.getDataFetcher(coordinates, field);
      registry.dataFetcher(coordinates, new PrefetchedOrDelegate(field.getName(), delegate));
    }
    return TraversalControl.CONTINUE;
  }

  private static boolean isList(GraphQLType type) {
    GraphQLType t = type instanceof GraphQLNonNull nn ? nn.getWrappedType() : type;
    return t instanceof GraphQLList;
  }

  /**
   * Trivial when the list is there (graphql-java and Spring then skip instrumentation and context
   * propagation for it); otherwise the batched loader takes over.
   */
  record PrefetchedOrDelegate(String field, DataFetcher<?> delegate)
      implements TrivialDataFetcher<Object> {
    @Override
    public Object get(DataFetchingEnvironment env) throws Exception {
      if (env.getSource() instanceof Prefetched p) {
        Object list = p.prefetched(field);
        if (list != null) return list;
      }
      return delegate.get(env);
    }
  }
}
