/**
 * The GraphQL API: shared pieces of the features beside it.
 *
 * <p>How a request reaches the graph: a connection or node query builds ONE statement ({@link
 * dev.talentgraph.graphql.NodeQuery}) whose projection ({@link dev.talentgraph.graphql.Projection})
 * holds exactly the scalars and nested lists the client selected ({@link
 * dev.talentgraph.graphql.Selection}); nested list fields answer from those prefetched lists
 * ({@link dev.talentgraph.graphql.NestedListFetchers}) and, for lists deeper than the page
 * statement reaches, from one batched statement per field and level ({@link
 * dev.talentgraph.graphql.Relations} behind each {@code @BatchMapping}). Every statement goes
 * through {@link dev.talentgraph.graphql.CypherGateway}, which counts round trips per request.
 * Mutations validate in memory, then check against the graph and write in one transaction ({@link
 * dev.talentgraph.graphql.Writes}); expected failures are {@link
 * dev.talentgraph.graphql.UserError}s in the payload.
 */
package dev.talentgraph.graphql;
