package dev.talentgraph.mentoring;

import dev.talentgraph.db.DatabaseConfiguration.SchemaMigrations;
import dev.talentgraph.graphql.UserError;
import dev.talentgraph.graphql.nodes.ExpertNode;
import dev.talentgraph.learning.TrainingService;
import dev.talentgraph.ml.courses.SkillGap;
import dev.talentgraph.ml.courses.Target;
import dev.talentgraph.schema.GraphSessions;
import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.Props;
import dev.talentgraph.schema.RelTypes;
import dev.talentgraph.schema.skills.SkillCredit;
import dev.talentgraph.security.Principal;
import dev.talentgraph.security.Role;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Service;

/**
 * Mentor recommendations and the mentorship flow.
 *
 * <p><b>Whom to ask.</b> The skills to be mentored in are the given skill (one level above the
 * mentee's), the gap toward a goal (the training advisor's skill gap, so the same taxonomy credit),
 * or by default the gap toward the mentee's active projects. A mentor holds the skill, or a
 * stand-in worth at least half of it under {@link SkillCredit} (a SAME_AS twin, a skill one step
 * narrower, a RELATED_TO one), at the wanted level or above, and the wanted level is at least one
 * above the mentee's. Score: gap-weighted coverage x 0.8 when on the mentee's own team (another
 * team's view is preferred) x (1 - 0.1 per active mentee); people already carrying the cap of
 * active mentees ({@code talent.mentoring.max-active-mentees}, default 3) are left out.
 *
 * <p><b>The flow.</b> A request creates a {@link Labels#MENTORSHIP} ({@code requested}); only the
 * mentor accepts it ({@code active}, and a {@link RelTypes#MENTORS} edge {@code since} that day);
 * mentor, mentee, HR or ADMIN end it ({@code ended}, the edge gets {@code until}). Every mutation
 * is audited by the audit log's interceptor like any other.
 */
@Service
class MentorService {
  /** Stand-ins below this credit weight (siblings, broader skills) do not qualify a mentor. */
  static final double MIN_STAND_IN = 0.5;

  static final double SAME_TEAM = 0.8;
  static final double PER_MENTEE = 0.1;
  static final int MAX_TARGETS = 10;

  record TargetSkill(String skillId, String name, double menteeLevel, int wantedLevel) {}

  record Reason(String kind, String text, List<String> refs) {}

  record Covered(String skillId, String name, String viaSkillId, int level, int wantedLevel) {}

  record Recommendation(
      ExpertNode expert,
      double score,
      boolean otherTeam,
      int activeMentees,
      List<Covered> covers,
      List<Reason> reasons) {}

  record Recommendations(
      String expertId,
      String basis,
      List<TargetSkill> targets,
      List<Recommendation> items,
      List<String> notes,
      int maxActiveMentees) {}

  record MentorshipView(
      String id,
      String status,
      ExpertNode mentor,
      ExpertNode mentee,
      String skillId,
      String note,
      OffsetDateTime requestedAt,
      OffsetDateTime acceptedAt,
      OffsetDateTime endedAt) {
    static MentorshipView from(Record r) {
      return from(r.get("m"), r.get("mentor"), r.get("mentee"));
    }

    static MentorshipView from(Value m, Value mentor, Value mentee) {
      return new MentorshipView(
          m.get(Props.ID).asString(),
          m.get(Props.STATUS).asString(),
          ExpertNode.from(mentor),
          ExpertNode.from(mentee),
          m.get(Props.SKILL_ID).asString(null),
          m.get("note").asString(null),
          time(m.get(REQUESTED_AT)),
          time(m.get(ACCEPTED_AT)),
          time(m.get(ENDED_AT)));
    }

    private static OffsetDateTime time(Value v) {
      return v == null || v.isNull() ? null : v.asZonedDateTime().toOffsetDateTime();
    }
  }

  /** A mutation's outcome: the mentorship, the payload errors, or a refusal (FORBIDDEN). */
  record Outcome(MentorshipView mentorship, List<UserError> errors, String refused) {
    static Outcome ok(MentorshipView m) {
      return new Outcome(m, List.of(), null);
    }

    static Outcome error(UserError e) {
      return new Outcome(null, List.of(e), null);
    }

    static Outcome refuse(String why) {
      return new Outcome(null, List.of(), why);
    }
  }

  /** Bad input of recommendMentors (unknown expert or skill): a BAD_REQUEST error. */
  static final class MentorException extends RuntimeException {
    final String argument;

    MentorException(String argument, String message) {
      super(message);
      this.argument = argument;
    }
  }

  static final String REQUESTED = "requested";
  static final String ACTIVE = "active";
  static final String ENDED = "ended";
  static final String REQUESTED_AT = "requestedAt";
  static final String ACCEPTED_AT = "acceptedAt";
  static final String ENDED_AT = "endedAt";
  static final String UNTIL = "until";
  static final String MENTORSHIP = "mentorship";

  private static final String LIVE = "coalesce(%1$s." + Props.STATUS + ", 'active') <> 'departed'";

  static final String MENTEE =
      "MATCH (e:"
          + Labels.EXPERT
          + " {"
          + Props.ID
          + ": $id}) RETURN e."
          + Props.ID
          + " AS id, [(e)-[:"
          + RelTypes.MEMBER_OF
          + "]->(t:"
          + Labels.TEAM
          + ") | t."
          + Props.ID
          + "] AS teams, [(e)-[h:"
          + RelTypes.HAS_SKILL
          + "]->(s:"
          + Labels.SKILL
          + ") | [s."
          + Props.ID
          + ", h."
          + Props.LEVEL
          + "]] AS skills, [(e)-[w:"
          + RelTypes.WORKED_ON
          + "]->(p:"
          + Labels.PROJECT
          + ") WHERE w."
          + Props.TO
          + " IS NULL AND coalesce(p."
          + Props.STATUS
          + ", 'active') = 'active' | p."
          + Props.ID
          + "] AS projects, [(m:"
          + Labels.EXPERT
          + ")-[r:"
          + RelTypes.MENTORS
          + "]->(e) WHERE r."
          + UNTIL
          + " IS NULL | m."
          + Props.ID
          + "] AS mentors";

  static final String SKILL_NAMES =
      "UNWIND $ids AS id MATCH (s:"
          + Labels.SKILL
          + " {"
          + Props.ID
          + ": id}) RETURN s."
          + Props.ID
          + " AS id, coalesce(s."
          + Props.NAME
          + ", s."
          + Props.ID
          + ") AS name";

  static final String CANDIDATES =
      "UNWIND $skills AS q MATCH (m:"
          + Labels.EXPERT
          + ")-[h:"
          + RelTypes.HAS_SKILL
          + "]->(:"
          + Labels.SKILL
          + " {"
          + Props.ID
          + ": q.id}) WHERE h."
          + Props.LEVEL
          + " >= q.minLevel AND m."
          + Props.ID
          + " <> $mentee AND "
          + LIVE.formatted("m")
          + " WITH m, collect([q.id, h."
          + Props.LEVEL
          + "]) AS held"
          + " RETURN properties(m) AS m, held, [(m)-[:"
          + RelTypes.MEMBER_OF
          + "]->(t:"
          + Labels.TEAM
          + ") | [t."
          + Props.ID
          + ", coalesce(t."
          + Props.NAME
          + ", t."
          + Props.ID
          + ")]] AS teams, COUNT { (m)-[r:"
          + RelTypes.MENTORS
          + "]->(:"
          + Labels.EXPERT
          + ") WHERE r."
          + UNTIL
          + " IS NULL } AS load";

  private static final String VIEW =
      " RETURN properties(m) AS m, properties(mentor) AS mentor, properties(mentee) AS mentee";

  private static final String MATCH_MENTORSHIP =
      "MATCH (mentor:"
          + Labels.EXPERT
          + ")<-[:"
          + RelTypes.HAS_MENTOR
          + "]-(m:"
          + Labels.MENTORSHIP
          + " {"
          + Props.ID
          + ": $id})-[:"
          + RelTypes.HAS_MENTEE
          + "]->(mentee:"
          + Labels.EXPERT
          + ")";

  static final String GET = MATCH_MENTORSHIP + VIEW;

  static final String PAIR =
      "MATCH (mentor:"
          + Labels.EXPERT
          + " {"
          + Props.ID
          + ": $mentor}) MATCH (mentee:"
          + Labels.EXPERT
          + " {"
          + Props.ID
          + ": $mentee}) RETURN mentor."
          + Props.ID
          + " AS mentor, mentee."
          + Props.ID
          + " AS mentee, EXISTS { (mentor)-[r:"
          + RelTypes.MENTORS
          + "]->(mentee) WHERE r."
          + UNTIL
          + " IS NULL } AS mentoring, EXISTS { (mentor)<-[:"
          + RelTypes.HAS_MENTOR
          + "]-(o:"
          + Labels.MENTORSHIP
          + ")-[:"
          + RelTypes.HAS_MENTEE
          + "]->(mentee) WHERE o."
          + Props.STATUS
          + " IN ['"
          + REQUESTED
          + "', '"
          + ACTIVE
          + "'] } AS open";

  static final String CREATE =
      "MATCH (mentor:"
          + Labels.EXPERT
          + " {"
          + Props.ID
          + ": $mentor}) MATCH (mentee:"
          + Labels.EXPERT
          + " {"
          + Props.ID
          + ": $mentee}) CREATE (mentor)<-[:"
          + RelTypes.HAS_MENTOR
          + "]-(m:"
          + Labels.MENTORSHIP
          + ")-[:"
          + RelTypes.HAS_MENTEE
          + "]->(mentee) SET m = $props"
          + VIEW;

  static final String LOAD =
      "MATCH (mentor:"
          + Labels.EXPERT
          + " {"
          + Props.ID
          + ": $mentor}) RETURN COUNT { (mentor)-[r:"
          + RelTypes.MENTORS
          + "]->(:"
          + Labels.EXPERT
          + ") WHERE r."
          + UNTIL
          + " IS NULL } AS load";

  static final String ACCEPT =
      MATCH_MENTORSHIP
          + " SET m."
          + Props.STATUS
          + " = '"
          + ACTIVE
          + "', m."
          + ACCEPTED_AT
          + " = $at MERGE (mentor)-[r:"
          + RelTypes.MENTORS
          + "]->(mentee) SET r."
          + Props.SINCE
          + " = date($at), r."
          + MENTORSHIP
          + " = m."
          + Props.ID
          + " REMOVE r."
          + UNTIL
          + VIEW;

  static final String END =
      MATCH_MENTORSHIP
          + " SET m."
          + Props.STATUS
          + " = '"
          + ENDED
          + "', m."
          + ENDED_AT
          + " = $at, m."
          + Props.REASON
          + " = $reason WITH m, mentor, mentee OPTIONAL MATCH (mentor)-[r:"
          + RelTypes.MENTORS
          + "]->(mentee) WHERE r."
          + UNTIL
          + " IS NULL SET r."
          + UNTIL
          + " = date($at) WITH DISTINCT m, mentor, mentee"
          + VIEW;

  static final String MENTORS_OF =
      "UNWIND $ids AS id MATCH (:"
          + Labels.EXPERT
          + " {"
          + Props.ID
          + ": id})<-[r:"
          + RelTypes.MENTORS
          + "]-(o:"
          + Labels.EXPERT
          + ") WHERE r."
          + UNTIL
          + " IS NULL WITH id, o ORDER BY o."
          + Props.ID
          + " RETURN id, collect(properties(o)) AS people";

  static final String MENTEES_OF =
      "UNWIND $ids AS id MATCH (:"
          + Labels.EXPERT
          + " {"
          + Props.ID
          + ": id})-[r:"
          + RelTypes.MENTORS
          + "]->(o:"
          + Labels.EXPERT
          + ") WHERE r."
          + UNTIL
          + " IS NULL WITH id, o ORDER BY o."
          + Props.ID
          + " RETURN id, collect(properties(o)) AS people";

  static final String MENTORSHIPS_OF =
      "UNWIND $ids AS id MATCH (x:"
          + Labels.EXPERT
          + " {"
          + Props.ID
          + ": id})<-[:"
          + RelTypes.HAS_MENTOR
          + "|"
          + RelTypes.HAS_MENTEE
          + "]-(m:"
          + Labels.MENTORSHIP
          + ") MATCH (mentor:"
          + Labels.EXPERT
          + ")<-[:"
          + RelTypes.HAS_MENTOR
          + "]-(m)-[:"
          + RelTypes.HAS_MENTEE
          + "]->(mentee:"
          + Labels.EXPERT
          + ") WITH id, m, mentor, mentee ORDER BY m."
          + REQUESTED_AT
          + " DESC, m."
          + Props.ID
          + " RETURN id, collect({m: properties(m), mentor: properties(mentor), mentee:"
          + " properties(mentee)}) AS rows";

  private final Driver driver;
  private final String database;
  private final TrainingService training;
  private final int maxActiveMentees;
  private final Clock clock;

  MentorService(
      Driver driver,
      SchemaMigrations schema,
      TrainingService training,
      @org.springframework.beans.factory.annotation.Value(
              "${talent.mentoring.max-active-mentees:3}")
          int maxActiveMentees) {
    this.driver = driver;
    this.database = schema.database();
    this.training = training;
    this.maxActiveMentees = maxActiveMentees;
    this.clock = Clock.systemUTC();
  }

  private Session session() {
    return driver.session(GraphSessions.read(driver, database));
  }

  // ------------------------------------------------------------------ recommendations

  Recommendations recommend(String menteeId, String skillId, Target goal, int first) {
    if (first < 1 || first > 100) {
      throw new MentorException("first", "first must be between 1 and 100 (was " + first + ")");
    }
    try (Session s = session()) {
      List<Record> rows = s.run(MENTEE, Map.of("id", menteeId)).list();
      if (rows.isEmpty()) throw new MentorException("expertId", "no expert '" + menteeId + "'");
      Record mentee = rows.get(0);
      Set<String> teams = new LinkedHashSet<>(mentee.get("teams").asList(Value::asString));
      Map<String, Integer> held = new HashMap<>();
      for (Value v : mentee.get("skills").values()) {
        held.merge(v.get(0).asString(), v.get(1).isNull() ? 0 : v.get(1).asInt(), Math::max);
      }
      Set<String> currentMentors =
          new LinkedHashSet<>(mentee.get("mentors").asList(Value::asString));
      List<String> notes = new ArrayList<>();
      String basis;
      List<TargetSkill> targets;
      Around around = null;
      if (skillId != null) {
        basis = "skill";
        Map<String, String> names = names(s, List.of(skillId));
        if (!names.containsKey(skillId)) {
          throw new MentorException("skill", "no skill '" + skillId + "'");
        }
        around = around(s, List.of(new TargetSkill(skillId, names.get(skillId), 0, 1)));
        targets = skillTarget(skillId, names.get(skillId), held, around.taxonomy());
      } else if (goal != null) {
        basis = "goal " + goal.kind();
        targets = gapTargets(List.of(training.advisor().skillGap(menteeId, goal)));
      } else {
        basis = "active projects";
        List<Target.Project> projects =
            mentee.get("projects").asList(p -> new Target.Project(p.asString()));
        targets =
            projects.isEmpty()
                ? List.of()
                : gapTargets(training.advisor().skillGaps(menteeId, projects));
        if (targets.isEmpty()) {
          basis = "own skills";
          notes.add(
              "No gap toward an active project: mentors one level above in the expert's own"
                  + " skills.");
          targets = ownSkillTargets(s, held);
        }
      }
      if (targets.isEmpty()) {
        notes.add("Nothing to be mentored in: no gap and no skill below level 5.");
        return new Recommendations(menteeId, basis, targets, List.of(), notes, maxActiveMentees);
      }
      if (around == null) around = around(s, targets);
      List<Recommendation> items =
          rank(s, menteeId, teams, currentMentors, targets, around, first, notes);
      return new Recommendations(menteeId, basis, targets, items, notes, maxActiveMentees);
    }
  }

  private static List<TargetSkill> skillTarget(
      String skillId, String name, Map<String, Integer> held, SkillCredit.Taxonomy taxonomy) {
    // the mentee's own level: the skill itself or its SAME_AS twin; stand-ins are not a level in it
    int own = 0;
    for (Map.Entry<String, Integer> h : held.entrySet()) {
      SkillCredit.Link link = taxonomy.relation(skillId, h.getKey());
      if (link != null && link.weight() >= 1.0) own = Math.max(own, h.getValue());
    }
    if (own >= Props.MAX_LEVEL) return List.of();
    return List.of(new TargetSkill(skillId, name, own, own + 1));
  }

  private static List<TargetSkill> gapTargets(List<SkillGap> gaps) {
    Map<String, TargetSkill> out = new LinkedHashMap<>();
    for (SkillGap g : gaps) {
      for (SkillGap.Comparison c : g.gaps()) {
        int wanted =
            Math.min(
                Props.MAX_LEVEL,
                Math.max(c.requiredLevel(), (int) Math.floor(c.currentLevel()) + 1));
        TargetSkill t = new TargetSkill(c.skillId(), c.skillName(), c.currentLevel(), wanted);
        out.merge(c.skillId(), t, (a, b) -> a.wantedLevel() >= b.wantedLevel() ? a : b);
      }
    }
    return out.values().stream()
        .sorted(
            Comparator.comparingDouble((TargetSkill t) -> -(t.wantedLevel() - t.menteeLevel()))
                .thenComparing(TargetSkill::skillId))
        .limit(MAX_TARGETS)
        .toList();
  }

  private List<TargetSkill> ownSkillTargets(Session s, Map<String, Integer> held) {
    List<String> ids =
        held.entrySet().stream()
            .filter(e -> e.getValue() < Props.MAX_LEVEL)
            .sorted(
                Comparator.comparingInt((Map.Entry<String, Integer> e) -> -e.getValue())
                    .thenComparing(Map.Entry::getKey))
            .limit(MAX_TARGETS)
            .map(Map.Entry::getKey)
            .toList();
    Map<String, String> names = names(s, ids);
    return ids.stream()
        .map(id -> new TargetSkill(id, names.getOrDefault(id, id), held.get(id), held.get(id) + 1))
        .toList();
  }

  private static Map<String, String> names(Session s, List<String> ids) {
    Map<String, String> out = new HashMap<>();
    s.run(SKILL_NAMES, Map.of("ids", ids))
        .forEachRemaining(r -> out.put(r.get("id").asString(), r.get("name").asString()));
    return out;
  }

  /**
   * The taxonomy around the target skills, and the skills that may qualify a mentor in them: the
   * targets and every stand-in strong enough (SAME_AS, one step narrower, RELATED_TO). One
   * statement per request.
   */
  record Around(SkillCredit.Taxonomy taxonomy, List<String> qualifying) {}

  private static Around around(Session s, List<TargetSkill> targets) {
    SkillCredit.Taxonomy t = new SkillCredit.Taxonomy();
    Set<String> ids = new LinkedHashSet<>();
    s.run(
            SkillCredit.TAXONOMY_AROUND,
            Map.of("ids", targets.stream().map(TargetSkill::skillId).toList()))
        .forEachRemaining(
            r -> {
              t.add(r.asMap());
              ids.add(r.get("id").asString());
              for (Value path : r.get("narrower").values()) {
                if (path.size() >= 2) ids.add(path.get(1).asString());
              }
              r.get("same").values().forEach(v -> ids.add(v.asString()));
              r.get("related").values().forEach(v -> ids.add(v.asString()));
            });
    return new Around(t, new ArrayList<>(ids));
  }

  /**
   * Each skill that may qualify a mentor with the lowest level at which it counts for some target:
   * the wanted level of the least demanding target it stands in for. A holder below that level
   * cannot cover any target through that skill, so the candidates' read leaves them out.
   */
  static List<Map<String, Object>> qualifyingLevels(List<TargetSkill> targets, Around around) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (String q : around.qualifying()) {
      int min = Integer.MAX_VALUE;
      for (TargetSkill t : targets) {
        SkillCredit.Link link = around.taxonomy().relation(t.skillId(), q);
        if (link != null && link.weight() >= MIN_STAND_IN) min = Math.min(min, t.wantedLevel());
      }
      if (min != Integer.MAX_VALUE) out.add(Map.of("id", q, "minLevel", min));
    }
    return out;
  }

  private List<Recommendation> rank(
      Session s,
      String menteeId,
      Set<String> teams,
      Set<String> currentMentors,
      List<TargetSkill> targets,
      Around around,
      int first,
      List<String> notes) {
    SkillCredit.Taxonomy taxonomy = around.taxonomy();
    double totalGap = 0;
    for (TargetSkill t : targets) totalGap += Math.max(1, t.wantedLevel() - t.menteeLevel());
    int atCap = 0;
    List<Record> rows =
        s.run(CANDIDATES, Map.of("skills", qualifyingLevels(targets, around), "mentee", menteeId))
            .list();
    // score everyone first, then explain only those shown: the reasons' text and the stand-ins'
    // names are most of the work, and a broad skill has hundreds of qualified holders
    List<Scored> scored = new ArrayList<>();
    for (Record r : rows) {
      String id = r.get("m").get(Props.ID).asString();
      if (currentMentors.contains(id)) continue;
      int load = r.get("load").asInt();
      if (load >= maxActiveMentees) {
        atCap++;
        continue;
      }
      Map<String, Integer> held = new HashMap<>();
      for (Value v : r.get("held").values()) {
        held.merge(v.get(0).asString(), v.get(1).asInt(), Math::max);
      }
      double covered = 0;
      int levels = 0;
      List<Match> matches = new ArrayList<>();
      for (TargetSkill t : targets) {
        String bestId = null;
        SkillCredit.Link bestLink = null;
        int bestLevel = 0;
        double best = 0;
        for (Map.Entry<String, Integer> h : held.entrySet()) {
          if (h.getValue() < t.wantedLevel()) continue;
          SkillCredit.Link link = taxonomy.relation(t.skillId(), h.getKey());
          if (link == null || link.weight() < MIN_STAND_IN) continue;
          double c = SkillCredit.credit(link, h.getValue(), t.wantedLevel());
          if (c > best + 1e-12 || (Math.abs(c - best) <= 1e-12 && h.getValue() > bestLevel)) {
            best = c;
            bestId = h.getKey();
            bestLink = link;
            bestLevel = h.getValue();
          }
        }
        if (bestId == null) continue;
        covered += best * Math.max(1, t.wantedLevel() - t.menteeLevel());
        levels += bestLevel;
        matches.add(new Match(t, bestId, bestLink, bestLevel));
      }
      if (matches.isEmpty()) continue;
      boolean otherTeam = true;
      for (Value v : r.get("teams").values()) {
        if (teams.contains(v.get(0).asString())) otherTeam = false;
      }
      double score = covered / totalGap * (otherTeam ? 1.0 : SAME_TEAM) * (1 - PER_MENTEE * load);
      scored.add(
          new Scored(
              r, id, Math.round(score * 10_000) / 10_000.0, levels, otherTeam, load, matches));
    }
    if (atCap > 0) {
      notes.add(
          atCap + " qualified people already mentor " + maxActiveMentees + " and were left out.");
    }
    scored.sort(
        Comparator.comparingDouble((Scored x) -> -x.score())
            .thenComparingInt(x -> -x.levels())
            .thenComparing(Scored::id));
    List<Scored> shown = scored.subList(0, Math.min(first, scored.size()));

    Map<String, String> skillNames = new HashMap<>();
    for (TargetSkill t : targets) skillNames.put(t.skillId(), t.name());
    Set<String> standIns = new LinkedHashSet<>();
    for (Scored x : shown) x.matches().forEach(m -> standIns.add(m.heldId()));
    standIns.removeAll(skillNames.keySet());
    if (!standIns.isEmpty()) skillNames.putAll(names(s, new ArrayList<>(standIns)));
    List<Recommendation> out = new ArrayList<>();
    for (Scored x : shown) out.add(explain(x, skillNames));
    return out;
  }

  /** One target a candidate covers: with which held skill, related how, at which level. */
  private record Match(TargetSkill target, String heldId, SkillCredit.Link link, int level) {}

  /** A candidate's score before it is explained. */
  private record Scored(
      Record row,
      String id,
      double score,
      int levels,
      boolean otherTeam,
      int load,
      List<Match> matches) {}

  private Recommendation explain(Scored x, Map<String, String> skillNames) {
    List<Covered> covers = new ArrayList<>();
    List<Reason> reasons = new ArrayList<>();
    for (Match m : x.matches()) {
      TargetSkill t = m.target();
      covers.add(new Covered(t.skillId(), t.name(), m.heldId(), m.level(), t.wantedLevel()));
      String mine = level(t.menteeLevel());
      reasons.add(
          m.link().relation() == SkillCredit.Relation.EXACT
              ? new Reason(
                  "skill",
                  String.format(
                      Locale.ROOT,
                      "Holds %s at level %d (the mentee: %s, wanted: %d)",
                      t.name(),
                      m.level(),
                      mine,
                      t.wantedLevel()),
                  List.of(t.skillId()))
              : new Reason(
                  "skill",
                  String.format(
                      Locale.ROOT,
                      "Holds %s at level %d, %s to %s (counts %.2f; the mentee: %s)",
                      skillNames.getOrDefault(m.heldId(), m.heldId()),
                      m.level(),
                      m.link().relation().word,
                      t.name(),
                      m.link().weight(),
                      mine),
                  List.of(m.heldId(), t.skillId())));
    }
    List<Value> theirTeams = x.row().get("teams").asList(v -> v);
    if (!theirTeams.isEmpty()) {
      String teamName = theirTeams.get(0).get(1).asString();
      reasons.add(
          new Reason(
              "team",
              x.otherTeam()
                  ? "Works in " + teamName + ", another team than the mentee's"
                  : "Works in the mentee's own team (" + teamName + ")",
              List.of(theirTeams.get(0).get(0).asString())));
    }
    reasons.add(
        new Reason(
            "capacity",
            "Mentors " + x.load() + " of at most " + maxActiveMentees + " people now",
            List.of()));
    return new Recommendation(
        ExpertNode.from(x.row().get("m")), x.score(), x.otherTeam(), x.load(), covers, reasons);
  }

  private static String level(double l) {
    return l <= 0
        ? "none"
        : Math.abs(l - Math.rint(l)) < 1e-9
            ? String.valueOf((int) Math.rint(l))
            : String.format(Locale.ROOT, "%.1f", l);
  }

  // ------------------------------------------------------------------ the flow

  private static boolean peopleAdmin(Principal p) {
    return p != null && (p.has(Role.ADMIN) || p.has(Role.HR));
  }

  Outcome request(Principal p, String menteeId, String mentorId, String skillId, String note) {
    if (menteeId == null || menteeId.isBlank())
      return Outcome.error(UserError.required("menteeId"));
    if (mentorId == null || mentorId.isBlank())
      return Outcome.error(UserError.required("mentorId"));
    if (!peopleAdmin(p) && (p == null || p.has(Role.PORTAL) || !menteeId.equals(p.expertId()))) {
      return Outcome.refuse(
          "only the mentee themselves, HR and ADMIN may ask for a mentor for expert '"
              + menteeId
              + "'");
    }
    if (menteeId.equals(mentorId)) {
      return Outcome.error(
          new UserError("mentorId", "no one can mentor themselves", UserError.Code.INVALID));
    }
    try (Session s = session()) {
      return s.executeWrite(
          tx -> {
            List<Record> pair = tx.run(PAIR, Map.of("mentor", mentorId, "mentee", menteeId)).list();
            if (pair.isEmpty()) {
              boolean mentorExists =
                  tx.run(
                          "MATCH (e:" + Labels.EXPERT + " {" + Props.ID + ": $id}) RETURN e",
                          Map.of("id", mentorId))
                      .hasNext();
              return mentorExists
                  ? Outcome.error(UserError.notFound("menteeId", "expert", menteeId))
                  : Outcome.error(UserError.notFound("mentorId", "expert", mentorId));
            }
            if (pair.get(0).get("mentoring").asBoolean() || pair.get(0).get("open").asBoolean()) {
              return Outcome.error(
                  new UserError(
                      "mentorId",
                      "expert '"
                          + mentorId
                          + "' already mentors expert '"
                          + menteeId
                          + "' or has an open request from them",
                      UserError.Code.DUPLICATE));
            }
            if (skillId != null
                && !tx.run(
                        "MATCH (s:" + Labels.SKILL + " {" + Props.ID + ": $id}) RETURN s",
                        Map.of("id", skillId))
                    .hasNext()) {
              return Outcome.error(UserError.notFound("skillId", "skill", skillId));
            }
            Map<String, Object> props = new HashMap<>();
            props.put(Props.ID, "ms-" + UUID.randomUUID().toString().substring(0, 12));
            props.put(Props.STATUS, REQUESTED);
            props.put(REQUESTED_AT, now());
            props.put("requestedBy", p == null ? "anonymous" : p.username());
            if (skillId != null) props.put(Props.SKILL_ID, skillId);
            if (note != null) props.put("note", note);
            return Outcome.ok(
                MentorshipView.from(
                    tx.run(CREATE, Map.of("mentor", mentorId, "mentee", menteeId, "props", props))
                        .single()));
          });
    }
  }

  Outcome accept(Principal p, String id) {
    try (Session s = session()) {
      return s.executeWrite(
          tx -> {
            MentorshipView m = get(tx, id);
            if (m == null) return Outcome.error(UserError.notFound("id", "mentorship", id));
            if (p == null || p.has(Role.PORTAL) || !m.mentor().id().equals(p.expertId())) {
              return Outcome.refuse(
                  "only the mentor (expert '"
                      + m.mentor().id()
                      + "') may accept mentorship '"
                      + id
                      + "'");
            }
            if (!REQUESTED.equals(m.status())) {
              return new Outcome(
                  m,
                  List.of(
                      new UserError(
                          "id",
                          "mentorship '" + id + "' is " + m.status() + ", not requested",
                          UserError.Code.INVALID_TRANSITION)),
                  null);
            }
            int load = tx.run(LOAD, Map.of("mentor", m.mentor().id())).single().get("load").asInt();
            if (load >= maxActiveMentees) {
              return new Outcome(
                  m,
                  List.of(
                      new UserError(
                          "id",
                          "the mentor already mentors "
                              + load
                              + " people (at most "
                              + maxActiveMentees
                              + ")",
                          UserError.Code.OUT_OF_RANGE)),
                  null);
            }
            return Outcome.ok(
                MentorshipView.from(tx.run(ACCEPT, Map.of("id", id, "at", now())).single()));
          });
    }
  }

  Outcome end(Principal p, String id, String reason) {
    try (Session s = session()) {
      return s.executeWrite(
          tx -> {
            MentorshipView m = get(tx, id);
            if (m == null) return Outcome.error(UserError.notFound("id", "mentorship", id));
            boolean party =
                p != null
                    && !p.has(Role.PORTAL)
                    && (m.mentor().id().equals(p.expertId())
                        || m.mentee().id().equals(p.expertId()));
            if (!party && !peopleAdmin(p)) {
              return Outcome.refuse(
                  "only the mentor, the mentee, HR and ADMIN may end mentorship '" + id + "'");
            }
            if (ENDED.equals(m.status())) {
              return new Outcome(
                  m,
                  List.of(
                      new UserError(
                          "id",
                          "mentorship '" + id + "' has already ended",
                          UserError.Code.INVALID_TRANSITION)),
                  null);
            }
            Map<String, Object> params = new HashMap<>();
            params.put("id", id);
            params.put("at", now());
            params.put("reason", reason);
            return Outcome.ok(MentorshipView.from(tx.run(END, params).single()));
          });
    }
  }

  private static MentorshipView get(TransactionContext tx, String id) {
    List<Record> rows = tx.run(GET, Map.of("id", id == null ? "" : id)).list();
    return rows.isEmpty() ? null : MentorshipView.from(rows.get(0));
  }

  private ZonedDateTime now() {
    return ZonedDateTime.now(clock).withZoneSameInstant(ZoneOffset.UTC);
  }

  // ------------------------------------------------------------------ reads

  Map<String, List<ExpertNode>> people(String statement, List<String> ids) {
    Map<String, List<ExpertNode>> out = new HashMap<>();
    try (Session s = session()) {
      s.run(statement, Map.of("ids", ids))
          .forEachRemaining(
              r -> out.put(r.get("id").asString(), r.get("people").asList(ExpertNode::from)));
    }
    return out;
  }

  Map<String, List<MentorshipView>> mentorships(List<String> ids) {
    Map<String, List<MentorshipView>> out = new HashMap<>();
    try (Session s = session()) {
      s.run(MENTORSHIPS_OF, Map.of("ids", ids))
          .forEachRemaining(
              r ->
                  out.put(
                      r.get("id").asString(),
                      r.get("rows")
                          .asList(
                              v ->
                                  MentorshipView.from(
                                      v.get("m"), v.get("mentor"), v.get("mentee")))));
    }
    return out;
  }
}
