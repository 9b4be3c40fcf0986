package dev.talentgraph.ml.courses;

import java.util.List;

/**
 * One recommended course with the reasons for its place.
 *
 * @param courseId the course
 * @param title its title
 * @param hours its length in hours, or null when unknown
 * @param score the blended score in [0, 1] the list is sorted by
 * @param gapCoverage the share of the expert's gap (in missing levels) the course closes, 0-1
 * @param modelScore the ranker's P(enrolled) for this learner, 0-1
 * @param expectedGain expected level gain from measured ENROLLED levelBefore/levelAfter, shrunk
 *     towards the average of all courses when few measurements exist
 * @param measuredEnrolments how many enrolments of the course carry both levels
 * @param closes the gap skills the course closes, with how
 * @param why one or two sentences explaining the rank
 */
record CourseRecommendation(
    String courseId,
    String title,
    Integer hours,
    double score,
    double gapCoverage,
    double modelScore,
    double expectedGain,
    int measuredEnrolments,
    List<ClosedSkill> closes,
    String why) {

  public CourseRecommendation {
    closes = List.copyOf(closes);
  }

  /**
   * A gap skill a course helps close.
   *
   * @param skillId the gap skill
   * @param skillName its name
   * @param viaSkillId the skill the course teaches (the gap skill itself, a SAME_AS twin or a
   *     narrower skill)
   * @param credit the share of this skill's gap the course closes, 0-1
   * @param reason e.g. "teaches Spring Boot, narrower than Java (half credit)"
   */
  public record ClosedSkill(
      String skillId, String skillName, String viaSkillId, double credit, String reason) {}
}
