package dev.talentgraph.skills;

import dev.talentgraph.graphql.NodeWrites;
import dev.talentgraph.graphql.NodeWrites.DeletePayload;
import dev.talentgraph.graphql.RoundTrips;
import dev.talentgraph.skills.SkillService.CreateSkillInput;
import dev.talentgraph.skills.SkillService.SkillPayload;
import dev.talentgraph.skills.SkillService.UpdateSkillInput;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * The mutations of skills and their BROADER hierarchy, mapped onto {@link SkillService}, which
 * decides them.
 */
@Controller
class SkillMutations {
  private final SkillService skills;

  SkillMutations(SkillService skills) {
    this.skills = skills;
  }

  @MutationMapping
  Mono<SkillPayload> createSkill(@Argument CreateSkillInput input, DataFetchingEnvironment env) {
    return skills.createSkill(input, RoundTrips.of(env));
  }

  @MutationMapping
  Mono<SkillPayload> updateSkill(@Argument UpdateSkillInput input, DataFetchingEnvironment env) {
    return skills.updateSkill(input, RoundTrips.of(env));
  }

  @MutationMapping
  Mono<DeletePayload> deleteSkill(
      @Argument NodeWrites.DeleteInput input, DataFetchingEnvironment env) {
    return skills.deleteSkill(input, RoundTrips.of(env));
  }
}
