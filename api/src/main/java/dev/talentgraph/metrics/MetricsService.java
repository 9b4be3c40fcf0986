package dev.talentgraph.metrics;

import dev.talentgraph.schema.GraphSessions;
import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.Props;
import dev.talentgraph.schema.RelTypes;
import dev.talentgraph.schema.recruiting.Stage;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/**
 * Computes {@link Metrics} from the graph in one read transaction (one consistent snapshot), for
 * the GraphQL query and for {@code report metrics} alike. Recruiting figures follow docs/adr/0006:
 * openings are filtered by their {@code HIRES_FOR} team and their {@code region}; people figures by
 * the person's {@code MEMBER_OF} team and their {@code region}. The definitions of each figure are
 * returned with it ({@link #DEFINITIONS}).
 */
public final class MetricsService {
  /** Default size of the training top and bottom lists. */
  public static final int DEFAULT_TOP = 5;

  /** Default fewest completed enrolments for a course to be ranked in the top and bottom lists. */
  public static final int DEFAULT_MIN_ENROLMENTS = 5;

  /**
   * Smallest group shown to callers who see aggregates only (ANALYST): retention rows and
   * per-course gains.
   */
  public static final int MIN_GROUP_SIZE = 5;

  /** Graph values of the pipeline stages in order (interview rounds count as one stage here). */
  static final List<String> STAGES = Stage.graph(Stage.PIPELINE);

  static final List<String> DEFINITIONS =
      List.of(
          "Period: from..to, both inclusive (default: 1 January four years before 'to' .. today).",
          "hiringSuccess: openings with status 'closed' whose closedAt is in the period (team = HIRES_FOR team, region ="
              + " the opening's region); hires = their applications in stage 'hired'; rate = hires / closedOpenings.",
          "timeToHire: applications whose 'hired' StageChange happened in the period; days from appliedAt and from the"
              + " opening's postedAt to that StageChange's date (UTC); median interpolated, p90 nearest rank.",
          "stageConversion: applications with appliedAt in the period; reachedFrom = those with a StageChange to the"
              + " stage, reachedTo = those of them with a later StageChange to the next stage (all interview rounds ="
              + " 'interview').",
          "offerAcceptance: moves out of 'offer' in the period; rate = hired / (hired + withdrawn): the offers the candidate"
              + " decided on. 'rejected' after an offer (an offer the company withdrew, e.g. the position was filled) is counted"
              + " apart and is not a decline.",
          "trainingEffect: ENROLLED with status 'completed', completedAt in the period and both levels; gain ="
              + " levelAfter - levelBefore; team = the person's MEMBER_OF team, region = the person's region. Top and"
              + " bottom rank courses with at least minEnrolments such enrolments (default 5; never under minGroupSize).",
          "retention: per calendar year clipped to the period; activeAtStart = people hired on or before the start and"
              + " not departed by then; retained = those of them not departed by the end; departures between, by reason."
              + " Grouped by the person's MEMBER_OF team and region.",
          "skillCoverage: a team's projects are the active ones an active member works on now (WORKED_ON without 'to')"
              + " and the planned ones of the team's department; per skill the highest REQUIRES level among them vs the"
              + " best HAS_SKILL level among the team's active members (exact skill); a gap is 'missing' (no active"
              + " member has it) or 'below'. Current state: the period does not apply.");

  /**
   * Validated arguments. {@code minGroupSize} null: no suppression. {@code minEnrolments}: fewest
   * completed enrolments for a course to be ranked (a mean over two people says little).
   */
  public record Request(
      LocalDate from,
      LocalDate to,
      String team,
      String region,
      int top,
      int minEnrolments,
      Integer minGroupSize) {
    /** The same request with small groups suppressed (or not: null). */
    public Request withMinGroupSize(Integer min) {
      return new Request(from, to, team, region, top, minEnrolments, min);
    }
  }

  private static final String OPENING_FILTER =
      "($team IS NULL OR EXISTS { MATCH (o)-[:"
          + RelTypes.HIRES_FOR
          + "]->(:"
          + Labels.TEAM
          + " {id: $team}) }) AND ($region IS NULL OR o."
          + Props.REGION
          + " = $region)";
  private static final String PERSON_FILTER =
      "($team IS NULL OR EXISTS { MATCH (e)-[:"
          + RelTypes.MEMBER_OF
          + "]->(:"
          + Labels.TEAM
          + " {id: $team}) }) AND ($region IS NULL OR e."
          + Props.REGION
          + " = $region)";
  private static final String ACTIVE = "coalesce(e." + Props.STATUS + ", 'active') = 'active'";
  private static final String TEAM_FILTER =
      "($team IS NULL OR t.id = $team) AND ($region IS NULL OR t." + Props.REGION + " = $region)";

  private static final String MANAGED_TEAMS =
      "MATCH (:"
          + Labels.EXPERT
          + " {id: $me})-[:"
          + RelTypes.MANAGES
          + "]->(t:"
          + Labels.TEAM
          + ") RETURN t.id AS id ORDER BY id";
  private static final String TEAM_NAME =
      "MATCH (t:" + Labels.TEAM + " {id: $team}) RETURN t.name AS name";
  private static final String REGION_KNOWN =
      "RETURN EXISTS { MATCH (t:"
          + Labels.TEAM
          + ") WHERE t.region = $region }"
          + " OR EXISTS { MATCH (e:"
          + Labels.EXPERT
          + ") WHERE e.region = $region }"
          + " OR EXISTS { MATCH (o:"
          + Labels.JOB_OPENING
          + ") WHERE o.region = $region } AS known";
  private static final String HIRING =
      "MATCH (o:"
          + Labels.JOB_OPENING
          + ") WHERE o."
          + Props.STATUS
          + " = 'closed' AND o."
          + Props.CLOSED_AT
          + " IS NOT NULL AND date(o."
          + Props.CLOSED_AT
          + ") >= $from AND date(o."
          + Props.CLOSED_AT
          + ") <= $to AND "
          + OPENING_FILTER
          + " OPTIONAL MATCH (a:"
          + Labels.APPLICATION
          + ")-[:"
          + RelTypes.TO
          + "]->(o) WHERE a."
          + Props.STAGE
          + " = "
          + Stage.HIRED.cypher()
          + " WITH o, count(a) AS hires RETURN count(o) AS closed,"
          + " coalesce(sum(hires), 0) AS hires, coalesce(sum(CASE WHEN hires > 0 THEN 1 ELSE 0 END), 0) AS filled";
  private static final String TIME_TO_HIRE =
      "MATCH (a:"
          + Labels.APPLICATION
          + ")-[:"
          + RelTypes.MOVED
          + "]->(h:"
          + Labels.STAGE_CHANGE
          + ") WHERE h."
          + Props.TO
          + " = "
          + Stage.HIRED.cypher()
          + " MATCH (a)-[:"
          + RelTypes.TO
          + "]->(o:"
          + Labels.JOB_OPENING
          + ") WHERE "
          + OPENING_FILTER
          + " WITH a, o, min(date(h."
          + Props.AT
          + ")) AS hired"
          + " WHERE hired >= $from AND hired <= $to RETURN a.id AS id, date(a."
          + Props.APPLIED_AT
          + ") AS applied, date(o."
          + Props.POSTED_AT
          + ") AS posted, hired ORDER BY id";
  private static final String CONVERSION =
      "MATCH (a:"
          + Labels.APPLICATION
          + ")-[:"
          + RelTypes.TO
          + "]->(o:"
          + Labels.JOB_OPENING
          + ") WHERE a."
          + Props.APPLIED_AT
          + " IS NOT NULL AND date(a."
          + Props.APPLIED_AT
          + ") >= $from AND date(a."
          + Props.APPLIED_AT
          + ") <= $to AND "
          + OPENING_FILTER
          + " MATCH (a)-[:"
          + RelTypes.MOVED
          + "]->(c:"
          + Labels.STAGE_CHANGE
          + ") RETURN a.id AS id, collect([c."
          + Props.SEQ
          + ", c."
          + Props.TO
          + "]) AS moves";

  /** The moves out of an offer: accepted (hired), declined (withdrawn) or rescinded (rejected). */
  private static final String OFFERS =
      "MATCH (a:"
          + Labels.APPLICATION
          + ")-[:"
          + RelTypes.MOVED
          + "]->(c:"
          + Labels.STAGE_CHANGE
          + ") WHERE c."
          + Props.FROM
          + " = "
          + Stage.OFFER.cypher()
          + " AND c."
          + Props.TO
          + " IN "
          + Stage.cypherList(List.of(Stage.HIRED, Stage.WITHDRAWN, Stage.REJECTED))
          + " AND date(c."
          + Props.AT
          + ") >= $from AND date(c."
          + Props.AT
          + ") <= $to MATCH (a)-[:"
          + RelTypes.TO
          + "]->(o:"
          + Labels.JOB_OPENING
          + ") WHERE "
          + OPENING_FILTER
          + " RETURN c."
          + Props.TO
          + " AS outcome, count(DISTINCT a) AS n";

  private static final String TRAINING =
      "MATCH (e:"
          + Labels.EXPERT
          + ")-[r:"
          + RelTypes.ENROLLED
          + "]->(c:"
          + Labels.COURSE
          + ") WHERE r."
          + Props.STATUS
          + " = 'completed' AND r."
          + Props.LEVEL_BEFORE
          + " IS NOT NULL AND r."
          + Props.LEVEL_AFTER
          + " IS NOT NULL AND r."
          + Props.COMPLETED_AT
          + " IS NOT NULL AND date(r."
          + Props.COMPLETED_AT
          + ") >= $from AND date(r."
          + Props.COMPLETED_AT
          + ") <= $to AND "
          + PERSON_FILTER
          + " RETURN c.id AS id, coalesce(c."
          + Props.TITLE
          + ", c."
          + Props.NAME
          + ") AS title, count(*) AS n, sum(r."
          + Props.LEVEL_AFTER
          + " - r."
          + Props.LEVEL_BEFORE
          + ") AS gain"
          + " ORDER BY id";
  private static final String TEAM_NAMES =
      "MATCH (t:" + Labels.TEAM + ") RETURN t.id AS id, t.name AS name";
  private static final String PEOPLE =
      "MATCH (e:"
          + Labels.EXPERT
          + ") WHERE e."
          + Props.HIRED_AT
          + " IS NOT NULL AND "
          + PERSON_FILTER
          + " OPTIONAL MATCH (e)-[:"
          + RelTypes.MEMBER_OF
          + "]->(t:"
          + Labels.TEAM
          + ")"
          + " WITH e, collect(DISTINCT t.id) AS teams RETURN date(e."
          + Props.HIRED_AT
          + ") AS hired, date(e."
          + Props.DEPARTED_AT
          + ") AS departed, e."
          + Props.DEPARTURE_REASON
          + " AS reason, e."
          + Props.REGION
          + " AS region, teams";
  private static final String TEAM_MEMBERS =
      "MATCH (t:"
          + Labels.TEAM
          + ") WHERE "
          + TEAM_FILTER
          + " OPTIONAL MATCH (e:"
          + Labels.EXPERT
          + ")-[:"
          + RelTypes.MEMBER_OF
          + "]->(t) WHERE "
          + ACTIVE
          + " RETURN t.id AS id, t.name AS name,"
          + " t.region AS region, count(e) AS members ORDER BY id";
  private static final String TEAM_BEST_LEVELS =
      "MATCH (t:"
          + Labels.TEAM
          + ")<-[:"
          + RelTypes.MEMBER_OF
          + "]-(e:"
          + Labels.EXPERT
          + ")-[h:"
          + RelTypes.HAS_SKILL
          + "]->(s:"
          + Labels.SKILL
          + ") WHERE "
          + TEAM_FILTER
          + " AND "
          + ACTIVE
          + " RETURN t.id AS team, s.id AS skill, max(h."
          + Props.LEVEL
          + ") AS level";
  private static final String TEAM_NEEDS =
      "MATCH (t:"
          + Labels.TEAM
          + ") WHERE "
          + TEAM_FILTER
          + " CALL { WITH t MATCH (t)<-[:"
          + RelTypes.MEMBER_OF
          + "]-(e:"
          + Labels.EXPERT
          + ")-[w:"
          + RelTypes.WORKED_ON
          + "]->(p:"
          + Labels.PROJECT
          + ") WHERE "
          + ACTIVE
          + " AND w."
          + Props.TO
          + " IS NULL AND p."
          + Props.STATUS
          + " = 'active' RETURN p UNION WITH t MATCH (p:"
          + Labels.PROJECT
          + ") WHERE p."
          + Props.STATUS
          + " = 'planned' AND p."
          + Props.DEPARTMENT
          + " = t."
          + Props.DEPARTMENT
          + " RETURN p } OPTIONAL MATCH (p)-[q:"
          + RelTypes.REQUIRES
          + "]->(s:"
          + Labels.SKILL
          + ")"
          + " RETURN t.id AS team, p.id AS project, s.id AS skill, s.name AS name, q."
          + Props.LEVEL
          + " AS level";

  private final Driver driver;
  private final String database;

  public MetricsService(Driver driver, String database) {
    this.driver = driver;
    this.database = database;
  }

  /**
   * Parses and checks the arguments (dates ISO {@code yyyy-MM-dd}); {@code today} is the default
   * end. Throws {@link MetricsException} naming the argument.
   */
  public static Request request(
      String from,
      String to,
      String team,
      String region,
      Integer top,
      Integer minEnrolments,
      Integer minGroupSize,
      LocalDate today) {
    LocalDate t = to == null || to.isBlank() ? today : date("to", to);
    LocalDate f =
        from == null || from.isBlank() ? LocalDate.of(t.getYear() - 4, 1, 1) : date("from", from);
    if (f.isAfter(t)) {
      throw new MetricsException(
          "from", "FROM_AFTER_TO", "from (" + f + ") must not be after to (" + t + ")");
    }
    int n = top == null ? DEFAULT_TOP : top;
    if (n < 1 || n > 50)
      throw new MetricsException(
          "top", "OUT_OF_RANGE", "top must be between 1 and 50 (was " + n + ")");
    int minEnr = minEnrolments == null ? DEFAULT_MIN_ENROLMENTS : minEnrolments;
    if (minEnr < 1 || minEnr > 1000) {
      throw new MetricsException(
          "minEnrolments",
          "OUT_OF_RANGE",
          "minEnrolments must be between 1 and 1000 (was " + minEnr + ")");
    }
    if (minGroupSize != null && (minGroupSize < 1 || minGroupSize > 1000)) {
      throw new MetricsException(
          "minGroupSize",
          "OUT_OF_RANGE",
          "minGroupSize must be between 1 and 1000 (was " + minGroupSize + ")");
    }
    return new Request(f, t, blankToNull(team), blankToNull(region), n, minEnr, minGroupSize);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static LocalDate date(String argument, String value) {
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new MetricsException(
          argument,
          "INVALID_DATE",
          argument + " must be an ISO date such as 2025-01-31 (was '" + value + "')");
    }
  }

  /**
   * The figures for a validated request; {@link MetricsException} for an unknown team or region.
   */
  public Metrics compute(Request req, LocalDate asOf) {
    try (var session = driver.session(GraphSessions.read(driver, database))) {
      return session.executeRead(tx -> compute(tx, req, asOf));
    }
  }

  /** The ids of the teams this expert MANAGES. */
  public List<String> managedTeams(String expertId) {
    if (expertId == null) return List.of();
    try (var session = driver.session(GraphSessions.read(driver, database))) {
      return session.executeRead(
          tx -> tx.run(MANAGED_TEAMS, Map.of("me", expertId)).list(r -> r.get("id").asString()));
    }
  }

  private Metrics compute(TransactionContext tx, Request req, LocalDate asOf) {
    Map<String, Object> p = new HashMap<>();
    p.put("from", req.from());
    p.put("to", req.to());
    p.put("team", req.team());
    p.put("region", req.region());
    String teamName = null;
    if (req.team() != null) {
      List<Record> t = tx.run(TEAM_NAME, p).list();
      if (t.isEmpty())
        throw new MetricsException("team", "UNKNOWN_TEAM", "no team with id '" + req.team() + "'");
      teamName = str(t.get(0).get("name"));
    }
    if (req.region() != null) {
      boolean known = tx.run(REGION_KNOWN, p).single().get("known").asBoolean();
      if (!known)
        throw new MetricsException(
            "region",
            "UNKNOWN_REGION",
            "no team, expert or opening in region '" + req.region() + "'");
    }
    Metrics.Filter filter =
        new Metrics.Filter(
            req.from().toString(),
            req.to().toString(),
            req.team(),
            teamName,
            req.region(),
            req.minGroupSize(),
            asOf.toString());
    return new Metrics(
        filter,
        hiring(tx, p),
        timeToHire(tx, p),
        conversion(tx, p),
        offers(tx, p),
        training(tx, p, req),
        retention(tx, p, req),
        coverage(tx, p),
        DEFINITIONS);
  }

  // ------------------------------------------------------------------ recruiting

  private static Metrics.Hiring hiring(TransactionContext tx, Map<String, Object> p) {
    Record r = tx.run(HIRING, p).single();
    long closed = r.get("closed").asLong();
    long hires = r.get("hires").asLong();
    return new Metrics.Hiring(closed, hires, r.get("filled").asLong(), ratio(hires, closed));
  }

  private static Metrics.TimeToHire timeToHire(TransactionContext tx, Map<String, Object> p) {
    List<Record> rows = tx.run(TIME_TO_HIRE, p).list();
    List<Long> fromApplied = new ArrayList<>();
    List<Long> fromPosted = new ArrayList<>();
    for (Record r : rows) {
      LocalDate hired = r.get("hired").asLocalDate();
      if (!r.get("applied").isNull())
        fromApplied.add(ChronoUnit.DAYS.between(r.get("applied").asLocalDate(), hired));
      if (!r.get("posted").isNull())
        fromPosted.add(ChronoUnit.DAYS.between(r.get("posted").asLocalDate(), hired));
    }
    int[] edges = {0, 15, 30, 45, 60, 90, 120};
    List<Metrics.Bucket> buckets = new ArrayList<>();
    for (int i = 0; i < edges.length; i++) {
      int lo = edges[i];
      Integer hi = i + 1 < edges.length ? edges[i + 1] - 1 : null;
      long n = fromApplied.stream().filter(d -> d >= lo && (hi == null || d <= hi)).count();
      buckets.add(
          new Metrics.Bucket(hi == null ? lo + "+ days" : lo + "-" + hi + " days", lo, hi, n));
    }
    long negative = fromApplied.stream().filter(d -> d < 0).count();
    if (negative > 0)
      buckets.add(
          0, new Metrics.Bucket("before applying (data error)", Integer.MIN_VALUE, -1, negative));
    return new Metrics.TimeToHire(rows.size(), stats(fromApplied), stats(fromPosted), buckets);
  }

  static Metrics.DayStats stats(List<Long> days) {
    if (days.isEmpty()) return new Metrics.DayStats(0, 0L, null, null, null, null, null);
    List<Long> s = days.stream().sorted().toList();
    int n = s.size();
    long sum = s.stream().mapToLong(Long::longValue).sum();
    double median = n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2.0;
    double p90 = s.get((int) Math.ceil(0.9 * n) - 1);
    return new Metrics.DayStats(n, sum, (double) sum / n, median, p90, s.get(0), s.get(n - 1));
  }

  private static List<Metrics.Conversion> conversion(TransactionContext tx, Map<String, Object> p) {
    List<Record> rows = tx.run(CONVERSION, p).list();
    long[] reachedFrom = new long[STAGES.size() - 1];
    long[] reachedTo = new long[STAGES.size() - 1];
    for (Record r : rows) {
      Map<String, Long> first = new HashMap<>();
      Map<String, Long> last = new HashMap<>();
      for (Value m : r.get("moves").values()) {
        if (m.get(0).isNull() || m.get(1).isNull()) continue;
        long seq = m.get(0).asLong();
        String stage = m.get(1).asString();
        first.merge(stage, seq, Math::min);
        last.merge(stage, seq, Math::max);
      }
      for (int i = 0; i + 1 < STAGES.size(); i++) {
        Long at = first.get(STAGES.get(i));
        if (at == null) continue;
        reachedFrom[i]++;
        Long next = last.get(STAGES.get(i + 1));
        if (next != null && next > at) reachedTo[i]++;
      }
    }
    List<Metrics.Conversion> out = new ArrayList<>();
    for (int i = 0; i + 1 < STAGES.size(); i++) {
      out.add(
          new Metrics.Conversion(
              STAGES.get(i),
              STAGES.get(i + 1),
              reachedFrom[i],
              reachedTo[i],
              ratio(reachedTo[i], reachedFrom[i])));
    }
    return out;
  }

  private static Metrics.OfferAcceptance offers(TransactionContext tx, Map<String, Object> p) {
    Map<String, Long> n = new HashMap<>();
    tx.run(OFFERS, p)
        .forEachRemaining(r -> n.put(r.get("outcome").asString(), r.get("n").asLong()));
    long hired = n.getOrDefault(Stage.HIRED.graph(), 0L);
    long withdrawn = n.getOrDefault(Stage.WITHDRAWN.graph(), 0L);
    long rejected = n.getOrDefault(Stage.REJECTED.graph(), 0L);
    long decided =
        hired + withdrawn; // a rescinded offer (rejected) was not the candidate's decision
    return new Metrics.OfferAcceptance(decided, hired, withdrawn, rejected, ratio(hired, decided));
  }

  // ------------------------------------------------------------------ people

  private static Metrics.Training training(
      TransactionContext tx, Map<String, Object> p, Request req) {
    List<Metrics.CourseGain> courses =
        tx.run(TRAINING, p)
            .list(
                r ->
                    new Metrics.CourseGain(
                        r.get("id").asString(),
                        str(r.get("title")),
                        r.get("n").asLong(),
                        r.get("gain").asLong(),
                        ratio(r.get("gain").asLong(), r.get("n").asLong())));
    long enrolments = courses.stream().mapToLong(Metrics.CourseGain::enrolments).sum();
    long gain = courses.stream().mapToLong(Metrics.CourseGain::totalGain).sum();
    int min = Math.max(req.minEnrolments(), req.minGroupSize() == null ? 1 : req.minGroupSize());
    List<Metrics.CourseGain> shown = courses.stream().filter(c -> c.enrolments() >= min).toList();
    Comparator<Metrics.CourseGain> byGain =
        Comparator.comparingDouble(Metrics.CourseGain::meanGain);
    List<Metrics.CourseGain> top =
        shown.stream()
            .sorted(
                byGain
                    .reversed()
                    .thenComparing(
                        Comparator.comparingLong(Metrics.CourseGain::enrolments).reversed())
                    .thenComparing(Metrics.CourseGain::courseId))
            .limit(req.top())
            .toList();
    List<Metrics.CourseGain> bottom =
        shown.stream()
            .sorted(
                byGain
                    .thenComparing(
                        Comparator.comparingLong(Metrics.CourseGain::enrolments).reversed())
                    .thenComparing(Metrics.CourseGain::courseId))
            .limit(req.top())
            .toList();
    return new Metrics.Training(
        enrolments,
        gain,
        ratio(gain, enrolments),
        courses.size(),
        min,
        courses.size() - shown.size(),
        top,
        bottom);
  }

  private record Person(
      LocalDate hired, LocalDate departed, String reason, String region, List<String> teams) {}

  private static Metrics.Retention retention(
      TransactionContext tx, Map<String, Object> p, Request req) {
    Map<String, String> teamNames = new HashMap<>();
    tx.run(TEAM_NAMES)
        .forEachRemaining(r -> teamNames.put(r.get("id").asString(), str(r.get("name"))));
    List<Person> people =
        tx.run(PEOPLE, p)
            .list(
                r ->
                    new Person(
                        r.get("hired").asLocalDate(),
                        r.get("departed").isNull() ? null : r.get("departed").asLocalDate(),
                        str(r.get("reason")),
                        str(r.get("region")),
                        r.get("teams").asList(Value::asString)));
    List<Metrics.RetentionRow> overall = new ArrayList<>();
    List<Metrics.RetentionRow> byTeam = new ArrayList<>();
    List<Metrics.RetentionRow> byRegion = new ArrayList<>();
    long[] suppressed = {0};
    for (int year = req.from().getYear(); year <= req.to().getYear(); year++) {
      LocalDate start = max(req.from(), LocalDate.of(year, 1, 1));
      LocalDate end = min(req.to(), LocalDate.of(year, 12, 31));
      String period = String.valueOf(year);
      Map<String, Tally> teams = new TreeMap<>();
      Map<String, Tally> regions = new TreeMap<>();
      Map<String, Set<String>> teamRegions = new HashMap<>();
      Tally all = new Tally();
      for (Person x : people) {
        if (x.hired().isAfter(start) || (x.departed() != null && !x.departed().isAfter(start)))
          continue;
        boolean stayed = x.departed() == null || x.departed().isAfter(end);
        all.add(stayed, x.reason());
        for (String t : x.teams()) {
          teams.computeIfAbsent(t, k -> new Tally()).add(stayed, x.reason());
          teamRegions.computeIfAbsent(t, k -> new HashSet<>()).add(String.valueOf(x.region()));
        }
        if (x.region() != null)
          regions.computeIfAbsent(x.region(), k -> new Tally()).add(stayed, x.reason());
      }
      Integer min = req.minGroupSize();
      if (all.active > 0)
        overall.add(all.row(period, start, end, "all", "everyone", min, suppressed));
      Map<String, Metrics.RetentionRow> teamRows = new LinkedHashMap<>();
      teams.forEach(
          (t, tally) ->
              teamRows.put(t, tally.row(period, start, end, t, teamNames.get(t), min, suppressed)));
      Map<String, Metrics.RetentionRow> regionRows = new LinkedHashMap<>();
      regions.forEach(
          (r, tally) -> regionRows.put(r, tally.row(period, start, end, r, r, min, suppressed)));
      if (min != null) {
        // the teams and the regions each add up to (about) the total, and the teams of one
        // region to the region: no such sum may hide exactly one group
        suppressed[0] += hideOneMore(teamRows, teamRows.keySet());
        suppressed[0] += hideOneMore(regionRows, regionRows.keySet());
        for (Map.Entry<String, Metrics.RetentionRow> r : regionRows.entrySet()) {
          if (r.getValue().suppressed()) continue;
          Set<String> inside = new HashSet<>();
          teamRegions.forEach(
              (t, rs) -> {
                if (rs.equals(Set.of(r.getKey()))) inside.add(t);
              });
          suppressed[0] += hideOneMore(teamRows, inside);
        }
      }
      byTeam.addAll(teamRows.values());
      byRegion.addAll(regionRows.values());
    }
    return new Metrics.Retention(overall, byTeam, byRegion, suppressed[0]);
  }

  /**
   * Complementary suppression: when exactly one of the {@code members} rows is hidden, the total
   * they add up to minus the visible ones would give its figures back, so the smallest visible
   * member is hidden too (ties broken by group id).
   *
   * @return how many rows this hid (0 or 1)
   */
  static int hideOneMore(Map<String, Metrics.RetentionRow> rows, Set<String> members) {
    List<Metrics.RetentionRow> of = members.stream().map(rows::get).toList();
    if (of.stream().filter(Metrics.RetentionRow::suppressed).count() != 1) return 0;
    return of.stream()
        .filter(r -> !r.suppressed())
        .min(
            Comparator.comparingLong(Metrics.RetentionRow::activeAtStart)
                .thenComparing(Metrics.RetentionRow::group))
        .map(
            r -> {
              rows.put(r.group(), Tally.hidden(r));
              return 1;
            })
        .orElse(0);
  }

  private static final class Tally {
    long active;
    long retained;
    final Map<String, Long> reasons = new TreeMap<>();

    void add(boolean stayed, String reason) {
      active++;
      if (stayed) retained++;
      else reasons.merge(reason == null ? "unknown" : reason, 1L, Long::sum);
    }

    Metrics.RetentionRow row(
        String period,
        LocalDate start,
        LocalDate end,
        String group,
        String name,
        Integer min,
        long[] suppressed) {
      if (min != null && active < min) {
        suppressed[0]++;
        return new Metrics.RetentionRow(
            period,
            start.toString(),
            end.toString(),
            group,
            name,
            null,
            null,
            null,
            List.of(),
            true);
      }
      return shown(period, start, end, group, name);
    }

    /** A row with its figures taken out. */
    static Metrics.RetentionRow hidden(Metrics.RetentionRow r) {
      return new Metrics.RetentionRow(
          r.period(),
          r.start(),
          r.end(),
          r.group(),
          r.groupName(),
          null,
          null,
          null,
          List.of(),
          true);
    }

    private Metrics.RetentionRow shown(
        String period, LocalDate start, LocalDate end, String group, String name) {
      List<Metrics.Count> dep = new ArrayList<>();
      reasons.forEach((k, v) -> dep.add(new Metrics.Count(k, v)));
      return new Metrics.RetentionRow(
          period,
          start.toString(),
          end.toString(),
          group,
          name,
          active,
          retained,
          ratio(retained, active),
          dep,
          false);
    }
  }

  private static Metrics.Coverage coverage(TransactionContext tx, Map<String, Object> p) {
    Map<String, Record> teams = new LinkedHashMap<>();
    tx.run(TEAM_MEMBERS, p).forEachRemaining(r -> teams.put(r.get("id").asString(), r));
    Map<String, Map<String, Integer>> best = new HashMap<>();
    tx.run(TEAM_BEST_LEVELS, p)
        .forEachRemaining(
            r ->
                best.computeIfAbsent(r.get("team").asString(), k -> new HashMap<>())
                    .put(
                        r.get("skill").asString(),
                        r.get("level").isNull() ? 0 : r.get("level").asInt()));
    record Need(String skillId, String skillName, int level, java.util.Set<String> projects) {}
    Map<String, Map<String, Need>> needs = new HashMap<>();
    Map<String, java.util.Set<String>> projects = new HashMap<>();
    tx.run(TEAM_NEEDS, p)
        .forEachRemaining(
            r -> {
              String team = r.get("team").asString();
              projects
                  .computeIfAbsent(team, k -> new java.util.HashSet<>())
                  .add(r.get("project").asString());
              if (r.get("skill").isNull()) return;
              int level = r.get("level").isNull() ? 1 : r.get("level").asInt();
              Need n =
                  needs
                      .computeIfAbsent(team, k -> new HashMap<>())
                      .computeIfAbsent(
                          r.get("skill").asString(),
                          k -> new Need(k, str(r.get("name")), 0, new java.util.HashSet<>()));
              n.projects().add(r.get("project").asString());
              if (level > n.level()) {
                needs
                    .get(team)
                    .put(n.skillId(), new Need(n.skillId(), n.skillName(), level, n.projects()));
              }
            });
    List<Metrics.TeamCoverage> out = new ArrayList<>();
    Map<String, long[]> bySkill = new HashMap<>();
    Map<String, String> skillNames = new HashMap<>();
    for (Record t : teams.values()) {
      String id = t.get("id").asString();
      Map<String, Integer> levels = best.getOrDefault(id, Map.of());
      List<Metrics.TeamGap> gaps = new ArrayList<>();
      Map<String, Need> required = needs.getOrDefault(id, Map.of());
      for (Need n : required.values()) {
        int have = levels.getOrDefault(n.skillId(), 0);
        if (have >= n.level()) continue;
        String kind = have == 0 ? "missing" : "below";
        gaps.add(
            new Metrics.TeamGap(
                n.skillId(),
                n.skillName(),
                n.level(),
                have,
                n.level() - have,
                kind,
                n.projects().size()));
        skillNames.put(n.skillId(), n.skillName());
        bySkill.computeIfAbsent(n.skillId(), k -> new long[2])[have == 0 ? 0 : 1]++;
      }
      gaps.sort(
          Comparator.comparing((Metrics.TeamGap g) -> g.kind().equals("missing") ? 0 : 1)
              .thenComparing(Comparator.comparingInt(Metrics.TeamGap::shortfall).reversed())
              .thenComparing(Comparator.comparingLong(Metrics.TeamGap::projects).reversed())
              .thenComparing(Metrics.TeamGap::skillId));
      long covered = required.size() - gaps.size();
      out.add(
          new Metrics.TeamCoverage(
              id,
              str(t.get("name")),
              str(t.get("region")),
              t.get("members").asLong(),
              projects.getOrDefault(id, java.util.Set.of()).size(),
              required.size(),
              covered,
              ratio(covered, required.size()),
              gaps));
    }
    List<Metrics.SkillGapSummary> summary = new ArrayList<>();
    bySkill.forEach(
        (s, c) ->
            summary.add(
                new Metrics.SkillGapSummary(s, skillNames.get(s), c[0], c[1], c[0] + c[1])));
    summary.sort(
        Comparator.comparingLong(Metrics.SkillGapSummary::teams)
            .reversed()
            .thenComparing(
                Comparator.comparingLong(Metrics.SkillGapSummary::teamsMissing).reversed())
            .thenComparing(Metrics.SkillGapSummary::skillId));
    return new Metrics.Coverage(out, summary);
  }

  // ------------------------------------------------------------------ helpers

  static Double ratio(long numerator, long denominator) {
    return denominator == 0 ? null : (double) numerator / denominator;
  }

  private static String str(Value v) {
    return v == null || v.isNull() ? null : v.asString();
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
