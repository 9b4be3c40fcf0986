package dev.talentgraph.graphql;

import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherResult;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStrategyParameters;
import graphql.execution.FieldCollector;
import graphql.execution.FieldCollectorParameters;
import graphql.execution.FieldValueInfo;
import graphql.execution.MergedField;
import graphql.execution.MergedSelectionSet;
import graphql.execution.ResultNodesInfo;
import graphql.schema.CoercingSerializeException;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import graphql.schema.LightDataFetcher;
import graphql.schema.PropertyDataFetcher;
import graphql.schema.SingletonPropertyDataFetcher;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * graphql-java's query strategy with a shortcut for lists of objects whose whole subtree is plain
 * data: every selected field below reads a property of an already fetched value (graphql-java's
 * default {@link SingletonPropertyDataFetcher} or a named {@link PropertyDataFetcher}, or a nested
 * list the parent was fetched with, see {@link NestedListFetchers}), takes no arguments and is a
 * scalar, an enum, an object or a list of those. Such a list is completed here in one pass (the
 * selection collected once per list, values read and serialised with the schema's own scalars and
 * enums) instead of graphql-java's per-field fetch / instrument / complete cycle, which was most of
 * the CPU of an expert page (its ~760 fields are nearly all in such lists).
 *
 * <p>The result is the same by construction and by test ({@code ProjectedListStrategyTests}
 * compares both paths). Whenever anything is not plain (a guarded field: access rules replace its
 * fetcher; a batched load; an argument; an interface; a null in a non-null field; a value a scalar
 * refuses) the list goes the ordinary way, untouched, and the ordinary way reports errors. No
 * per-field instrumentation is skipped because none is installed ({@link
 * OperationInstrumentations}); with any other instrumentation, or with graphql-java's
 * max-result-nodes limit set, the shortcut is off.
 */
final class ProjectedListStrategy extends AsyncExecutionStrategy {
  private final FieldCollector collector = new FieldCollector();
  private final AtomicLong shortcut = new AtomicLong();
  private final AtomicLong ordinary = new AtomicLong();
  private volatile boolean enabled = true;

  public ProjectedListStrategy(DataFetcherExceptionHandler exceptionHandler) {
    super(exceptionHandler);
  }

  /** Lists completed by the shortcut and the ordinary way since start (diagnostics and tests). */
  public long shortcutLists() {
    return shortcut.get();
  }

  public long ordinaryLists() {
    return ordinary.get();
  }

  /** Switches the shortcut (tests compare both ways on the same graph). */
  void enabled(boolean on) {
    this.enabled = on;
  }

  @Override
  protected FieldValueInfo completeValueForList(
      ExecutionContext ctx, ExecutionStrategyParameters parameters, Iterable<Object> values) {
    if (enabled
        && ctx.getInstrumentation() instanceof OperationInstrumentations
        && ctx.getGraphQLContext().get(ResultNodesInfo.MAX_RESULT_NODES) == null
        && parameters.getExecutionStepInfo().getUnwrappedNonNullType()
            instanceof GraphQLList list) {
      GraphQLType element = list.getWrappedType();
      GraphQLType unwrapped = element instanceof GraphQLNonNull nn ? nn.getWrappedType() : element;
      if (unwrapped instanceof GraphQLObjectType) {
        try {
          List<Object> completed = new Completion(ctx).list(values, element, parameters.getField());
          shortcut.incrementAndGet();
          return new FieldValueInfo(FieldValueInfo.CompleteValueType.LIST, completed, List.of());
        } catch (NotPlain e) {
          // fall through: the ordinary way decides, and reports any error
        }
      }
    }
    ordinary.incrementAndGet();
    return super.completeValueForList(ctx, parameters, values);
  }

  /** Something in the subtree needs graphql-java's ordinary completion. */
  private static final class NotPlain extends Exception {
    static final NotPlain INSTANCE = new NotPlain();

    private NotPlain() {
      super(null, null, false, false);
    }
  }

  private enum Kind {
    TYPENAME,
    PROPERTY,
    PREFETCHED
  }

  /** One field of a plan: where it goes in the result and how its value is read. */
  private record Step(
      String key,
      String name,
      Kind kind,
      GraphQLOutputType type,
      LightDataFetcher<?> property,
      MergedField field,
      GraphQLFieldDefinition definition) {}

  /**
   * The completion of one list; plans are made once per (object type, selection) for the whole
   * list.
   */
  private final class Completion {
    private final ExecutionContext ctx;
    private final GraphQLCodeRegistry registry;
    private final Map<MergedField, Map<GraphQLObjectType, List<Step>>> plans =
        new IdentityHashMap<>();

    Completion(ExecutionContext ctx) {
      this.ctx = ctx;
      this.registry = ctx.getGraphQLSchema().getCodeRegistry();
    }

    List<Object> list(Iterable<?> values, GraphQLType elementType, MergedField field)
        throws NotPlain {
      List<Object> out =
          values instanceof java.util.Collection<?> c
              ? new ArrayList<>(c.size())
              : new ArrayList<>();
      for (Object v : values) out.add(value(elementType, v, field));
      return out;
    }

    private Object value(GraphQLType type, Object raw, MergedField field) throws NotPlain {
      if (type instanceof GraphQLNonNull nn) {
        Object v = value(nn.getWrappedType(), raw, field);
        if (v == null) throw NotPlain.INSTANCE;
        return v;
      }
      if (raw == null) return null;
      if (raw instanceof CompletionStage<?>
          || raw instanceof DataFetcherResult<?>
          || raw instanceof Optional<?>) {
        throw NotPlain.INSTANCE;
      }
      try {
        if (type instanceof GraphQLScalarType scalar) {
          return scalar.getCoercing().serialize(raw, ctx.getGraphQLContext(), ctx.getLocale());
        }
        if (type instanceof GraphQLEnumType e)
          return e.serialize(raw, ctx.getGraphQLContext(), ctx.getLocale());
      } catch (CoercingSerializeException e) {
        throw NotPlain.INSTANCE;
      }
      if (type instanceof GraphQLObjectType object) return object(object, raw, field);
      if (type instanceof GraphQLList list) {
        if (!(raw instanceof Iterable<?> items)) throw NotPlain.INSTANCE;
        return list(items, list.getWrappedType(), field);
      }
      throw NotPlain.INSTANCE; // interfaces and unions resolve their type the ordinary way
    }

    private Map<String, Object> object(GraphQLObjectType type, Object source, MergedField field)
        throws NotPlain {
      List<Step> plan = plan(type, field);
      Map<String, Object> result = new LinkedHashMap<>(plan.size() * 2);
      for (Step s : plan) {
        Object value =
            switch (s.kind()) {
              case TYPENAME -> type.getName();
              case PREFETCHED -> value(s.type(), prefetched(source, s.name()), s.field());
              case PROPERTY -> value(s.type(), property(s, source), s.field());
            };
        result.put(s.key(), value);
      }
      return result;
    }

    private Object property(Step s, Object source) throws NotPlain {
      try {
        return s.property()
            .get(
                s.definition(),
                source,
                () -> {
                  throw new IllegalStateException("no DataFetchingEnvironment on the shortcut");
                });
      } catch (Exception e) {
        throw NotPlain.INSTANCE;
      }
    }

    private Object prefetched(Object source, String name) throws NotPlain {
      Object list = source instanceof Prefetched p ? p.prefetched(name) : null;
      if (list == null) throw NotPlain.INSTANCE; // the batched load takes over, the ordinary way
      return list;
    }

    private List<Step> plan(GraphQLObjectType type, MergedField field) throws NotPlain {
      Map<GraphQLObjectType, List<Step>> byType =
          plans.computeIfAbsent(field, f -> new IdentityHashMap<>(2));
      List<Step> plan = byType.get(type);
      if (plan == null) {
        plan = makePlan(type, field);
        byType.put(type, plan);
      }
      return plan;
    }

    private List<Step> makePlan(GraphQLObjectType type, MergedField field) throws NotPlain {
      FieldCollectorParameters p =
          FieldCollectorParameters.newParameters()
              .schema(ctx.getGraphQLSchema())
              .objectType(type)
              .fragments(ctx.getFragmentsByName())
              .variables(ctx.getCoercedVariables().toMap())
              .graphQLContext(ctx.getGraphQLContext())
              .build();
      MergedSelectionSet selection = collector.collectFields(p, field, false);
      List<Step> plan = new ArrayList<>(selection.size());
      for (Map.Entry<String, MergedField> e : selection.getSubFields().entrySet()) {
        MergedField sub = e.getValue();
        if (!sub.getDeferredExecutions().isEmpty()) throw NotPlain.INSTANCE;
        if (sub.getName().equals("__typename")) {
          plan.add(new Step(e.getKey(), sub.getName(), Kind.TYPENAME, null, null, sub, null));
          continue;
        }
        GraphQLFieldDefinition def = type.getField(sub.getName());
        if (def == null || !def.getArguments().isEmpty()) throw NotPlain.INSTANCE;
        DataFetcher<?> fetcher = registry.getDataFetcher(type, def);
        if (fetcher instanceof PropertyDataFetcher<?> pdf && pdf.getPropertyName() != null
            || fetcher instanceof SingletonPropertyDataFetcher<?>
            || fetcher instanceof SchemaProperties.Fetcher) {
          plan.add(
              new Step(
                  e.getKey(),
                  sub.getName(),
                  Kind.PROPERTY,
                  def.getType(),
                  (LightDataFetcher<?>) fetcher,
                  sub,
                  def));
        } else if (fetcher instanceof NestedListFetchers.PrefetchedOrDelegate) {
          plan.add(
              new Step(e.getKey(), sub.getName(), Kind.PREFETCHED, def.getType(), null, sub, def));
        } else {
          throw NotPlain.INSTANCE;
        }
      }
      return plan;
    }
  }
}
