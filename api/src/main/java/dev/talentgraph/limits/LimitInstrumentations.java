package dev.talentgraph.limits;

import dev.talentgraph.graphql.OperationInstrumentations.OperationLevel;
import dev.talentgraph.security.Role;
import graphql.ExecutionResult;
import graphql.GraphQLContext;
import graphql.execution.AbortExecutionException;
import graphql.execution.DataFetcherResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The request limits, one class each, so each can be read, tested and replaced on its own. The
 * static ones (depth, complexity, aliases, page size, introspection, rate) run when the operation
 * is about to execute, after validation, and end it with one error before any field runs. They
 * reach graphql-java as ONE instrumentation ({@link
 * dev.talentgraph.graphql.OperationInstrumentations}), so no per-field hook runs for them.
 */
final class LimitInstrumentations {
  private LimitInstrumentations() {}

  /** A check of the operation before it runs. */
  abstract static class OperationCheck extends SimplePerformantInstrumentation
      implements OperationLevel {
    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
        InstrumentationExecuteOperationParameters p, InstrumentationState state) {
      check(p.getExecutionContext());
      return SimpleInstrumentationContext.noOp();
    }

    abstract void check(ExecutionContext ctx) throws AbortExecutionException;
  }

  static final class Depth extends OperationCheck {
    private final int max;

    Depth(int max) {
      this.max = max;
    }

    @Override
    void check(ExecutionContext ctx) {
      if (max == 0) return;
      int d = QueryShape.of(ctx).depth();
      if (d > max) {
        throw LimitError.MAX_DEPTH_EXCEEDED.abort(
            "query depth " + d + " exceeds the maximum of " + max, max, d);
      }
    }
  }

  static final class Complexity extends OperationCheck {
    private final int max;
    private final int assumedListSize;

    Complexity(int max, int assumedListSize) {
      this.max = max;
      this.assumedListSize = assumedListSize;
    }

    @Override
    void check(ExecutionContext ctx) {
      if (max == 0) return;
      long c = QueryShape.of(ctx).complexity(assumedListSize);
      if (c > max) {
        throw LimitError.MAX_COMPLEXITY_EXCEEDED.abort(
            "query complexity "
                + c
                + " exceeds the maximum of "
                + max
                + " (each field costs 1, times the page sizes above it; a list without a page"
                + " argument counts as "
                + assumedListSize
                + " items)",
            max,
            c);
      }
    }
  }

  static final class Aliases extends OperationCheck {
    private final int max;

    Aliases(int max) {
      this.max = max;
    }

    @Override
    void check(ExecutionContext ctx) {
      if (max == 0) return;
      int a = QueryShape.of(ctx).aliases();
      if (a > max) {
        throw LimitError.MAX_ALIASES_EXCEEDED.abort(
            "the query uses " + a + " aliases; at most " + max + " are allowed", max, a);
      }
    }
  }

  static final class PageSize extends OperationCheck {
    private final int max;

    PageSize(int max) {
      this.max = max;
    }

    @Override
    void check(ExecutionContext ctx) {
      if (max == 0) return;
      long p = QueryShape.of(ctx).maxPageSize();
      if (p > max) {
        throw LimitError.MAX_PAGE_SIZE_EXCEEDED.abort(
            "page size "
                + p
                + " exceeds the maximum of "
                + max
                + " (arguments "
                + QueryShape.PAGE_ARGUMENTS
                + ")",
            max,
            p);
      }
    }
  }

  /**
   * The longest list given as an argument, written in the document or passed as a variable: a
   * filter of thousands of items costs the database more to plan than to run, so it is refused
   * before anything runs.
   */
  static final class ListSize extends OperationCheck {
    private final int max;

    ListSize(int max) {
      this.max = max;
    }

    @Override
    void check(ExecutionContext ctx) {
      if (max == 0) return;
      long longest =
          Math.max(literal(ctx.getDocument()), variable(ctx.getCoercedVariables().toMap()));
      if (longest > max) {
        throw LimitError.MAX_LIST_SIZE_EXCEEDED.abort(
            "a list argument of " + longest + " items exceeds the maximum of " + max, max, longest);
      }
    }

    private static long literal(graphql.language.Node<?> node) {
      long longest = node instanceof graphql.language.ArrayValue a ? a.getValues().size() : 0;
      for (graphql.language.Node<?> child : node.getChildren()) {
        longest = Math.max(longest, literal(child));
      }
      return longest;
    }

    private static long variable(Object value) {
      long longest = 0;
      if (value instanceof java.util.Collection<?> c) {
        longest = c.size();
        for (Object o : c) longest = Math.max(longest, variable(o));
      } else if (value instanceof java.util.Map<?, ?> m) {
        for (Object o : m.values()) longest = Math.max(longest, variable(o));
      }
      return longest;
    }
  }

  static final class Introspection extends OperationCheck {
    private final GraphQlLimitsSettings.Introspection mode;

    Introspection(GraphQlLimitsSettings.Introspection mode) {
      this.mode = mode;
    }

    @Override
    void check(ExecutionContext ctx) {
      if (mode == GraphQlLimitsSettings.Introspection.ENABLED
          || !QueryShape.of(ctx).introspection()) return;
      Caller caller = Caller.of(ctx.getGraphQLContext());
      if (mode == GraphQlLimitsSettings.Introspection.ADMIN_ONLY
          && caller.roles().contains(Role.ADMIN)) return;
      throw LimitError.INTROSPECTION_DISABLED.abort(
          "schema introspection (__schema, __type) is "
              + (mode == GraphQlLimitsSettings.Introspection.ADMIN_ONLY
                  ? "for ADMIN only"
                  : "switched off")
              + " on this server (talent.graphql.limits.introspection)",
          null,
          null);
    }
  }

  /** Per-user token buckets (Bucket4j); unauthenticated callers are keyed by address. */
  static final class RateLimit extends OperationCheck {
    private final GraphQlLimitsSettings.RateLimit settings;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimit(GraphQlLimitsSettings.RateLimit settings) {
      this.settings = settings;
    }

    @Override
    void check(ExecutionContext ctx) {
      if (settings.capacity() == 0) return;
      String key = Caller.of(ctx.getGraphQLContext()).key();
      if (buckets.size() > 100_000) buckets.clear(); // bounded memory under a flood of addresses
      Bucket bucket =
          buckets.computeIfAbsent(
              key,
              k ->
                  Bucket.builder()
                      .addLimit(
                          Bandwidth.builder()
                              .capacity(settings.capacity())
                              .refillIntervally(settings.capacity(), settings.period())
                              .build())
                      .build());
      var probe = bucket.tryConsumeAndReturnRemaining(1);
      if (!probe.isConsumed()) {
        long waitMs = TimeUnit.NANOSECONDS.toMillis(probe.getNanosToWaitForRefill());
        var e =
            LimitError.RATE_LIMITED.error(
                "rate limit of "
                    + settings.capacity()
                    + " requests per "
                    + settings.period()
                    + " reached; retry in "
                    + Math.max(1, waitMs)
                    + " ms",
                settings.capacity(),
                null,
                java.util.Map.of("retryAfterMs", Math.max(1, waitMs)));
        throw new AbortExecutionException(java.util.List.of(e));
      }
    }
  }

  /**
   * Fields still running when the time is up are answered with a {@code REQUEST_TIMEOUT} error;
   * fields starting later fail at once. The work behind a timed-out field is not interrupted
   * (interrupting a thread inside the Neo4j driver breaks its connection); database work ends at
   * its own transaction time limit.
   *
   * <p>A field declared with {@code @timeLimit(seconds: N)} in the schema (an administrator's batch
   * operation such as training a model) has N seconds from its own start instead: the request's
   * limit is for interactive reads, and such a field would otherwise always fail on a large graph.
   */
  static final class Timeout extends SimplePerformantInstrumentation implements OperationLevel {
    /** The schema directive that gives one field its own time limit. */
    static final String DIRECTIVE = "timeLimit";

    private final Duration limit;

    Timeout(Duration limit) {
      this.limit = limit;
    }

    record Deadline(long nanos) implements InstrumentationState {}

    @Override
    public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
      return new Deadline(System.nanoTime() + limit.toNanos());
    }

    /** The field's own limit from its {@code @timeLimit} directive, or null. */
    private static Duration ownLimit(InstrumentationFieldFetchParameters p) {
      var directive = p.getExecutionStepInfo().getFieldDefinition().getAppliedDirective(DIRECTIVE);
      if (directive == null) return null;
      Object seconds = directive.getArgument("seconds").getValue();
      return seconds instanceof Number n ? Duration.ofSeconds(n.longValue()) : null;
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(
        DataFetcher<?> fetcher, InstrumentationFieldFetchParameters p, InstrumentationState state) {
      if (!(state instanceof Deadline deadline) || p.isTrivialDataFetcher()) return fetcher;
      Duration own = ownLimit(p);
      return env -> {
        long left = own != null ? own.toNanos() : deadline.nanos() - System.nanoTime();
        Duration applied = own != null ? own : limit;
        if (left <= 0) return timedOut(env, applied);
        Object result = fetcher.get(env);
        if (!(result instanceof CompletionStage<?> stage)) return result;
        CompletableFuture<?> original = stage.toCompletableFuture();
        return original
            .thenApply(v -> (Object) v)
            .orTimeout(left, TimeUnit.NANOSECONDS)
            .exceptionally(
                t -> {
                  Throwable cause =
                      t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
                  if (cause instanceof TimeoutException) return timedOut(env, applied);
                  throw t instanceof CompletionException ce ? ce : new CompletionException(t);
                });
      };
    }

    private static DataFetcherResult<Object> timedOut(
        graphql.schema.DataFetchingEnvironment env, Duration limit) {
      var e =
          LimitError.REQUEST_TIMEOUT.error(
              "the request exceeded its time limit of "
                  + limit.toMillis()
                  + " ms; field "
                  + env.getExecutionStepInfo().getPath()
                  + " was stopped",
              limit.toMillis(),
              null);
      return DataFetcherResult.newResult().error(e).build();
    }
  }

  /** Who is asking, as put into the GraphQL context by {@link LimitsInterceptor}. */
  record Caller(String key, Set<Role> roles) {
    static final String KEY = Caller.class.getName();

    static Caller of(GraphQLContext ctx) {
      Caller c = ctx.get(KEY);
      return c != null ? c : new Caller("anonymous", Set.of());
    }
  }
}
