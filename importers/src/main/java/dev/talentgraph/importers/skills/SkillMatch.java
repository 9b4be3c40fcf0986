package dev.talentgraph.importers.skills;

/**
 * A skill found in a text: the canonical skill id and name, the character span [start, end) and the
 * matched text itself, which is what importers store as evidence.
 */
public record SkillMatch(String skillId, String skillName, int start, int end, String span) {

  /** The span with a little context on each side, for evidence that a person can read. */
  public String context(String text, int around) {
    int from = Math.max(0, start - around);
    int to = Math.min(text.length(), end + around);
    return (from > 0 ? "..." : "")
        + text.substring(from, to).replaceAll("\\s+", " ")
        + (to < text.length() ? "..." : "");
  }
}
