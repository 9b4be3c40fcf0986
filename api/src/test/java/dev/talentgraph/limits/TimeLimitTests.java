package dev.talentgraph.limits;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.DataFetcher;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The request's time limit stops a field still running; a field declared with {@code @timeLimit}
 * runs past it within its own limit.
 */
class TimeLimitTests {
  static final String SDL =
      """
      directive @timeLimit(seconds: Int!) on FIELD_DEFINITION
      type Query { quick: String }
      type Mutation {
        interactive: String
        batch: String @timeLimit(seconds: 600)
      }
      """;

  /** Answers only after the whole request's limit (20 ms) has long passed. */
  static final DataFetcher<CompletableFuture<String>> SLOW =
      env ->
          CompletableFuture.supplyAsync(
              () -> "done", CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));

  static ExecutionResult run(String document) {
    var wiring =
        RuntimeWiring.newRuntimeWiring()
            .type("Mutation", t -> t.dataFetcher("interactive", SLOW).dataFetcher("batch", SLOW))
            .build();
    var schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL), wiring);
    return GraphQL.newGraphQL(schema)
        .instrumentation(new LimitInstrumentations.Timeout(Duration.ofMillis(20)))
        .build()
        .execute(document);
  }

  @Test
  void aFieldRunningPastTheRequestLimitIsStopped() {
    ExecutionResult r = run("mutation { interactive }");
    assertThat(r.getErrors()).hasSize(1);
    assertThat(r.getErrors().get(0).getMessage())
        .contains("time limit of 20 ms", "/interactive was stopped");
    assertThat(r.getErrors().get(0).getExtensions()).containsEntry("code", "REQUEST_TIMEOUT");
  }

  @Test
  void aFieldWithItsOwnTimeLimitRunsPastTheRequestLimit() {
    ExecutionResult r = run("mutation { batch }");
    assertThat(r.getErrors()).isEmpty();
    assertThat(r.<Map<String, Object>>getData()).containsEntry("batch", "done");
  }
}
