package dev.talentgraph.limits;

import dev.talentgraph.graphql.PerDocument;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.ExecutionContext;
import java.util.Map;
import java.util.Set;

/**
 * The measures of one operation the limits look at, from one traversal of the document with
 * fragments expanded and variables applied (graphql-java's {@link QueryTraverser}). Cached in the
 * request's GraphQL context so the several limit instrumentations traverse once.
 *
 * <p>Complexity follows the usual static cost analysis of GraphQL APIs (each field 1, list fields
 * multiplying the cost of what they contain by their page size): Hartig and Pérez, "Semantics and
 * Complexity of GraphQL", WWW 2018, and Cha et al., "A Principled Approach to GraphQL Query Cost
 * Analysis", ESEC/FSE 2020.
 *
 * <p>A shape depends only on the document, the operation and the variables, so it is also kept
 * beside the parsed document ({@link PerDocument}, at most {@value #PER_DOCUMENT} variable sets
 * each): clients repeat the same few documents, and the traversal was about 3% of the server's CPU
 * on the expert page.
 */
record QueryShape(
    int depth, long complexity, int aliases, long maxPageSize, boolean introspection) {
  static final String KEY = QueryShape.class.getName();
  static final Set<String> PAGE_ARGUMENTS = Set.of("first", "last", "limit", "pageSize", "size");

  static final int PER_DOCUMENT = 64;
  private static final PerDocument<Key, QueryShape> SHAPES = new PerDocument<>(PER_DOCUMENT);

  /** What a shape depends on besides the document. */
  private record Key(String operationName, Map<String, Object> variables) {}

  static QueryShape of(ExecutionContext ctx) {
    QueryShape cached = ctx.getGraphQLContext().get(KEY);
    if (cached != null) return cached;
    Key key = new Key(ctx.getOperationDefinition().getName(), ctx.getCoercedVariables().toMap());
    QueryShape shape = SHAPES.get(ctx.getDocument(), key, () -> traverse(ctx));
    ctx.getGraphQLContext().put(KEY, shape);
    return shape;
  }

  private static QueryShape traverse(ExecutionContext ctx) {
    int[] depth = {0};
    long[] complexity = {0};
    int[] aliases = {0};
    long[] page = {0};
    boolean[] introspection = {false};
    QueryTraverser.newQueryTraverser()
        .schema(ctx.getGraphQLSchema())
        .document(ctx.getDocument())
        .operationName(ctx.getOperationDefinition().getName())
        .coercedVariables(ctx.getCoercedVariables())
        .build()
        .visitPreOrder(
            new QueryVisitorStub() {
              @Override
              public void visitField(QueryVisitorFieldEnvironment env) {
                String name = env.getField().getName();
                if (name.equals("__schema") || name.equals("__type")) introspection[0] = true;
                if (env.getField().getAlias() != null) aliases[0]++;
                long own = pageSize(env);
                page[0] = Math.max(page[0], own);
                int d = 1;
                long multiplier = 1;
                for (var p = env.getParentEnvironment(); p != null; p = p.getParentEnvironment()) {
                  d++;
                  multiplier = saturatingTimes(multiplier, Math.max(1, pageSize(p)));
                }
                depth[0] = Math.max(depth[0], d);
                if (!env.isTypeNameIntrospectionField())
                  complexity[0] = saturatingPlus(complexity[0], multiplier);
              }
            });
    return new QueryShape(depth[0], complexity[0], aliases[0], page[0], introspection[0]);
  }

  private static long pageSize(QueryVisitorFieldEnvironment env) {
    long max = 0;
    for (var e : env.getArguments().entrySet()) {
      if (PAGE_ARGUMENTS.contains(e.getKey()) && e.getValue() instanceof Number n)
        max = Math.max(max, n.longValue());
    }
    return max;
  }

  private static long saturatingTimes(long a, long b) {
    long r = a * b;
    return (a != 0 && (r / a != b || r < 0)) ? Long.MAX_VALUE : r;
  }

  private static long saturatingPlus(long a, long b) {
    long r = a + b;
    return r < 0 ? Long.MAX_VALUE : r;
  }
}
