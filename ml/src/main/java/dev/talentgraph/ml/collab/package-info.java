/**
 * Collaborator recommendation: link prediction on the talent graph.
 *
 * <p>One in-memory index ({@link dev.talentgraph.ml.collab.CollabGraph}) is loaded once, from Neo4j
 * ({@link dev.talentgraph.ml.collab.Neo4jCollabGraphLoader}) or from files ({@link
 * dev.talentgraph.ml.collab.AanCorpus}, {@link dev.talentgraph.ml.collab.EdgeList}), and is shared
 * by the product path ({@link dev.talentgraph.ml.collab.CollaboratorRecommender}) and the
 * evaluation ({@link dev.talentgraph.ml.collab.LinkPredictionEvaluation}), so both see exactly the
 * same features ({@link dev.talentgraph.ml.collab.PairFeatures}). Scoring hundreds of thousands of
 * pairs one Cypher query at a time is too slow; sorted int arrays make a pair's features a few
 * merges.
 *
 * <p>The learned ranker ({@link dev.talentgraph.ml.collab.CollaboratorRanker}) is a plain Tribuo
 * {@code Model<Label>} whose provenance carries the feature definition it was trained with, so the
 * model registry can store it like any other model.
 */
package dev.talentgraph.ml.collab;
