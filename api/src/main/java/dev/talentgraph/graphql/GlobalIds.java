package dev.talentgraph.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Global object identification (the Relay {@code Node} interface): an entity's global id is {@code
 * Type:key}, e.g. {@code Expert:e0042} or {@code Model:attrition:3}, and {@code node(id:)} takes
 * it.
 *
 * <p>Keys in the graph are unique per label only (the migrations constrain {@code (n:Skill) n.id},
 * not ids across labels; the API lets a client create a Skill and a Course with the same id, and a
 * hired Candidate is the same node, with the same key, as the Expert it became). The type name in
 * front makes the id unique across the API and tells {@code node(id:)} where to look.
 *
 * <p>The {@code id} fields serve the bare key; wherever an {@code ID} goes in (an argument, an
 * input field), both forms are accepted: the {@code ID} scalar strips a leading {@code Type:} of a
 * Node type while coercing, once per request, so the controllers and their statements only ever see
 * keys.
 */
final class GlobalIds {
  /** The GraphQL interface every entity type implements. */
  public static final String NODE = "Node";

  private GlobalIds() {}

  /** The global id of {@code key} of {@code type}: {@code Type:key}. */
  public static String of(String type, String key) {
    return key == null ? null : type + ":" + key;
  }

  /**
   * A global id taken apart; {@code type} is null when the text is not of the form {@code
   * Type:key}.
   */
  public record Parsed(String type, String key) {}

  /**
   * Takes {@code Type:key} apart when {@code Type} is one of {@code types}; otherwise a bare key.
   */
  public static Parsed parse(String id, Set<String> types) {
    int colon = id.indexOf(':');
    if (colon > 0 && colon < id.length() - 1) {
      String type = id.substring(0, colon);
      if (types.contains(type)) return new Parsed(type, id.substring(colon + 1));
    }
    return new Parsed(null, id);
  }

  /**
   * The {@code ID} scalar: serialises like graphql-java's (a string) and, for input, accepts a
   * global id of a Node type or a bare key, and gives the key.
   */
  static GraphQLScalarType idScalar() {
    return GraphQLScalarType.newScalar()
        .name("ID")
        .description(
            "An object's id: a global id (`Type:key`, see `Node`) or, as input, the bare key.")
        .coercing(
            new Coercing<String, String>() {
              @Override
              public String serialize(Object value, GraphQLContext context, Locale locale) {
                if (value instanceof String
                    || value instanceof Number
                    || value instanceof java.util.UUID) {
                  return value.toString();
                }
                throw new CoercingSerializeException(
                    "not an ID: " + value.getClass().getSimpleName());
              }

              @Override
              public String parseValue(Object input, GraphQLContext context, Locale locale) {
                if (input instanceof String s) return parse(s, TYPES).key();
                if (input instanceof Integer
                    || input instanceof Long
                    || input instanceof java.math.BigInteger) return input.toString();
                throw new CoercingParseValueException(
                    "an ID is a string or an integer, not " + input.getClass().getSimpleName());
              }

              @Override
              public String parseLiteral(
                  Value<?> input,
                  CoercedVariables variables,
                  GraphQLContext context,
                  Locale locale) {
                if (input instanceof StringValue s) return parse(s.getValue(), TYPES).key();
                if (input instanceof IntValue i) return i.getValue().toString();
                throw new CoercingParseLiteralException("an ID is a string or an integer");
              }
            })
        .build();
  }

  /**
   * Resolves an object of the {@code Node} interface (or of any interface a read model implements)
   * to its type by the read model's class: {@code ExpertNode} is an {@code Expert}, {@code
   * OpeningNode} a {@code JobOpening}, ...
   */
  static final Map<String, String> TYPE_OF_CLASS =
      Map.ofEntries(
          Map.entry("ExpertNode", "Expert"),
          Map.entry("SkillNode", "Skill"),
          Map.entry("CourseNode", "Course"),
          Map.entry("ProjectNode", "Project"),
          Map.entry("PublicationNode", "Publication"),
          Map.entry("TeamNode", "Team"),
          Map.entry("OpeningNode", "JobOpening"),
          Map.entry("Candidate", "Candidate"),
          Map.entry("ApplicationNode", "Application"),
          Map.entry("ModelView", "Model"),
          Map.entry("AuditEvent", "AuditEvent"),
          Map.entry("AssessmentNode", "Assessment"),
          Map.entry("InterviewNode", "Interview"),
          Map.entry("Contest", "Contest"));

  /**
   * The object types that implement {@code Node} (the schema must agree: see {@code
   * NodeQueriesIT}).
   */
  public static final Set<String> TYPES = Set.copyOf(TYPE_OF_CLASS.values());

  static GraphQLObjectType typeOf(Object source, graphql.schema.GraphQLSchema schema) {
    String name = TYPE_OF_CLASS.get(source.getClass().getSimpleName());
    return name == null ? null : schema.getObjectType(name);
  }
}
