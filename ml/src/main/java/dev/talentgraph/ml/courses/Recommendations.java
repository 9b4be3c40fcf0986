package dev.talentgraph.ml.courses;

import java.util.List;

/**
 * The answer of {@code recommendTrainings}: the ranked courses and, when the list is short or
 * empty, why (no course teaches the gap, no gap at all, ...).
 *
 * @param expertId the expert
 * @param target the target, or null when recommending from history and skills alone
 * @param items ranked courses, best first
 * @param ranker which ranker produced the model scores (model name and provenance summary)
 * @param note why the list is empty or what it is based on; never null
 */
public record Recommendations(
    String expertId,
    SkillGap.TargetRef target,
    List<CourseRecommendation> items,
    String ranker,
    String note) {

  public Recommendations {
    items = List.copyOf(items);
  }
}
