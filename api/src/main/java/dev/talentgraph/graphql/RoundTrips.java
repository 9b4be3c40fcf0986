package dev.talentgraph.graphql;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import java.util.concurrent.atomic.AtomicInteger;
import org.dataloader.BatchLoaderEnvironment;

/**
 * The number of Cypher round trips one GraphQL request made. One instance per request lives in the
 * request's {@link GraphQLContext} (put there by {@link RequestContextInterceptor}); {@link
 * CypherGateway} counts every statement it sends. It exists so that a test can prove that a request
 * costs a fixed number of round trips whatever the page size (no N+1), and so that the count can be
 * reported.
 */
public final class RoundTrips {
  /** Key in the GraphQL context. */
  public static final String KEY = RoundTrips.class.getName();

  private final AtomicInteger count = new AtomicInteger();

  /** Counts one round trip. */
  void increment() {
    count.incrementAndGet();
  }

  public int count() {
    return count.get();
  }

  /**
   * The request's counter, or a fresh throw-away one when the request has none (e.g. a direct
   * call).
   */
  public static RoundTrips of(DataFetchingEnvironment env) {
    return of(env.getGraphQlContext());
  }

  /**
   * The request's counter as seen from a batch loader (Spring passes the GraphQL context to it).
   */
  public static RoundTrips of(BatchLoaderEnvironment env) {
    return env.getContext() instanceof GraphQLContext ctx ? of(ctx) : new RoundTrips();
  }

  static RoundTrips of(GraphQLContext ctx) {
    RoundTrips rt = ctx == null ? null : ctx.get(KEY);
    return rt != null ? rt : new RoundTrips();
  }
}
