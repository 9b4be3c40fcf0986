package dev.talentgraph.profiles;

import dev.talentgraph.collaboration.CollaboratorRecommendations;
import dev.talentgraph.collaboration.CollaboratorService;
import dev.talentgraph.graphql.CypherGateway;
import dev.talentgraph.graphql.InvalidArgumentException;
import dev.talentgraph.graphql.RoundTrips;
import dev.talentgraph.graphql.Selection;
import dev.talentgraph.learning.TrainingService;
import dev.talentgraph.ml.courses.Recommendations;
import dev.talentgraph.ml.scoring.TrainingEffectEstimator;
import dev.talentgraph.profiles.TalentProfile.ProfileCourse;
import dev.talentgraph.security.AccessPolicy;
import dev.talentgraph.security.RequestAccess;
import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code talentProfile(expertId)}: the sections the client selected from ONE statement ({@link
 * ProfileQuery}); the personal ones are read only for a caller who may see them (the
 * {@code @personal} rule on the fields refuses the others, audited, as everywhere). The
 * training-effect model's estimates for the courses taken and the two recommendation sections are
 * asked of the ml services already behind {@code recommendTrainings} and {@code
 * recommendCollaborators}, only when selected.
 */
@Controller
class TalentProfileController {
  private final CypherGateway cypher;
  private final TrainingService trainings;
  private final CollaboratorService collaborators;

  TalentProfileController(
      CypherGateway cypher, TrainingService trainings, CollaboratorService collaborators) {
    this.cypher = cypher;
    this.trainings = trainings;
    this.collaborators = collaborators;
  }

  @QueryMapping
  Mono<TalentProfile> talentProfile(@Argument String expertId, DataFetchingEnvironment env) {
    Selection selection = Selection.of(env.getSelectionSet());
    Mono<Boolean> personal =
        ProfileQuery.wantsPersonal(selection)
            ? mayReadPersonal(env.getGraphQlContext(), expertId)
            : Mono.just(false);
    return personal
        .flatMap(
            allowed -> {
              ProfileQuery query = ProfileQuery.of(selection, allowed);
              return cypher
                  .read(RoundTrips.of(env), query.statement(), Map.of("id", expertId))
                  .flatMap(
                      rows ->
                          rows.isEmpty()
                              ? Mono.empty()
                              : Mono.just(query.read(expertId, rows.get(0), LocalDate.now())));
            })
        .flatMap(
            profile ->
                selection.has("courses/modelEstimate") || selection.has("courses/model")
                    ? withEstimates(profile)
                    : Mono.just(profile));
  }

  private static Mono<Boolean> mayReadPersonal(GraphQLContext ctx, String expertId) {
    RequestAccess access = ctx == null ? null : ctx.get(RequestAccess.class);
    if (access == null || access.principal() == null) return Mono.just(false);
    return access
        .managed()
        .map(managed -> AccessPolicy.mayReadPersonal(access.principal(), expertId, managed));
  }

  /**
   * The active training-effect model asked about each measured enrolment, with its recorded
   * levelBefore.
   */
  private Mono<TalentProfile> withEstimates(TalentProfile profile) {
    Map<String, Integer> before = new HashMap<>();
    profile
        .courses()
        .forEach(
            c -> {
              if (c.levelBefore() != null) before.put(c.course().id(), c.levelBefore());
            });
    if (before.isEmpty()) return Mono.just(profile);
    return Mono.fromCallable(
            () -> {
              TrainingEffectEstimator effects = trainings.effects();
              String model = effects.name();
              if (model == null) return profile;
              Map<String, Double> gains = effects.expectedGainsAt(profile.expertId(), before);
              List<ProfileCourse> courses = new ArrayList<>();
              for (ProfileCourse c : profile.courses()) {
                Double g = gains.get(c.course().id());
                courses.add(g == null ? c : c.withEstimate(Math.round(g * 1000) / 1000.0, model));
              }
              return profile.withCourses(courses);
            })
        .subscribeOn(Schedulers.boundedElastic());
  }

  @SchemaMapping(typeName = "TalentProfile")
  Mono<Recommendations> recommendedTrainings(TalentProfile profile, @Argument Integer first) {
    int n = checkFirst(first);
    return Mono.fromCallable(
            () -> trainings.advisor().recommendTrainings(profile.expertId(), null, n))
        .subscribeOn(Schedulers.boundedElastic());
  }

  @SchemaMapping(typeName = "TalentProfile")
  Mono<CollaboratorRecommendations> recommendedCollaborators(
      TalentProfile profile, @Argument Integer first) {
    return collaborators.recommend(profile.expertId(), checkFirst(first), null);
  }

  private static int checkFirst(Integer first) {
    int n = first == null ? 5 : first;
    if (n < 1 || n > 100)
      throw new InvalidArgumentException(
          "first", "first must be between 1 and 100 (was " + n + ")");
    return n;
  }
}
