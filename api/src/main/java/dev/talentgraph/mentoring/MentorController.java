package dev.talentgraph.mentoring;

import dev.talentgraph.graphql.UserError;
import dev.talentgraph.graphql.nodes.ExpertNode;
import dev.talentgraph.mentoring.MentorService.MentorshipView;
import dev.talentgraph.ml.courses.Target;
import dev.talentgraph.ml.courses.TrainingAdvisor;
import dev.talentgraph.ml.courses.TrainingException;
import dev.talentgraph.security.Principal;
import dev.talentgraph.security.RequestAccess;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code recommendMentors}, the mentorship mutations and {@code Expert.mentors / mentees /
 * mentorships}. Rules and statements are {@link MentorService}'s; a refused mutation is a FORBIDDEN
 * error naming the rule, an invalid one a payload error.
 */
@Controller
class MentorController {
  record SkillLevel(String skillId, Integer level) {}

  record TargetInput(
      String jobOpeningId, String projectId, String occupationId, List<SkillLevel> skills) {}

  record RequestMentorshipInput(String menteeId, String mentorId, String skillId, String note) {}

  record MentorshipIdInput(String id) {}

  record EndMentorshipInput(String id, String reason) {}

  record MentorshipPayload(MentorshipView mentorship, List<UserError> errors) {}

  private final MentorService service;

  MentorController(MentorService service) {
    this.service = service;
  }

  @QueryMapping
  Mono<MentorService.Recommendations> recommendMentors(
      @Argument String expertId,
      @Argument String skill,
      @Argument TargetInput goal,
      @Argument Integer first) {
    return blocking(
        () -> service.recommend(expertId, skill, target(goal), first == null ? 5 : first));
  }

  @MutationMapping
  Mono<DataFetcherResult<MentorshipPayload>> requestMentorship(
      @Argument RequestMentorshipInput input, DataFetchingEnvironment env) {
    return blocking(
            () ->
                service.request(
                    principal(env),
                    input.menteeId(),
                    input.mentorId(),
                    input.skillId(),
                    input.note()))
        .map(o -> result(env, "Mutation.requestMentorship", o));
  }

  @MutationMapping
  Mono<DataFetcherResult<MentorshipPayload>> acceptMentorship(
      @Argument MentorshipIdInput input, DataFetchingEnvironment env) {
    return blocking(() -> service.accept(principal(env), input.id()))
        .map(o -> result(env, "Mutation.acceptMentorship", o));
  }

  @MutationMapping
  Mono<DataFetcherResult<MentorshipPayload>> endMentorship(
      @Argument EndMentorshipInput input, DataFetchingEnvironment env) {
    return blocking(() -> service.end(principal(env), input.id(), input.reason()))
        .map(o -> result(env, "Mutation.endMentorship", o));
  }

  @SchemaMapping(typeName = "Mentorship", field = "status")
  String status(MentorshipView m) {
    return m.status().toUpperCase(Locale.ROOT);
  }

  @BatchMapping(typeName = "Expert")
  Mono<Map<ExpertNode, List<ExpertNode>>> mentors(List<ExpertNode> experts) {
    return byExpert(experts, MentorService.MENTORS_OF);
  }

  @BatchMapping(typeName = "Expert")
  Mono<Map<ExpertNode, List<ExpertNode>>> mentees(List<ExpertNode> experts) {
    return byExpert(experts, MentorService.MENTEES_OF);
  }

  @BatchMapping(typeName = "Expert")
  // who may read them is decided by the @personal rule on the field
  // (dev.talentgraph.security.FieldAccessRules)
  Mono<Map<ExpertNode, List<MentorshipView>>> mentorships(List<ExpertNode> experts) {
    List<String> ids = experts.stream().map(ExpertNode::id).distinct().toList();
    return blocking(() -> service.mentorships(ids))
        .map(
            byId -> {
              Map<ExpertNode, List<MentorshipView>> out = new HashMap<>();
              for (ExpertNode e : experts) out.put(e, byId.getOrDefault(e.id(), List.of()));
              return out;
            });
  }

  private Mono<Map<ExpertNode, List<ExpertNode>>> byExpert(
      List<ExpertNode> experts, String statement) {
    List<String> ids = experts.stream().map(ExpertNode::id).distinct().toList();
    return blocking(() -> service.people(statement, ids))
        .map(
            byId -> {
              Map<ExpertNode, List<ExpertNode>> out = new HashMap<>();
              for (ExpertNode e : experts) out.put(e, byId.getOrDefault(e.id(), List.of()));
              return out;
            });
  }

  @GraphQlExceptionHandler
  GraphQLError badInput(MentorService.MentorException e, DataFetchingEnvironment env) {
    return GraphqlErrorBuilder.newError(env)
        .errorType(ErrorType.BAD_REQUEST)
        .message(e.getMessage())
        .extensions(Map.of("code", "BAD_REQUEST", "argument", e.argument))
        .build();
  }

  @GraphQlExceptionHandler
  GraphQLError badGoal(TrainingException e, DataFetchingEnvironment env) {
    return GraphqlErrorBuilder.newError(env)
        .errorType(ErrorType.BAD_REQUEST)
        .message(e.getMessage())
        .extensions(Map.of("code", "BAD_REQUEST", "argument", "goal"))
        .build();
  }

  private static <T> Mono<T> blocking(Callable<T> work) {
    return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
  }

  private static Principal principal(DataFetchingEnvironment env) {
    RequestAccess access = env.getGraphQlContext().get(RequestAccess.class);
    return access == null ? null : access.principal();
  }

  private static DataFetcherResult<MentorshipPayload> result(
      DataFetchingEnvironment env, String coordinate, MentorService.Outcome o) {
    if (o.refused() != null) {
      return DataFetcherResult.<MentorshipPayload>newResult()
          .error(
              GraphqlErrorBuilder.newError(env)
                  .errorType(ErrorType.FORBIDDEN)
                  .message("%s refused: %s", coordinate, o.refused())
                  .extensions(Map.of("code", "FORBIDDEN", "field", coordinate))
                  .build())
          .build();
    }
    return DataFetcherResult.<MentorshipPayload>newResult()
        .data(new MentorshipPayload(o.mentorship(), o.errors()))
        .build();
  }

  /** The goal as the training advisor takes it ({@code TargetInput} is {@code @oneOf}). */
  static Target target(TargetInput in) {
    if (in == null) return null;
    if (in.jobOpeningId() != null) return new Target.JobOpening(in.jobOpeningId());
    if (in.projectId() != null) return new Target.Project(in.projectId());
    if (in.occupationId() != null) return new Target.Occupation(in.occupationId());
    List<Target.Requirement> reqs = new ArrayList<>();
    for (int i = 0; i < in.skills().size(); i++) {
      SkillLevel s = in.skills().get(i);
      int level = s.level() == null ? TrainingAdvisor.DEFAULT_LEVEL : s.level();
      if (level < 1 || level > 5) {
        throw new MentorService.MentorException(
            "goal", "goal.skills[" + i + "].level: must be between 1 and 5 (was " + level + ")");
      }
      reqs.add(new Target.Requirement(s.skillId(), level));
    }
    return new Target.Skills(reqs);
  }
}
