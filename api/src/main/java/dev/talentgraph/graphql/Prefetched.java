package dev.talentgraph.graphql;

import java.util.List;

/**
 * A read model that may carry nested lists fetched together with it (see {@link Projection}).
 * {@link #prefetched} returns null for a list that was not fetched.
 */
public interface Prefetched {
  List<?> prefetched(String field);
}
