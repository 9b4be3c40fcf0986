package dev.talentgraph.ml.courses;

import dev.talentgraph.schema.GraphSessions;
import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.Props;
import dev.talentgraph.schema.RelTypes;
import dev.talentgraph.schema.skills.SkillCredit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.Value;

/**
 * What an expert should learn next: skill gap, ranked courses and a learning path, read from the
 * talent graph over the driver (plain Java, no Spring; the GraphQL fields {@code skillGap}, {@code
 * recommendTrainings} and {@code learningPath} are thin wrappers).
 *
 * <h2>Taxonomy rule</h2>
 *
 * A required skill S wanted at level L is met as far as {@link SkillCredit} credits the expert's
 * best skill for it, the same rule candidate matching uses: their own level h in S gives {@code
 * min(1, h / L)}, a SAME_AS twin the same, a narrower, related, sibling or broader skill its weight
 * times that ratio. The gap is {@code L * (1 - credit)} levels; the current level shown is the own
 * level, or {@code L * credit} for a stand-in (a level-4 Spring Boot developer asked for Java 4
 * stands at Java 2). The same weights credit courses: a course teaching S or a SAME_AS twin closes
 * S's gap in full, one teaching a narrower skill closes the narrower weight of it (up to {@value
 * SkillCredit#MAX_DEPTH} steps); a course whose {@code TEACHES.level} is below the wanted level
 * closes only the part up to that level. A REQUIRES edge without a level counts as level {@value
 * #DEFAULT_LEVEL}; one with {@code required = false} is a nice-to-have and ignored.
 *
 * <h2>Ranking</h2>
 *
 * With a target: {@code score = 0.5 coverage + 0.3 model + 0.2 effect}, where coverage is the share
 * of the gap (in missing levels) the course closes, model is the ranker's P(enrolled) (see {@link
 * CourseRanker}; without a trained ranker, the course's share of enrolments relative to the most
 * taken course), and effect is the expected level gain measured on ENROLLED {levelBefore,
 * levelAfter} divided by 2 and capped at 1, so a course that measurably teaches little sinks.
 * Without a target: {@code 0.7 model + 0.3 effect}. The weights are a product choice stated here,
 * not fitted: the graph holds no record of which recommendation was the right one. Completed
 * enrolments (status completed/passed or a completedAt) are never recommended.
 *
 * <h2>Expected gain</h2>
 *
 * The mean measured gain of a course shrunk towards the mean gain of all courses: {@code (sum + k *
 * prior) / (n + k)} with k = {@value #EFFECT_PRIOR_WEIGHT}, so one lucky learner does not make a
 * course great (a Bayesian average; the {@code training-effect} model of the scoring issue can
 * replace it at merge time through {@link #effects}).
 */
public final class TrainingAdvisor {
  /** Level assumed for a REQUIRES edge without one. */
  public static final int DEFAULT_LEVEL = SkillCredit.DEFAULT_LEVEL;

  /** Pseudo-measurements of the prior in the expected gain. */
  public static final double EFFECT_PRIOR_WEIGHT = 3;

  /** A gain of this many levels or more counts as full effect. */
  public static final double FULL_EFFECT_GAIN = 2.0;

  static final double W_COVERAGE = 0.5;
  static final double W_MODEL = 0.3;
  static final double W_EFFECT = 0.2;
  private static final double EPS = 1e-9;

  private final Driver driver;
  private final String database;
  private final CourseRanker ranker;
  private final EffectModel effects;

  /**
   * How the answers name the ranker (the registered model's id), or null for the ranker's own
   * description.
   */
  private final String rankerLabel;

  /**
   * @param driver the graph
   * @param database the database name
   * @param ranker the trained ranker, or null to rank by enrolment counts until one is trained
   */
  public TrainingAdvisor(Driver driver, String database, CourseRanker ranker) {
    this(driver, database, ranker, null);
  }

  /**
   * @param effects the training-effect model's estimates of a course's gain for this learner, used
   *     in place of the measured average when it answers; null to rank by measured averages only
   */
  public TrainingAdvisor(Driver driver, String database, CourseRanker ranker, EffectModel effects) {
    this(driver, database, ranker, effects, null);
  }

  /**
   * @param rankerLabel how answers name the ranker (e.g. the registry's model id and training
   *     data); null for the ranker's own description
   */
  public TrainingAdvisor(
      Driver driver,
      String database,
      CourseRanker ranker,
      EffectModel effects,
      String rankerLabel) {
    this.driver = driver;
    this.database = database;
    this.ranker = ranker;
    this.effects = effects;
    this.rankerLabel = rankerLabel;
  }

  // ---------------------------------------------------------------- public API

  /** The expert's missing or too-low skills for {@code target}. */
  public SkillGap skillGap(String expertId, Target target) {
    return read(s -> gap(s, loadExpert(s, expertId), resolve(s, requireTarget(target))));
  }

  /**
   * The expert's gaps toward several targets, read in one transaction: the expert, the taxonomy
   * around every required skill and the names of the held skills are read once for all targets.
   *
   * @param targets the goals, each resolved as {@link #skillGap} resolves it
   * @return one gap per target, in the order given
   */
  public List<SkillGap> skillGaps(String expertId, List<? extends Target> targets) {
    return read(
        s -> {
          Expert e = loadExpert(s, expertId);
          List<Resolved> resolved = new ArrayList<>();
          for (Target t : targets) resolved.add(resolve(s, requireTarget(t)));
          Set<String> required = new LinkedHashSet<>();
          resolved.forEach(r -> r.requirements().forEach(q -> required.add(q.skillId())));
          SkillCredit.Taxonomy taxonomy = taxonomyAround(s, required);
          Map<String, String> names = heldNames(s, e);
          List<SkillGap> out = new ArrayList<>();
          for (Resolved r : resolved) out.add(gap(e, r, taxonomy, names));
          return out;
        });
  }

  /**
   * Courses for the expert, best first. With a target, only courses that teach a gap skill
   * (directly or through the taxonomy); without one, every course not completed.
   *
   * @param target the goal, or null to recommend from enrolment history and skills
   * @param first how many to return (at least 1)
   */
  public Recommendations recommendTrainings(String expertId, Target target, int first) {
    if (first < 1) {
      throw new TrainingException.InvalidTarget("first must be at least 1, was " + first);
    }
    return read(
        s -> {
          Expert e = loadExpert(s, expertId);
          if (target == null) {
            return recommendWithoutTarget(s, e, first);
          }
          SkillGap gap = gap(s, e, resolve(s, target));
          if (gap.gaps().isEmpty()) {
            return new Recommendations(
                e.id,
                gap.target(),
                List.of(),
                rankerName(),
                "no gap: " + e.id + " meets every required skill of " + label(gap.target()));
          }
          List<Candidate> cands = candidates(s, e, gap);
          if (cands.isEmpty()) {
            return new Recommendations(
                e.id,
                gap.target(),
                List.of(),
                rankerName(),
                "no course the expert has not completed teaches any of the gap skills "
                    + names(gap.gaps()));
          }
          scoreCandidates(s, e, cands, true);
          cands.sort(BY_SCORE);
          List<CourseRecommendation> out = new ArrayList<>();
          for (Candidate c : cands.subList(0, Math.min(first, cands.size()))) {
            out.add(c.toRecommendation());
          }
          return new Recommendations(
              e.id,
              gap.target(),
              out,
              rankerName(),
              cands.size()
                  + " courses teach gap skills "
                  + names(gap.gaps())
                  + "; ranked by "
                  + "0.5 gap coverage + 0.3 ranker + 0.2 expected effect (training-effect model when one is active, else measured gains)");
        });
  }

  /**
   * An ordered list of courses covering the gap, prerequisites first, within {@code maxHours} when
   * given. Throws {@link TrainingException.PrerequisiteCycle} if the prerequisites of a course that
   * could serve form a cycle.
   */
  public LearningPath learningPath(String expertId, Target target, Integer maxHours) {
    if (maxHours != null && maxHours < 0) {
      throw new TrainingException.InvalidTarget("maxHours must not be negative, was " + maxHours);
    }
    return read(
        s -> {
          Expert e = loadExpert(s, expertId);
          SkillGap gap = gap(s, e, resolve(s, requireTarget(target)));
          if (gap.gaps().isEmpty()) {
            return new LearningPath(
                e.id,
                gap.target(),
                List.of(),
                0,
                maxHours,
                List.of(),
                "no gap: nothing to learn for " + label(gap.target()));
          }
          List<Candidate> cands = candidates(s, e, gap);
          scoreCandidates(s, e, cands, true);
          return PathPlanner.plan(s, e, gap, cands, maxHours);
        });
  }

  /**
   * The measured training effect of a course.
   *
   * @param courseId the course
   * @return expected gain, number of measured enrolments, their raw mean (NaN when none) and the
   *     prior used for shrinkage
   */
  public CourseEffect courseEffect(String courseId) {
    return read(
        s -> {
          Record r =
              s
                  .run(
                      "MATCH (c:"
                          + Labels.COURSE
                          + " {"
                          + Props.ID
                          + ": $id}) RETURN c."
                          + Props.TITLE
                          + " AS title",
                      Map.of("id", courseId))
                  .list()
                  .stream()
                  .findFirst()
                  .orElseThrow(() -> new TrainingException.UnknownCourse(courseId));
          Map<String, double[]> eff = effects(s, List.of(courseId));
          double prior = prior(s);
          double[] m = eff.getOrDefault(courseId, new double[] {0, 0});
          return new CourseEffect(
              courseId,
              str(r.get("title")),
              expectedGain(m, prior),
              (int) m[1],
              m[1] == 0 ? Double.NaN : m[0] / m[1],
              prior);
        });
  }

  /**
   * A course's measured effect.
   *
   * @param courseId the course
   * @param title its title
   * @param expectedGain shrunk expected level gain
   * @param measured enrolments with both levels
   * @param rawMean their mean gain, NaN when none
   * @param prior mean gain over all measured enrolments of all courses (1.0 when none)
   */
  public record CourseEffect(
      String courseId,
      String title,
      double expectedGain,
      int measured,
      double rawMean,
      double prior) {}

  // ---------------------------------------------------------------- the expert

  record Expert(
      String id, Map<String, Integer> skills, List<String> enrolled, Set<String> completed) {}

  /** Runs {@code work} in one read transaction: one consistent snapshot, one begin/commit. */
  private <T> T read(java.util.function.Function<SimpleQueryRunner, T> work) {
    try (Session session = driver.session(GraphSessions.read(driver, database))) {
      return session.executeRead(work::apply);
    }
  }

  static Expert loadExpert(SimpleQueryRunner s, String expertId) {
    if (expertId == null || expertId.isBlank()) {
      throw new TrainingException.UnknownExpert(String.valueOf(expertId));
    }
    List<Record> rows =
        s.run(
                "MATCH (e:"
                    + Labels.EXPERT
                    + " {"
                    + Props.ID
                    + ": $id}) RETURN "
                    + "[(e)-[h:"
                    + RelTypes.HAS_SKILL
                    + "]->(k:"
                    + Labels.SKILL
                    + ") | [k."
                    + Props.ID
                    + ", "
                    + "coalesce(h."
                    + Props.LEVEL
                    + ", "
                    + DEFAULT_LEVEL
                    + ")]] AS skills, "
                    + "[(e)-[n:"
                    + RelTypes.ENROLLED
                    + "]->(c:"
                    + Labels.COURSE
                    + ") | [c."
                    + Props.ID
                    + ", toLower(coalesce(n."
                    + Props.STATUS
                    + ", '')), n."
                    + Props.COMPLETED_AT
                    + " IS NOT NULL]] AS enrolled",
                Map.of("id", expertId))
            .list();
    if (rows.isEmpty()) {
      throw new TrainingException.UnknownExpert(expertId);
    }
    Record r = rows.get(0);
    Map<String, Integer> skills = new HashMap<>();
    for (Value pair : r.get("skills").values()) {
      int level = pair.get(1).asNumber().intValue();
      skills.merge(pair.get(0).asString(), level, Math::max);
    }
    List<String> enrolled = new ArrayList<>();
    Set<String> completed = new HashSet<>();
    for (Value row : r.get("enrolled").values()) {
      String c = row.get(0).asString();
      if (!enrolled.contains(c)) {
        enrolled.add(c);
      }
      String status = row.get(1).asString();
      if (status.equals("completed") || status.equals("passed") || row.get(2).asBoolean()) {
        completed.add(c);
      }
    }
    return new Expert(expertId, skills, enrolled, completed);
  }

  // ---------------------------------------------------------------- the target

  record Requirement(String skillId, String name, int level) {}

  record Resolved(SkillGap.TargetRef ref, List<Requirement> requirements) {}

  private static Target requireTarget(Target t) {
    if (t == null) {
      throw new TrainingException.InvalidTarget("a target is required");
    }
    return t;
  }

  static Resolved resolve(SimpleQueryRunner s, Target target) {
    if (target instanceof Target.Skills list) {
      return resolveList(s, list);
    }
    String label;
    String id;
    if (target instanceof Target.JobOpening j) {
      label = Labels.JOB_OPENING;
      id = j.id();
    } else if (target instanceof Target.Project p) {
      label = Labels.PROJECT;
      id = p.id();
    } else {
      label = Labels.OCCUPATION;
      id = ((Target.Occupation) target).id();
    }
    // label is one of three schema constants, never a caller string
    String reqs =
        "[(t)-[r:"
            + RelTypes.REQUIRES
            + "]->(k:"
            + Labels.SKILL
            + ") WHERE coalesce(r."
            + Props.REQUIRED
            + ", true) <> false | [k."
            + Props.ID
            + ", coalesce(k."
            + Props.NAME
            + ", k."
            + Props.ID
            + "), coalesce(r."
            + Props.LEVEL
            + ", "
            + DEFAULT_LEVEL
            + ")]]";
    List<Record> rows =
        s.run(
                "MATCH (t:"
                    + label
                    + " {"
                    + Props.ID
                    + ": $id}) "
                    + "RETURN coalesce(t."
                    + Props.TITLE
                    + ", t."
                    + Props.NAME
                    + ", t."
                    + Props.ID
                    + ") AS name, "
                    + reqs
                    + " AS reqs, "
                    + "[(t)-[:"
                    + RelTypes.FOR_OCCUPATION
                    + "]->(o:"
                    + Labels.OCCUPATION
                    + ")-[r:"
                    + RelTypes.REQUIRES
                    + "]->(k:"
                    + Labels.SKILL
                    + ") WHERE coalesce(r."
                    + Props.REQUIRED
                    + ", true) <> false | [k."
                    + Props.ID
                    + ", coalesce(k."
                    + Props.NAME
                    + ", k."
                    + Props.ID
                    + "), coalesce(r."
                    + Props.LEVEL
                    + ", "
                    + DEFAULT_LEVEL
                    + ")]] AS occupationReqs",
                Map.of("id", id == null ? "" : id))
            .list();
    if (rows.isEmpty()) {
      throw new TrainingException.UnknownTarget(target.kind() + " '" + id + "'");
    }
    Record r = rows.get(0);
    SkillGap.TargetRef ref = new SkillGap.TargetRef(target.kind(), id, str(r.get("name")));
    List<Value> raw = r.get("reqs").asList(v -> v);
    if (raw.isEmpty()) {
      raw =
          r.get("occupationReqs")
              .asList(v -> v); // an opening without its own list: its occupation's
    }
    Map<String, Requirement> reqs2 = new LinkedHashMap<>();
    for (Value v : raw) {
      Requirement q =
          new Requirement(
              v.get(0).asString(), v.get(1).asString(), clampLevel(v.get(2).asNumber().intValue()));
      reqs2.merge(q.skillId(), q, (a, b) -> a.level() >= b.level() ? a : b);
    }
    if (reqs2.isEmpty()) {
      throw new TrainingException.EmptyTarget(target.kind() + " '" + id + "'");
    }
    return new Resolved(ref, new ArrayList<>(reqs2.values()));
  }

  private static Resolved resolveList(SimpleQueryRunner s, Target.Skills list) {
    if (list.requirements().isEmpty()) {
      throw new TrainingException.EmptyTarget("the explicit skill list");
    }
    Map<String, Integer> wanted = new LinkedHashMap<>();
    for (Target.Requirement q : list.requirements()) {
      if (q.skillId() == null || q.skillId().isBlank()) {
        throw new TrainingException.InvalidTarget("a required skill has no id");
      }
      if (q.level() < Props.MIN_LEVEL || q.level() > Props.MAX_LEVEL) {
        throw new TrainingException.InvalidTarget(
            "level of skill '"
                + q.skillId()
                + "' must be "
                + Props.MIN_LEVEL
                + "-"
                + Props.MAX_LEVEL
                + ", was "
                + q.level());
      }
      wanted.merge(q.skillId(), q.level(), Math::max);
    }
    Map<String, String> names = new HashMap<>();
    s.run(
            "UNWIND $ids AS id MATCH (k:"
                + Labels.SKILL
                + " {"
                + Props.ID
                + ": id}) RETURN k."
                + Props.ID
                + " AS id, coalesce(k."
                + Props.NAME
                + ", k."
                + Props.ID
                + ") AS name",
            Map.of("ids", new ArrayList<>(wanted.keySet())))
        .forEachRemaining(r -> names.put(r.get("id").asString(), r.get("name").asString()));
    List<Requirement> reqs = new ArrayList<>();
    for (var en : wanted.entrySet()) {
      String name = names.get(en.getKey());
      if (name == null) {
        throw new TrainingException.UnknownTarget("skill '" + en.getKey() + "'");
      }
      reqs.add(new Requirement(en.getKey(), name, en.getValue()));
    }
    return new Resolved(new SkillGap.TargetRef("Skills", null, null), reqs);
  }

  private static int clampLevel(int level) {
    return Math.max(Props.MIN_LEVEL, Math.min(Props.MAX_LEVEL, level));
  }

  // ---------------------------------------------------------------- the gap

  static SkillGap gap(SimpleQueryRunner s, Expert e, Resolved t) {
    List<String> required = t.requirements().stream().map(Requirement::skillId).toList();
    return gap(e, t, taxonomyAround(s, required), heldNames(s, e));
  }

  private static SkillCredit.Taxonomy taxonomyAround(
      SimpleQueryRunner s, java.util.Collection<String> skillIds) {
    SkillCredit.Taxonomy taxonomy = new SkillCredit.Taxonomy();
    s.run(SkillCredit.TAXONOMY_AROUND, Map.of("ids", new ArrayList<>(skillIds)))
        .forEachRemaining(r -> taxonomy.add(r.asMap()));
    return taxonomy;
  }

  /** The names of the expert's held skills, for the reasons that name a stand-in. */
  private static Map<String, String> heldNames(SimpleQueryRunner s, Expert e) {
    Map<String, String> names = new HashMap<>();
    s.run(
            "UNWIND $ids AS id MATCH (k:"
                + Labels.SKILL
                + " {"
                + Props.ID
                + ": id}) RETURN id, coalesce(k."
                + Props.NAME
                + ", k."
                + Props.ID
                + ") AS name",
            Map.of("ids", new ArrayList<>(e.skills().keySet())))
        .forEachRemaining(r -> names.put(r.get("id").asString(), r.get("name").asString()));
    return names;
  }

  private static SkillGap gap(
      Expert e, Resolved t, SkillCredit.Taxonomy taxonomy, Map<String, String> names) {
    Map<String, Requirement> byId = new LinkedHashMap<>();
    t.requirements().forEach(q -> byId.put(q.skillId(), q));
    List<SkillGap.Comparison> gaps = new ArrayList<>();
    List<SkillGap.Comparison> met = new ArrayList<>();
    for (Requirement q : byId.values()) {
      SkillCredit.Best best = SkillCredit.best(q.skillId(), q.level(), e.skills(), taxonomy);
      double credit = best == null ? 0 : best.credit();
      double current = 0;
      String from = null;
      String reason = "no " + q.name() + " and no skill in the profile that stands in for it";
      if (best != null && best.link().relation() == SkillCredit.Relation.EXACT) {
        current = best.heldLevel();
        reason = "own level " + fmt(current) + " in " + q.name();
      } else if (best != null) {
        current = q.level() * credit;
        from = best.heldId();
        String held = names.getOrDefault(from, from);
        int d = best.link().depth();
        reason =
            switch (best.link().relation()) {
                  case SAME_AS ->
                      "level "
                          + fmt(best.heldLevel())
                          + " in "
                          + held
                          + ", the same skill (SAME_AS)";
                  case NARROWER ->
                      "level "
                          + fmt(best.heldLevel())
                          + " in "
                          + held
                          + ", "
                          + d
                          + " step(s) narrower than "
                          + q.name();
                  case BROADER ->
                      "level "
                          + fmt(best.heldLevel())
                          + " in "
                          + held
                          + ", broader than "
                          + q.name();
                  case RELATED ->
                      "level " + fmt(best.heldLevel()) + " in " + held + ", related to " + q.name();
                  case SIBLING ->
                      "level "
                          + fmt(best.heldLevel())
                          + " in "
                          + held
                          + ", a sibling of "
                          + q.name()
                          + " under the same broader skill";
                  case EXACT -> throw new IllegalStateException();
                }
                + ", counts as "
                + fmt(current);
      }
      double missing = SkillCredit.gap(credit, q.level());
      var cmp =
          new SkillGap.Comparison(q.skillId(), q.name(), q.level(), current, missing, from, reason);
      (missing > EPS ? gaps : met).add(cmp);
    }
    gaps.sort(
        Comparator.comparingDouble(SkillGap.Comparison::missing)
            .reversed()
            .thenComparing(SkillGap.Comparison::skillId));
    return new SkillGap(e.id(), t.ref(), gaps, met);
  }

  // ---------------------------------------------------------------- candidate courses

  /** A course that can close part of the gap, with its scores once computed. */
  static final class Candidate {
    final String id;
    String title;
    Integer hours;
    List<String> teaches = List.of();
    final Map<String, CourseRecommendation.ClosedSkill> closes = new LinkedHashMap<>();
    double coverage;
    double model;
    double expectedGain;
    int measured;
    double score;
    String why = "";

    Candidate(String id) {
      this.id = id;
    }

    CourseRecommendation toRecommendation() {
      return new CourseRecommendation(
          id,
          title,
          hours,
          score,
          coverage,
          model,
          expectedGain,
          measured,
          new ArrayList<>(closes.values()),
          why);
    }
  }

  static final Comparator<Candidate> BY_SCORE =
      Comparator.comparingDouble((Candidate c) -> -c.score).thenComparing(c -> c.id);

  /** Courses (not completed by the expert) teaching a gap skill, directly or via the taxonomy. */
  static List<Candidate> candidates(SimpleQueryRunner s, Expert e, SkillGap gap) {
    Map<String, SkillGap.Comparison> gaps = new LinkedHashMap<>();
    gap.gaps().forEach(g -> gaps.put(g.skillId(), g));
    Map<String, Candidate> out = new LinkedHashMap<>();
    String teach = "(c:" + Labels.COURSE + ")-[t:" + RelTypes.TEACHES + "]->";
    List<Record> rows =
        s.run(
                "UNWIND $skills AS sid MATCH (r:"
                    + Labels.SKILL
                    + " {"
                    + Props.ID
                    + ": sid}) CALL (r) { "
                    + "MATCH "
                    + teach
                    + "(r) RETURN c, t, r AS via, 0 AS depth UNION "
                    + "MATCH "
                    + teach
                    + "(x:"
                    + Labels.SKILL
                    + ")-[:"
                    + RelTypes.SAME_AS
                    + "]-(r) RETURN c, t, x AS via, 0 AS depth UNION "
                    + "MATCH p = "
                    + teach
                    + "(x:"
                    + Labels.SKILL
                    + ")-[:"
                    + RelTypes.BROADER
                    + "*1.."
                    + SkillCredit.MAX_DEPTH
                    + "]->(r) RETURN c, t, x AS via, length(p) - 1 AS depth } "
                    + "RETURN sid, c."
                    + Props.ID
                    + " AS course, t."
                    + Props.LEVEL
                    + " AS level, via."
                    + Props.ID
                    + " AS viaId, coalesce(via."
                    + Props.NAME
                    + ", via."
                    + Props.ID
                    + ") AS viaName, depth ORDER BY course, sid",
                Map.of("skills", new ArrayList<>(gaps.keySet())))
            .list();
    for (Record r : rows) {
      String cid = r.get("course").asString();
      if (e.completed().contains(cid)) {
        continue;
      }
      SkillGap.Comparison g = gaps.get(r.get("sid").asString());
      int depth = r.get("depth").asInt();
      String viaId = r.get("viaId").asString();
      double factor =
          SkillCredit.weight(
              viaId.equals(g.skillId())
                  ? SkillCredit.Relation.EXACT
                  : depth == 0 ? SkillCredit.Relation.SAME_AS : SkillCredit.Relation.NARROWER,
              depth);
      double fraction = 1.0;
      String levelNote = "";
      if (!r.get("level").isNull()) {
        int teachLevel = r.get("level").asNumber().intValue();
        double closable = Math.max(0, Math.min(g.requiredLevel(), teachLevel) - g.currentLevel());
        fraction = Math.min(1.0, closable / g.missing());
        if (fraction < 1 - EPS) {
          levelNote = ", only up to level " + teachLevel;
        }
      }
      double credit = factor * fraction;
      if (credit <= EPS) {
        continue;
      }
      String viaName = r.get("viaName").asString();
      String how =
          viaId.equals(g.skillId())
              ? "teaches " + g.skillName()
              : depth == 0
                  ? "teaches " + viaName + ", the same skill as " + g.skillName()
                  : "teaches "
                      + viaName
                      + ", "
                      + depth
                      + " step(s) narrower than "
                      + g.skillName()
                      + " ("
                      + fmt(factor * 100)
                      + "% credit)";
      var closed =
          new CourseRecommendation.ClosedSkill(
              g.skillId(), g.skillName(), viaId, credit, how + levelNote);
      Candidate c = out.computeIfAbsent(cid, Candidate::new);
      c.closes.merge(g.skillId(), closed, (a, b) -> a.credit() >= b.credit() ? a : b);
    }
    double total = gap.gaps().stream().mapToDouble(SkillGap.Comparison::missing).sum();
    for (Candidate c : out.values()) {
      double covered = 0;
      for (var cl : c.closes.values()) {
        covered += cl.credit() * gaps.get(cl.skillId()).missing();
      }
      c.coverage = total <= 0 ? 0 : covered / total;
    }
    return new ArrayList<>(out.values());
  }

  /** Fills title, hours, taught skills, model score, effect, score and why of each candidate. */
  void scoreCandidates(SimpleQueryRunner s, Expert e, List<Candidate> cands, boolean withTarget) {
    if (cands.isEmpty()) {
      return;
    }
    List<String> ids = cands.stream().map(c -> c.id).toList();
    Map<String, Record> info = new HashMap<>();
    Map<String, double[]> eff = new HashMap<>();
    String measured =
        "n." + Props.LEVEL_BEFORE + " IS NOT NULL AND n." + Props.LEVEL_AFTER + " IS NOT NULL";
    String gain = "n." + Props.LEVEL_AFTER + " - n." + Props.LEVEL_BEFORE;
    // one round trip: course facts, their measured gains and the prior over all courses
    List<Record> rows =
        s.run(
                "CALL () { MATCH (:"
                    + Labels.EXPERT
                    + ")-[n:"
                    + RelTypes.ENROLLED
                    + "]->(:"
                    + Labels.COURSE
                    + ") WHERE "
                    + measured
                    + " RETURN avg("
                    + gain
                    + ") AS prior } "
                    + "UNWIND $ids AS id MATCH (c:"
                    + Labels.COURSE
                    + " {"
                    + Props.ID
                    + ": id}) RETURN c."
                    + Props.ID
                    + " AS id, coalesce(c."
                    + Props.TITLE
                    + ", c."
                    + Props.NAME
                    + ", c."
                    + Props.ID
                    + ") AS title, c."
                    + Props.HOURS
                    + " AS hours, [(c)-[:"
                    + RelTypes.TEACHES
                    + "]->(k:"
                    + Labels.SKILL
                    + ") | k."
                    + Props.ID
                    + "] AS teaches, COUNT { (:"
                    + Labels.EXPERT
                    + ")-[:"
                    + RelTypes.ENROLLED
                    + "]->(c) } AS enrolments, [(:"
                    + Labels.EXPERT
                    + ")-[n:"
                    + RelTypes.ENROLLED
                    + "]->(c) WHERE "
                    + measured
                    + " | "
                    + gain
                    + "] AS gains, prior",
                Map.of("ids", ids))
            .list();
    double prior = 1.0;
    for (Record r : rows) {
      info.put(r.get("id").asString(), r);
      List<Object> gains = r.get("gains").asList();
      if (!gains.isEmpty()) {
        eff.put(
            r.get("id").asString(),
            new double[] {
              gains.stream().mapToDouble(g -> ((Number) g).doubleValue()).sum(), gains.size()
            });
      }
      prior = r.get("prior").isNull() ? 1.0 : r.get("prior").asNumber().doubleValue();
    }
    double[] model = modelScores(e, cands, info);
    Map<String, Double> predicted =
        effects == null
            ? Map.of()
            : effects.expectedGains(e.id, cands.stream().map(c -> c.id).toList());
    String effectModel = predicted.isEmpty() ? null : effects.name();
    for (int i = 0; i < cands.size(); i++) {
      Candidate c = cands.get(i);
      Record r = info.get(c.id);
      c.title = str(r.get("title"));
      c.hours = r.get("hours").isNull() ? null : r.get("hours").asNumber().intValue();
      c.teaches = r.get("teaches").asList(Value::asString);
      double[] m = eff.getOrDefault(c.id, new double[] {0, 0});
      c.measured = (int) m[1];
      c.expectedGain = expectedGain(m, prior);
      Double estimate = predicted.get(c.id);
      if (estimate != null) c.expectedGain = estimate;
      double effect = Math.max(0, Math.min(1, c.expectedGain / FULL_EFFECT_GAIN));
      c.model = model[i];
      c.score =
          withTarget
              ? W_COVERAGE * c.coverage + W_MODEL * c.model + W_EFFECT * effect
              : 0.7 * c.model + 0.3 * effect;
      StringBuilder why = new StringBuilder();
      if (withTarget) {
        why.append("closes ").append(pct(c.coverage)).append(" of the gap (");
        why.append(
                String.join(
                    "; ",
                    c.closes.values().stream()
                        .map(cl -> cl.skillName() + ": " + cl.reason())
                        .toList()))
            .append("); ");
      }
      why.append(
          ranker == null
              ? "taken by " + pct(c.model) + " as many learners as the most " + "taken course"
              : "ranker P(enrol) " + fmt(c.model));
      if (estimate != null) {
        why.append("; ")
            .append(effectModel)
            .append(" expects +")
            .append(fmt(estimate))
            .append(" levels for this learner");
        if (c.measured > 0) {
          why.append(" (measured +")
              .append(fmt(m[0] / m[1]))
              .append(" over ")
              .append(c.measured)
              .append(" enrolment(s))");
        }
        if (estimate < prior * 0.5) why.append(" (poor expected effect: ranked down)");
      } else if (c.measured == 0) {
        why.append("; no measured effect, assumed the average gain +").append(fmt(prior));
      } else {
        why.append("; measured gain +")
            .append(fmt(m[0] / m[1]))
            .append(" levels over ")
            .append(c.measured)
            .append(" enrolment(s), expected +")
            .append(fmt(c.expectedGain));
        if (m[0] / m[1] < prior * 0.5) {
          why.append(" (poor measured effect: ranked down)");
        }
      }
      if (e.enrolled().contains(c.id)) {
        why.append("; already enrolled, not completed");
      }
      c.why = why.toString();
    }
  }

  private double[] modelScores(Expert e, List<Candidate> cands, Map<String, Record> info) {
    double[] out = new double[cands.size()];
    if (ranker == null) {
      long max = 1;
      List<Record> all = new ArrayList<>(info.values());
      for (Record r : all) {
        max = Math.max(max, r.get("enrolments").asLong());
      }
      for (int i = 0; i < out.length; i++) {
        out[i] = info.get(cands.get(i).id).get("enrolments").asLong() / (double) max;
      }
      return out;
    }
    CourseFeatures.Learner learner = new CourseFeatures.Learner(e.enrolled(), e.skills());
    List<CourseFeatures.Course> courses = new ArrayList<>();
    for (Candidate c : cands) {
      courses.add(
          new CourseFeatures.Course(c.id, info.get(c.id).get("teaches").asList(Value::asString)));
    }
    return ranker.score(learner, courses);
  }

  private Recommendations recommendWithoutTarget(SimpleQueryRunner s, Expert e, int first) {
    List<Candidate> cands = new ArrayList<>();
    s.run("MATCH (c:" + Labels.COURSE + ") RETURN c." + Props.ID + " AS id ORDER BY id")
        .forEachRemaining(
            r -> {
              String id = r.get("id").asString();
              if (!e.completed().contains(id)) {
                cands.add(new Candidate(id));
              }
            });
    if (cands.isEmpty()) {
      return new Recommendations(
          e.id(),
          null,
          List.of(),
          rankerName(),
          "no course left: the catalogue is empty or the expert completed every course");
    }
    scoreCandidates(s, e, cands, false);
    cands.sort(BY_SCORE);
    List<CourseRecommendation> out = new ArrayList<>();
    for (Candidate c : cands.subList(0, Math.min(first, cands.size()))) {
      out.add(c.toRecommendation());
    }
    String basis =
        e.enrolled().isEmpty() && e.skills().isEmpty()
            ? "the expert has no enrolment history and no skills: ranked by what learners generally "
                + "take and by measured effect"
            : "no target: ranked from enrolment history and skills (0.7 ranker + 0.3 measured effect)";
    return new Recommendations(e.id(), null, out, rankerName(), basis);
  }

  private String rankerName() {
    if (ranker == null) return "enrolment counts (popularity): no active course-ranker model";
    return rankerLabel != null ? rankerLabel : ranker.describe();
  }

  // ---------------------------------------------------------------- training effect

  /** Per course: {sum of gains, number of measured enrolments}. */
  public static Map<String, double[]> effects(SimpleQueryRunner s, List<String> courseIds) {
    Map<String, double[]> out = new HashMap<>();
    s.run(
            "UNWIND $ids AS id MATCH (:"
                + Labels.EXPERT
                + ")-[n:"
                + RelTypes.ENROLLED
                + "]->(c:"
                + Labels.COURSE
                + " {"
                + Props.ID
                + ": id}) WHERE n."
                + Props.LEVEL_BEFORE
                + " IS NOT NULL AND n."
                + Props.LEVEL_AFTER
                + " IS NOT NULL RETURN id, sum(n."
                + Props.LEVEL_AFTER
                + " - n."
                + Props.LEVEL_BEFORE
                + ") AS gain, count(n) AS n",
            Map.of("ids", courseIds))
        .forEachRemaining(
            r ->
                out.put(
                    r.get("id").asString(),
                    new double[] {r.get("gain").asNumber().doubleValue(), r.get("n").asLong()}));
    return out;
  }

  static double prior(SimpleQueryRunner s) {
    Record r =
        s.run(
                "MATCH (:"
                    + Labels.EXPERT
                    + ")-[n:"
                    + RelTypes.ENROLLED
                    + "]->(:"
                    + Labels.COURSE
                    + ") WHERE n."
                    + Props.LEVEL_BEFORE
                    + " IS NOT NULL AND n."
                    + Props.LEVEL_AFTER
                    + " IS NOT NULL RETURN avg(n."
                    + Props.LEVEL_AFTER
                    + " - n."
                    + Props.LEVEL_BEFORE
                    + ") AS mean")
            .single();
    return r.get("mean").isNull() ? 1.0 : r.get("mean").asNumber().doubleValue();
  }

  static double expectedGain(double[] sumAndCount, double prior) {
    return (sumAndCount[0] + EFFECT_PRIOR_WEIGHT * prior) / (sumAndCount[1] + EFFECT_PRIOR_WEIGHT);
  }

  // ---------------------------------------------------------------- text helpers

  static String str(Value v) {
    return v == null || v.isNull() ? null : v.asString();
  }

  static String fmt(double d) {
    return String.format(Locale.ROOT, "%.2f", d).replaceAll("\\.?0+$", "");
  }

  static String pct(double d) {
    return String.format(Locale.ROOT, "%.0f%%", d * 100);
  }

  static String label(SkillGap.TargetRef t) {
    return t.id() == null ? "the skill list" : t.kind() + " '" + t.id() + "'";
  }

  static String names(List<SkillGap.Comparison> gaps) {
    Set<String> n = new LinkedHashSet<>();
    gaps.forEach(g -> n.add(g.skillName()));
    return String.join(", ", n);
  }
}
