package dev.talentgraph.ml.courses;

import java.util.List;

/**
 * An ordered plan of courses for a target: prerequisites before the courses that need them.
 *
 * @param expertId the expert
 * @param target the target
 * @param steps the courses in the order to take them
 * @param totalHours sum of the known course hours
 * @param maxHours the budget asked for, or null
 * @param uncovered gap skills the path leaves (partly) open, with the reason
 * @param note a summary sentence; never null
 */
public record LearningPath(
    String expertId,
    SkillGap.TargetRef target,
    List<Step> steps,
    int totalHours,
    Integer maxHours,
    List<Uncovered> uncovered,
    String note) {

  public LearningPath {
    steps = List.copyOf(steps);
    uncovered = List.copyOf(uncovered);
  }

  /**
   * One course of the path.
   *
   * @param position 1-based place in the path
   * @param courseId the course
   * @param title its title
   * @param hours its hours or null when unknown
   * @param closes the gap skills it closes (empty for a pure prerequisite)
   * @param prerequisiteOf the courses of the path it is a prerequisite of
   * @param why why it is in the path
   */
  public record Step(
      int position,
      String courseId,
      String title,
      Integer hours,
      List<CourseRecommendation.ClosedSkill> closes,
      List<String> prerequisiteOf,
      String why) {

    public Step {
      closes = List.copyOf(closes);
      prerequisiteOf = List.copyOf(prerequisiteOf);
    }
  }

  /**
   * A gap skill not (fully) covered.
   *
   * @param skillId the skill
   * @param skillName its name
   * @param remaining the share of its gap left open, 0-1
   * @param reason "no course teaches it" or "courses that teach it exceed maxHours"
   */
  public record Uncovered(String skillId, String skillName, double remaining, String reason) {}
}
