package dev.talentgraph.profiles;

import dev.talentgraph.graphql.RoundTrips;
import dev.talentgraph.profiles.ContestService.ContestFactInput;
import dev.talentgraph.profiles.ContestService.ContestPayload;
import dev.talentgraph.security.RequestAccess;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import java.util.Set;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * {@code contestFact} and {@code resolveContest}, mapped onto {@link ContestService}: the caller
 * comes from the request's {@link RequestAccess}, and a refused resolution becomes a FORBIDDEN
 * error on the field.
 */
@Controller
class ContestController {
  record ResolveContestInput(String id, Boolean upheld, String resolution) {}

  private final ContestService contests;

  ContestController(ContestService contests) {
    this.contests = contests;
  }

  @MutationMapping
  Mono<ContestPayload> contestFact(@Argument ContestFactInput input, DataFetchingEnvironment env) {
    return contests.contestFact(input, actor(env), RoundTrips.of(env));
  }

  @MutationMapping
  Mono<DataFetcherResult<ContestPayload>> resolveContest(
      @Argument ResolveContestInput input, DataFetchingEnvironment env) {
    RequestAccess access = env.getGraphQlContext().get(RequestAccess.class);
    Mono<Set<String>> managed = access == null ? Mono.just(Set.of()) : access.managed();
    return contests
        .resolveContest(
            input.id(),
            input.upheld(),
            input.resolution(),
            access == null ? null : access.principal(),
            actor(env),
            managed,
            RoundTrips.of(env))
        .map(r -> r.refused() == null ? ok(r.payload()) : refused(env, r.refused()));
  }

  private static DataFetcherResult<ContestPayload> ok(ContestPayload payload) {
    return DataFetcherResult.<ContestPayload>newResult().data(payload).build();
  }

  private static DataFetcherResult<ContestPayload> refused(
      DataFetchingEnvironment env, String reason) {
    String coordinate = "Mutation.resolveContest";
    return DataFetcherResult.<ContestPayload>newResult()
        .error(
            GraphqlErrorBuilder.newError(env)
                .errorType(ErrorType.FORBIDDEN)
                .message("%s refused: %s", coordinate, reason)
                .extensions(Map.of("code", "FORBIDDEN", "field", coordinate))
                .build())
        .build();
  }

  private static String actor(DataFetchingEnvironment env) {
    RequestAccess access = env.getGraphQlContext().get(RequestAccess.class);
    return access == null || access.principal() == null
        ? "anonymous"
        : access.principal().username();
  }
}
