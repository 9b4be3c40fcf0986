/**
 * GraphQL request limits as graphql-java instrumentations, configured by {@code
 * talent.graphql.limits.*}: depth, complexity, aliases, page size, a request time limit, per-user
 * rate limits (Bucket4j) and switchable introspection. Each refusal is one GraphQL error with
 * {@code extensions.code} (see {@link dev.talentgraph.limits.LimitError}) and {@code refused:
 * true}, which the audit log records.
 */
package dev.talentgraph.limits;
