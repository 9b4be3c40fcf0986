package dev.talentgraph.ml.hiring;

import dev.talentgraph.schema.skills.SkillCredit;
import dev.talentgraph.schema.skills.SkillCredit.Relation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How well a person's skills cover an opening's requirements, requirement by requirement, through
 * the skill taxonomy. Pure Java: the caller loads the requirements, the person's HAS_SKILL and the
 * taxonomy around the required skills ({@link SkillCredit#TAXONOMY_AROUND}).
 *
 * <p>Per requirement (wanted level L, {@value #DEFAULT_LEVEL} when the REQUIRES edge has none) the
 * credit is the one of {@link SkillCredit}: the best held skill's {@code weight * min(1, h / L)}.
 *
 * <ul>
 *   <li><b>covered</b>: that skill is the required skill itself;
 *   <li><b>adjacent</b>: another skill stands in for it (a SAME_AS twin, a narrower, related,
 *       sibling or broader skill, weighted as {@link SkillCredit} says);
 *   <li><b>missing</b>: nothing stands in; credit 0.
 * </ul>
 *
 * The coverage is the weighted mean of the credits, required requirements weighing {@value
 * #REQUIRED_WEIGHT} and preferred ones 1. The evidence strength is the credit-weighted mean {@link
 * EvidenceStrength} of the skills that gave credit.
 */
public final class SkillCoverage {
  private SkillCoverage() {}

  /** Level assumed for a REQUIRES edge without one. */
  public static final int DEFAULT_LEVEL = SkillCredit.DEFAULT_LEVEL;

  public static final double REQUIRED_WEIGHT = 2.0;

  /** One requirement of an opening; {@code level} null when the edge has none. */
  public record Requirement(String skillId, String skillName, Integer level, boolean required) {
    public int wanted() {
      return level == null || level < 1 ? DEFAULT_LEVEL : Math.min(5, level);
    }
  }

  /** One HAS_SKILL of the person. */
  public record Held(String skillId, String skillName, int level, String source, Object evidence) {
    public double strength() {
      return EvidenceStrength.of(source, evidence);
    }

    public String evidenceKind() {
      return EvidenceStrength.kind(source, evidence);
    }
  }

  public enum Status {
    COVERED,
    ADJACENT,
    MISSING
  }

  /**
   * The outcome for one requirement.
   *
   * @param held the person's skill that gave the credit (the required skill itself when covered);
   *     null when missing
   * @param relation how {@code held} relates to the required skill when adjacent; null otherwise
   * @param steps taxonomy steps as in {@link SkillCredit.Link#depth()}; 0 when covered or missing
   * @param credit 0..1
   */
  public record Match(
      Requirement requirement,
      Status status,
      Held held,
      Relation relation,
      int steps,
      double credit) {
    public boolean atLevel() {
      return held != null && held.level() >= requirement.wanted();
    }

    /**
     * One sentence: "Python: level 4 of 3 (resume mention)", "Java: via Spring (narrower), level 3
     * of 4".
     */
    public String text() {
      Requirement r = requirement;
      String name = r.skillName() == null ? r.skillId() : r.skillName();
      String kind = r.required() ? "required" : "preferred";
      return switch (status) {
        case COVERED ->
            String.format(
                Locale.ROOT,
                "%s (%s): level %d of %d, evidence %s",
                name,
                kind,
                held.level(),
                r.wanted(),
                held.evidenceKind());
        case ADJACENT ->
            String.format(
                Locale.ROOT,
                "%s (%s): %s stands in (%s%s), level %d of %d, evidence %s, credit %.2f",
                name,
                kind,
                held.skillName() == null ? held.skillId() : held.skillName(),
                relation.word,
                relation == Relation.NARROWER && steps > 1 ? ", " + steps + " steps" : "",
                held.level(),
                r.wanted(),
                held.evidenceKind(),
                credit);
        case MISSING ->
            String.format(Locale.ROOT, "%s (%s, level %d): missing", name, kind, r.wanted());
      };
    }
  }

  /**
   * The result for one person and one opening.
   *
   * @param score weighted coverage 0..1 (0 when the opening requires nothing)
   * @param requiredCoverage mean credit of the required skills; null when none is required
   * @param preferredCoverage mean credit of the preferred skills; null when none is preferred
   * @param evidence credit-weighted evidence strength of the skills that gave credit; 0 when none
   *     did
   */
  public record Coverage(
      List<Match> matches,
      double score,
      Double requiredCoverage,
      Double preferredCoverage,
      int missingRequired,
      int adjacent,
      double evidence,
      int maxHeldLevel,
      int heldSkills) {
    public List<Match> covered() {
      return matches.stream().filter(m -> m.status() == Status.COVERED).toList();
    }

    public List<Match> adjacentMatches() {
      return matches.stream().filter(m -> m.status() == Status.ADJACENT).toList();
    }

    public List<Match> missing() {
      return matches.stream().filter(m -> m.status() == Status.MISSING).toList();
    }
  }

  /**
   * Coverage of the requirements by the held skills (several HAS_SKILL to one skill: the highest
   * level counts).
   */
  public static Coverage of(
      List<Requirement> requirements, Collection<Held> heldSkills, SkillCredit.Taxonomy taxonomy) {
    Map<String, Held> held = new HashMap<>();
    int maxLevel = 0;
    for (Held h : heldSkills) {
      held.merge(
          h.skillId(),
          h,
          (a, b) ->
              b.level() > a.level() || (b.level() == a.level() && b.strength() > a.strength())
                  ? b
                  : a);
      maxLevel = Math.max(maxLevel, h.level());
    }
    List<Match> matches = new ArrayList<>(requirements.size());
    double wSum = 0, wCredit = 0, reqSum = 0, prefSum = 0, evW = 0, ev = 0;
    int reqN = 0, prefN = 0, missingRequired = 0, adjacent = 0;
    for (Requirement r : requirements) {
      Match m = match(r, held, taxonomy);
      matches.add(m);
      double w = r.required() ? REQUIRED_WEIGHT : 1.0;
      wSum += w;
      wCredit += w * m.credit();
      if (r.required()) {
        reqN++;
        reqSum += m.credit();
        if (m.status() == Status.MISSING) missingRequired++;
      } else {
        prefN++;
        prefSum += m.credit();
      }
      if (m.status() == Status.ADJACENT) adjacent++;
      if (m.held() != null && m.credit() > 0) {
        evW += m.credit();
        ev += m.credit() * m.held().strength();
      }
    }
    return new Coverage(
        List.copyOf(matches),
        wSum == 0 ? 0 : wCredit / wSum,
        reqN == 0 ? null : reqSum / reqN,
        prefN == 0 ? null : prefSum / prefN,
        missingRequired,
        adjacent,
        evW == 0 ? 0 : ev / evW,
        maxLevel,
        held.size());
  }

  private static Match match(Requirement r, Map<String, Held> held, SkillCredit.Taxonomy taxonomy) {
    Map<String, Integer> levels = new HashMap<>();
    held.forEach((id, h) -> levels.put(id, h.level()));
    SkillCredit.Best best = SkillCredit.best(r.skillId(), r.wanted(), levels, taxonomy);
    if (best == null) return new Match(r, Status.MISSING, null, null, 0, 0);
    Held h = held.get(best.heldId());
    if (best.link().relation() == Relation.EXACT)
      return new Match(r, Status.COVERED, h, null, 0, best.credit());
    return new Match(
        r, Status.ADJACENT, h, best.link().relation(), best.link().depth(), best.credit());
  }
}
