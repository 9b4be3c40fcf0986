package dev.talentgraph.learning;

import dev.talentgraph.ml.courses.LearningPath;
import dev.talentgraph.ml.courses.Recommendations;
import dev.talentgraph.ml.courses.SkillGap;
import dev.talentgraph.ml.courses.Target;
import dev.talentgraph.ml.courses.TrainingAdvisor;
import dev.talentgraph.ml.courses.TrainingException;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code skillGap}, {@code recommendTrainings} and {@code learningPath}: what each expert should
 * learn next.
 */
@Controller
class TrainingController {
  /** {@code input TargetInput}: exactly one of the four. */
  record TargetInput(
      String jobOpeningId, String projectId, String occupationId, List<SkillLevel> skills) {}

  /** {@code input SkillLevelInput}. */
  record SkillLevel(String skillId, Integer level) {}

  /** A bad argument: named, and nothing was looked up. */
  static final class BadTarget extends RuntimeException {
    BadTarget(String message) {
      super(message);
    }
  }

  private final TrainingService service;

  TrainingController(TrainingService service) {
    this.service = service;
  }

  @QueryMapping
  Mono<SkillGap> skillGap(@Argument String expertId, @Argument TargetInput target) {
    return call(a -> a.skillGap(expertId, target(target, true)));
  }

  @QueryMapping
  Mono<Recommendations> recommendTrainings(
      @Argument String expertId, @Argument TargetInput target, @Argument Integer first) {
    int n = first == null ? 10 : first;
    if (n < 1 || n > 100)
      return Mono.error(new BadTarget("first: must be between 1 and 100 (was " + n + ")"));
    return call(a -> a.recommendTrainings(expertId, target(target, false), n));
  }

  @QueryMapping
  Mono<LearningPath> learningPath(
      @Argument String expertId, @Argument TargetInput target, @Argument Integer maxHours) {
    if (maxHours != null && maxHours < 1)
      return Mono.error(new BadTarget("maxHours: must be at least 1 (was " + maxHours + ")"));
    return call(a -> a.learningPath(expertId, target(target, true), maxHours));
  }

  /** The advisor reads the graph with the blocking driver: off the event loop. */
  private <T> Mono<T> call(Function<TrainingAdvisor, T> work) {
    return Mono.fromCallable(() -> work.apply(service.advisor()))
        .subscribeOn(Schedulers.boundedElastic());
  }

  static Target target(TargetInput in, boolean required) {
    if (in == null) {
      if (required)
        throw new BadTarget(
            "target: required (one of jobOpeningId, projectId, occupationId, skills)");
      return null;
    }
    List<Target> given = new ArrayList<>();
    if (in.jobOpeningId() != null) given.add(new Target.JobOpening(in.jobOpeningId()));
    if (in.projectId() != null) given.add(new Target.Project(in.projectId()));
    if (in.occupationId() != null) given.add(new Target.Occupation(in.occupationId()));
    if (in.skills() != null) {
      List<Target.Requirement> reqs = new ArrayList<>();
      for (int i = 0; i < in.skills().size(); i++) {
        SkillLevel s = in.skills().get(i);
        int level = s.level() == null ? TrainingAdvisor.DEFAULT_LEVEL : s.level();
        if (level < 1 || level > 5) {
          throw new BadTarget(
              "target.skills[" + i + "].level: must be between 1 and 5 (was " + level + ")");
        }
        reqs.add(new Target.Requirement(s.skillId(), level));
      }
      given.add(new Target.Skills(reqs));
    }
    if (given.size() != 1) {
      throw new BadTarget(
          "target: give exactly one of jobOpeningId, projectId, occupationId, skills (got "
              + given.size()
              + ")");
    }
    return given.get(0);
  }

  @GraphQlExceptionHandler
  GraphQLError trainingError(TrainingException e, DataFetchingEnvironment env) {
    return GraphqlErrorBuilder.newError(env)
        .errorType(ErrorType.BAD_REQUEST)
        .message(e.getMessage())
        .extensions(Map.of("code", e.code()))
        .build();
  }

  @GraphQlExceptionHandler
  GraphQLError badTarget(BadTarget e, DataFetchingEnvironment env) {
    return GraphqlErrorBuilder.newError(env)
        .errorType(ErrorType.BAD_REQUEST)
        .message(e.getMessage())
        .extensions(
            Map.of(
                "code",
                "BAD_REQUEST",
                "argument",
                e.getMessage().substring(0, e.getMessage().indexOf(':'))))
        .build();
  }
}
