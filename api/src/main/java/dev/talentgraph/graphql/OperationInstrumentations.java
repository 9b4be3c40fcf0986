package dev.talentgraph.graphql;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import java.util.ArrayList;
import java.util.List;

/**
 * All of the application's instrumentations as ONE graphql-java instrumentation that hooks only the
 * operation (state, operation start, data-fetcher wrapping), never the per-field events.
 *
 * <p>Why: graphql-java calls every instrumentation of a {@code ChainedInstrumentation} at each of
 * about five events per field. An expert page has ~760 fields; with eight chained instrumentations
 * that was ~16% of the server's CPU per request (JFR, {@code bench graphql}), spent on contexts
 * nobody used. Our instrumentations (the request limits, the audit's operation note) only look at
 * the operation before it runs and wrap non-trivial data fetchers, so they implement {@link
 * OperationLevel} and are called only for those hooks. An instrumentation that is not {@link
 * OperationLevel} is refused at start-up, so a per-field one cannot be dropped silently. Spring's
 * GraphQL observation (a span per data fetcher) is switched off in {@code application.yml} for the
 * same reason; HTTP requests are still observed by WebFlux.
 */
public final class OperationInstrumentations extends SimplePerformantInstrumentation {
  /**
   * An instrumentation that overrides nothing but {@code createState}, {@code
   * beginExecuteOperation} and {@code instrumentDataFetcher}.
   */
  public interface OperationLevel extends Instrumentation {}

  private final List<Instrumentation> delegates;

  public OperationInstrumentations(List<? extends Instrumentation> delegates) {
    for (Instrumentation i : delegates) {
      if (!(i instanceof OperationLevel)) {
        throw new IllegalStateException(
            "GraphQL instrumentation "
                + i.getClass().getName()
                + " hooks per-field events;"
                + " only OperationInstrumentations.OperationLevel instrumentations are installed");
      }
    }
    this.delegates = List.copyOf(delegates);
  }

  public List<Instrumentation> delegates() {
    return delegates;
  }

  /** The delegates' states, by position. */
  private record States(InstrumentationState[] states) implements InstrumentationState {}

  @Override
  public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
    InstrumentationState[] states = new InstrumentationState[delegates.size()];
    for (int i = 0; i < states.length; i++) states[i] = delegates.get(i).createState(parameters);
    return new States(states);
  }

  private static InstrumentationState stateOf(InstrumentationState state, int i) {
    return state instanceof States s ? s.states()[i] : null;
  }

  @Override
  public InstrumentationContext<ExecutionResult> beginExecuteOperation(
      InstrumentationExecuteOperationParameters p, InstrumentationState state) {
    List<InstrumentationContext<ExecutionResult>> contexts = new ArrayList<>(0);
    for (int i = 0; i < delegates.size(); i++) {
      InstrumentationContext<ExecutionResult> c =
          delegates.get(i).beginExecuteOperation(p, stateOf(state, i));
      if (c != null && c != SimpleInstrumentationContext.<ExecutionResult>noOp()) contexts.add(c);
    }
    if (contexts.isEmpty()) return SimpleInstrumentationContext.noOp();
    return new InstrumentationContext<>() {
      @Override
      public void onDispatched() {
        for (var c : contexts) c.onDispatched();
      }

      @Override
      public void onCompleted(ExecutionResult result, Throwable t) {
        for (var c : contexts) c.onCompleted(result, t);
      }
    };
  }

  @Override
  public DataFetcher<?> instrumentDataFetcher(
      DataFetcher<?> fetcher, InstrumentationFieldFetchParameters p, InstrumentationState state) {
    DataFetcher<?> f = fetcher;
    for (int i = 0; i < delegates.size(); i++)
      f = delegates.get(i).instrumentDataFetcher(f, p, stateOf(state, i));
    return f;
  }
}
