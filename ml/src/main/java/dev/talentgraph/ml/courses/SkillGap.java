package dev.talentgraph.ml.courses;

import java.util.List;

/**
 * An expert's skills compared with a target's requirements through the taxonomy.
 *
 * @param expertId the expert
 * @param target what was compared against
 * @param gaps required skills the expert lacks or has below the wanted level, largest first
 * @param met required skills the expert already has at the wanted level
 */
public record SkillGap(
    String expertId, TargetRef target, List<Comparison> gaps, List<Comparison> met) {

  public SkillGap {
    gaps = List.copyOf(gaps);
    met = List.copyOf(met);
  }

  /**
   * The target as resolved in the graph.
   *
   * @param kind JobOpening, Project, Occupation or Skills
   * @param id node id (null for an explicit skill list)
   * @param name title or name (null for an explicit skill list)
   */
  public record TargetRef(String kind, String id, String name) {}

  /**
   * One required skill.
   *
   * @param skillId the required skill
   * @param skillName its name
   * @param requiredLevel the wanted level, 1-5
   * @param currentLevel the expert's effective level after taxonomy credit (0 when none), may be
   *     fractional
   * @param missing {@code max(0, requiredLevel - currentLevel)}
   * @param creditedFrom the skill the current level comes from when it is not the required skill
   *     itself (a SAME_AS twin or a narrower skill), else null
   * @param reason one sentence saying how the current level was found
   */
  public record Comparison(
      String skillId,
      String skillName,
      int requiredLevel,
      double currentLevel,
      double missing,
      String creditedFrom,
      String reason) {}
}
