package dev.talentgraph.portal;

import java.util.List;

/**
 * Portal pages whose GraphQL fields are built separately: the navigation shows them from the start,
 * and each page says plainly that the feature is not available until the served schema has its
 * fields (read from the schema at request time, never assumed).
 */
enum PlannedFeature {
  ASK(
      "/ask",
      "Ask",
      "Write a question, see whom to ask and why, and post it.",
      List.of("whoKnows", "routeQuestion"),
      List.of("postQuestion"));

  final String path;
  final String title;
  final String purpose;
  final List<String> queries;
  final List<String> mutations;

  PlannedFeature(
      String path, String title, String purpose, List<String> queries, List<String> mutations) {
    this.path = path;
    this.title = title;
    this.purpose = purpose;
    this.queries = queries;
    this.mutations = mutations;
  }

  static PlannedFeature forPath(String path) {
    for (PlannedFeature f : values()) if (f.path.equals(path)) return f;
    throw new IllegalArgumentException("no planned feature at " + path);
  }

  boolean availableIn(PortalGraphQl graphQl) {
    return queries.stream().anyMatch(graphQl::hasQuery)
        || mutations.stream().anyMatch(graphQl::hasMutation);
  }

  public String getPath() {
    return path;
  }

  public String getTitle() {
    return title;
  }

  public String getPurpose() {
    return purpose;
  }

  public String getFields() {
    return String.join(", ", queries)
        + (mutations.isEmpty() ? "" : ", " + String.join(", ", mutations));
  }
}
