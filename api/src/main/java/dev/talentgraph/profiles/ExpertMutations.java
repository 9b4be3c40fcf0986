package dev.talentgraph.profiles;

import dev.talentgraph.graphql.NodeWrites;
import dev.talentgraph.graphql.NodeWrites.DeletePayload;
import dev.talentgraph.graphql.RoundTrips;
import dev.talentgraph.profiles.ExpertService.CreateExpertInput;
import dev.talentgraph.profiles.ExpertService.ExpertPayload;
import dev.talentgraph.profiles.ExpertService.ExpertSkillPayload;
import dev.talentgraph.profiles.ExpertService.RemoveExpertSkillInput;
import dev.talentgraph.profiles.ExpertService.SetExpertSkillInput;
import dev.talentgraph.profiles.ExpertService.UpdateExpertInput;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * The mutations of experts and their skills, mapped onto {@link ExpertService}, which decides them.
 */
@Controller
class ExpertMutations {
  private final ExpertService experts;

  ExpertMutations(ExpertService experts) {
    this.experts = experts;
  }

  @MutationMapping
  Mono<ExpertPayload> createExpert(@Argument CreateExpertInput input, DataFetchingEnvironment env) {
    return experts.createExpert(input, RoundTrips.of(env));
  }

  @MutationMapping
  Mono<ExpertPayload> updateExpert(@Argument UpdateExpertInput input, DataFetchingEnvironment env) {
    return experts.updateExpert(input, RoundTrips.of(env));
  }

  @MutationMapping
  Mono<DeletePayload> deleteExpert(
      @Argument NodeWrites.DeleteInput input, DataFetchingEnvironment env) {
    return experts.deleteExpert(input, RoundTrips.of(env));
  }

  @MutationMapping
  Mono<ExpertSkillPayload> setExpertSkill(
      @Argument SetExpertSkillInput input, DataFetchingEnvironment env) {
    return experts.setExpertSkill(input, RoundTrips.of(env));
  }

  @MutationMapping
  Mono<ExpertSkillPayload> removeExpertSkill(
      @Argument RemoveExpertSkillInput input, DataFetchingEnvironment env) {
    return experts.removeExpertSkill(input, RoundTrips.of(env));
  }
}
