package dev.talentgraph.metrics;

import dev.talentgraph.db.DatabaseConfiguration.SchemaMigrations;
import dev.talentgraph.security.AccessPolicy;
import dev.talentgraph.security.Principal;
import dev.talentgraph.security.RequestAccess;
import dev.talentgraph.security.Role;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code metrics(from, to, team, region, top)}. The role gate (ADMIN, HR, MANAGER, ANALYST) is in
 * {@code FieldAccessRules}; the scope is decided here (see {@link #scope}).
 */
@Controller
class MetricsController {
  private final MetricsService service;

  MetricsController(Driver driver, SchemaMigrations schema) {
    this.service = new MetricsService(driver, schema.database());
  }

  @QueryMapping
  Mono<Metrics> metrics(
      @Argument String from,
      @Argument String to,
      @Argument String team,
      @Argument String region,
      @Argument Integer top,
      @Argument Integer minEnrolments,
      DataFetchingEnvironment env) {
    RequestAccess access =
        env.getGraphQlContext() == null ? null : env.getGraphQlContext().get(RequestAccess.class);
    Principal p = access == null ? null : access.principal();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    return Mono.fromCallable(
            () -> {
              MetricsService.Request req =
                  MetricsService.request(from, to, team, region, top, minEnrolments, null, today);
              return service.compute(
                  req.withMinGroupSize(scope(p, req.team(), service::managedTeams)), today);
            })
        .subscribeOn(Schedulers.boundedElastic());
  }

  /**
   * Who sees what: ADMIN and HR everything (null: no suppression). A MANAGER with {@code team} set
   * to a team they MANAGE sees that team's figures in full. Otherwise an ANALYST (also a manager
   * asking about other teams or all of them) sees aggregates with groups under {@link
   * MetricsService#MIN_GROUP_SIZE} suppressed. Anyone else, including a MANAGER without a managed
   * team argument, is refused.
   */
  static Integer scope(
      Principal p, String team, java.util.function.Function<String, List<String>> managedTeams) {
    if (p == null || !AccessPolicy.hasAny(p, AccessPolicy.METRICS_READERS)) {
      throw new MetricsException(
          "metrics",
          "FORBIDDEN",
          "metrics are for "
              + AccessPolicy.METRICS_READERS
              + (p == null ? "; you are not signed in" : "; you have " + p.roles()));
    }
    if (p.has(Role.ADMIN) || p.has(Role.HR)) return null;
    if (p.has(Role.MANAGER) && team != null && managedTeams.apply(p.expertId()).contains(team))
      return null;
    if (p.has(Role.ANALYST)) return MetricsService.MIN_GROUP_SIZE;
    throw new MetricsException(
        "team",
        "FORBIDDEN",
        team == null
            ? "a MANAGER sees the metrics of a team they manage: set team to one of "
                + managedTeams.apply(p.expertId())
            : "team '"
                + team
                + "' is not one you manage; yours: "
                + managedTeams.apply(p.expertId()));
  }

  @GraphQlExceptionHandler
  GraphQLError badArgument(MetricsException e, DataFetchingEnvironment env) {
    boolean forbidden = e.code().equals("FORBIDDEN");
    return GraphqlErrorBuilder.newError(env)
        .errorType(forbidden ? ErrorType.FORBIDDEN : ErrorType.BAD_REQUEST)
        .message(e.getMessage())
        .extensions(Map.of("code", e.code(), "argument", e.argument()))
        .build();
  }
}
