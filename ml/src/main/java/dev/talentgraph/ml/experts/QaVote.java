package dev.talentgraph.ml.experts;

import java.time.LocalDateTime;

/**
 * What became known about an answer at one time: a change of its score and whether the asker
 * accepted it. A dump gives one vote per row (its day only); the graph, which keeps the final score
 * and acceptance, gives one vote per answer at the answer's date.
 *
 * @param postId the answer voted on (votes on questions are ignored)
 * @param scoreDelta +1 up, -1 down, or the whole score at once
 * @param accepted the asker accepted the answer
 * @param known when the vote can first be used: a dump's vote dated day D is known at the end of D
 */
public record QaVote(String postId, int scoreDelta, boolean accepted, LocalDateTime known) {}
