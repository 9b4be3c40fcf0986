package dev.talentgraph.graphql;

import graphql.TrivialDataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.schema.LightDataFetcher;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Plain scalar fields whose only definition is the schema: a field marked {@code @property} in the
 * SDL reads the node property of the same name. The read models add these fields to their
 * projections ({@link #of}) and keep the values in a map ({@link Holder}); the field's data fetcher
 * reads that map, and {@link ProjectedListStrategy} treats it like any property read. Adding such a
 * field is a change to the SDL only (see docs/adr/0007).
 *
 * <p>The names come from the schema files, never from a request; they must still be plain
 * identifiers, since they become part of the projection text.
 */
public final class SchemaProperties extends GraphQLTypeVisitorStub {
  static final String DIRECTIVE = "property";
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
  private static final Map<String, List<String>> BY_TYPE = new ConcurrentHashMap<>();

  /** A read model that keeps its schema-declared properties. */
  public interface Holder {
    /** The value of a schema-declared property as read from the node, or null. */
    Object property(String field);
  }

  /**
   * The {@code @property} fields of an object type, in schema order (empty before the schema is
   * built).
   */
  public static List<String> of(String type) {
    return BY_TYPE.getOrDefault(type, List.of());
  }

  /** The fixed scalar fields of a read model followed by its schema-declared ones. */
  public static String[] withFixed(String type, String... fixed) {
    List<String> extra = of(type);
    if (extra.isEmpty()) return fixed;
    List<String> all = new ArrayList<>(List.of(fixed));
    for (String f : extra) if (!all.contains(f)) all.add(f);
    return all.toArray(String[]::new);
  }

  @Override
  public TraversalControl visitGraphQLFieldDefinition(
      GraphQLFieldDefinition field, TraverserContext<GraphQLSchemaElement> context) {
    if (context.getParentNode() instanceof GraphQLObjectType type
        && field.hasAppliedDirective(DIRECTIVE)) {
      if (!NAME.matcher(field.getName()).matches() || !field.getArguments().isEmpty()) {
        throw new IllegalStateException(
            "@property field "
                + type.getName()
                + "."
                + field.getName()
                + " must be a plain identifier without arguments");
      }
      BY_TYPE.compute(
          type.getName(),
          (t, fields) -> {
            List<String> next = new ArrayList<>(fields == null ? List.of() : fields);
            if (!next.contains(field.getName())) next.add(field.getName());
            return List.copyOf(next);
          });
      GraphQLCodeRegistry.Builder registry =
          context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
      registry.dataFetcher(FieldCoordinates.coordinates(type, field), new Fetcher(field.getName()));
    }
    return TraversalControl.CONTINUE;
  }

  /** Reads a schema-declared property from its {@link Holder}. */
  record Fetcher(String field) implements LightDataFetcher<Object>, TrivialDataFetcher<Object> {
    @Override
    public Object get(
        GraphQLFieldDefinition definition, Object source, Supplier<DataFetchingEnvironment> env) {
      return source instanceof Holder h ? h.property(field) : null;
    }

    @Override
    public Object get(DataFetchingEnvironment env) {
      return env.getSource() instanceof Holder h ? h.property(field) : null;
    }
  }
}
