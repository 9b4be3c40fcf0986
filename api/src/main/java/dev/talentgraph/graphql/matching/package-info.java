/**
 * {@code rankCandidates} and {@code matchOpenings}: people against openings through the skill taxonomy
 * and the hire model (issue 8; the coverage and the model live in {@code dev.talentgraph.ml.hiring}).
 */
package dev.talentgraph.graphql.matching;
