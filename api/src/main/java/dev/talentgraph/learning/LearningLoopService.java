package dev.talentgraph.learning;

import dev.talentgraph.db.DatabaseConfiguration.SchemaMigrations;
import dev.talentgraph.graphql.UserError;
import dev.talentgraph.graphql.Writes;
import dev.talentgraph.ml.courses.LearningPath;
import dev.talentgraph.ml.courses.Target;
import dev.talentgraph.ml.courses.TrainingException;
import dev.talentgraph.schema.GraphSessions;
import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.Props;
import dev.talentgraph.schema.RelTypes;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.TypeSystem;
import org.springframework.stereotype.Service;

/**
 * The rules of the learning loop. An enrolment is the {@code ENROLLED} relationship the importers
 * and the demo write ({@code in_progress -> completed | dropped}); this service is the only path
 * that moves it through the API. Every write runs in one transaction that first reads the state and
 * refuses with a {@link UserError} naming the field (nothing written) when a rule is broken: no
 * progress, completion or withdrawal without an open enrolment, levels 1-5, no date before the
 * enrolment started, no due date in the past.
 *
 * <p>A completion with assessed levels sets each skill's {@code HAS_SKILL} level to the assessed
 * one with the assessment as evidence ({@code source: 'assessment'}) and keeps the levels before
 * and after on the enrolment: the course's main skill as {@code skillId/levelBefore/levelAfter}
 * (what the measured training effect, the metrics and the training-effect model read) and every
 * assessed skill in {@code assessedSkills/assessedBefore/assessedAfter}.
 *
 * <p>Blocking (the driver's synchronous API and the learning path planner): callers run it off the
 * event loop.
 */
@Service
class LearningLoopService {
  static final String IN_PROGRESS = "in_progress";
  static final String COMPLETED = "completed";
  static final String DROPPED = "dropped";
  static final int MAX_TEXT = 2000;

  record AssessedSkill(String skillId, int levelBefore, int levelAfter) {}

  record Enrolment(
      String expertId,
      String courseId,
      String title,
      String status,
      LocalDate startedAt,
      Integer progress,
      LocalDate progressAt,
      LocalDate completedAt,
      LocalDate withdrawnAt,
      Double score,
      String skillId,
      Integer levelBefore,
      Integer levelAfter,
      List<AssessedSkill> assessed,
      String evidence,
      Integer feedbackRating,
      String feedbackText) {}

  record EnrolmentPayload(Enrolment enrolment, List<UserError> errors) {
    static EnrolmentPayload failed(UserError... errors) {
      return new EnrolmentPayload(null, List.of(errors));
    }
  }

  record AssignedCourse(
      int position, String courseId, String title, Integer hours, String status, Integer progress) {
    boolean completed() {
      return COMPLETED.equals(status);
    }
  }

  record LearningAssignment(
      String id,
      String expertId,
      String expertName,
      String target,
      String assignedBy,
      java.time.ZonedDateTime assignedAt,
      LocalDate dueDate,
      int totalHours,
      String status,
      boolean overdue,
      List<AssignedCourse> courses) {}

  record LearningAssignmentPayload(LearningAssignment assignment, List<UserError> errors) {}

  record SkillLevelInput(String skillId, Integer level) {}

  record EnrolInput(String expertId, String courseId, LocalDate startedAt) {}

  record RecordProgressInput(String expertId, String courseId, Integer percent, LocalDate at) {}

  record CompleteCourseInput(
      String expertId,
      String courseId,
      LocalDate completedAt,
      List<SkillLevelInput> assessedLevels,
      String evidence,
      Integer score) {}

  record WithdrawInput(String expertId, String courseId, LocalDate at, String reason) {}

  record CourseFeedbackInput(String expertId, String courseId, Integer rating, String text) {}

  private static final String STATE =
      "OPTIONAL MATCH (e:"
          + Labels.EXPERT
          + " {"
          + Props.ID
          + ": $expertId}) OPTIONAL MATCH (c:"
          + Labels.COURSE
          + " {"
          + Props.ID
          + ": $courseId}) OPTIONAL MATCH (e)-[n:"
          + RelTypes.ENROLLED
          + "]->(c) RETURN e IS NOT NULL AS expert, c IS NOT NULL AS course, properties(n) AS n, "
          + "[(c)-[:"
          + RelTypes.TEACHES
          + "]->(k:"
          + Labels.SKILL
          + ") | k."
          + Props.ID
          + "] AS teaches, [id IN $skillIds WHERE NOT EXISTS { MATCH (:"
          + Labels.SKILL
          + " {"
          + Props.ID
          + ": id}) }] AS missingSkills";

  private static final String ENROLMENT =
      "MATCH (e:"
          + Labels.EXPERT
          + " {"
          + Props.ID
          + ": $expertId})-[n:"
          + RelTypes.ENROLLED
          + "]->(c:"
          + Labels.COURSE
          + " {"
          + Props.ID
          + ": $courseId}) ";

  private static final String RETURN_ENROLMENT =
      " RETURN e."
          + Props.ID
          + " AS expertId, c."
          + Props.ID
          + " AS courseId, c."
          + Props.TITLE
          + " AS title, properties(n) AS n";

  private static final String ENROL =
      "MATCH (e:"
          + Labels.EXPERT
          + " {"
          + Props.ID
          + ": $expertId}) MATCH (c:"
          + Labels.COURSE
          + " {"
          + Props.ID
          + ": $courseId}) MERGE (e)-[n:"
          + RelTypes.ENROLLED
          + "]->(c) SET n."
          + Props.STATUS
          + " = '"
          + IN_PROGRESS
          + "', n."
          + Props.STARTED_AT
          + " = $startedAt, n."
          + Props.PROGRESS
          + " = 0, n."
          + Props.PROGRESS_AT
          + " = $startedAt, n."
          + Props.WITHDRAWN_AT
          + " = null, n."
          + Props.REASON
          + " = null, n."
          + Props.SOURCE
          + " = 'api', n."
          + Props.SKILL_ID
          + " = coalesce(n."
          + Props.SKILL_ID
          + ", head([(c)-[t:"
          + RelTypes.TEACHES
          + "]->(k:"
          + Labels.SKILL
          + ") | k."
          + Props.ID
          + "]))"
          + RETURN_ENROLMENT;

  private static final String PROGRESS =
      ENROLMENT
          + "SET n."
          + Props.PROGRESS
          + " = $percent, n."
          + Props.PROGRESS_AT
          + " = $at"
          + RETURN_ENROLMENT;

  /** Sets each assessed skill's level with the assessment as evidence; returns the old levels. */
  private static final String ASSESS =
      "MATCH (e:"
          + Labels.EXPERT
          + " {"
          + Props.ID
          + ": $expertId}) UNWIND $levels AS l MATCH (s:"
          + Labels.SKILL
          + " {"
          + Props.ID
          + ": l.skillId}) OPTIONAL MATCH (e)-[old:"
          + RelTypes.HAS_SKILL
          + "]->(s) WITH e, s, l, coalesce(old."
          + Props.LEVEL
          + ", 0) AS before MERGE (e)-[h:"
          + RelTypes.HAS_SKILL
          + "]->(s) SET h."
          + Props.LEVEL
          + " = l.level, h."
          + Props.EVIDENCE
          + " = $evidence, h."
          + Props.SOURCE
          + " = 'assessment', h."
          + Props.SINCE
          + " = coalesce(h."
          + Props.SINCE
          + ", $completedAt), h."
          + Props.UPDATED_AT
          + " = datetime() RETURN s."
          + Props.ID
          + " AS skillId, before";

  private static final String COMPLETE =
      ENROLMENT
          + "SET n."
          + Props.STATUS
          + " = '"
          + COMPLETED
          + "', n."
          + Props.COMPLETED_AT
          + " = $completedAt, n."
          + Props.PROGRESS
          + " = 100, n."
          + Props.PROGRESS_AT
          + " = $completedAt, n."
          + Props.SCORE
          + " = coalesce($score, n."
          + Props.SCORE
          + "), n."
          + Props.EVIDENCE
          + " = $evidence, n += $assessed"
          + RETURN_ENROLMENT;

  private static final String WITHDRAW =
      ENROLMENT
          + "SET n."
          + Props.STATUS
          + " = '"
          + DROPPED
          + "', n."
          + Props.WITHDRAWN_AT
          + " = $at, n."
          + Props.REASON
          + " = $reason"
          + RETURN_ENROLMENT;

  private static final String FEEDBACK =
      ENROLMENT
          + "SET n."
          + Props.FEEDBACK_RATING
          + " = $rating, n."
          + Props.FEEDBACK_TEXT
          + " = $text, n."
          + Props.FEEDBACK_AT
          + " = datetime()"
          + RETURN_ENROLMENT;

  private static final String ASSIGN =
      "MATCH (e:"
          + Labels.EXPERT
          + " {"
          + Props.ID
          + ": $expertId}) CREATE (e)-[:"
          + RelTypes.ASSIGNED
          + "]->(a:"
          + Labels.LEARNING_ASSIGNMENT
          + " {"
          + Props.ID
          + ": $id}) SET a += $props, a."
          + Props.ASSIGNED_AT
          + " = datetime() WITH a UNWIND $courses AS step MATCH (c:"
          + Labels.COURSE
          + " {"
          + Props.ID
          + ": step.courseId}) CREATE (a)-[:"
          + RelTypes.INCLUDES
          + " {"
          + Props.POSITION
          + ": step.position}]->(c)";

  /** The assignments' view; {@code %s} is one of the fixed match clauses below. */
  private static final String ASSIGNMENTS =
      "%s RETURN properties(a) AS a, e."
          + Props.ID
          + " AS expertId, e."
          + Props.NAME
          + " AS expertName, [(a)-[i:"
          + RelTypes.INCLUDES
          + "]->(c:"
          + Labels.COURSE
          + ") | {position: i."
          + Props.POSITION
          + ", courseId: c."
          + Props.ID
          + ", title: c."
          + Props.TITLE
          + ", hours: c."
          + Props.HOURS
          + ", enrolment: head([(e)-[n:"
          + RelTypes.ENROLLED
          + "]->(c) | {status: CASE WHEN n."
          + Props.COMPLETED_AT
          + " IS NOT NULL THEN '"
          + COMPLETED
          + "' ELSE toLower(n."
          + Props.STATUS
          + ") END, progress: n."
          + Props.PROGRESS
          + "}])}] AS courses ORDER BY a."
          + Props.DUE_DATE
          + ", a."
          + Props.ASSIGNED_AT
          + " DESC, a."
          + Props.ID;

  private static final String BY_ID =
      "MATCH (e:"
          + Labels.EXPERT
          + ")-[:"
          + RelTypes.ASSIGNED
          + "]->(a:"
          + Labels.LEARNING_ASSIGNMENT
          + " {"
          + Props.ID
          + ": $id})";

  private static final String OF_EXPERT =
      "MATCH (e:"
          + Labels.EXPERT
          + " {"
          + Props.ID
          + ": $expertId})-[:"
          + RelTypes.ASSIGNED
          + "]->(a:"
          + Labels.LEARNING_ASSIGNMENT
          + ")";

  private static final String OF_TEAM =
      "MATCH (:"
          + Labels.TEAM
          + " {"
          + Props.ID
          + ": $teamId})<-[:"
          + RelTypes.MEMBER_OF
          + "]-(e:"
          + Labels.EXPERT
          + ")-[:"
          + RelTypes.ASSIGNED
          + "]->(a:"
          + Labels.LEARNING_ASSIGNMENT
          + ")";

  private static final String MANAGES =
      "RETURN EXISTS { MATCH (:"
          + Labels.EXPERT
          + " {"
          + Props.ID
          + ": $me})-[:"
          + RelTypes.MANAGES
          + "]->(:"
          + Labels.TEAM
          + " {"
          + Props.ID
          + ": $teamId}) } AS manages, EXISTS { MATCH (:"
          + Labels.TEAM
          + " {"
          + Props.ID
          + ": $teamId}) } AS team";

  private final Driver driver;
  private final String database;
  private final TrainingService training;

  LearningLoopService(Driver driver, SchemaMigrations schema, TrainingService training) {
    this.driver = driver;
    this.database = schema.database();
    this.training = training;
  }

  // ---- enrolments

  EnrolmentPayload enrol(EnrolInput in, LocalDate today) {
    List<UserError> errors = ids(in.expertId(), in.courseId());
    if (!errors.isEmpty()) return new EnrolmentPayload(null, errors);
    LocalDate startedAt = in.startedAt() == null ? today : in.startedAt();
    return write(
        tx -> {
          State s = state(tx, in.expertId(), in.courseId(), List.of());
          UserError missing = s.missing(in.expertId(), in.courseId());
          if (missing != null) return EnrolmentPayload.failed(missing);
          if (s.open()) {
            return EnrolmentPayload.failed(
                transition("courseId", "already enrolled in course '" + in.courseId() + "'"));
          }
          if (s.completed()) {
            return EnrolmentPayload.failed(
                transition("courseId", "course '" + in.courseId() + "' is already completed"));
          }
          return ok(
              tx,
              ENROL,
              Map.of("expertId", in.expertId(), "courseId", in.courseId(), "startedAt", startedAt));
        });
  }

  EnrolmentPayload recordProgress(RecordProgressInput in, LocalDate today) {
    List<UserError> errors = ids(in.expertId(), in.courseId());
    if (in.percent() == null) errors.add(UserError.required("percent"));
    else if (in.percent() < 0 || in.percent() > 100)
      errors.add(UserError.outOfRange("percent", in.percent(), 0, 100));
    if (!errors.isEmpty()) return new EnrolmentPayload(null, errors);
    LocalDate at = in.at() == null ? today : in.at();
    return write(
        tx -> {
          State s = state(tx, in.expertId(), in.courseId(), List.of());
          UserError refused = s.requireOpen(in.expertId(), in.courseId(), "record progress");
          if (refused != null) return EnrolmentPayload.failed(refused);
          UserError order = s.notBeforeStart("at", at);
          if (order != null) return EnrolmentPayload.failed(order);
          return ok(
              tx,
              PROGRESS,
              Map.of(
                  "expertId",
                  in.expertId(),
                  "courseId",
                  in.courseId(),
                  "percent",
                  in.percent(),
                  "at",
                  at));
        });
  }

  EnrolmentPayload completeCourse(CompleteCourseInput in, LocalDate today) {
    List<UserError> errors = ids(in.expertId(), in.courseId());
    List<SkillLevelInput> levels = in.assessedLevels() == null ? List.of() : in.assessedLevels();
    Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < levels.size(); i++) {
      SkillLevelInput l = levels.get(i);
      Writes.requireText(errors, "assessedLevels[" + i + "].skillId", l.skillId(), 200);
      Writes.level(errors, "assessedLevels[" + i + "].level", l.level(), true);
      if (l.skillId() != null && !seen.add(l.skillId())) {
        errors.add(
            UserError.invalid(
                "assessedLevels[" + i + "].skillId",
                "skill '" + l.skillId() + "' is assessed twice"));
      }
    }
    Writes.optionalText(errors, "evidence", in.evidence(), MAX_TEXT);
    if (in.score() != null && (in.score() < 0 || in.score() > 100))
      errors.add(UserError.outOfRange("score", in.score(), 0, 100));
    if (!errors.isEmpty()) return new EnrolmentPayload(null, errors);
    LocalDate completedAt = in.completedAt() == null ? today : in.completedAt();
    List<String> skillIds = levels.stream().map(SkillLevelInput::skillId).toList();
    return write(
        tx -> {
          State s = state(tx, in.expertId(), in.courseId(), skillIds);
          UserError refused = s.requireOpen(in.expertId(), in.courseId(), "complete it");
          if (refused != null) return EnrolmentPayload.failed(refused);
          UserError order = s.notBeforeStart("completedAt", completedAt);
          if (order != null) return EnrolmentPayload.failed(order);
          if (!s.missingSkills().isEmpty()) {
            String id = s.missingSkills().get(0);
            return EnrolmentPayload.failed(
                UserError.notFound(
                    "assessedLevels[" + skillIds.indexOf(id) + "].skillId", "skill", id));
          }
          Map<String, Object> assessed = new HashMap<>();
          if (!levels.isEmpty()) {
            String evidence =
                "assessment at the end of course "
                    + in.courseId()
                    + (Writes.blank(in.evidence()) ? "" : ": " + in.evidence().strip());
            List<Map<String, Object>> rows = new ArrayList<>();
            for (SkillLevelInput l : levels)
              rows.add(Map.of("skillId", l.skillId(), "level", l.level()));
            Map<String, Integer> before = new HashMap<>();
            tx.run(
                    ASSESS,
                    Map.of(
                        "expertId",
                        in.expertId(),
                        "levels",
                        rows,
                        "evidence",
                        evidence,
                        "completedAt",
                        completedAt))
                .forEachRemaining(
                    r -> before.put(r.get("skillId").asString(), r.get("before").asInt()));
            List<Integer> b = new ArrayList<>(), a = new ArrayList<>();
            for (SkillLevelInput l : levels) {
              b.add(before.getOrDefault(l.skillId(), 0));
              a.add(l.level());
            }
            // the course's main skill: the first assessed skill the course teaches, else the
            // first assessed
            int main = 0;
            for (int i = 0; i < levels.size(); i++) {
              if (s.teaches().contains(levels.get(i).skillId())) {
                main = i;
                break;
              }
            }
            assessed.put(Props.ASSESSED_SKILLS, skillIds);
            assessed.put(Props.ASSESSED_BEFORE, b);
            assessed.put(Props.ASSESSED_AFTER, a);
            assessed.put(Props.SKILL_ID, skillIds.get(main));
            assessed.put(Props.LEVEL_BEFORE, b.get(main));
            assessed.put(Props.LEVEL_AFTER, a.get(main));
          }
          Map<String, Object> p = new HashMap<>();
          p.put("expertId", in.expertId());
          p.put("courseId", in.courseId());
          p.put("completedAt", completedAt);
          p.put("score", in.score());
          p.put("evidence", Writes.blank(in.evidence()) ? null : in.evidence().strip());
          p.put("assessed", assessed);
          return ok(tx, COMPLETE, p);
        });
  }

  EnrolmentPayload withdraw(WithdrawInput in, LocalDate today) {
    List<UserError> errors = ids(in.expertId(), in.courseId());
    Writes.optionalText(errors, "reason", in.reason(), MAX_TEXT);
    if (!errors.isEmpty()) return new EnrolmentPayload(null, errors);
    LocalDate at = in.at() == null ? today : in.at();
    return write(
        tx -> {
          State s = state(tx, in.expertId(), in.courseId(), List.of());
          UserError refused = s.requireOpen(in.expertId(), in.courseId(), "withdraw");
          if (refused != null) return EnrolmentPayload.failed(refused);
          UserError order = s.notBeforeStart("at", at);
          if (order != null) return EnrolmentPayload.failed(order);
          Map<String, Object> p = new HashMap<>();
          p.put("expertId", in.expertId());
          p.put("courseId", in.courseId());
          p.put("at", at);
          p.put("reason", in.reason());
          return ok(tx, WITHDRAW, p);
        });
  }

  EnrolmentPayload courseFeedback(CourseFeedbackInput in) {
    List<UserError> errors = ids(in.expertId(), in.courseId());
    if (in.rating() == null) errors.add(UserError.required("rating"));
    else if (in.rating() < 1 || in.rating() > 5)
      errors.add(UserError.outOfRange("rating", in.rating(), 1, 5));
    Writes.optionalText(errors, "text", in.text(), MAX_TEXT);
    if (!errors.isEmpty()) return new EnrolmentPayload(null, errors);
    return write(
        tx -> {
          State s = state(tx, in.expertId(), in.courseId(), List.of());
          UserError missing = s.missing(in.expertId(), in.courseId());
          if (missing != null) return EnrolmentPayload.failed(missing);
          if (s.enrolment() == null) {
            return EnrolmentPayload.failed(
                transition(
                    "courseId",
                    "expert '"
                        + in.expertId()
                        + "' never enrolled in course '"
                        + in.courseId()
                        + "': enrol first"));
          }
          Map<String, Object> p = new HashMap<>();
          p.put("expertId", in.expertId());
          p.put("courseId", in.courseId());
          p.put("rating", in.rating());
          p.put("text", in.text());
          return ok(tx, FEEDBACK, p);
        });
  }

  // ---- assignments

  LearningAssignmentPayload assign(
      String expertId,
      Target target,
      Integer maxHours,
      LocalDate dueDate,
      String actor,
      LocalDate today) {
    List<UserError> errors = new ArrayList<>();
    Writes.requireText(errors, "expertId", expertId, 200);
    if (dueDate != null && dueDate.isBefore(today)) {
      errors.add(
          UserError.invalid(
              "dueDate", "dueDate must not be before today (" + today + "), was " + dueDate));
    }
    if (maxHours != null && maxHours < 1)
      errors.add(UserError.invalid("maxHours", "maxHours must be at least 1, was " + maxHours));
    if (!errors.isEmpty()) return new LearningAssignmentPayload(null, errors);
    LearningPath path;
    try {
      path = training.advisor().learningPath(expertId, target, maxHours);
    } catch (TrainingException.UnknownExpert e) {
      return new LearningAssignmentPayload(
          null, List.of(UserError.notFound("expertId", "expert", expertId)));
    } catch (TrainingException e) {
      return new LearningAssignmentPayload(
          null, List.of(UserError.invalid("target", e.getMessage())));
    }
    if (path.steps().isEmpty()) {
      return new LearningAssignmentPayload(
          null,
          List.of(
              UserError.invalid("target", "no course to assign for this target: " + path.note())));
    }
    String id = "la-" + UUID.randomUUID();
    Map<String, Object> props = new LinkedHashMap<>();
    props.put(Props.ASSIGNED_BY, actor);
    if (dueDate != null) props.put(Props.DUE_DATE, dueDate);
    props.put(Props.TARGET, describe(path.target()));
    props.put(Props.HOURS, path.totalHours());
    props.put(Props.SOURCE, "api");
    List<Map<String, Object>> courses = new ArrayList<>();
    for (LearningPath.Step st : path.steps())
      courses.add(Map.of("courseId", st.courseId(), "position", st.position()));
    try (Session s = session()) {
      s.executeWrite(
          tx -> {
            tx.run(
                    ASSIGN,
                    Map.of("expertId", expertId, "id", id, "props", props, "courses", courses))
                .consume();
            return null;
          });
    }
    return new LearningAssignmentPayload(
        assignments(BY_ID, Map.of("id", id), today).get(0), List.of());
  }

  List<LearningAssignment> ofExpert(String expertId, LocalDate asOf) {
    return assignments(OF_EXPERT, Map.of("expertId", expertId), asOf);
  }

  List<LearningAssignment> ofTeam(String teamId, boolean overdueOnly, LocalDate asOf) {
    return assignments(OF_TEAM, Map.of("teamId", teamId), asOf).stream()
        .filter(a -> !overdueOnly || a.overdue())
        .toList();
  }

  /** Whether {@code me} manages the team, and whether the team exists. */
  boolean[] manages(String me, String teamId) {
    try (Session s = session()) {
      var r =
          s.executeRead(
              tx -> tx.run(MANAGES, Map.of("me", me == null ? "" : me, "teamId", teamId)).single());
      return new boolean[] {r.get("manages").asBoolean(), r.get("team").asBoolean()};
    }
  }

  private List<LearningAssignment> assignments(
      String match, Map<String, Object> params, LocalDate asOf) {
    try (Session s = session()) {
      return s.executeRead(
          tx -> {
            List<LearningAssignment> out = new ArrayList<>();
            tx.run(ASSIGNMENTS.formatted(match), params)
                .forEachRemaining(
                    r -> {
                      Value a = r.get("a");
                      List<AssignedCourse> courses = new ArrayList<>();
                      for (Value c : r.get("courses").values()) {
                        Value en = c.get("enrolment");
                        courses.add(
                            new AssignedCourse(
                                c.get("position").asInt(),
                                c.get("courseId").asString(),
                                c.get("title").asString(null),
                                c.get("hours").isNull()
                                    ? null
                                    : (int) Math.round(c.get("hours").asDouble()),
                                en.isNull() ? null : en.get("status").asString(null),
                                en.isNull() || en.get("progress").isNull()
                                    ? null
                                    : en.get("progress").asInt()));
                      }
                      courses.sort(java.util.Comparator.comparingInt(AssignedCourse::position));
                      boolean done =
                          !courses.isEmpty()
                              && courses.stream().allMatch(AssignedCourse::completed);
                      LocalDate due = date(a.get(Props.DUE_DATE));
                      out.add(
                          new LearningAssignment(
                              a.get(Props.ID).asString(),
                              r.get("expertId").asString(),
                              r.get("expertName").asString(null),
                              a.get(Props.TARGET).asString(null),
                              a.get(Props.ASSIGNED_BY).asString("unknown"),
                              a.get(Props.ASSIGNED_AT).asZonedDateTime(),
                              due,
                              a.get(Props.HOURS).asInt(0),
                              done ? "DONE" : "OPEN",
                              !done && due != null && due.isBefore(asOf),
                              courses));
                    });
            return out;
          });
    }
  }

  private static String describe(dev.talentgraph.ml.courses.SkillGap.TargetRef t) {
    if (t == null) return null;
    String kind =
        t.kind() == null ? "" : t.kind().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
    return (kind
            + (t.id() == null ? "" : " " + t.id())
            + (t.name() == null ? "" : " (" + t.name() + ")"))
        .strip();
  }

  // ---- shared

  /** The state of an enrolment before a write, read in the write's own transaction. */
  private record State(
      boolean expert,
      boolean course,
      Value enrolment,
      List<String> teaches,
      List<String> missingSkills) {
    UserError missing(String expertId, String courseId) {
      if (!expert) return UserError.notFound("expertId", "expert", expertId);
      if (!course) return UserError.notFound("courseId", "course", courseId);
      return null;
    }

    boolean completed() {
      return enrolment != null
          && (!enrolment.get(Props.COMPLETED_AT).isNull()
              || Set.of(COMPLETED, "passed")
                  .contains(enrolment.get(Props.STATUS).asString("").toLowerCase()));
    }

    boolean open() {
      return enrolment != null
          && !completed()
          && !DROPPED.equals(enrolment.get(Props.STATUS).asString("").toLowerCase());
    }

    UserError requireOpen(String expertId, String courseId, String what) {
      UserError m = missing(expertId, courseId);
      if (m != null) return m;
      if (completed())
        return transition(
            "courseId", "course '" + courseId + "' is already completed: cannot " + what);
      if (!open()) {
        return transition(
            "courseId",
            "expert '"
                + expertId
                + "' is not enrolled in course '"
                + courseId
                + "'"
                + (enrolment == null ? "" : " (withdrew)")
                + ": enrol before you "
                + what);
      }
      return null;
    }

    UserError notBeforeStart(String field, LocalDate when) {
      LocalDate started = date(enrolment.get(Props.STARTED_AT));
      if (started != null && when.isBefore(started)) {
        return UserError.invalid(
            field, field + " (" + when + ") is before the enrolment started (" + started + ")");
      }
      return null;
    }
  }

  private static State state(
      TransactionContext tx, String expertId, String courseId, List<String> skillIds) {
    var r =
        tx.run(STATE, Map.of("expertId", expertId, "courseId", courseId, "skillIds", skillIds))
            .single();
    return new State(
        r.get("expert").asBoolean(),
        r.get("course").asBoolean(),
        r.get("n").isNull() ? null : r.get("n"),
        r.get("teaches").asList(Value::asString),
        r.get("missingSkills").asList(Value::asString));
  }

  private static EnrolmentPayload ok(
      TransactionContext tx, String statement, Map<String, Object> params) {
    var r = tx.run(statement, params).single();
    return new EnrolmentPayload(
        enrolment(
            r.get("expertId").asString(),
            r.get("courseId").asString(),
            r.get("title").asString(null),
            r.get("n")),
        List.of());
  }

  static Enrolment enrolment(String expertId, String courseId, String title, Value n) {
    List<AssessedSkill> assessed = new ArrayList<>();
    if (!n.get(Props.ASSESSED_SKILLS).isNull()) {
      List<String> ids = n.get(Props.ASSESSED_SKILLS).asList(Value::asString);
      List<Integer> b = n.get(Props.ASSESSED_BEFORE).asList(Value::asInt);
      List<Integer> a = n.get(Props.ASSESSED_AFTER).asList(Value::asInt);
      for (int i = 0; i < ids.size(); i++)
        assessed.add(new AssessedSkill(ids.get(i), b.get(i), a.get(i)));
    }
    return new Enrolment(
        expertId,
        courseId,
        title,
        n.get(Props.STATUS).asString("unknown"),
        date(n.get(Props.STARTED_AT)),
        n.get(Props.PROGRESS).isNull() ? null : n.get(Props.PROGRESS).asInt(),
        date(n.get(Props.PROGRESS_AT)),
        date(n.get(Props.COMPLETED_AT)),
        date(n.get(Props.WITHDRAWN_AT)),
        n.get(Props.SCORE).isNull() ? null : n.get(Props.SCORE).asNumber().doubleValue(),
        n.get(Props.SKILL_ID).asString(null),
        n.get(Props.LEVEL_BEFORE).isNull() ? null : n.get(Props.LEVEL_BEFORE).asInt(),
        n.get(Props.LEVEL_AFTER).isNull() ? null : n.get(Props.LEVEL_AFTER).asInt(),
        assessed,
        n.get(Props.EVIDENCE).asString(null),
        n.get(Props.FEEDBACK_RATING).isNull() ? null : n.get(Props.FEEDBACK_RATING).asInt(),
        n.get(Props.FEEDBACK_TEXT).asString(null));
  }

  /** A date property as the importers and this service store it: a DATE, a DATETIME or text. */
  static LocalDate date(Value v) {
    if (v == null || v.isNull()) return null;
    if (v.hasType(TypeSystem.getDefault().DATE())) return v.asLocalDate();
    if (v.hasType(TypeSystem.getDefault().DATE_TIME()))
      return v.asZonedDateTime().withZoneSameInstant(ZoneOffset.UTC).toLocalDate();
    if (v.hasType(TypeSystem.getDefault().LOCAL_DATE_TIME()))
      return v.asLocalDateTime().toLocalDate();
    String s = v.asString("");
    return s.length() >= 10 ? LocalDate.parse(s.substring(0, 10)) : null;
  }

  private static List<UserError> ids(String expertId, String courseId) {
    List<UserError> errors = new ArrayList<>();
    Writes.requireText(errors, "expertId", expertId, 200);
    Writes.requireText(errors, "courseId", courseId, 200);
    return errors;
  }

  private static UserError transition(String field, String message) {
    return new UserError(field, message, UserError.Code.INVALID_TRANSITION);
  }

  private <T> T write(org.neo4j.driver.TransactionCallback<T> work) {
    try (Session s = session()) {
      return s.executeWrite(work);
    }
  }

  private Session session() {
    return driver.session(GraphSessions.read(driver, database));
  }
}
