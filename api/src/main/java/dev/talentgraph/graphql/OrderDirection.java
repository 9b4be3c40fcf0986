package dev.talentgraph.graphql;

/** Mirrors {@code enum OrderDirection} of the schema. */
public enum OrderDirection {
  ASC,
  DESC;

  /** The Cypher keyword (a fixed string, never client text). */
  public String cypher() {
    return this == DESC ? " DESC" : "";
  }
}
