package dev.talentgraph.teams;

import dev.talentgraph.security.AccessPolicy;
import dev.talentgraph.security.Principal;
import dev.talentgraph.security.RequestAccess;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code formTeam}, {@code keyPersonRisk} and {@code departureImpact}. The roles (ADMIN, HR,
 * MANAGER) are checked by {@code FieldAccessRules}; the scope of a MANAGER (their team, a project
 * their people work on, a person in a team they manage) is checked here, as is which attrition
 * scores the caller may see.
 */
@Controller
class TeamController {
  private final TeamService teams;
  private final KeyPersonService risks;

  TeamController(TeamService teams, KeyPersonService risks) {
    this.teams = teams;
    this.risks = risks;
  }

  /** A MANAGER asking outside the teams they manage. */
  static final class OutOfScope extends RuntimeException {
    final String field;

    OutOfScope(String field, String message) {
      super(field + " refused: " + message);
      this.field = field;
    }
  }

  @QueryMapping
  Mono<TeamService.TeamProposal> formTeam(@Argument TeamService.FormTeamInput input) {
    return Mono.fromCallable(() -> teams.formTeam(input)).subscribeOn(Schedulers.boundedElastic());
  }

  @QueryMapping
  Mono<KeyPersonService.KeyPersonRisk> keyPersonRisk(
      @Argument String teamId, @Argument String projectId, DataFetchingEnvironment env) {
    RequestAccess access = access(env);
    Principal p = access == null ? null : access.principal();
    return managed(access)
        .publishOn(Schedulers.boundedElastic())
        .map(
            managed -> {
              if (!AccessPolicy.hasAny(p, AccessPolicy.PEOPLE_ADMINS)
                  && (teamId == null) != (projectId == null)
                  && !risks.manages(p == null ? null : p.expertId(), teamId, projectId)) {
                throw new OutOfScope(
                    "Query.keyPersonRisk",
                    "a MANAGER may ask only about a team they manage or a project a member of it"
                        + " works on now ("
                        + (teamId != null ? "team '" + teamId : "project '" + projectId)
                        + "')");
              }
              Predicate<String> mayRead = id -> AccessPolicy.mayReadPersonal(p, id, managed);
              return risks.keyPersonRisk(teamId, projectId, mayRead);
            });
  }

  @QueryMapping
  Mono<KeyPersonService.DepartureImpact> departureImpact(
      @Argument String expertId, DataFetchingEnvironment env) {
    RequestAccess access = access(env);
    Principal p = access == null ? null : access.principal();
    return managed(access)
        .publishOn(Schedulers.boundedElastic())
        .map(
            managed -> {
              if (!AccessPolicy.mayAskDepartureImpact(p, expertId, managed)) {
                throw new OutOfScope(
                    "Query.departureImpact",
                    "only ADMIN, HR and the manager of expert '" + expertId + "' may ask");
              }
              return risks.departureImpact(expertId);
            });
  }

  private static RequestAccess access(DataFetchingEnvironment env) {
    return env.getGraphQlContext() == null
        ? null
        : env.getGraphQlContext().get(RequestAccess.class);
  }

  private static Mono<Set<String>> managed(RequestAccess access) {
    return access == null ? Mono.just(Set.of()) : access.managed();
  }

  @GraphQlExceptionHandler
  GraphQLError outOfScope(OutOfScope e, DataFetchingEnvironment env) {
    return GraphqlErrorBuilder.newError(env)
        .errorType(ErrorType.FORBIDDEN)
        .message(e.getMessage())
        .extensions(Map.of("code", "FORBIDDEN", "field", e.field))
        .build();
  }
}
