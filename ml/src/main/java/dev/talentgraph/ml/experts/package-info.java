/**
 * Expert finding from questions and answers: whom to ask a new question.
 *
 * <p>One per-person history ({@link dev.talentgraph.ml.experts.AnswerHistory}), grown in time order
 * from {@link dev.talentgraph.ml.experts.QaPost}s and {@link dev.talentgraph.ml.experts.QaVote}s,
 * gives every candidate of a question the same features whether the posts come from a Stack
 * Exchange dump or from the graph. {@link dev.talentgraph.ml.experts.ExpertFindingEvaluation}
 * replays a community chronologically and compares the baselines with the learned {@link
 * dev.talentgraph.ml.experts.QuestionRouter} (ADR 0009).
 */
package dev.talentgraph.ml.experts;
