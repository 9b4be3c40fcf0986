package dev.talentgraph.recruiting;

import dev.talentgraph.graphql.RoundTrips;
import dev.talentgraph.recruiting.RecruitingService.ApplicationPayload;
import dev.talentgraph.recruiting.RecruitingService.ApplyInput;
import dev.talentgraph.recruiting.RecruitingService.AssessmentPayload;
import dev.talentgraph.recruiting.RecruitingService.CandidatePayload;
import dev.talentgraph.recruiting.RecruitingService.CloseOpeningInput;
import dev.talentgraph.recruiting.RecruitingService.CreateCandidateInput;
import dev.talentgraph.recruiting.RecruitingService.CreateOpeningInput;
import dev.talentgraph.recruiting.RecruitingService.InterviewPayload;
import dev.talentgraph.recruiting.RecruitingService.MoveApplicationInput;
import dev.talentgraph.recruiting.RecruitingService.MoveApplicationPayload;
import dev.talentgraph.recruiting.RecruitingService.OpeningPayload;
import dev.talentgraph.recruiting.RecruitingService.RecordAssessmentInput;
import dev.talentgraph.recruiting.RecruitingService.RecordInterviewInput;
import dev.talentgraph.recruiting.RecruitingService.UpdateOpeningInput;
import dev.talentgraph.security.Principal;
import dev.talentgraph.security.RequestAccess;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * The recruiting mutations, mapped onto {@link RecruitingService}: each takes one input and returns
 * a payload with {@code errors}. The caller's login name is the actor the service records.
 */
@Controller
class RecruitingMutations {
  private final RecruitingService service;

  RecruitingMutations(RecruitingService service) {
    this.service = service;
  }

  @MutationMapping
  Mono<OpeningPayload> createOpening(
      @Argument CreateOpeningInput input, DataFetchingEnvironment env) {
    return service.createOpening(input, RoundTrips.of(env));
  }

  @MutationMapping
  Mono<OpeningPayload> updateOpening(
      @Argument UpdateOpeningInput input, DataFetchingEnvironment env) {
    return service.updateOpening(input, RoundTrips.of(env));
  }

  @MutationMapping
  Mono<OpeningPayload> closeOpening(
      @Argument CloseOpeningInput input, DataFetchingEnvironment env) {
    return service.closeOpening(input, RoundTrips.of(env));
  }

  @MutationMapping
  Mono<CandidatePayload> createCandidate(
      @Argument CreateCandidateInput input, DataFetchingEnvironment env) {
    return service.createCandidate(input, RoundTrips.of(env));
  }

  @MutationMapping
  Mono<ApplicationPayload> apply(@Argument ApplyInput input, DataFetchingEnvironment env) {
    return service.apply(input, RoundTrips.of(env), actor(env));
  }

  @MutationMapping
  Mono<MoveApplicationPayload> moveApplication(
      @Argument MoveApplicationInput input, DataFetchingEnvironment env) {
    return service.moveApplication(input, RoundTrips.of(env), actor(env));
  }

  @MutationMapping
  Mono<AssessmentPayload> recordAssessment(
      @Argument RecordAssessmentInput input, DataFetchingEnvironment env) {
    return service.recordAssessment(input, RoundTrips.of(env), actor(env));
  }

  @MutationMapping
  Mono<InterviewPayload> recordInterview(
      @Argument RecordInterviewInput input, DataFetchingEnvironment env) {
    return service.recordInterview(input, RoundTrips.of(env));
  }

  /** The login name of the caller: the actor of every StageChange. */
  private static String actor(DataFetchingEnvironment env) {
    RequestAccess access =
        env.getGraphQlContext() == null ? null : env.getGraphQlContext().get(RequestAccess.class);
    Principal p = access == null ? null : access.principal();
    return p == null ? "anonymous" : p.username();
  }
}
