package dev.talentgraph.collaboration;

import dev.talentgraph.ml.collab.CollabDataException;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** {@code recommendCollaborators}: who should work with whom, with the reasons from the graph. */
@Controller
class CollaboratorController {
  private final CollaboratorService service;

  CollaboratorController(CollaboratorService service) {
    this.service = service;
  }

  @QueryMapping
  Mono<CollaboratorRecommendations> recommendCollaborators(
      @Argument String expertId, @Argument Integer first, @Argument String forProject) {
    return service.recommend(expertId, first == null ? 10 : first, forProject);
  }

  @GraphQlExceptionHandler
  GraphQLError badInput(CollabDataException e, DataFetchingEnvironment env) {
    return GraphqlErrorBuilder.newError(env)
        .errorType(ErrorType.BAD_REQUEST)
        .message(e.getMessage())
        .extensions(Map.of("code", "BAD_REQUEST"))
        .build();
  }
}
