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
 * Analysis", ESEC/FSE 2020. A list field without a page argument (an expert's skills or
 * collaborators) multiplies by an assumed size, since its real length is only known after the
 * database has done the work; the page of a connection ({@code edges}, {@code items}) is bounded by
 * its parent's page argument instead. The shape keeps the cost as a polynomial in that assumed size
 * ({@code costByUnboundedLists[k]}: the cost of fields under k such lists), so the cached shape
 * serves any configured size.
 *
 * <p>A shape depends only on the document, the operation and the variables, so it is also kept
 * beside the parsed document ({@link PerDocument}, at most {@value #PER_DOCUMENT} variable sets
 * each): clients repeat the same few documents, and the traversal was about 3% of the server's CPU
 * on the expert page.
 */
record QueryShape(
    int depth, long[] costByUnboundedLists, int aliases, long maxPageSize, boolean introspection) {
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
    long[][] cost = {new long[1]};
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
                int unbounded = 0;
                long multiplier = 1;
                for (var p = env.getParentEnvironment(); p != null; p = p.getParentEnvironment()) {
                  d++;
                  multiplier = saturatingTimes(multiplier, Math.max(1, pageSize(p)));
                  if (unboundedList(p)) unbounded++;
                }
                depth[0] = Math.max(depth[0], d);
                if (!env.isTypeNameIntrospectionField()) {
                  if (cost[0].length <= unbounded)
                    cost[0] = java.util.Arrays.copyOf(cost[0], unbounded + 1);
                  cost[0][unbounded] = saturatingPlus(cost[0][unbounded], multiplier);
                }
              }
            });
    return new QueryShape(depth[0], cost[0], aliases[0], page[0], introspection[0]);
  }

  /**
   * The estimated cost when every list without a page argument holds {@code assumedListSize} items:
   * each field 1, times the page sizes and assumed list sizes above it.
   */
  long complexity(int assumedListSize) {
    long total = 0;
    long factor = 1;
    for (long c : costByUnboundedLists) {
      total = saturatingPlus(total, saturatingTimes(c, factor));
      factor = saturatingTimes(factor, Math.max(1, assumedListSize));
    }
    return total;
  }

  /**
   * A list-typed field that takes no page argument and is not the page of a connection (its parent
   * has none either); the schema's own introspection lists are left to the introspection switch.
   */
  private static boolean unboundedList(QueryVisitorFieldEnvironment env) {
    if (pageSize(env) > 0) return false;
    if (env.getFieldsContainer().getName().startsWith("__")) return false;
    if (!(graphql.schema.GraphQLTypeUtil.unwrapNonNull(env.getFieldDefinition().getType())
        instanceof graphql.schema.GraphQLList)) return false;
    var parent = env.getParentEnvironment();
    return parent == null || pageSize(parent) == 0;
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
