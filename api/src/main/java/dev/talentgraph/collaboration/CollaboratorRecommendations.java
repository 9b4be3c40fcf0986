package dev.talentgraph.collaboration;

import dev.talentgraph.graphql.nodes.ExpertNode;
import dev.talentgraph.ml.collab.CollaboratorRecommender.Reason;
import java.util.List;

/**
 * {@code type CollaboratorRecommendations}: what {@code recommendCollaborators} and the talent
 * profile answer.
 */
public record CollaboratorRecommendations(
    String expertId,
    String projectId,
    List<CollaboratorRecommendation> items,
    List<String> notes,
    String model,
    String method) {

  /** {@code type CollaboratorRecommendation}. */
  public record CollaboratorRecommendation(ExpertNode expert, double score, List<Reason> reasons) {}
}
