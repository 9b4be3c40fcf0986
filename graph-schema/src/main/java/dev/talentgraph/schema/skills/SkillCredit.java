package dev.talentgraph.schema.skills;

import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.Props;
import dev.talentgraph.schema.RelTypes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How much a skill a person holds stands in for a skill that is asked for: the one rule behind the
 * skill gap (training advice), candidate matching and internal mobility, and every later feature
 * that asks "how well does this skill stand in for that one". Pure Java: the caller reads the
 * taxonomy around the asked-for skills with {@link #TAXONOMY_AROUND} and hands the rows to a {@link
 * Taxonomy}.
 *
 * <h2>Relations and their weights</h2>
 *
 * <ul>
 *   <li>{@link Relation#EXACT}, weight {@value #EXACT}: the skill itself.
 *   <li>{@link Relation#SAME_AS}, weight {@value #SAME_AS}: a SAME_AS twin is the same concept in
 *       another taxonomy (an O*NET technology and its ESCO skill). Which taxonomy a profile was
 *       imported from says nothing about the person, so the twin counts in full; any discount would
 *       leave a Kubernetes expert recorded under the O*NET name with a permanent Kubernetes gap.
 *   <li>{@link Relation#NARROWER} at depth d (held {@code -[:BROADER*d]->} required, d &lt;=
 *       {@value #MAX_DEPTH}), weight {@value #NARROWER}^d: a Spring Boot developer knows a good
 *       part of Java, not all of it; halved per step, so two steps down (Spring Boot for
 *       "programming") is a quarter, and beyond {@value #MAX_DEPTH} steps the link is too loose to
 *       count.
 *   <li>{@link Relation#RELATED}, weight {@value #RELATED}: RELATED_TO (read undirected) links
 *       skills that are learnt and used together (Kotlin and Java), worth as much as one step down.
 *   <li>{@link Relation#SIBLING}, weight {@value #SIBLING}: both skills directly under the same
 *       broader skill that is not a skill group (Go and Python under software engineering): a
 *       shared foundation, a little more than a broader skill gives; a {@code :SkillGroup} parent
 *       is a filing heading, not a shared foundation, and makes no siblings.
 *   <li>{@link Relation#BROADER} at depth 1 only (required {@code -[:BROADER]->} held), weight
 *       {@value #BROADER}: knowing "programming" says little of Rust; two steps up says nothing.
 * </ul>
 *
 * These are the weights candidate matching was measured with (the hire model's evaluation and the
 * ranking tests), with SAME_AS at full weight for the reason above; they are stated, not fitted.
 *
 * <h2>Credit</h2>
 *
 * The credit of a held skill at level h toward a required skill wanted at level L is {@code weight
 * * min(1, h / L)} (0..1): full at or above the wanted level for the skill itself, partial by the
 * level ratio below it, and a stand-in never gives more than its weight however high its level (a
 * Spring Boot expert still has something to learn in Java). When a person holds several skills that
 * relate to the required one, the highest credit counts ({@link #best}); on a tie the stronger
 * relation (the order of {@link Relation}) and then the smaller skill id. The gap in levels for a
 * requirement is {@code L * (1 - credit)}, so a gap and a match of the same person to the same
 * requirement always agree.
 */
public final class SkillCredit {
  private SkillCredit() {}

  public static final double EXACT = 1.0;
  public static final double SAME_AS = 1.0;

  /** Per taxonomy step from the held (narrower) skill up to the required one. */
  public static final double NARROWER = 0.5;

  public static final double RELATED = 0.5;
  public static final double SIBLING = 0.3;
  public static final double BROADER = 0.25;

  /** Taxonomy steps followed from a narrower held skill up to the required one. */
  public static final int MAX_DEPTH = 2;

  /** Steps followed from a required skill up to a broader held skill. */
  public static final int MAX_BROADER_DEPTH = 1;

  /** Level assumed for a requirement whose REQUIRES edge has none. */
  public static final int DEFAULT_LEVEL = 3;

  /** How a held skill relates to the required one, strongest first (the tie-break order). */
  public enum Relation {
    EXACT("exact"),
    SAME_AS("same-as"),
    NARROWER("narrower"),
    RELATED("related"),
    SIBLING("sibling"),
    BROADER("broader");

    /** The word used in explanations. */
    public final String word;

    Relation(String word) {
      this.word = word;
    }
  }

  /**
   * One relation of a held skill to a required skill.
   *
   * @param depth taxonomy steps for NARROWER and BROADER; 1 for RELATED, SIBLING and SAME_AS (one
   *     edge or one shared parent); 0 for EXACT
   */
  public record Link(Relation relation, int depth) {
    public double weight() {
      return SkillCredit.weight(relation, depth);
    }
  }

  /** The weight of a relation; 0 when the depth is beyond what counts. */
  public static double weight(Relation relation, int depth) {
    return switch (relation) {
      case EXACT -> EXACT;
      case SAME_AS -> SAME_AS;
      case NARROWER -> depth >= 1 && depth <= MAX_DEPTH ? Math.pow(NARROWER, depth) : 0;
      case RELATED -> RELATED;
      case SIBLING -> SIBLING;
      case BROADER -> depth >= 1 && depth <= MAX_BROADER_DEPTH ? BROADER : 0;
    };
  }

  /** Credit 0..1 of a held skill at {@code heldLevel} toward one wanted at {@code wantedLevel}. */
  public static double credit(Link link, double heldLevel, double wantedLevel) {
    if (link == null || heldLevel <= 0) return 0;
    double wanted = wantedLevel > 0 ? wantedLevel : DEFAULT_LEVEL;
    return link.weight() * Math.min(1.0, heldLevel / wanted);
  }

  /** Missing levels of a requirement wanted at {@code wantedLevel} given its credit. */
  public static double gap(double credit, double wantedLevel) {
    return Math.max(0, wantedLevel - wantedLevel * credit);
  }

  /** The held skill that stands in best for a required one. */
  public record Best(String heldId, Link link, double heldLevel, double credit) {}

  /**
   * The best stand-in among the held skills (skill id to level) for {@code required} wanted at
   * {@code wantedLevel}; null when none relates.
   */
  public static Best best(
      String required, double wantedLevel, Map<String, ? extends Number> held, Taxonomy taxonomy) {
    Best best = null;
    for (Map.Entry<String, ? extends Number> h : held.entrySet()) {
      Link link = taxonomy.relation(required, h.getKey());
      if (link == null) continue;
      double level = h.getValue() == null ? 0 : h.getValue().doubleValue();
      double c = credit(link, level, wantedLevel);
      if (best == null
          || c > best.credit() + 1e-12
          || (Math.abs(c - best.credit()) <= 1e-12
              && (link.relation().ordinal() < best.link().relation().ordinal()
                  || (link.relation() == best.link().relation()
                      && h.getKey().compareTo(best.heldId()) < 0)))) {
        best = new Best(h.getKey(), link, level, c);
      }
    }
    return best;
  }

  /**
   * The taxonomy around the skills in {@code $ids}, one row per skill: {@code id}, {@code narrower}
   * (paths of ids from the skill down to {@value #MAX_DEPTH} steps), {@code broader} ([id, is a
   * skill group] pairs), {@code siblings} ([parent, sibling] pairs under a parent that is no skill
   * group), {@code same} and {@code related} (ids). Feed each row to {@link Taxonomy#add(Map)}.
   */
  public static final String TAXONOMY_AROUND =
      "UNWIND $ids AS id MATCH (s:"
          + Labels.SKILL
          + " {"
          + Props.ID
          + ": id}) RETURN id, "
          + "[p = (s)<-[:"
          + RelTypes.BROADER
          + "*1.."
          + MAX_DEPTH
          + "]-(:"
          + Labels.SKILL
          + ") | [x IN nodes(p) | x."
          + Props.ID
          + "]] AS narrower, "
          + "[(s)-[:"
          + RelTypes.BROADER
          + "]->(b:"
          + Labels.SKILL
          + ") | [b."
          + Props.ID
          + ", b:"
          + Labels.SKILL_GROUP
          + "]] AS broader, "
          + "[(s)-[:"
          + RelTypes.BROADER
          + "]->(b:"
          + Labels.SKILL
          + ")<-[:"
          + RelTypes.BROADER
          + "]-(o:"
          + Labels.SKILL
          + ") WHERE NOT b:"
          + Labels.SKILL_GROUP
          + " AND o <> s | [b."
          + Props.ID
          + ", o."
          + Props.ID
          + "]] AS siblings, "
          + "[(s)-[:"
          + RelTypes.SAME_AS
          + "]-(o:"
          + Labels.SKILL
          + ") | o."
          + Props.ID
          + "] AS same, "
          + "[(s)-[:"
          + RelTypes.RELATED_TO
          + "]-(o:"
          + Labels.SKILL
          + ") | o."
          + Props.ID
          + "] AS related";

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

    /** Adds one row of {@link #TAXONOMY_AROUND} (as {@code Record.asMap()} gives it). */
    public Taxonomy add(Map<String, Object> row) {
      String id = (String) row.get("id");
      for (Object path : list(row.get("narrower"))) {
        List<Object> ids = list(path);
        for (int i = 1; i < ids.size(); i++) broader((String) ids.get(i), (String) ids.get(i - 1));
      }
      for (Object b : list(row.get("broader"))) {
        List<Object> pair = list(b);
        broader(id, (String) pair.get(0));
        if (Boolean.TRUE.equals(pair.get(1))) group((String) pair.get(0));
      }
      for (Object p : list(row.get("siblings"))) {
        List<Object> pair = list(p);
        broader((String) pair.get(1), (String) pair.get(0));
      }
      for (Object o : list(row.get("same"))) sameAs(id, (String) o);
      for (Object o : list(row.get("related"))) related(id, (String) o);
      return this;
    }

    private static List<Object> list(Object o) {
      return o instanceof Collection<?> c ? new ArrayList<>(c) : List.of();
    }

    private Set<String> get(Map<String, Set<String>> m, String id) {
      return m.getOrDefault(id, Set.of());
    }

    /** The strongest relation of {@code held} to {@code required}; null when they do not relate. */
    public Link relation(String required, String held) {
      if (required.equals(held)) return new Link(Relation.EXACT, 0);
      if (get(same, required).contains(held)) return new Link(Relation.SAME_AS, 1);
      Link best = null;
      Set<String> level = Set.of(required);
      Set<String> seen = new HashSet<>(level);
      for (int d = 1; d <= MAX_DEPTH && best == null; d++) {
        Set<String> next = new HashSet<>();
        for (String s : level) {
          for (String n : get(narrower, s)) {
            if (seen.add(n)) next.add(n);
          }
        }
        if (next.contains(held)) best = new Link(Relation.NARROWER, d);
        level = next;
      }
      best =
          stronger(
              best, get(related, required).contains(held) ? new Link(Relation.RELATED, 1) : null);
      for (String parent : get(broader, required)) {
        if (!groups.contains(parent) && get(narrower, parent).contains(held)) {
          best = stronger(best, new Link(Relation.SIBLING, 1));
        }
      }
      best =
          stronger(
              best, get(broader, required).contains(held) ? new Link(Relation.BROADER, 1) : null);
      return best;
    }

    private static Link stronger(Link a, Link b) {
      if (a == null) return b;
      if (b == null) return a;
      return b.weight() > a.weight() + 1e-12 ? b : a;
    }
  }
}
