package dev.talentgraph.teams;

import dev.talentgraph.graphql.nodes.ExpertNode;
import java.util.Map;

/** Experts as the feature returns them: id and name; nested fields load in batches. */
final class TeamNodes {
  private TeamNodes() {}

  static ExpertNode expert(String id, String name) {
    return new ExpertNode(id, name, null, null, null, null, null, null, null, null, Map.of());
  }
}
