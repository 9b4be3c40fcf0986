package dev.talentgraph.learning;

import dev.talentgraph.learning.LearningLoopService.CompleteCourseInput;
import dev.talentgraph.learning.LearningLoopService.CourseFeedbackInput;
import dev.talentgraph.learning.LearningLoopService.EnrolInput;
import dev.talentgraph.learning.LearningLoopService.EnrolmentPayload;
import dev.talentgraph.learning.LearningLoopService.LearningAssignment;
import dev.talentgraph.learning.LearningLoopService.LearningAssignmentPayload;
import dev.talentgraph.learning.LearningLoopService.RecordProgressInput;
import dev.talentgraph.learning.LearningLoopService.WithdrawInput;
import dev.talentgraph.security.PersonalOwner;
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
import java.util.concurrent.Callable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The learning loop's mutations, {@code teamLearning} and {@code TalentProfile.learningAssignments}
 * mapped onto {@link LearningLoopService}, which decides them. Who may call the mutations (the
 * person, their manager, HR, ADMIN) is the field rule of {@code FieldAccessRules}; which teams a
 * manager sees here.
 */
@Controller
class LearningLoopController {
  record AssignLearningPathInput(
      String expertId,
      TrainingController.TargetInput target,
      Integer maxHours,
      LocalDate dueDate) {}

  /** A team the caller may not see: a refusal that the audit log records. */
  static final class TeamRefused extends RuntimeException {
    TeamRefused(String message) {
      super(message);
    }
  }

  private final LearningLoopService loop;

  LearningLoopController(LearningLoopService loop) {
    this.loop = loop;
  }

  private static LocalDate today() {
    return LocalDate.now(ZoneOffset.UTC);
  }

  @MutationMapping
  Mono<LearningAssignmentPayload> assignLearningPath(
      @Argument AssignLearningPathInput input, DataFetchingEnvironment env) {
    String actor = actor(env);
    return call(
        () -> {
          dev.talentgraph.ml.courses.Target target;
          try {
            target = TrainingController.target(input.target(), true);
          } catch (TrainingController.BadTarget e) {
            String m = e.getMessage();
            return new LearningAssignmentPayload(
                null,
                List.of(
                    dev.talentgraph.graphql.UserError.invalid(
                        m.substring(0, m.indexOf(':')), m.substring(m.indexOf(':') + 1).strip())));
          }
          return loop.assign(
              input.expertId(), target, input.maxHours(), input.dueDate(), actor, today());
        });
  }

  @MutationMapping
  Mono<EnrolmentPayload> enrol(@Argument EnrolInput input) {
    return call(() -> loop.enrol(input, today()));
  }

  @MutationMapping
  Mono<EnrolmentPayload> recordProgress(@Argument RecordProgressInput input) {
    return call(() -> loop.recordProgress(input, today()));
  }

  @MutationMapping
  Mono<EnrolmentPayload> completeCourse(@Argument CompleteCourseInput input) {
    return call(() -> loop.completeCourse(input, today()));
  }

  @MutationMapping
  Mono<EnrolmentPayload> withdraw(@Argument WithdrawInput input) {
    return call(() -> loop.withdraw(input, today()));
  }

  @MutationMapping
  Mono<EnrolmentPayload> courseFeedback(@Argument CourseFeedbackInput input) {
    return call(() -> loop.courseFeedback(input));
  }

  @QueryMapping
  Mono<List<LearningAssignment>> teamLearning(
      @Argument String teamId,
      @Argument Boolean overdueOnly,
      @Argument LocalDate asOf,
      DataFetchingEnvironment env) {
    RequestAccess access = env.getGraphQlContext().get(RequestAccess.class);
    Principal p = access == null ? null : access.principal();
    return call(
        () -> {
          boolean[] scope = loop.manages(p == null ? null : p.expertId(), teamId);
          boolean all = p != null && (p.has(Role.ADMIN) || p.has(Role.HR));
          if (!all && !(p != null && p.has(Role.MANAGER) && scope[0])) {
            throw new TeamRefused(
                "teamLearning refused: a MANAGER sees the learning of the teams they manage; '"
                    + teamId
                    + "' is not one of them");
          }
          if (!scope[1]) {
            throw new TeamRefused("teamId: no team with id '" + teamId + "'");
          }
          return loop.ofTeam(
              teamId, Boolean.TRUE.equals(overdueOnly), asOf == null ? today() : asOf);
        });
  }

  /** Who may read it is the {@code @personal} rule on the field. */
  @SchemaMapping(typeName = "TalentProfile", field = "learningAssignments")
  Mono<List<LearningAssignment>> learningAssignments(
      PersonalOwner profile, @Argument LocalDate asOf) {
    return call(() -> loop.ofExpert(profile.ownerExpertId(), asOf == null ? today() : asOf));
  }

  private static <T> Mono<T> call(Callable<T> work) {
    return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
  }

  private static String actor(DataFetchingEnvironment env) {
    RequestAccess access = env.getGraphQlContext().get(RequestAccess.class);
    return access == null || access.principal() == null
        ? "anonymous"
        : access.principal().username();
  }

  @GraphQlExceptionHandler
  GraphQLError teamRefused(TeamRefused e, DataFetchingEnvironment env) {
    boolean missing = e.getMessage().startsWith("teamId:");
    return GraphqlErrorBuilder.newError(env)
        .errorType(missing ? ErrorType.BAD_REQUEST : ErrorType.FORBIDDEN)
        .message(e.getMessage())
        .extensions(
            missing
                ? Map.of("code", "NOT_FOUND", "argument", "teamId")
                : Map.of("code", "FORBIDDEN", "refused", true, "argument", "teamId"))
        .build();
  }
}
