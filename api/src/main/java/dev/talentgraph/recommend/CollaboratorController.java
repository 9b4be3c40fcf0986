package dev.talentgraph.recommend;

import dev.talentgraph.graphql.expert.ExpertNode;
import dev.talentgraph.ml.collab.CollabDataException;
import dev.talentgraph.ml.collab.CollaboratorRecommender.Reason;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@code recommendCollaborators}: who should work with whom, with the reasons from the graph. */
@Controller
class CollaboratorController {
  record CollaboratorRecommendations(String expertId, String projectId, List<CollaboratorRecommendation> items,
      List<String> notes, String model) {}

  record CollaboratorRecommendation(ExpertNode expert, double score, List<Reason> reasons) {}

  private final CollaboratorService service;

  CollaboratorController(CollaboratorService service) {
    this.service = service;
  }

  @QueryMapping
  Mono<CollaboratorRecommendations> recommendCollaborators(@Argument String expertId, @Argument Integer first,
      @Argument String forProject) {
    int n = first == null ? 10 : first;
    return service.recommender().publishOn(Schedulers.parallel()).map(built -> {
      var r = built.recommender().recommend(expertId, n, forProject);
      List<CollaboratorRecommendation> items = r.items().stream()
          .map(i -> new CollaboratorRecommendation(
              new ExpertNode(i.expertId(), i.name(), null, null, null, null, null, null, null, null),
              Math.round(i.score() * 10_000) / 10_000.0, i.reasons()))
          .toList();
      return new CollaboratorRecommendations(r.expertId(), r.projectId(), items, r.notes(), built.model());
    });
  }

  @MutationMapping
  Mono<String> rebuildCollaboratorRecommender() {
    return service.rebuild().map(CollaboratorService.Built::model);
  }

  @GraphQlExceptionHandler
  GraphQLError badInput(CollabDataException e, DataFetchingEnvironment env) {
    return GraphqlErrorBuilder.newError(env).errorType(ErrorType.BAD_REQUEST).message(e.getMessage())
        .extensions(Map.of("code", "BAD_REQUEST")).build();
  }
}
