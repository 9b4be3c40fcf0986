package dev.talentgraph.recruiting;

import dev.talentgraph.graphql.GraphQlSettings;
import dev.talentgraph.graphql.InvalidArgumentException;
import dev.talentgraph.security.AccessPolicy;
import dev.talentgraph.security.Principal;
import dev.talentgraph.security.RequestAccess;
import dev.talentgraph.security.Role;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code rankCandidates} and {@code matchOpenings}. Who may call them is decided in {@code
 * FieldAccessRules} (roles, and the person/manager rule of matchOpenings); the one rule that
 * depends on the opening, a MANAGER ranking only for the teams they manage, is checked here.
 */
@Controller
class MatchingController {
  private final MatchingService service;
  private final int maxPage;

  MatchingController(MatchingService service, GraphQlSettings settings) {
    this.service = service;
    this.maxPage = settings.maxPageSize();
  }

  @QueryMapping
  Mono<MatchingService.CandidateRanking> rankCandidates(
      @Argument String openingId,
      @Argument Integer first,
      @Argument Boolean includeExperts,
      DataFetchingEnvironment env) {
    int n = first(first);
    Principal p = principal(env);
    return Mono.fromCallable(
            () -> {
              if (p != null
                  && !AccessPolicy.hasAny(p, AccessPolicy.PEOPLE_ADMINS)
                  && !service.managesOpening(p.expertId(), openingId)) {
                throw new MatchingAccessException(
                    "Query.rankCandidates refused: a MANAGER may rank candidates only for openings of "
                        + "teams they manage (opening '"
                        + openingId
                        + "')");
              }
              return service.rankCandidates(
                  openingId, n, Boolean.TRUE.equals(includeExperts), LocalDate.now());
            })
        .subscribeOn(Schedulers.boundedElastic());
  }

  @QueryMapping
  Mono<MatchingService.OpeningMatches> matchOpenings(
      @Argument String expertId, @Argument Integer first) {
    int n = first(first);
    return Mono.fromCallable(() -> service.matchOpenings(expertId, n, LocalDate.now()))
        .subscribeOn(Schedulers.boundedElastic());
  }

  @GraphQlExceptionHandler
  GraphQLError refused(MatchingAccessException e, DataFetchingEnvironment env) {
    return GraphqlErrorBuilder.newError(env)
        .errorType(ErrorType.FORBIDDEN)
        .message(e.getMessage())
        .extensions(Map.of("code", "FORBIDDEN", "field", "Query.rankCandidates"))
        .build();
  }

  private int first(Integer first) {
    int n = first == null ? 10 : first;
    if (n < 1 || n > maxPage)
      throw new InvalidArgumentException(
          "first", "first must be between 1 and " + maxPage + " (was " + n + ")");
    return n;
  }

  private static Principal principal(DataFetchingEnvironment env) {
    RequestAccess access =
        env.getGraphQlContext() == null ? null : env.getGraphQlContext().get(RequestAccess.class);
    Principal p = access == null ? null : access.principal();
    // roles were checked by FieldAccessRules; a caller without HR/ADMIN here is a MANAGER
    return p == null || p.has(Role.ADMIN) || p.has(Role.HR) ? null : p;
  }
}
