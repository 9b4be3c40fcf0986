package dev.talentgraph.ml.hiring;

import dev.talentgraph.ml.features.GraphFeatureExtractor;
import dev.talentgraph.ml.model.ModelKind;
import dev.talentgraph.schema.GraphSessions;
import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.Props;
import dev.talentgraph.schema.RelTypes;
import dev.talentgraph.schema.skills.SkillCredit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;

/**
 * The features of a person against an opening (an application, or a person who has not applied):
 * skill coverage through the taxonomy ({@link SkillCoverage}), the application's assessment and
 * interviews, and experience. Reads the graph in four queries per call whatever the number of pairs
 * (openings' requirements, people's skills, the taxonomy around the required skills, applications).
 *
 * <p>Columns ({@link #COLUMNS}): {@code requiredCoverage}, {@code preferredCoverage} (null when the
 * opening has none of that kind), {@code missingRequired}, {@code adjacentSkills}, {@code
 * evidenceStrength}, {@code assessmentOverall} (mean of the application's assessments, 1..5),
 * {@code assessmentGap} (mean measured minus wanted level over the measured requirements), {@code
 * interviewMean} (mean overall of its interviews), {@code roundsPassed} (interviews recommending
 * yes or strong yes), {@code tenure} (years at the company when applying, internal applicants
 * only), {@code skillCount}, {@code maxSkillLevel} and {@code internal} (1 for an Expert who was
 * one before applying: an external candidate hired later also carries the Expert label, with a
 * {@code hiredAt} after the application).
 */
public final class HireFeatures implements ModelKind.RowEnricher {
  public static final List<String> COLUMNS =
      List.of(
          "requiredCoverage",
          "preferredCoverage",
          "missingRequired",
          "adjacentSkills",
          "evidenceStrength",
          "assessmentOverall",
          "assessmentGap",
          "interviewMean",
          "roundsPassed",
          "tenure",
          "skillCount",
          "maxSkillLevel",
          "internal");

  /** Row columns the hire kind's queries return: the opening and the application of a row. */
  public static final String OPENING = "opening";

  public static final String APPLICATION = "application";

  /** The words a recruiter reads for a column in explanations. */
  public static String describe(String column) {
    return switch (column) {
      case "requiredCoverage" -> "coverage of the required skills";
      case "preferredCoverage" -> "coverage of the preferred skills";
      case "missingRequired" -> "number of required skills missing";
      case "adjacentSkills" -> "number of requirements met by an adjacent skill";
      case "evidenceStrength" -> "strength of the skills' evidence";
      case "assessmentOverall" -> "assessment result";
      case "assessmentGap" -> "measured minus wanted level in the assessment";
      case "interviewMean" -> "mean interview score";
      case "roundsPassed" -> "interview rounds passed";
      case "tenure" -> "years at the company when applying";
      case "skillCount" -> "number of skills";
      case "maxSkillLevel" -> "highest skill level";
      case "internal" -> "internal applicant (1) or external (0)";
      default -> column;
    };
  }

  /** A person against an opening; {@code applicationId} null when they have not applied. */
  public record Pair(String rowId, String personId, String openingId, String applicationId) {}

  /** The computed features of one pair. */
  public record Features(
      Pair pair,
      String personName,
      boolean internal,
      SkillCoverage.Coverage coverage,
      Map<String, Object> cols) {}

  /** An opening's requirements as read from its REQUIRES edges. */
  public record Opening(
      String id, String title, String status, List<SkillCoverage.Requirement> requirements) {}

  @Override
  public List<GraphFeatureExtractor.Row> enrich(
      Driver driver, String database, List<GraphFeatureExtractor.Row> rows, LocalDate asOf) {
    List<Pair> pairs = new ArrayList<>(rows.size());
    for (GraphFeatureExtractor.Row r : rows) {
      Object app = r.cols().get(APPLICATION);
      pairs.add(
          new Pair(
              r.id(),
              r.expert(),
              String.valueOf(r.cols().get(OPENING)),
              app == null ? null : app.toString()));
    }
    Map<String, Features> f = compute(driver, database, pairs, asOf);
    List<GraphFeatureExtractor.Row> out = new ArrayList<>(rows.size());
    for (GraphFeatureExtractor.Row r : rows) {
      Map<String, Object> cols = new HashMap<>(r.cols());
      cols.putAll(f.get(r.id()).cols());
      out.add(new GraphFeatureExtractor.Row(r.id(), r.expert(), r.label(), cols, r.asOf()));
    }
    return out;
  }

  /** Features of every pair, by row id. */
  public static Map<String, Features> compute(
      Driver driver, String database, List<Pair> pairs, LocalDate asOf) {
    Set<String> openingIds = new LinkedHashSet<>(),
        people = new LinkedHashSet<>(),
        apps = new LinkedHashSet<>();
    for (Pair p : pairs) {
      openingIds.add(p.openingId());
      people.add(p.personId());
      if (p.applicationId() != null) apps.add(p.applicationId());
    }
    try (Session s = driver.session(GraphSessions.read(driver, database))) {
      return s.executeRead(
          tx -> {
            Map<String, Opening> openings = openings(tx, List.copyOf(openingIds));
            Set<String> required = new LinkedHashSet<>();
            openings
                .values()
                .forEach(o -> o.requirements().forEach(r -> required.add(r.skillId())));
            SkillCredit.Taxonomy taxonomy = taxonomy(tx, List.copyOf(required));
            Map<String, Person> persons = people(tx, List.copyOf(people));
            Map<String, AppFacts> facts = applications(tx, List.copyOf(apps));
            Map<String, Features> out = new LinkedHashMap<>();
            for (Pair p : pairs) {
              Opening o = openings.get(p.openingId());
              Person person = persons.get(p.personId());
              AppFacts a = p.applicationId() == null ? null : facts.get(p.applicationId());
              out.put(p.rowId(), features(p, o, person, a, taxonomy, asOf));
            }
            return out;
          });
    }
  }

  /** The openings' requirements (absent ids are left out). */
  public static Map<String, Opening> openings(
      org.neo4j.driver.TransactionContext tx, List<String> ids) {
    Map<String, Opening> out = new HashMap<>();
    tx.run(
            "UNWIND $ids AS id MATCH (j:"
                + Labels.JOB_OPENING
                + " {"
                + Props.ID
                + ": id}) "
                + "RETURN id, coalesce(j."
                + Props.TITLE
                + ", j."
                + Props.NAME
                + ", id) AS title, j."
                + Props.STATUS
                + " AS status, "
                + "[(j)-[r:"
                + RelTypes.REQUIRES
                + "]->(k:"
                + Labels.SKILL
                + ") | {id: k."
                + Props.ID
                + ", name: coalesce(k."
                + Props.NAME
                + ", k."
                + Props.ID
                + "), level: r."
                + Props.LEVEL
                + ", required: coalesce(r."
                + Props.REQUIRED
                + ", true)}] AS reqs",
            Map.of("ids", ids))
        .forEachRemaining(
            r -> {
              List<SkillCoverage.Requirement> reqs = new ArrayList<>();
              for (Value v : r.get("reqs").values()) {
                reqs.add(
                    new SkillCoverage.Requirement(
                        v.get("id").asString(),
                        v.get("name").asString(),
                        v.get("level").isNull()
                            ? null
                            : (int) Math.round(v.get("level").asDouble()),
                        v.get("required").asBoolean(true)));
              }
              // required first, then by name: a stable order for explanations
              reqs.sort(
                  (x, y) ->
                      x.required() != y.required()
                          ? (x.required() ? -1 : 1)
                          : x.skillName().compareTo(y.skillName()));
              out.put(
                  r.get("id").asString(),
                  new Opening(
                      r.get("id").asString(),
                      r.get("title").asString(),
                      r.get("status").asString(null),
                      List.copyOf(reqs)));
            });
    return out;
  }

  /** The taxonomy around the required skills, as {@link SkillCredit} reads it. */
  static SkillCredit.Taxonomy taxonomy(
      org.neo4j.driver.TransactionContext tx, List<String> skills) {
    SkillCredit.Taxonomy t = new SkillCredit.Taxonomy();
    tx.run(SkillCredit.TAXONOMY_AROUND, Map.of("ids", skills))
        .forEachRemaining(r -> t.add(r.asMap()));
    return t;
  }

  record Person(
      String id,
      String name,
      boolean expert,
      boolean candidate,
      LocalDate hiredAt,
      List<SkillCoverage.Held> skills) {}

  static Map<String, Person> people(org.neo4j.driver.TransactionContext tx, List<String> ids) {
    Map<String, Person> out = new HashMap<>();
    tx.run(
            "UNWIND $ids AS id OPTIONAL MATCH (e:"
                + Labels.EXPERT
                + " {"
                + Props.ID
                + ": id}) OPTIONAL MATCH (c:"
                + Labels.CANDIDATE
                + " {"
                + Props.ID
                + ": id}) WITH id, coalesce(e, c) AS p WHERE p IS NOT NULL "
                + "RETURN id, coalesce(p."
                + Props.NAME
                + ", id) AS name, p:"
                + Labels.EXPERT
                + " AS expert, p:"
                + Labels.CANDIDATE
                + " AS candidate, p."
                + Props.HIRED_AT
                + " AS hiredAt, "
                + "[(p)-[h:"
                + RelTypes.HAS_SKILL
                + "]->(k:"
                + Labels.SKILL
                + ") | {id: k."
                + Props.ID
                + ", name: coalesce(k."
                + Props.NAME
                + ", k."
                + Props.ID
                + "), level: h."
                + Props.LEVEL
                + ", source: h."
                + Props.SOURCE
                + ", evidence: h."
                + Props.EVIDENCE
                + "}] AS skills",
            Map.of("ids", ids))
        .forEachRemaining(
            r -> {
              List<SkillCoverage.Held> held = new ArrayList<>();
              for (Value v : r.get("skills").values()) {
                int level =
                    v.get("level").isNull() ? 1 : (int) Math.round(v.get("level").asDouble());
                held.add(
                    new SkillCoverage.Held(
                        v.get("id").asString(),
                        v.get("name").asString(),
                        level,
                        v.get("source").asString(null),
                        v.get("evidence").isNull() ? null : v.get("evidence").asObject()));
              }
              Object hired = r.get("hiredAt").isNull() ? null : r.get("hiredAt").asObject();
              out.put(
                  r.get("id").asString(),
                  new Person(
                      r.get("id").asString(),
                      r.get("name").asString(),
                      r.get("expert").asBoolean(),
                      r.get("candidate").asBoolean(),
                      date(hired),
                      held));
            });
    return out;
  }

  record AppFacts(
      LocalDate appliedAt,
      List<Double> overalls,
      Map<String, Integer> measured,
      List<Double> interviews,
      int passed) {}

  static Map<String, AppFacts> applications(
      org.neo4j.driver.TransactionContext tx, List<String> ids) {
    Map<String, AppFacts> out = new HashMap<>();
    if (ids.isEmpty()) return out;
    tx.run(
            "UNWIND $ids AS id MATCH (a:"
                + Labels.APPLICATION
                + " {"
                + Props.ID
                + ": id}) RETURN id, a."
                + Props.APPLIED_AT
                + " AS appliedAt, [(a)-[:"
                + RelTypes.HAS_ASSESSMENT
                + "]->(x:"
                + Labels.ASSESSMENT
                + ") WHERE x."
                + Props.OVERALL
                + " IS NOT NULL | x."
                + Props.OVERALL
                + "] AS overalls, "
                + "[(a)-[:"
                + RelTypes.HAS_ASSESSMENT
                + "]->(:"
                + Labels.ASSESSMENT
                + ")-[m:"
                + RelTypes.MEASURED
                + "]->(k:"
                + Labels.SKILL
                + ") | [k."
                + Props.ID
                + ", m."
                + Props.LEVEL
                + "]] AS measured, "
                + "[(a)-[:"
                + RelTypes.HAS_INTERVIEW
                + "]->(i:"
                + Labels.INTERVIEW
                + ") | [i."
                + Props.OVERALL
                + ", i."
                + Props.RECOMMENDATION
                + "]] AS interviews",
            Map.of("ids", ids))
        .forEachRemaining(
            r -> {
              List<Double> overalls = r.get("overalls").asList(Value::asDouble);
              Map<String, Integer> measured = new HashMap<>();
              for (Value m : r.get("measured").values()) {
                if (!m.get(1).isNull())
                  measured.merge(
                      m.get(0).asString(), (int) Math.round(m.get(1).asDouble()), Math::max);
              }
              List<Double> interviews = new ArrayList<>();
              int passed = 0;
              for (Value i : r.get("interviews").values()) {
                if (!i.get(0).isNull()) interviews.add(i.get(0).asDouble());
                String rec = i.get(1).asString("").toLowerCase(Locale.ROOT);
                if (rec.equals("yes") || rec.equals("strong_yes")) passed++;
              }
              Object applied = r.get("appliedAt").isNull() ? null : r.get("appliedAt").asObject();
              out.put(
                  r.get("id").asString(),
                  new AppFacts(date(applied), overalls, measured, interviews, passed));
            });
    return out;
  }

  static Features features(
      Pair p, Opening o, Person person, AppFacts a, SkillCredit.Taxonomy taxonomy, LocalDate asOf) {
    List<SkillCoverage.Requirement> reqs = o == null ? List.of() : o.requirements();
    List<SkillCoverage.Held> held = person == null ? List.of() : person.skills();
    SkillCoverage.Coverage c = SkillCoverage.of(reqs, held, taxonomy);
    LocalDate when = a != null && a.appliedAt() != null ? a.appliedAt() : asOf;
    boolean internal =
        person != null
            && person.expert()
            && (!person.candidate()
                || (person.hiredAt() != null && when != null && person.hiredAt().isBefore(when)));
    Map<String, Object> cols = new HashMap<>();
    cols.put("requiredCoverage", c.requiredCoverage());
    cols.put("preferredCoverage", c.preferredCoverage());
    cols.put("missingRequired", (double) c.missingRequired());
    cols.put("adjacentSkills", (double) c.adjacent());
    cols.put("evidenceStrength", c.evidence());
    cols.put("skillCount", (double) c.heldSkills());
    cols.put("maxSkillLevel", (double) c.maxHeldLevel());
    cols.put("internal", internal ? 1.0 : 0.0);
    cols.put(
        "tenure",
        internal && person.hiredAt() != null && when != null
            ? Math.max(0, GraphFeatureExtractor.yearsSince(person.hiredAt(), when))
            : null);
    Double overall = null, gap = null, interview = null;
    Double passed = null;
    if (a != null) {
      overall = mean(a.overalls());
      double g = 0;
      int n = 0;
      for (SkillCoverage.Requirement r : reqs) {
        Integer m = a.measured().get(r.skillId());
        if (m != null) {
          g += m - r.wanted();
          n++;
        }
      }
      gap = n == 0 ? null : g / n;
      interview = mean(a.interviews());
      passed = (double) a.passed();
    }
    cols.put("assessmentOverall", overall);
    cols.put("assessmentGap", gap);
    cols.put("interviewMean", interview);
    cols.put("roundsPassed", passed);
    return new Features(p, person == null ? null : person.name(), internal, c, cols);
  }

  private static Double mean(List<Double> xs) {
    if (xs.isEmpty()) return null;
    double s = 0;
    for (double x : xs) s += x;
    return s / xs.size();
  }

  private static LocalDate date(Object v) {
    if (v == null) return null;
    if (v instanceof LocalDate d) return d;
    if (v instanceof java.time.ZonedDateTime z) return z.toLocalDate();
    if (v instanceof java.time.OffsetDateTime o) return o.toLocalDate();
    if (v instanceof java.time.LocalDateTime l) return l.toLocalDate();
    String s = String.valueOf(v);
    try {
      return LocalDate.parse(s.length() >= 10 ? s.substring(0, 10) : s);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
