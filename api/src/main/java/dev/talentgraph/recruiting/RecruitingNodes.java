package dev.talentgraph.recruiting;

import dev.talentgraph.graphql.Vals;
import dev.talentgraph.graphql.nodes.ExpertNode;
import dev.talentgraph.graphql.nodes.ExpertNode.TeamNode;
import dev.talentgraph.graphql.nodes.ProjectNode.RequiredSkill;
import dev.talentgraph.graphql.nodes.SkillNode;
import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.Props;
import dev.talentgraph.schema.RelTypes;
import dev.talentgraph.schema.recruiting.Stage;
import dev.talentgraph.schema.recruiting.StageMachine;
import dev.talentgraph.security.HiringScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neo4j.driver.Value;

/**
 * The recruiting read models (docs/adr/0006) and the Cypher projections they are read from. An
 * application is read whole in one statement (opening, applicant, history, assessments,
 * interviews); only the interview feedback (personal, encrypted) is fetched apart, for callers
 * allowed to see it.
 */
final class RecruitingNodes {
  private RecruitingNodes() {}

  static final String EXPERT = " {" + ExpertNode.SCALARS + "}";

  /** Projection of the opening bound to {@code o}. */
  static String opening(String o) {
    return o
        + " {.id, .title, .name, .description, .department, .location, .country, .city, .remotePolicy, .status,"
        + " .postedAt, .closedAt, .interviewRounds, .headcount,"
        + " team: head([("
        + o
        + ")-[:"
        + RelTypes.HIRES_FOR
        + "]->(ot:"
        + Labels.TEAM
        + ") | ot {.id, .name}]),"
        + " requires: [("
        + o
        + ")-[oq:"
        + RelTypes.REQUIRES
        + "]->(os:"
        + Labels.SKILL
        + ") | {level: oq.level,"
        + " required: oq.required, skill: "
        + SkillNode.summary("os")
        + "}],"
        + " hiringTeam: [(ox:"
        + Labels.EXPERT
        + ")-[oh:"
        + RelTypes.ON_HIRING_TEAM
        + "]->("
        + o
        + ") | {role: oh.role,"
        + " expert: ox"
        + EXPERT
        + "}]}";
  }

  /**
   * Projection of the application bound to {@code a}, with everything under it. The applicant is a
   * Candidate unless they were already an employee when they applied: a hired candidate keeps the
   * Candidate label (ADR 0006), so their later applications are internal moves and their earlier
   * ones stay external.
   */
  static String application(String a) {
    return a
        + " {.id, .stage, .round, .appliedAt, .updatedAt, .closedAt,"
        + " applicant: head([(ap)-[:"
        + RelTypes.APPLIED
        + "]->("
        + a
        + ") WHERE ap:"
        + Labels.CANDIDATE
        + " OR ap:"
        + Labels.EXPERT
        + " | ap {.id, .name, candidate: ap:"
        + Labels.CANDIDATE
        + " AND NOT (ap:"
        + Labels.EXPERT
        + " AND ap."
        + Props.HIRED_AT
        + " < "
        + a
        + "."
        + Props.APPLIED_AT
        + ")}]),"
        + " opening: head([("
        + a
        + ")-[:"
        + RelTypes.TO
        + "]->(ao:"
        + Labels.JOB_OPENING
        + ") | "
        + opening("ao")
        + "]),"
        + " history: [("
        + a
        + ")-[:"
        + RelTypes.MOVED
        + "]->(ac:"
        + Labels.STAGE_CHANGE
        + ") | ac {.seq, .from, .to, .round,"
        + " .at, .actor, .reason}],"
        + " assessments: [("
        + a
        + ")-[:"
        + RelTypes.HAS_ASSESSMENT
        + "]->(as:"
        + Labels.ASSESSMENT
        + ") | as {.id, .at,"
        + " .method, .assessor, .overall, measured: [(as)-[am:"
        + RelTypes.MEASURED
        + "]->(ak:"
        + Labels.SKILL
        + ") | {level: am.level, skill: "
        + SkillNode.summary("ak")
        + "}]}],"
        + " interviews: [("
        + a
        + ")-[:"
        + RelTypes.HAS_INTERVIEW
        + "]->(ai:"
        + Labels.INTERVIEW
        + ") | ai {.id, .round, .at,"
        + " .competencies, .scores, .overall, .recommendation, interviewer: head([(ai)-[:"
        + RelTypes.INTERVIEWED_BY
        + "]->(ax:"
        + Labels.EXPERT
        + ") | ax"
        + EXPERT
        + "])}]}";
  }

  /** Reads one application by id, as {@code node}. */
  static final String APPLICATION_BY_ID =
      "MATCH (a:" + Labels.APPLICATION + " {id: $id}) RETURN " + application("a") + " AS node";

  /** Reads one opening by id, as {@code node}. */
  static final String OPENING_BY_ID =
      "MATCH (o:" + Labels.JOB_OPENING + " {id: $id}) RETURN " + opening("o") + " AS node";

  static String upper(String graphValue) {
    return graphValue == null ? null : graphValue.toUpperCase(Locale.ROOT);
  }

  /** {@code type JobOpening}. */
  record OpeningNode(
      String id,
      String title,
      String description,
      String department,
      String location,
      String country,
      String city,
      String remotePolicy,
      String status,
      String postedAt,
      String closedAt,
      int interviewRounds,
      int headcount,
      TeamNode team,
      List<RequiredSkill> requires,
      List<HiringTeamMember> hiringTeam)
      implements HiringScoped {
    static OpeningNode from(Value v) {
      if (v == null || v.isNull()) return null;
      Value t = v.get("team");
      String title = Vals.str(v.get("title"));
      return new OpeningNode(
          Vals.str(v.get("id")),
          title != null ? title : Vals.str(v.get("name")),
          Vals.str(v.get("description")),
          Vals.str(v.get("department")),
          Vals.str(v.get("location")),
          Vals.str(v.get("country")),
          Vals.str(v.get("city")),
          upper(Vals.str(v.get("remotePolicy"))),
          upper(Vals.str(v.get("status"))),
          Vals.str(v.get("postedAt")),
          Vals.str(v.get("closedAt")),
          StageMachine.rounds(Vals.integer(v.get("interviewRounds"))),
          Vals.integer(v.get("headcount")) == null ? 1 : Vals.integer(v.get("headcount")),
          t == null || t.isNull()
              ? null
              : new TeamNode(Vals.str(t.get("id")), Vals.str(t.get("name"))),
          Vals.list(
              v.get("requires"),
              r ->
                  new RequiredSkill(
                      Vals.integer(r.get("level")),
                      Vals.bool(r.get("required")),
                      SkillNode.from(r.get("skill")))),
          Vals.list(
              v.get("hiringTeam"),
              h ->
                  new HiringTeamMember(
                      upper(Vals.str(h.get("role"))), ExpertNode.from(h.get("expert")))));
    }

    @Override
    public String openingId() {
      return id;
    }
  }

  record HiringTeamMember(String role, ExpertNode expert) {}

  /**
   * {@code type Candidate}: the class name is the GraphQL type name (the {@code Applicant}
   * interface resolves by it).
   */
  record Candidate(String id, String name) {}

  /** {@code type InternalApplicant}: an Expert applying. */
  record InternalApplicant(String id, String name, ExpertNode expert) {}

  /** {@code type Application}. */
  record ApplicationNode(
      String id,
      Object applicant,
      OpeningNode opening,
      Stage stage,
      Integer round,
      String appliedAt,
      String updatedAt,
      String closedAt,
      List<StageChangeNode> history,
      List<AssessmentNode> assessments,
      List<InterviewNode> interviews)
      implements HiringScoped {
    static ApplicationNode from(Value v) {
      if (v == null || v.isNull()) return null;
      String id = Vals.str(v.get("id"));
      OpeningNode opening = OpeningNode.from(v.get("opening"));
      Value p = v.get("applicant");
      Object applicant = null;
      String applicantId = null;
      if (p != null && !p.isNull()) {
        applicantId = Vals.str(p.get("id"));
        String name = Vals.str(p.get("name"));
        applicant =
            Boolean.TRUE.equals(Vals.bool(p.get("candidate")))
                ? new Candidate(applicantId, name)
                : new InternalApplicant(
                    applicantId,
                    name,
                    new ExpertNode(
                        applicantId,
                        name,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        Map.of()));
      }
      String openingId = opening == null ? null : opening.id();
      String who = applicantId;
      List<StageChangeNode> history =
          new ArrayList<>(Vals.list(v.get("history"), StageChangeNode::from));
      history.sort(
          Comparator.comparing(
              StageChangeNode::seq, Comparator.nullsLast(Comparator.naturalOrder())));
      List<AssessmentNode> assessments =
          new ArrayList<>(Vals.list(v.get("assessments"), AssessmentNode::from));
      assessments.sort(
          Comparator.comparing(
              AssessmentNode::at, Comparator.nullsLast(Comparator.naturalOrder())));
      List<InterviewNode> interviews =
          new ArrayList<>(
              Vals.list(v.get("interviews"), i -> InterviewNode.from(i, openingId, id, who)));
      interviews.sort(
          Comparator.comparing(
                  InterviewNode::round, Comparator.nullsLast(Comparator.naturalOrder()))
              .thenComparing(InterviewNode::at, Comparator.nullsLast(Comparator.naturalOrder())));
      Stage stage = Stage.fromGraph(Vals.str(v.get("stage")));
      return new ApplicationNode(
          id,
          applicant,
          opening,
          stage,
          StageMachine.round(stage, Vals.integer(v.get("round"))),
          Vals.str(v.get("appliedAt")),
          Vals.str(v.get("updatedAt")),
          Vals.str(v.get("closedAt")),
          history,
          assessments,
          interviews);
    }

    public List<Stage> allowedMoves() {
      return StageMachine.allowed(
          stage, round, opening == null ? StageMachine.DEFAULT_ROUNDS : opening.interviewRounds());
    }

    @Override
    public String openingId() {
      return opening == null ? null : opening.id();
    }

    @Override
    public String applicationId() {
      return id;
    }

    @Override
    public String applicantId() {
      return applicant instanceof Candidate c
          ? c.id()
          : applicant instanceof InternalApplicant i ? i.id() : null;
    }
  }

  /** {@code type StageChange}. */
  record StageChangeNode(
      Integer seq, Stage from, Stage to, Integer round, String at, String actor, String reason) {
    static StageChangeNode from(Value v) {
      return new StageChangeNode(
          Vals.integer(v.get("seq")),
          Stage.fromGraph(Vals.str(v.get("from"))),
          Stage.fromGraph(Vals.str(v.get("to"))),
          Vals.integer(v.get("round")),
          Vals.str(v.get("at")),
          Vals.str(v.get("actor")),
          Vals.str(v.get("reason")));
    }
  }

  /** {@code type Assessment}. */
  record AssessmentNode(
      String id,
      String at,
      String method,
      String assessor,
      Double overall,
      List<MeasuredSkill> measured) {
    static AssessmentNode from(Value v) {
      if (v == null || v.isNull()) return null;
      return new AssessmentNode(
          Vals.str(v.get("id")),
          Vals.str(v.get("at")),
          Vals.str(v.get("method")),
          Vals.str(v.get("assessor")),
          Vals.dbl(v.get("overall")),
          Vals.list(
              v.get("measured"),
              m ->
                  new MeasuredSkill(Vals.integer(m.get("level")), SkillNode.from(m.get("skill")))));
    }
  }

  record MeasuredSkill(Integer level, SkillNode skill) {}

  /** {@code type Interview}; knows its opening, application and applicant for the feedback rule. */
  record InterviewNode(
      String id,
      Integer round,
      String at,
      ExpertNode interviewer,
      List<CompetencyScore> scores,
      Double overall,
      String recommendation,
      String openingId,
      String applicationId,
      String applicantId)
      implements HiringScoped {
    static InterviewNode from(Value v, String openingId, String applicationId, String applicantId) {
      if (v == null || v.isNull()) return null;
      List<String> names = Vals.strings(v.get("competencies"));
      List<Integer> values = Vals.list(v.get("scores"), Vals::integer);
      List<CompetencyScore> scores = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        scores.add(
            new CompetencyScore(
                names.get(i), values != null && i < values.size() ? values.get(i) : null));
      }
      return new InterviewNode(
          Vals.str(v.get("id")),
          Vals.integer(v.get("round")),
          Vals.str(v.get("at")),
          ExpertNode.from(v.get("interviewer")),
          scores,
          Vals.dbl(v.get("overall")),
          upper(Vals.str(v.get("recommendation"))),
          openingId,
          applicationId,
          applicantId);
    }

    @Override
    public String interviewerId() {
      return interviewer == null ? null : interviewer.id();
    }
  }

  record CompetencyScore(String competency, Integer score) {}
}
