package dev.talentgraph.ml.hiring;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How well a person's skills cover an opening's requirements, requirement by requirement, through
 * the skill taxonomy. Pure Java: the caller loads the requirements, the person's HAS_SKILL and the
 * taxonomy around the required skills ({@link Taxonomy}).
 *
 * <p>Per requirement (wanted level L, {@value #DEFAULT_LEVEL} when the REQUIRES edge has none):
 * <ul>
 *   <li><b>covered</b>: the person has the skill at level h; credit {@code min(1, h / L)} (full at or
 *       above the level, partial by the level ratio below it);
 *   <li><b>adjacent</b>: the person has another skill that stands in for it; credit {@code factor *
 *       min(1, h / L)} with factor {@value #SAME_AS} for a SAME_AS twin, {@value #NARROWER} per step
 *       for a narrower skill (held -BROADER-&gt; required, up to two steps; the convention of the
 *       training advisor), {@value #RELATED} for RELATED_TO, {@value #BROADER_CREDIT} for a broader skill
 *       (knowing "programming" says little of Rust) and {@value #SIBLING} for a sibling (both under the
 *       same broader skill, skill groups excluded); the best stand-in wins;
 *   <li><b>missing</b>: nothing stands in; credit 0.
 * </ul>
 * The coverage is the weighted mean of the credits, required requirements weighing
 * {@value #REQUIRED_WEIGHT} and preferred ones 1. The evidence strength is the credit-weighted mean
 * {@link EvidenceStrength} of the skills that gave credit.
 */
public final class SkillCoverage {
  private SkillCoverage() {}

  /** Level assumed for a REQUIRES edge without one (as in the training advisor). */
  public static final int DEFAULT_LEVEL = 3;
  public static final double REQUIRED_WEIGHT = 2.0;
  public static final double SAME_AS = 0.9;
  public static final double NARROWER = 0.5;
  public static final double RELATED = 0.5;
  public static final double BROADER_CREDIT = 0.25;
  public static final double SIBLING = 0.3;

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

  /** How a stand-in skill relates to the required one. */
  public enum Relation {
    SAME_AS("same-as"), NARROWER("narrower"), RELATED("related"), BROADER("broader"), SIBLING("sibling");

    public final String word;

    Relation(String word) {
      this.word = word;
    }
  }

  public enum Status { COVERED, ADJACENT, MISSING }

  /**
   * The outcome for one requirement.
   *
   * @param held the person's skill that gave the credit (the required skill itself when covered); null when missing
   * @param relation how {@code held} relates to the required skill when adjacent; null otherwise
   * @param steps taxonomy steps for a narrower stand-in (1 or 2), else 0 or 1
   * @param credit 0..1
   */
  public record Match(Requirement requirement, Status status, Held held, Relation relation, int steps, double credit) {
    public boolean atLevel() {
      return held != null && held.level() >= requirement.wanted();
    }

    /** One sentence: "Python: level 4 of 3 (resume mention)", "Java: via Spring (narrower), level 3 of 4". */
    public String text() {
      Requirement r = requirement;
      String name = r.skillName() == null ? r.skillId() : r.skillName();
      String kind = r.required() ? "required" : "preferred";
      return switch (status) {
        case COVERED -> String.format(Locale.ROOT, "%s (%s): level %d of %d, evidence %s", name, kind, held.level(), r.wanted(),
            held.evidenceKind());
        case ADJACENT -> String.format(Locale.ROOT, "%s (%s): %s stands in (%s%s), level %d of %d, evidence %s, credit %.2f",
            name, kind, held.skillName() == null ? held.skillId() : held.skillName(), relation.word,
            relation == Relation.NARROWER && steps > 1 ? ", " + steps + " steps" : "", held.level(), r.wanted(), held.evidenceKind(),
            credit);
        case MISSING -> String.format(Locale.ROOT, "%s (%s, level %d): missing", name, kind, r.wanted());
      };
    }
  }

  /**
   * The result for one person and one opening.
   *
   * @param score weighted coverage 0..1 (0 when the opening requires nothing)
   * @param requiredCoverage mean credit of the required skills; null when none is required
   * @param preferredCoverage mean credit of the preferred skills; null when none is preferred
   * @param evidence credit-weighted evidence strength of the skills that gave credit; 0 when none did
   */
  public record Coverage(List<Match> matches, double score, Double requiredCoverage, Double preferredCoverage, int missingRequired,
      int adjacent, double evidence, int maxHeldLevel, int heldSkills) {
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
   * The taxonomy around some skills: BROADER edges (narrower -&gt; broader), SAME_AS and RELATED_TO
   * pairs (read undirected), and which nodes are skill groups (never a sibling's common parent).
   */
  public static final class Taxonomy {
    private final Map<String, Set<String>> broader = new HashMap<>();
    private final Map<String, Set<String>> narrower = new HashMap<>();
    private final Map<String, Set<String>> same = new HashMap<>();
    private final Map<String, Set<String>> related = new HashMap<>();
    private final Set<String> groups = new HashSet<>();

    public Taxonomy broader(String narrowerId, String broaderId) {
      broader.computeIfAbsent(narrowerId, k -> new HashSet<>()).add(broaderId);
      narrower.computeIfAbsent(broaderId, k -> new HashSet<>()).add(narrowerId);
      return this;
    }

    public Taxonomy sameAs(String a, String b) {
      same.computeIfAbsent(a, k -> new HashSet<>()).add(b);
      same.computeIfAbsent(b, k -> new HashSet<>()).add(a);
      return this;
    }

    public Taxonomy related(String a, String b) {
      related.computeIfAbsent(a, k -> new HashSet<>()).add(b);
      related.computeIfAbsent(b, k -> new HashSet<>()).add(a);
      return this;
    }

    public Taxonomy group(String id) {
      groups.add(id);
      return this;
    }

    private Set<String> get(Map<String, Set<String>> m, String id) {
      return m.getOrDefault(id, Set.of());
    }

    /** How {@code held} relates to {@code required} and in how many steps; null when it does not. */
    Object[] relation(String required, String held) {
      if (get(same, required).contains(held)) return new Object[] {Relation.SAME_AS, 1};
      if (get(narrower, required).contains(held)) return new Object[] {Relation.NARROWER, 1};
      for (String mid : get(narrower, required)) {
        if (get(narrower, mid).contains(held)) return new Object[] {Relation.NARROWER, 2};
      }
      if (get(related, required).contains(held)) return new Object[] {Relation.RELATED, 1};
      if (get(broader, required).contains(held)) return new Object[] {Relation.BROADER, 1};
      for (String parent : get(broader, required)) {
        if (!groups.contains(parent) && get(narrower, parent).contains(held)) return new Object[] {Relation.SIBLING, 1};
      }
      return null;
    }

    static double factor(Relation r, int steps) {
      return switch (r) {
        case SAME_AS -> SAME_AS;
        case NARROWER -> Math.pow(NARROWER, steps);
        case RELATED -> RELATED;
        case BROADER -> BROADER_CREDIT;
        case SIBLING -> SIBLING;
      };
    }
  }

  /** Coverage of the requirements by the held skills (several HAS_SKILL to one skill: the highest level counts). */
  public static Coverage of(List<Requirement> requirements, Collection<Held> heldSkills, Taxonomy taxonomy) {
    Map<String, Held> held = new HashMap<>();
    int maxLevel = 0;
    for (Held h : heldSkills) {
      held.merge(h.skillId(), h, (a, b) -> b.level() > a.level() || (b.level() == a.level() && b.strength() > a.strength()) ? b : a);
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
    return new Coverage(List.copyOf(matches), wSum == 0 ? 0 : wCredit / wSum, reqN == 0 ? null : reqSum / reqN,
        prefN == 0 ? null : prefSum / prefN, missingRequired, adjacent, evW == 0 ? 0 : ev / evW, maxLevel, held.size());
  }

  private static Match match(Requirement r, Map<String, Held> held, Taxonomy taxonomy) {
    double wanted = r.wanted();
    Held exact = held.get(r.skillId());
    if (exact != null) return new Match(r, Status.COVERED, exact, null, 0, Math.min(1.0, exact.level() / wanted));
    Match best = null;
    for (Held h : held.values()) {
      Object[] rel = taxonomy.relation(r.skillId(), h.skillId());
      if (rel == null) continue;
      Relation relation = (Relation) rel[0];
      int steps = (Integer) rel[1];
      double credit = Taxonomy.factor(relation, steps) * Math.min(1.0, h.level() / wanted);
      if (best == null || credit > best.credit() + 1e-12
          || (Math.abs(credit - best.credit()) <= 1e-12 && h.skillId().compareTo(best.held().skillId()) < 0)) {
        best = new Match(r, Status.ADJACENT, h, relation, steps, credit);
      }
    }
    return best != null ? best : new Match(r, Status.MISSING, null, null, 0, 0);
  }
}
