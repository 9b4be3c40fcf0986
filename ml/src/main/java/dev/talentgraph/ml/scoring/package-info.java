/**
 * Scoring on the graph: the active model of a kind scores its rows in batches, and every score is
 * written as {@code (:Expert)-[:HAS_SCORE]->(:Score {model, version, value, at, explanation})
 * -[:BY_MODEL]->(:Model)}, so each number carries the model version that made it and the reasons.
 */
package dev.talentgraph.ml.scoring;
