package dev.talentgraph.graphql;

import graphql.language.Argument;
import graphql.language.StringValue;
import graphql.language.VariableReference;
import graphql.schema.DataFetchingEnvironment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * {@code node(id:)}: any entity by its global id ({@link GlobalIds}), read by the type's own query
 * ({@code Expert:e1} as {@code expert(id: "e1")}, with that query's access rule, audit and
 * selection plan) or, for a type without one, by the feature's {@link NodeResolver}. A caller
 * therefore reads through {@code node} exactly what they could read elsewhere, and nothing more.
 */
@Controller
class NodeController {
  /** Node types read by a query of their own that takes {@code id}. */
  static final Map<String, String> BY_QUERY =
      Map.of(
          "Expert",
          "expert",
          "Skill",
          "skill",
          "Course",
          "course",
          "Project",
          "project",
          "JobOpening",
          "opening",
          "Application",
          "application",
          "Candidate",
          "candidate");

  /** GraphQL-context key of the request's variables as sent, before the scalars coerced them. */
  static final String RAW_VARIABLES = NodeController.class.getName() + ".rawVariables";

  private final Map<String, NodeResolver> resolvers = new HashMap<>();

  NodeController(List<NodeResolver> resolvers) {
    for (NodeResolver r : resolvers) this.resolvers.put(r.type(), r);
  }

  @QueryMapping
  Mono<Object> node(DataFetchingEnvironment env) {
    String id = rawId(env);
    GlobalIds.Parsed parsed = GlobalIds.parse(id, GlobalIds.TYPES);
    if (parsed.type() == null) {
      return Mono.error(
          new InvalidArgumentException(
              "id",
              "id must be a global id 'Type:key' of a Node type (was '"
                  + id
                  + "'); read it from the object's id field"));
    }
    String query = BY_QUERY.get(parsed.type());
    if (query != null) return NodeResolver.viaQuery(env, query, Map.of("id", parsed.key()));
    NodeResolver resolver = resolvers.get(parsed.type());
    if (resolver == null) return Mono.empty();
    return resolver.resolve(parsed.key(), env).map(o -> (Object) o);
  }

  /**
   * Keeps the variables as sent in the GraphQL context: {@link
   * DataFetchingEnvironment#getVariables} gives them coerced, with the type already taken off a
   * global id.
   */
  static final class RawVariables implements WebGraphQlInterceptor {
    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
      Map<String, Object> variables = request.getVariables();
      request.configureExecutionInput(
          (input, builder) -> builder.graphQLContext(Map.of(RAW_VARIABLES, variables)).build());
      return chain.next(request);
    }
  }

  /**
   * The id as the client wrote it: the {@code ID} scalar has already taken the type off the coerced
   * argument, and here the type is what matters.
   */
  private static String rawId(DataFetchingEnvironment env) {
    for (Argument a : env.getField().getArguments()) {
      if (!a.getName().equals("id")) continue;
      if (a.getValue() instanceof StringValue s) return s.getValue();
      if (a.getValue() instanceof VariableReference v) {
        Map<String, Object> raw = env.getGraphQlContext().get(RAW_VARIABLES);
        return String.valueOf((raw == null ? env.getVariables() : raw).get(v.getName()));
      }
    }
    return String.valueOf((Object) env.getArgument("id"));
  }
}
