package dev.talentgraph.ml.experts;

import java.util.List;

/**
 * One candidate for one question, as of the question's time: the raw evidence the baselines rank by
 * and the learned ranker's inputs ({@link #vector()}).
 *
 * @param person the candidate's id
 * @param tagAnswers earlier answers on the question's tags (summed over its tags): the tag profile
 * @param bm25 BM25 of the question's text against the candidate's earlier answers
 * @param tagShare {@code tagAnswers} over the largest among the question's candidates
 * @param bm25Share {@code bm25} over the largest among the question's candidates
 * @param similarQuestionsShare BM25 of the question against the questions the candidate answered
 *     before, over the largest among the candidates
 * @param answers earlier answers: popularity
 * @param answersShare {@code answers} over the largest among the question's candidates
 * @param last7 answers in the 7 days before the question
 * @param last30 answers in the 30 days before the question
 * @param last30Share {@code last30} over the largest among the question's candidates
 * @param last90 answers in the 90 days before
 * @param last365 answers in the 365 days before
 * @param daysSinceLast days since the candidate's last answer
 * @param daysSinceFirst days since the candidate's first answer
 * @param recentQuestions questions posted in the 30 days before the question (the same for every
 *     candidate: what {@code last30} is out of)
 * @param hourShare share of the candidate's earlier answers posted within two hours of the
 *     question's time of day (people answer when they are online)
 * @param accepted earlier answers accepted (as far as known at the time)
 * @param score the summed score of the earlier answers (as far as known at the time)
 * @param askedOnTags earlier questions the candidate asked on the question's tags
 * @param askerLinks earlier answers between the candidate and the asker, either way
 * @param matchedTags the question's tags the candidate answered before (for reasons)
 */
public record CandidateFeatures(
    String person,
    double tagAnswers,
    double bm25,
    double tagShare,
    double bm25Share,
    double similarQuestionsShare,
    double answers,
    double answersShare,
    double last7,
    double last30,
    double last30Share,
    double last90,
    double last365,
    double daysSinceLast,
    double daysSinceFirst,
    double recentQuestions,
    double hourShare,
    double accepted,
    double score,
    double askedOnTags,
    double askerLinks,
    List<String> matchedTags) {

  /** The learned ranker's inputs, in this order; change {@link #VERSION} with them. */
  public static final List<String> NAMES =
      List.of(
          "tags_log",
          "tags_share",
          "bm25_share",
          "tags_bm25",
          "similar_questions_share",
          "answers_log",
          "answers_share",
          "answers_7d_log",
          "answers_30d_log",
          "answers_30d_share",
          "answers_90d_log",
          "answers_365d_log",
          "days_since_last_log",
          "days_active_log",
          "answers_per_day",
          "recent_coverage",
          "hour_share",
          "acceptance_rate",
          "score_mean",
          "tag_focus",
          "asked_on_tags_log",
          "asker_links_log");

  /** The feature definition a trained model is tied to. */
  public static final String VERSION = "route-v1";

  /** The tags+BM25 baseline: each normalised by its maximum over the candidates, summed. */
  public double tagsBm25() {
    return tagShare + bm25Share;
  }

  public double[] vector() {
    return new double[] {
      Math.log1p(tagAnswers),
      tagShare,
      bm25Share,
      tagShare + bm25Share,
      similarQuestionsShare,
      Math.log1p(answers),
      answersShare,
      Math.log1p(last7),
      Math.log1p(last30),
      last30Share,
      Math.log1p(last90),
      Math.log1p(last365),
      Math.log1p(daysSinceLast),
      Math.log1p(daysSinceFirst),
      answers / (daysSinceFirst + 7),
      last30 / (recentQuestions + 1),
      hourShare,
      accepted / (answers + 1),
      score / (answers + 1),
      tagAnswers / Math.max(1, answers),
      Math.log1p(askedOnTags),
      Math.log1p(askerLinks)
    };
  }
}
