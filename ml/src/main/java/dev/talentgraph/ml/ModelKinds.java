package dev.talentgraph.ml;

import static dev.talentgraph.ml.features.FeatureDefinition.measure;
import static dev.talentgraph.ml.features.FeatureDefinition.numeric;

import dev.talentgraph.ml.features.FeatureDefinition;
import dev.talentgraph.ml.features.FeatureSet;
import dev.talentgraph.ml.features.FeatureSource;
import dev.talentgraph.ml.features.GraphMeasure;
import dev.talentgraph.ml.hiring.HireFeatures;
import dev.talentgraph.ml.model.Algorithm;
import dev.talentgraph.ml.model.ModelKind;
import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.PersonalFields;
import dev.talentgraph.schema.Props;
import dev.talentgraph.schema.RelTypes;
import dev.talentgraph.schema.recruiting.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The model kinds the product ships, each a declaration (see {@link ModelKind}). Properties written
 * by the demo generator and HR importers ({@code hiredAt}, {@code grade}, {@code status}, {@code
 * attrited}, {@code departedAt}) are named here in one place.
 */
public final class ModelKinds {
  private ModelKinds() {}

  static final String HIRED_AT = "hiredAt";
  static final String GRADE = "grade";
  static final String ATTRITED = "attrited";
  static final String DEPARTED_AT = "departedAt";
  static final String DEPARTURE_REASON = "departureReason";
  static final String E = "e";

  /** Truthy spellings of a flag imported from CSV ("Yes", "1", "true"). */
  private static final String TRUTHY = "['true','yes','y','1','1.0']";

  /**
   * Personal attributes read for fairness reports only (protected, so excluded from features by
   * default).
   */
  static List<FeatureDefinition> protectedPersonal() {
    return List.of(
        new FeatureDefinition(
            "gender",
            "gender",
            dev.talentgraph.ml.features.FeatureType.CATEGORICAL,
            new FeatureSource.Personal(PersonalFields.GENDER, false)),
        numeric("age", "age", new FeatureSource.Personal(PersonalFields.BIRTH_DATE, true)),
        new FeatureDefinition(
            "maritalStatus",
            "marital status",
            dev.talentgraph.ml.features.FeatureType.CATEGORICAL,
            new FeatureSource.Personal(PersonalFields.MARITAL_STATUS, false)),
        new FeatureDefinition(
            "nationality",
            "nationality",
            dev.talentgraph.ml.features.FeatureType.CATEGORICAL,
            new FeatureSource.Personal(PersonalFields.NATIONALITY, false)));
  }

  private static List<FeatureDefinition> career() {
    List<FeatureDefinition> l = new ArrayList<>();
    l.add(numeric("tenure", "years at the company", new FeatureSource.YearsSince(HIRED_AT)));
    l.add(numeric(GRADE, "career grade", new FeatureSource.Property(GRADE)));
    l.add(numeric("salary", "salary", new FeatureSource.Personal(PersonalFields.SALARY, false)));
    for (GraphMeasure m :
        List.of(
            GraphMeasure.SKILL_COUNT,
            GraphMeasure.MEAN_SKILL_LEVEL,
            GraphMeasure.EXPERT_SKILLS,
            GraphMeasure.DEGREE,
            GraphMeasure.COLLABORATORS,
            GraphMeasure.COLLABORATIONS,
            GraphMeasure.YEARS_SINCE_COLLABORATION,
            GraphMeasure.PAGERANK,
            GraphMeasure.COURSES_COMPLETED,
            GraphMeasure.TEAM_SIZE,
            GraphMeasure.MENTEES,
            GraphMeasure.PROMOTIONS,
            GraphMeasure.YEARS_SINCE_PROMOTION,
            GraphMeasure.REVIEW_COUNT)) {
      l.add(measure(m));
    }
    return l;
  }

  private static final Set<String> LEAKS =
      Set.of(
          ATTRITED,
          "Attrition",
          "attrition",
          Props.STATUS,
          DEPARTED_AT,
          DEPARTURE_REASON,
          "target",
          "jobChange",
          HIRED_AT,
          GRADE);

  /**
   * Attrition risk: who left ({@code attrited} flag, or {@code status = 'departed'}) against who
   * stayed; leavers are described as of their {@code departedAt} when the graph has it.
   */
  public static final ModelKind ATTRITION;

  /**
   * High potential: whose latest performance review is 4 or 5 of 5, from everything but the
   * ratings.
   */
  public static final ModelKind HIGH_POTENTIAL;

  /** Training effect: the skill-level gain (levelAfter - levelBefore) of a completed course. */
  public static final ModelKind TRAINING_EFFECT;

  /** Job change: the imported job-change table's {@code target} (looking for a new job). */
  public static final ModelKind JOB_CHANGE;

  /**
   * Hire likelihood (docs/adr/0006): applications hired against those rejected after passing
   * screening; features from {@link HireFeatures} (skill coverage through the taxonomy, assessment,
   * interviews, experience); scores go to the open Applications.
   */
  public static final ModelKind HIRE;

  static {
    String attrLabel =
        "CASE WHEN e."
            + ATTRITED
            + " IS NOT NULL THEN toLower(toString(e."
            + ATTRITED
            + ")) IN "
            + TRUTHY
            + " WHEN e."
            + Props.STATUS
            + " IS NOT NULL THEN e."
            + Props.STATUS
            + " = 'departed' ELSE null END";
    List<FeatureDefinition> attr = new ArrayList<>(career());
    attr.add(measure(GraphMeasure.MEAN_RATING));
    attr.add(measure(GraphMeasure.LAST_RATING));
    attr.addAll(protectedPersonal());
    ATTRITION =
        new ModelKind(
            "attrition",
            "attrition risk",
            Algorithm.LOGISTIC_REGRESSION,
            "MATCH (e:"
                + Labels.EXPERT
                + ") WITH e, "
                + attrLabel
                + " AS label WHERE label IS NOT NULL "
                + "RETURN e."
                + Props.ID
                + " AS id, e."
                + Props.ID
                + " AS expert, label, {} AS cols, "
                + "CASE WHEN label THEN e."
                + DEPARTED_AT
                + " ELSE null END AS asOf ORDER BY id",
            "MATCH (e:"
                + Labels.EXPERT
                + ") WITH e, "
                + attrLabel
                + " AS label WHERE label IS NULL OR label = false "
                + "RETURN e."
                + Props.ID
                + " AS id, e."
                + Props.ID
                + " AS expert, {} AS cols ORDER BY id",
            new FeatureSet("attrition", 1, attr),
            true,
            LEAKS);

    String lastRating =
        "COLLECT { MATCH (e)-[:"
            + RelTypes.HAS_REVIEW
            + "]->(r:"
            + Labels.PERFORMANCE_REVIEW
            + ") RETURN r.rating AS v ORDER BY coalesce(toString(r.date), toString(r."
            + Props.YEAR
            + ")) DESC LIMIT 1 }[0]";
    List<FeatureDefinition> hp = new ArrayList<>(career());
    hp.addAll(protectedPersonal());
    HIGH_POTENTIAL =
        new ModelKind(
            "high-potential",
            "chance of being a high performer",
            Algorithm.LOGISTIC_REGRESSION,
            "MATCH (e:"
                + Labels.EXPERT
                + ") WITH e, "
                + lastRating
                + " AS last WHERE last IS NOT NULL "
                + "RETURN e."
                + Props.ID
                + " AS id, e."
                + Props.ID
                + " AS expert, last >= 4 AS label, {} AS cols ORDER BY id",
            "MATCH (e:"
                + Labels.EXPERT
                + ") WHERE coalesce(e."
                + Props.STATUS
                + ", '') <> 'departed' "
                + "RETURN e."
                + Props.ID
                + " AS id, e."
                + Props.ID
                + " AS expert, {} AS cols ORDER BY id",
            new FeatureSet("high-potential", 1, hp),
            false,
            LEAKS);

    List<FeatureDefinition> te = new ArrayList<>();
    te.add(
        numeric(
            "levelBefore",
            "skill level before the course",
            new FeatureSource.Column("levelBefore")));
    te.add(numeric("courseHours", "course length in hours", new FeatureSource.Column("hours")));
    te.add(
        FeatureDefinition.categorical(
            "provider", "course provider", new FeatureSource.Column("provider")));
    te.add(numeric("tenure", "years at the company", new FeatureSource.YearsSince(HIRED_AT)));
    te.add(measure(GraphMeasure.SKILL_COUNT));
    te.add(measure(GraphMeasure.MEAN_SKILL_LEVEL));
    te.add(measure(GraphMeasure.COURSES_COMPLETED));
    te.addAll(protectedPersonal());
    TRAINING_EFFECT =
        new ModelKind(
            "training-effect",
            "expected skill-level gain",
            Algorithm.LINEAR_REGRESSION,
            "MATCH (e:"
                + Labels.EXPERT
                + ")-[r:"
                + RelTypes.ENROLLED
                + "]->(c:"
                + Labels.COURSE
                + ") WHERE r."
                + Props.LEVEL_BEFORE
                + " IS NOT NULL AND r."
                + Props.LEVEL_AFTER
                + " IS NOT NULL RETURN e."
                + Props.ID
                + " + '|' + c."
                + Props.ID
                + " AS id, e."
                + Props.ID
                + " AS expert, toFloat(r."
                + Props.LEVEL_AFTER
                + " - r."
                + Props.LEVEL_BEFORE
                + ") AS label, {levelBefore: r."
                + Props.LEVEL_BEFORE
                + ", hours: c."
                + Props.HOURS
                + ", provider: c.provider} AS cols "
                + "ORDER BY id",
            null,
            new FeatureSet("training-effect", 1, te),
            false,
            LEAKS);

    String jcLabel =
        "CASE WHEN e.target IS NULL THEN null ELSE toLower(toString(e.target)) IN "
            + TRUTHY
            + " END";
    JOB_CHANGE =
        new ModelKind(
            "job-change",
            "likelihood of looking for a new job",
            Algorithm.LOGISTIC_REGRESSION,
            "MATCH (e:"
                + Labels.EXPERT
                + ") WITH e, "
                + jcLabel
                + " AS label WHERE label IS NOT NULL "
                + "RETURN e."
                + Props.ID
                + " AS id, e."
                + Props.ID
                + " AS expert, label, {} AS cols ORDER BY id",
            "MATCH (e:"
                + Labels.EXPERT
                + ") RETURN e."
                + Props.ID
                + " AS id, e."
                + Props.ID
                + " AS expert, {} AS cols ORDER BY id",
            new FeatureSet(
                "job-change",
                1,
                List.of(
                    measure(GraphMeasure.SKILL_COUNT), measure(GraphMeasure.COURSES_COMPLETED))),
            true,
            Set.of("target", "enrollee_id", "enrolleeId"));
  }

  static {
    String app =
        "MATCH (p)-[:"
            + RelTypes.APPLIED
            + "]->(a:"
            + Labels.APPLICATION
            + ")-[:"
            + RelTypes.TO
            + "]->(j:"
            + Labels.JOB_OPENING
            + ") WHERE (p:"
            + Labels.CANDIDATE
            + " OR p:"
            + Labels.EXPERT
            + ") AND ";
    String ret = "RETURN a." + Props.ID + " AS id, p." + Props.ID + " AS expert, ";
    String cols =
        "{"
            + HireFeatures.OPENING
            + ": j."
            + Props.ID
            + ", "
            + HireFeatures.APPLICATION
            + ": a."
            + Props.ID
            + "} AS cols";
    List<FeatureDefinition> hire = new ArrayList<>();
    for (String c : HireFeatures.COLUMNS)
      hire.add(numeric(c, HireFeatures.describe(c), new FeatureSource.Column(c)));
    hire.addAll(protectedPersonal());
    HIRE =
        new ModelKind(
            "hire",
            "hire likelihood",
            Algorithm.LOGISTIC_REGRESSION,
            app
                + "(a."
                + Props.STAGE
                + " = "
                + Stage.HIRED.cypher()
                + " OR (a."
                + Props.STAGE
                + " = "
                + Stage.REJECTED.cypher()
                + " AND EXISTS { (a)-[:"
                + RelTypes.MOVED
                + "]->(c:"
                + Labels.STAGE_CHANGE
                + ") WHERE c."
                + Props.TO
                + " = "
                + Stage.SCREENED.cypher()
                + " })) "
                + ret
                + "a."
                + Props.STAGE
                + " = "
                + Stage.HIRED.cypher()
                + " AS label, "
                + cols
                + ", a."
                + Props.APPLIED_AT
                + " AS asOf ORDER BY id",
            app
                + "a."
                + Props.STAGE
                + " IN "
                + Stage.cypherList(Stage.LIVE)
                + " "
                + ret
                + cols
                + " ORDER BY id",
            new FeatureSet("hire", 1, hire),
            false,
            Set.of(),
            new HireFeatures(),
            Labels.APPLICATION);
  }

  /**
   * Performance: the next performance rating (the latest review's) as a number, from delivery
   * (projects), contributions (papers, answers), skills, training, tenure, career and collaboration
   * as the graph holds them, and the ratings before it. Judged against the training mean and the
   * previous rating (the {@link ModelKind#BASELINE_COLUMN}); each row is described as of its
   * review's date.
   */
  public static final ModelKind PERFORMANCE;

  static {
    String ratings =
        "[r IN COLLECT { MATCH (e)-[:"
            + RelTypes.HAS_REVIEW
            + "]->(r:"
            + Labels.PERFORMANCE_REVIEW
            + ") WHERE r."
            + Props.RATING
            + " IS NOT NULL RETURN r ORDER BY coalesce(toString(r."
            + Props.DATE
            + "), toString(r."
            + Props.YEAR
            + ")) DESC } | {rating: toFloat(r."
            + Props.RATING
            + "), date: r."
            + Props.DATE
            + "}]";
    List<FeatureDefinition> perf = new ArrayList<>();
    perf.add(numeric("prevRating", "the previous rating", new FeatureSource.Column("prevRating")));
    perf.add(
        numeric(
            "prevMean", "the mean of the earlier ratings", new FeatureSource.Column("prevMean")));
    perf.add(
        numeric(
            "reviewsBefore", "the number of earlier reviews", new FeatureSource.Column("reviews")));
    perf.add(numeric("projects", "projects worked on", new FeatureSource.Column("projects")));
    perf.add(
        numeric(
            "contributions",
            "papers and answers written",
            new FeatureSource.Column("contributions")));
    perf.add(numeric("tenure", "years at the company", new FeatureSource.YearsSince(HIRED_AT)));
    perf.add(numeric(GRADE, "career grade", new FeatureSource.Property(GRADE)));
    for (GraphMeasure m :
        List.of(
            GraphMeasure.SKILL_COUNT,
            GraphMeasure.MEAN_SKILL_LEVEL,
            GraphMeasure.EXPERT_SKILLS,
            GraphMeasure.COURSES_COMPLETED,
            GraphMeasure.COLLABORATORS,
            GraphMeasure.COLLABORATIONS,
            GraphMeasure.PAGERANK,
            GraphMeasure.MENTEES,
            GraphMeasure.PROMOTIONS,
            GraphMeasure.YEARS_SINCE_PROMOTION)) {
      perf.add(measure(m));
    }
    perf.addAll(protectedPersonal());
    Set<String> perfLeaks = new java.util.HashSet<>(LEAKS);
    perfLeaks.addAll(
        Set.of("rating", "performanceRating", "PerformanceRating", "percentSalaryHike"));
    PERFORMANCE =
        new ModelKind(
            "performance",
            "next performance rating",
            Algorithm.LINEAR_REGRESSION,
            "MATCH (e:"
                + Labels.EXPERT
                + ") WITH e, "
                + ratings
                + " AS rs WHERE size(rs) > 0 "
                + "WITH e, rs, [x IN tail(rs) | x.rating] AS earlier "
                + "RETURN e."
                + Props.ID
                + " AS id, e."
                + Props.ID
                + " AS expert, rs[0].rating AS label, {prevRating: earlier[0], "
                + ModelKind.BASELINE_COLUMN
                + ": earlier[0], prevMean: CASE WHEN size(earlier) = 0 THEN null ELSE "
                + "reduce(s = 0.0, v IN earlier | s + v) / size(earlier) END, reviews: size(earlier), "
                + "projects: COUNT { (e)-[:"
                + RelTypes.WORKED_ON
                + "]->() }, contributions: COUNT { (e)-[:"
                + RelTypes.AUTHORED
                + "|"
                + RelTypes.ANSWERED
                + "]->() }} AS cols, "
                + "CASE WHEN rs[0].date IS NULL THEN null ELSE date(rs[0].date) END AS asOf ORDER BY id",
            "MATCH (e:"
                + Labels.EXPERT
                + ") WHERE coalesce(e."
                + Props.STATUS
                + ", '') <> 'departed' WITH e, "
                + ratings
                + " AS rs RETURN e."
                + Props.ID
                + " AS id, e."
                + Props.ID
                + " AS expert, {prevRating: rs[0].rating, prevMean: CASE WHEN size(rs) = 0 THEN null"
                + " ELSE reduce(s = 0.0, v IN rs | s + v.rating) / size(rs) END, reviews: size(rs), "
                + "projects: COUNT { (e)-[:"
                + RelTypes.WORKED_ON
                + "]->() }, contributions: COUNT { (e)-[:"
                + RelTypes.AUTHORED
                + "|"
                + RelTypes.ANSWERED
                + "]->() }} AS cols ORDER BY id",
            new FeatureSet("performance", 1, perf),
            true,
            perfLeaks);
  }

  private static final Map<String, ModelKind> ALL = new TreeMap<>();

  static {
    for (ModelKind k :
        List.of(ATTRITION, HIGH_POTENTIAL, TRAINING_EFFECT, JOB_CHANGE, HIRE, PERFORMANCE))
      ALL.put(k.name(), k);
  }

  public static Optional<ModelKind> byName(String name) {
    return Optional.ofNullable(ALL.get(name));
  }

  public static Set<String> names() {
    return ALL.keySet();
  }
}
