package dev.talentgraph.recruiting;

import dev.talentgraph.db.DatabaseConfiguration.SchemaMigrations;
import dev.talentgraph.graphql.InvalidArgumentException;
import dev.talentgraph.ml.ModelKinds;
import dev.talentgraph.ml.hiring.HireFeatures;
import dev.talentgraph.ml.hiring.HireScorer;
import dev.talentgraph.ml.hiring.SkillCoverage;
import dev.talentgraph.ml.model.Contribution;
import dev.talentgraph.schema.FieldCipher;
import dev.talentgraph.schema.GraphSessions;
import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.Props;
import dev.talentgraph.schema.RelTypes;
import dev.talentgraph.schema.recruiting.Stage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Service;

/**
 * Ranks people against an opening and openings for a person. The score of a pair is {@code 0.5
 * coverage + 0.3 hire + 0.2 coverage * evidence} with an active hire model and {@code 0.8 coverage
 * + 0.2 coverage * evidence} without one: coverage through the taxonomy ({@link SkillCoverage})
 * leads, the model adds what the graph's past decisions say (assessment, interviews, experience),
 * and evidence counts only for the skills that give credit (strong evidence of nothing is worth
 * nothing). The weights are a product choice stated here, not fitted. The place of the person and
 * the opening ({@link PlaceFit}) then filters (a person who may not work there is left out and
 * listed under {@code excluded}) or scales the score (time-zone overlap, relocation, sponsorship).
 * Ties: by name, then id. Blocking (the driver's sessions): the controller calls it off the event
 * loop.
 */
@Service
class MatchingService {
  static final double W_COVERAGE = 0.5, W_MODEL = 0.3, W_EVIDENCE = 0.2;
  static final double W_COVERAGE_ALONE = 0.8;

  /**
   * Experts considered by includeExperts (those holding most required skills or stand-ins first).
   */
  static final int MAX_EXPERTS = 500;

  /**
   * Openings considered by matchOpenings (those requiring most of the person's skills or neighbours
   * first).
   */
  static final int MAX_OPENINGS = 500;

  static final int EXPLAIN = 5;
  static final int EVIDENCE_TEXT = 160;

  private final Driver driver;
  private final String database;
  private final HireScorer scorer;

  public MatchingService(Driver driver, SchemaMigrations schema, FieldCipher cipher) {
    this.driver = driver;
    this.database = schema.database();
    this.scorer = new HireScorer(driver, database, cipher, ModelKinds.HIRE);
  }

  public record Requirement(String skillId, String skillName, int level, boolean required) {}

  public record Covered(
      String skillId,
      String skillName,
      boolean required,
      int levelRequired,
      int levelHad,
      double credit,
      String evidence,
      String evidenceText,
      String text) {}

  public record Adjacent(
      String skillId,
      String skillName,
      boolean required,
      int levelRequired,
      String viaSkillId,
      String viaSkillName,
      String relation,
      int levelHad,
      double credit,
      String evidence,
      String text) {}

  public record Missing(
      String skillId, String skillName, boolean required, int levelRequired, String text) {}

  public record Reason(String feature, double contribution, String text) {}

  public record Explanation(
      double coverage,
      Double requiredCoverage,
      Double preferredCoverage,
      double evidenceStrength,
      Double hireScore,
      List<Covered> covered,
      List<Adjacent> adjacent,
      List<Missing> missing,
      List<Reason> modelReasons,
      String summary,
      PlaceMatch place) {}

  /** {@code type PlaceMatch}: the place part of an explanation. */
  public record PlaceMatch(
      String policy,
      boolean eligible,
      Double overlapHours,
      Boolean needsSponsorship,
      double factor,
      String text) {
    static PlaceMatch of(PlaceFit f) {
      return f == PlaceFit.NONE
          ? null
          : new PlaceMatch(
              f.policy() == null ? null : f.policy().toUpperCase(Locale.ROOT),
              f.eligible(),
              f.overlapHours(),
              f.needsSponsorship(),
              round(f.factor()),
              f.text());
    }
  }

  /** A person left out of a ranking by a hard place filter. */
  public record ExcludedCandidate(
      String applicationId, String candidateId, String name, boolean internal, String reason) {}

  /** An opening left out of a person's matches by a hard place filter. */
  public record ExcludedOpening(String openingId, String title, String reason) {}

  public record CandidateMatch(
      int rank,
      String applicationId,
      String candidateId,
      String name,
      boolean internal,
      String stage,
      double score,
      Explanation match) {}

  public record CandidateRanking(
      String openingId,
      String title,
      List<Requirement> requirements,
      String model,
      String method,
      int considered,
      List<CandidateMatch> items,
      List<ExcludedCandidate> excluded,
      /* the people ranked before the cut, for the top-k fairness figures */
      List<String> consideredIds) {}

  public record OpeningMatch(
      int rank,
      String openingId,
      String title,
      String status,
      String applicationId,
      double score,
      Explanation match) {}

  public record OpeningMatches(
      String expertId,
      String name,
      String model,
      String method,
      int considered,
      List<OpeningMatch> items,
      List<ExcludedOpening> excluded) {}

  /** The opening's hiring team is managed by this expert (for the MANAGER rule). */
  public boolean managesOpening(String managerExpertId, String openingId) {
    if (managerExpertId == null) return false;
    return read(
            "MATCH (:"
                + Labels.EXPERT
                + " {"
                + Props.ID
                + ": $me})-[:"
                + RelTypes.MANAGES
                + "]->(:"
                + Labels.TEAM
                + ")<-[:"
                + RelTypes.HIRES_FOR
                + "]-(j:"
                + Labels.JOB_OPENING
                + " {"
                + Props.ID
                + ": $id}) RETURN count(j) > 0 AS ok",
            Map.of("me", managerExpertId, "id", openingId))
        .get(0)
        .get("ok")
        .asBoolean();
  }

  public CandidateRanking rankCandidates(
      String openingId, int first, boolean includeExperts, LocalDate asOf) {
    List<Record> head =
        read(
            "MATCH (j:"
                + Labels.JOB_OPENING
                + " {"
                + Props.ID
                + ": $id}) "
                + "RETURN [(p)-[:"
                + RelTypes.APPLIED
                + "]->(a:"
                + Labels.APPLICATION
                + ")-[:"
                + RelTypes.TO
                + "]->(j) WHERE a."
                + Props.STAGE
                + " IN "
                + Stage.cypherList(Stage.LIVE)
                + " AND (p:"
                + Labels.CANDIDATE
                + " OR p:"
                + Labels.EXPERT
                + ") | [a."
                + Props.ID
                + ", p."
                + Props.ID
                + ", a."
                + Props.STAGE
                + "]] AS apps, "
                + "[(p)-[:"
                + RelTypes.APPLIED
                + "]->(:"
                + Labels.APPLICATION
                + ")-[:"
                + RelTypes.TO
                + "]->(j) | p."
                + Props.ID
                + "] AS applied",
            Map.of("id", openingId));
    if (head.isEmpty())
      throw new InvalidArgumentException("openingId", "no job opening with id '" + openingId + "'");
    List<HireFeatures.Pair> pairs = new ArrayList<>();
    Map<String, String> stages = new HashMap<>();
    for (Value a : head.get(0).get("apps").values()) {
      String app = a.get(0).asString();
      pairs.add(new HireFeatures.Pair(app, a.get(1).asString(), openingId, app));
      stages.put(app, a.get(2).asString());
    }
    if (includeExperts) {
      List<String> applied = head.get(0).get("applied").asList(Value::asString);
      for (Record r :
          read(
              "MATCH (j:"
                  + Labels.JOB_OPENING
                  + " {"
                  + Props.ID
                  + ": $id})-[:"
                  + RelTypes.REQUIRES
                  + "]->(k:"
                  + Labels.SKILL
                  + ") OPTIONAL MATCH (k)-[:"
                  + RelTypes.SAME_AS
                  + "|"
                  + RelTypes.RELATED_TO
                  + "|"
                  + RelTypes.BROADER
                  + "]-(n:"
                  + Labels.SKILL
                  + ") WITH j, collect(DISTINCT k) + collect(DISTINCT n) AS skills UNWIND skills AS s "
                  + "MATCH (e:"
                  + Labels.EXPERT
                  + ")-[:"
                  + RelTypes.HAS_SKILL
                  + "]->(s) WHERE coalesce(e."
                  + Props.STATUS
                  + ", 'active') <> 'departed' "
                  + "AND NOT e."
                  + Props.ID
                  + " IN $applied AND NOT (e:"
                  + Labels.CANDIDATE
                  + " AND e."
                  + Props.HIRED_AT
                  + " IS NULL) "
                  + "WITH e, count(DISTINCT s) AS hits ORDER BY hits DESC, e."
                  + Props.ID
                  + " LIMIT $max RETURN e."
                  + Props.ID
                  + " AS id",
              Map.of("id", openingId, "applied", applied, "max", MAX_EXPERTS))) {
        String id = r.get("id").asString();
        pairs.add(new HireFeatures.Pair("expert:" + id, id, openingId, null));
      }
    }
    Map<String, HireFeatures.Features> features =
        HireFeatures.compute(driver, database, pairs, asOf);
    Map<String, HireScorer.Scored> model = scorer.score(features, asOf, EXPLAIN);
    String modelId = scorer.activeModel().orElse(null);
    PlaceFit.OpeningPlace openingPlace;
    Map<String, PlaceFit.PersonPlace> people;
    try (Session s = session()) {
      openingPlace = PlaceReads.openings(s, List.of(openingId)).get(openingId);
      people =
          PlaceReads.people(s, pairs.stream().map(HireFeatures.Pair::personId).distinct().toList());
    }
    List<CandidateMatch> all = new ArrayList<>();
    List<ExcludedCandidate> excluded = new ArrayList<>();
    boolean placed = false;
    for (HireFeatures.Pair p : pairs) {
      HireFeatures.Features f = features.get(p.rowId());
      HireScorer.Scored s = model.get(p.rowId());
      PlaceFit place = PlaceFit.of(openingPlace, people.get(p.personId()), asOf);
      placed |= place != PlaceFit.NONE;
      if (!place.eligible()) {
        excluded.add(
            new ExcludedCandidate(
                p.applicationId(), p.personId(), f.personName(), f.internal(), place.text()));
        continue;
      }
      Explanation e = explain(f.coverage(), s, place);
      all.add(
          new CandidateMatch(
              0,
              p.applicationId(),
              p.personId(),
              f.personName(),
              f.internal(),
              stages.get(p.rowId()),
              round(combined(f.coverage(), s) * place.factor()),
              e));
    }
    all.sort(
        Comparator.comparingDouble((CandidateMatch m) -> -m.score())
            .thenComparing(m -> m.name() == null ? "" : m.name())
            .thenComparing(CandidateMatch::candidateId));
    List<CandidateMatch> items = new ArrayList<>();
    for (int i = 0; i < Math.min(first, all.size()); i++) {
      CandidateMatch m = all.get(i);
      items.add(
          new CandidateMatch(
              i + 1,
              m.applicationId(),
              m.candidateId(),
              m.name(),
              m.internal(),
              m.stage(),
              m.score(),
              m.match()));
    }
    HireFeatures.Opening o = openingOf(openingId);
    excluded.sort(
        Comparator.comparing((ExcludedCandidate x) -> x.name() == null ? "" : x.name())
            .thenComparing(ExcludedCandidate::candidateId));
    return new CandidateRanking(
        openingId,
        o.title(),
        requirements(o),
        modelId,
        method(modelId) + (placed ? PLACE_METHOD : ""),
        all.size(),
        items,
        excluded,
        all.stream().map(CandidateMatch::candidateId).toList());
  }

  public OpeningMatches matchOpenings(String expertId, int first, LocalDate asOf) {
    List<Record> head =
        read(
            "MATCH (e:"
                + Labels.EXPERT
                + " {"
                + Props.ID
                + ": $id}) RETURN coalesce(e."
                + Props.NAME
                + ", e."
                + Props.ID
                + ") AS name, [(e)-[:"
                + RelTypes.APPLIED
                + "]->(a:"
                + Labels.APPLICATION
                + ")-[:"
                + RelTypes.TO
                + "]->(j:"
                + Labels.JOB_OPENING
                + ") | [j."
                + Props.ID
                + ", a."
                + Props.ID
                + "]] AS apps",
            Map.of("id", expertId));
    if (head.isEmpty())
      throw new InvalidArgumentException("expertId", "no expert with id '" + expertId + "'");
    Map<String, String> applications = new HashMap<>();
    for (Value a : head.get(0).get("apps").values())
      applications.put(a.get(0).asString(), a.get(1).asString());
    List<HireFeatures.Pair> pairs = new ArrayList<>();
    Map<String, String[]> openings = new HashMap<>();
    for (Record r :
        read(
            "MATCH (e:"
                + Labels.EXPERT
                + " {"
                + Props.ID
                + ": $id})-[:"
                + RelTypes.HAS_SKILL
                + "]->(k:"
                + Labels.SKILL
                + ") "
                + "OPTIONAL MATCH (k)-[:"
                + RelTypes.SAME_AS
                + "|"
                + RelTypes.RELATED_TO
                + "|"
                + RelTypes.BROADER
                + "]-(n:"
                + Labels.SKILL
                + ") "
                + "WITH collect(DISTINCT k) + collect(DISTINCT n) AS skills UNWIND skills AS s "
                + "MATCH (j:"
                + Labels.JOB_OPENING
                + ")-[:"
                + RelTypes.REQUIRES
                + "]->(s) WHERE coalesce(j."
                + Props.STATUS
                + ", 'open') = 'open' "
                + "WITH j, count(DISTINCT s) AS hits ORDER BY hits DESC, j."
                + Props.ID
                + " LIMIT $max "
                + "RETURN j."
                + Props.ID
                + " AS id, coalesce(j."
                + Props.TITLE
                + ", j."
                + Props.NAME
                + ") AS title, coalesce(j."
                + Props.STATUS
                + ", 'open') AS status",
            Map.of("id", expertId, "max", MAX_OPENINGS))) {
      String id = r.get("id").asString();
      openings.put(id, new String[] {r.get("title").asString(null), r.get("status").asString()});
      pairs.add(new HireFeatures.Pair(id, expertId, id, applications.get(id)));
    }
    Map<String, HireFeatures.Features> features =
        HireFeatures.compute(driver, database, pairs, asOf);
    Map<String, HireScorer.Scored> model = scorer.score(features, asOf, EXPLAIN);
    String modelId = scorer.activeModel().orElse(null);
    Map<String, PlaceFit.OpeningPlace> places;
    PlaceFit.PersonPlace person;
    try (Session s = session()) {
      places = PlaceReads.openings(s, openings.keySet());
      person = PlaceReads.people(s, List.of(expertId)).get(expertId);
    }
    List<OpeningMatch> all = new ArrayList<>();
    List<ExcludedOpening> excluded = new ArrayList<>();
    boolean placed = false;
    for (HireFeatures.Pair p : pairs) {
      HireFeatures.Features f = features.get(p.rowId());
      HireScorer.Scored s = model.get(p.rowId());
      String[] o = openings.get(p.openingId());
      PlaceFit place = PlaceFit.of(places.get(p.openingId()), person, asOf);
      placed |= place != PlaceFit.NONE;
      if (!place.eligible()) {
        excluded.add(new ExcludedOpening(p.openingId(), o[0], place.text()));
        continue;
      }
      all.add(
          new OpeningMatch(
              0,
              p.openingId(),
              o[0],
              o[1],
              p.applicationId(),
              round(combined(f.coverage(), s) * place.factor()),
              explain(f.coverage(), s, place)));
    }
    all.sort(
        Comparator.comparingDouble((OpeningMatch m) -> -m.score())
            .thenComparing(m -> m.title() == null ? "" : m.title())
            .thenComparing(OpeningMatch::openingId));
    List<OpeningMatch> items = new ArrayList<>();
    for (int i = 0; i < Math.min(first, all.size()); i++) {
      OpeningMatch m = all.get(i);
      items.add(
          new OpeningMatch(
              i + 1,
              m.openingId(),
              m.title(),
              m.status(),
              m.applicationId(),
              m.score(),
              m.match()));
    }
    excluded.sort(Comparator.comparing(ExcludedOpening::openingId));
    return new OpeningMatches(
        expertId,
        head.get(0).get("name").asString(),
        modelId,
        method(modelId) + (placed ? PLACE_METHOD : ""),
        all.size(),
        items,
        excluded);
  }

  static double combined(SkillCoverage.Coverage c, HireScorer.Scored s) {
    double evidence = c.score() * c.evidence();
    double v =
        s == null
            ? W_COVERAGE_ALONE * c.score() + W_EVIDENCE * evidence
            : W_COVERAGE * c.score() + W_MODEL * s.value() + W_EVIDENCE * evidence;
    return round(v);
  }

  static String method(String model) {
    return model == null
        ? "0.8 x skill coverage + 0.2 x coverage x evidence strength (no hire model is active: bin/talentgraph train hire)"
        : "0.5 x skill coverage + 0.3 x hire likelihood ("
            + model
            + ") + 0.2 x coverage x evidence strength";
  }

  static final String PLACE_METHOD =
      "; then x place fit: remote 0.85 + 0.15 x hours of overlap with the team / 8, relocation"
          + " 0.95, visa sponsorship 0.95, wants remote but onsite 0.9; people who may not work"
          + " there (allowed countries, minimum overlap, no sponsorship) are excluded";

  static Explanation explain(SkillCoverage.Coverage c, HireScorer.Scored s, PlaceFit place) {
    List<Covered> covered = new ArrayList<>();
    List<Adjacent> adjacent = new ArrayList<>();
    List<Missing> missing = new ArrayList<>();
    for (SkillCoverage.Match m : c.matches()) {
      SkillCoverage.Requirement r = m.requirement();
      switch (m.status()) {
        case COVERED ->
            covered.add(
                new Covered(
                    r.skillId(),
                    r.skillName(),
                    r.required(),
                    r.wanted(),
                    m.held().level(),
                    round(m.credit()),
                    m.held().evidenceKind(),
                    evidenceText(m.held().evidence()),
                    m.text()));
        case ADJACENT ->
            adjacent.add(
                new Adjacent(
                    r.skillId(),
                    r.skillName(),
                    r.required(),
                    r.wanted(),
                    m.held().skillId(),
                    m.held().skillName(),
                    m.relation().word,
                    m.held().level(),
                    round(m.credit()),
                    m.held().evidenceKind(),
                    m.text()));
        case MISSING ->
            missing.add(
                new Missing(r.skillId(), r.skillName(), r.required(), r.wanted(), m.text()));
      }
    }
    List<Reason> reasons = new ArrayList<>();
    if (s != null) {
      for (Contribution k : s.reasons())
        reasons.add(new Reason(k.feature(), round(k.contribution()), k.text()));
    }
    String summary =
        String.format(
                Locale.ROOT,
                "%d of %d requirements covered, %d through an adjacent skill, %d missing "
                    + "(%d required); coverage %.2f, evidence %.2f%s",
                covered.size(),
                c.matches().size(),
                adjacent.size(),
                missing.size(),
                c.missingRequired(),
                c.score(),
                c.evidence(),
                s == null ? "" : String.format(Locale.ROOT, ", hire likelihood %.2f", s.value()))
            + (place.text() == null ? "" : "; " + place.text());
    return new Explanation(
        round(c.score()),
        c.requiredCoverage() == null ? null : round(c.requiredCoverage()),
        c.preferredCoverage() == null ? null : round(c.preferredCoverage()),
        round(c.evidence()),
        s == null ? null : round(s.value()),
        covered,
        adjacent,
        missing,
        reasons,
        summary,
        PlaceMatch.of(place));
  }

  private HireFeatures.Opening openingOf(String id) {
    try (Session s = session()) {
      return s.executeRead(tx -> HireFeatures.openings(tx, List.of(id))).get(id);
    }
  }

  private static List<Requirement> requirements(HireFeatures.Opening o) {
    return o.requirements().stream()
        .map(r -> new Requirement(r.skillId(), r.skillName(), r.wanted(), r.required()))
        .toList();
  }

  private static String evidenceText(Object evidence) {
    if (evidence == null) return null;
    String s =
        evidence instanceof Collection<?> c
            ? (c.isEmpty() ? "" : String.valueOf(c.iterator().next()))
            : String.valueOf(evidence);
    s = s.strip();
    return s.length() <= EVIDENCE_TEXT ? s : s.substring(0, EVIDENCE_TEXT - 1) + "\u2026";
  }

  static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }

  private List<Record> read(String cypher, Map<String, Object> params) {
    try (Session s = session()) {
      return s.executeRead(tx -> tx.run(cypher, params).list());
    }
  }

  private Session session() {
    return driver.session(GraphSessions.read(driver, database));
  }
}
