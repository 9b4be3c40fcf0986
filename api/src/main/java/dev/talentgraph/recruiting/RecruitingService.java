package dev.talentgraph.recruiting;

import static dev.talentgraph.graphql.NodeWrites.MAX_ID;
import static dev.talentgraph.graphql.NodeWrites.MAX_NAME;
import static dev.talentgraph.graphql.NodeWrites.MAX_TEXT;

import dev.talentgraph.graphql.CypherGateway;
import dev.talentgraph.graphql.NodeWrites;
import dev.talentgraph.graphql.Paging;
import dev.talentgraph.graphql.Paging.Connection;
import dev.talentgraph.graphql.RoundTrips;
import dev.talentgraph.graphql.UserError;
import dev.talentgraph.graphql.Vals;
import dev.talentgraph.graphql.Writes;
import dev.talentgraph.graphql.nodes.ExpertNode.ExpertSkill;
import dev.talentgraph.graphql.nodes.SkillNode;
import dev.talentgraph.recruiting.RecruitingNodes.ApplicationNode;
import dev.talentgraph.recruiting.RecruitingNodes.AssessmentNode;
import dev.talentgraph.recruiting.RecruitingNodes.Candidate;
import dev.talentgraph.recruiting.RecruitingNodes.InterviewNode;
import dev.talentgraph.recruiting.RecruitingNodes.OpeningNode;
import dev.talentgraph.schema.FieldCipher;
import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.Props;
import dev.talentgraph.schema.RelTypes;
import dev.talentgraph.schema.recruiting.Stage;
import dev.talentgraph.schema.recruiting.StageMachine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.neo4j.driver.Record;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Recruiting (docs/adr/0006): the reads of openings, applications and candidates, and the seven
 * mutations with their validation, statements and hiring side effects. Each mutation validates its
 * input in memory, then checks it against the graph and writes in ONE transaction; any error comes
 * back in the payload and nothing is written. Moves of one application are serialised by a write
 * lock on it, so two concurrent moves cannot both pass. Who may call what is decided by {@code
 * FieldAccessRules} / {@code AccessPolicy}, never here.
 */
@Service
class RecruitingService {
  record RequirementInput(String skillId, Integer level, Boolean required) {}

  record HiringTeamInput(String expertId, String role) {}

  record CreateOpeningInput(
      String id,
      String title,
      String description,
      String teamId,
      String location,
      String country,
      String city,
      String remotePolicy,
      Integer interviewRounds,
      Integer headcount,
      List<RequirementInput> requires,
      List<HiringTeamInput> hiringTeam,
      OpeningInputs.OpeningPlaceInput place,
      OpeningInputs.PostingInput posting) {}

  record UpdateOpeningInput(
      String id,
      String title,
      String description,
      String teamId,
      String location,
      String country,
      String city,
      String remotePolicy,
      String status,
      Integer interviewRounds,
      Integer headcount,
      List<RequirementInput> requires,
      List<HiringTeamInput> hiringTeam,
      OpeningInputs.OpeningPlaceInput place,
      OpeningInputs.PostingInput posting) {}

  record CandidateSkillInput(String skillId, Integer level) {}

  record CreateCandidateInput(
      String id,
      String name,
      List<CandidateSkillInput> skills,
      OpeningInputs.PersonPlaceInput place) {}

  record ApplyInput(String openingId, String candidateId, String expertId) {}

  record CloseOpeningInput(String id) {}

  record MoveApplicationInput(String applicationId, Stage to, String reason) {}

  record MeasuredSkillInput(String skillId, Integer level) {}

  record RecordAssessmentInput(
      String applicationId,
      String method,
      String assessor,
      List<MeasuredSkillInput> levels,
      Boolean updateSkills) {}

  record CompetencyScoreInput(String competency, Integer score) {}

  record RecordInterviewInput(
      String applicationId,
      Integer round,
      String interviewerId,
      List<CompetencyScoreInput> scores,
      String recommendation,
      String feedback) {}

  record OpeningPayload(OpeningNode opening, List<UserError> errors) {
    static OpeningPayload failed(List<UserError> errors) {
      return new OpeningPayload(null, errors);
    }
  }

  record CandidatePayload(Candidate candidate, List<UserError> errors) {
    static CandidatePayload failed(List<UserError> errors) {
      return new CandidatePayload(null, errors);
    }
  }

  record ApplicationPayload(ApplicationNode application, List<UserError> errors) {
    static ApplicationPayload failed(List<UserError> errors) {
      return new ApplicationPayload(null, errors);
    }
  }

  record MoveApplicationPayload(
      ApplicationNode application,
      Stage currentStage,
      Integer currentRound,
      List<Stage> allowedStages,
      List<UserError> errors) {
    static MoveApplicationPayload failed(List<UserError> errors) {
      return new MoveApplicationPayload(null, null, null, null, errors);
    }
  }

  record AssessmentPayload(
      AssessmentNode assessment, ApplicationNode application, List<UserError> errors) {
    static AssessmentPayload failed(List<UserError> errors) {
      return new AssessmentPayload(null, null, errors);
    }
  }

  record InterviewPayload(
      InterviewNode interview, ApplicationNode application, List<UserError> errors) {
    static InterviewPayload failed(List<UserError> errors) {
      return new InterviewPayload(null, null, errors);
    }
  }

  private static final String OPENINGS_MATCH =
      "MATCH (o:"
          + Labels.JOB_OPENING
          + ") WHERE ($status IS NULL OR o.status = $status)"
          + " AND ($teamId IS NULL OR EXISTS { MATCH (o)-[:"
          + RelTypes.HIRES_FOR
          + "]->(:"
          + Labels.TEAM
          + " {id: $teamId}) })";
  private static final String OPENINGS_PAGE =
      "CALL () { "
          + OPENINGS_MATCH
          + " RETURN count(o) AS total }"
          + " CALL () { "
          + OPENINGS_MATCH
          + " WITH o ORDER BY o.id SKIP $skip LIMIT $limit RETURN collect("
          + RecruitingNodes.opening("o")
          + ") AS nodes } RETURN total, nodes";
  private static final String CANDIDATE_BY_ID =
      "MATCH (c:" + Labels.CANDIDATE + " {id: $id}) RETURN c.id AS id, c.name AS name";
  private static final String OPENING_APPLICATIONS =
      "MATCH (:"
          + Labels.JOB_OPENING
          + " {id: $id})<-[:"
          + RelTypes.TO
          + "]-(a:"
          + Labels.APPLICATION
          + ") WHERE $stages IS NULL OR a.stage IN $stages RETURN "
          + RecruitingNodes.application("a")
          + " AS node ORDER BY a.id";
  private static final String CANDIDATE_APPLICATIONS =
      "MATCH (:"
          + Labels.CANDIDATE
          + " {id: $id})-[:"
          + RelTypes.APPLIED
          + "]->(a:"
          + Labels.APPLICATION
          + ") RETURN "
          + RecruitingNodes.application("a")
          + " AS node ORDER BY a.id";
  private static final String CANDIDATE_SKILLS =
      "MATCH (:"
          + Labels.CANDIDATE
          + " {id: $id})-[r:"
          + RelTypes.HAS_SKILL
          + "]->(s:"
          + Labels.SKILL
          + ") RETURN {level: r.level, evidence: r.evidence, source: r.source, since: r.since, skill: "
          + SkillNode.summary("s")
          + "} AS skill ORDER BY s.name";
  private static final String INTERVIEW_FEEDBACK =
      "MATCH (:"
          + Labels.INTERVIEW
          + " {id: $id})-[:"
          + RelTypes.HAS_PERSONAL_DATA
          + "]->(p:"
          + Labels.PERSONAL_DATA
          + ") RETURN p."
          + Props.FEEDBACK
          + " AS feedback";

  private static final String CREATE_OPENING =
      "MATCH (t:"
          + Labels.TEAM
          + " {id: $teamId}) CREATE (o:"
          + Labels.JOB_OPENING
          + " {id: $id}) SET o += $props, o.status = 'open', o.postedAt = date(), o.source = 'api', o.createdAt = datetime(),"
          + " o.department = t.department, o.region = t.region"
          + " CREATE (o)-[:"
          + RelTypes.HIRES_FOR
          + "]->(t) RETURN o.id AS id";
  private static final String UPDATE_OPENING =
      "MATCH (o:"
          + Labels.JOB_OPENING
          + " {id: $id}) SET o += $props,"
          + " o.updatedAt = datetime(), o.closedAt = CASE WHEN $status = 'closed' THEN coalesce(o.closedAt, date())"
          + " WHEN $status IS NULL THEN o.closedAt ELSE null END"
          + " WITH o CALL (o) { WITH o WHERE $teamId IS NOT NULL"
          + " OPTIONAL MATCH (o)-[h:"
          + RelTypes.HIRES_FOR
          + "]->() DELETE h }"
          + " CALL (o) { MATCH (t:"
          + Labels.TEAM
          + " {id: $teamId}) CREATE (o)-[:"
          + RelTypes.HIRES_FOR
          + "]->(t) SET o.department = t.department, o.region = t.region }"
          + " RETURN o.id AS id";
  private static final String CLOSE_OPENING =
      "MATCH (o:"
          + Labels.JOB_OPENING
          + " {id: $id})"
          + " WHERE o.status IS NULL OR o.status <> 'closed'"
          + " SET o.status = 'closed', o.closedAt = date(), o.updatedAt = datetime()";

  /**
   * The highest interview round a live application of the opening is in above $rounds (null: none).
   */
  private static final String ROUNDS_IN_USE =
      "MATCH (:"
          + Labels.JOB_OPENING
          + " {id: $id})<-[:"
          + RelTypes.TO
          + "]-(a:"
          + Labels.APPLICATION
          + ") WHERE a.stage = "
          + Stage.INTERVIEW.cypher()
          + " AND a.round > $rounds"
          + " RETURN max(a.round) AS round";

  private static final String REPLACE_HIRING_TEAM =
      "MATCH (o:"
          + Labels.JOB_OPENING
          + " {id: $id})"
          + " OPTIONAL MATCH (o)<-[old:"
          + RelTypes.ON_HIRING_TEAM
          + "]-()"
          + " DELETE old WITH DISTINCT o UNWIND $team AS m MATCH (x:"
          + Labels.EXPERT
          + " {id: m.expertId})"
          + " MERGE (x)-[h:"
          + RelTypes.ON_HIRING_TEAM
          + "]->(o) SET h.role = m.role";
  private static final String PERSON_ID_TAKEN =
      "RETURN EXISTS { MATCH (:"
          + Labels.CANDIDATE
          + " {id: $id}) }"
          + " OR EXISTS { MATCH (:"
          + Labels.EXPERT
          + " {id: $id}) } AS taken";

  /** Per applicant label: the checks before an application, under a write lock on the opening. */
  private static final Map<String, String> APPLY_CHECK =
      Map.of(
          Labels.CANDIDATE, applyCheck(Labels.CANDIDATE), Labels.EXPERT, applyCheck(Labels.EXPERT));

  /** Per applicant label: the application in stage applied, with its first StageChange. */
  private static final Map<String, String> APPLY =
      Map.of(
          Labels.CANDIDATE,
          applyCreate(Labels.CANDIDATE),
          Labels.EXPERT,
          applyCreate(Labels.EXPERT));

  private static final String MOVE =
      "MATCH (a:"
          + Labels.APPLICATION
          + " {id: $id})"
          + " WITH a, COUNT { (a)-[:"
          + RelTypes.MOVED
          + "]->(:"
          + Labels.STAGE_CHANGE
          + ") } + 1 AS seq"
          + " SET a.stage = $to, a.round = $round, a.updatedAt = date(),"
          + " a.closedAt = CASE WHEN $final THEN date() ELSE null END"
          + " CREATE (a)-[:"
          + RelTypes.MOVED
          + "]->(:"
          + Labels.STAGE_CHANGE
          + " {id: $id + '-' + seq, seq: seq,"
          + " from: $from, to: $to, round: $round, at: datetime(), actor: $actor, reason: $reason})";
  private static final String HIRE =
      "MATCH (p)-[:"
          + RelTypes.APPLIED
          + "]->(a:"
          + Labels.APPLICATION
          + " {id: $id})-[:"
          + RelTypes.TO
          + "]->(o:"
          + Labels.JOB_OPENING
          + ")"
          + " OPTIONAL MATCH (o)-[:"
          + RelTypes.HIRES_FOR
          + "]->(t:"
          + Labels.TEAM
          + ")"
          + " WITH p, o, t, p:"
          + Labels.EXPERT
          + " AS internal"
          + " FOREACH (_ IN CASE WHEN internal THEN [] ELSE [1] END |"
          + "   SET p:"
          + Labels.EXPERT
          + ", p.status = 'active', p.hiredAt = date(), p.title = o.title,"
          + "   p.department = coalesce(o.department, t.department), p.grade = o.grade)"
          + " WITH p, o, t"
          + " OPTIONAL MATCH (p)-[old:"
          + RelTypes.MEMBER_OF
          + "]->(other:"
          + Labels.TEAM
          + ") WHERE t IS NOT NULL AND other <> t"
          + " WITH p, o, t, collect(old) AS olds"
          + " FOREACH (x IN olds | DELETE x)"
          + " FOREACH (team IN CASE WHEN t IS NULL THEN [] ELSE [t] END |"
          + "   MERGE (p)-[m:"
          + RelTypes.MEMBER_OF
          + "]->(team) ON CREATE SET m.since = date())"
          + " WITH o, COUNT { (o)<-[:"
          + RelTypes.TO
          + "]-(:"
          + Labels.APPLICATION
          + " {stage: "
          + Stage.HIRED.cypher()
          + "}) } AS hires"
          + " FOREACH (_ IN CASE WHEN hires >= coalesce(o.headcount, 1) AND coalesce(o.status, '') <> 'closed' THEN [1]"
          + "   ELSE [] END | SET o.status = 'closed', o.closedAt = date())"
          + " RETURN hires";

  /**
   * Takes the write lock on the application's opening and counts its hires: two moves to HIRED on
   * one opening run one after the other, and the second sees the first's hire.
   */
  private static final String LOCK_OPENING_FOR_HIRE =
      "MATCH (:"
          + Labels.APPLICATION
          + " {id: $id})-[:"
          + RelTypes.TO
          + "]->(o:"
          + Labels.JOB_OPENING
          + ") SET o._lock = true REMOVE o._lock"
          + " RETURN o.id AS opening, coalesce(o.headcount, 1) AS headcount, COUNT { (o)<-[:"
          + RelTypes.TO
          + "]-(:"
          + Labels.APPLICATION
          + " {stage: "
          + Stage.HIRED.cypher()
          + "}) } AS hires";

  /** Takes the write lock on the application and reads where it is and its opening's rounds. */
  private static final String LOCK_APPLICATION =
      "MATCH (a:"
          + Labels.APPLICATION
          + " {id: $id}) SET a._lock = true"
          + " REMOVE a._lock WITH a OPTIONAL MATCH (a)-[:"
          + RelTypes.TO
          + "]->(o:"
          + Labels.JOB_OPENING
          + ")"
          + " RETURN a.stage AS stage, a.round AS round, o.interviewRounds AS rounds";

  private static final String RECORD_ASSESSMENT =
      "MATCH (p)-[:"
          + RelTypes.APPLIED
          + "]->(a:"
          + Labels.APPLICATION
          + " {id: $app}) CREATE (a)-[:"
          + RelTypes.HAS_ASSESSMENT
          + "]->(x:"
          + Labels.ASSESSMENT
          + " {id: $id, at: datetime(),"
          + " method: $method, assessor: $assessor, overall: $overall, source: 'api'})"
          + " WITH p, x UNWIND $levels AS l MATCH (s:"
          + Labels.SKILL
          + " {id: l.skillId})"
          + " CREATE (x)-[:"
          + RelTypes.MEASURED
          + " {level: l.level}]->(s)"
          + " FOREACH (_ IN CASE WHEN $update THEN [1] ELSE [] END |"
          + "   MERGE (p)-[h:"
          + RelTypes.HAS_SKILL
          + "]->(s) SET h.level = l.level, h.evidence = $evidence,"
          + "   h.source = 'assessment', h.since = date())";
  private static final String INTERVIEW_CHECK =
      "OPTIONAL MATCH (x:"
          + Labels.EXPERT
          + " {id: $interviewer})"
          + " RETURN x IS NOT NULL AS found, EXISTS { MATCH (:"
          + Labels.APPLICATION
          + " {id: $app})-[:"
          + RelTypes.HAS_INTERVIEW
          + "]->(i:"
          + Labels.INTERVIEW
          + " {round: $round})-[:"
          + RelTypes.INTERVIEWED_BY
          + "]->(x) } AS done";
  private static final String RECORD_INTERVIEW =
      "MATCH (a:"
          + Labels.APPLICATION
          + " {id: $app}), (x:"
          + Labels.EXPERT
          + " {id: $interviewer}) CREATE (a)-[:"
          + RelTypes.HAS_INTERVIEW
          + "]->(i:"
          + Labels.INTERVIEW
          + " {id: $id,"
          + " round: $round, at: datetime(), competencies: $competencies, scores: $scores, overall: $overall,"
          + " recommendation: $recommendation, source: 'api'})-[:"
          + RelTypes.INTERVIEWED_BY
          + "]->(x)"
          + " FOREACH (f IN CASE WHEN $feedback IS NULL THEN [] ELSE [$feedback] END |"
          + "   CREATE (i)-[:"
          + RelTypes.HAS_PERSONAL_DATA
          + "]->(:"
          + Labels.PERSONAL_DATA
          + " {interviewId: $id, "
          + Props.FEEDBACK
          + ": f}))";

  private static String applyCheck(String label) {
    return "OPTIONAL MATCH (o:"
        + Labels.JOB_OPENING
        + " {id: $openingId}) SET o._lock = true REMOVE o._lock"
        + " WITH o OPTIONAL MATCH (p:"
        + label
        + " {id: $applicantId})"
        + " RETURN o IS NOT NULL AS opening, o.status AS status, p IS NOT NULL AS applicant,"
        + " [(p)-[:"
        + RelTypes.APPLIED
        + "]->(a:"
        + Labels.APPLICATION
        + ")-[:"
        + RelTypes.TO
        + "]->(o)"
        + " WHERE NOT a.stage IN "
        + Stage.cypherList(Stage.FINAL)
        + " | a.id] AS live";
  }

  private static String applyCreate(String label) {
    return "MATCH (o:"
        + Labels.JOB_OPENING
        + " {id: $openingId}), (p:"
        + label
        + " {id: $applicantId})"
        + " CREATE (p)-[:"
        + RelTypes.APPLIED
        + "]->(a:"
        + Labels.APPLICATION
        + " {id: $id, stage: "
        + Stage.APPLIED.cypher()
        + ", appliedAt: date(), updatedAt: date(), source: 'api'})-[:"
        + RelTypes.TO
        + "]->(o)"
        + " CREATE (a)-[:"
        + RelTypes.MOVED
        + "]->(:"
        + Labels.STAGE_CHANGE
        + " {id: $id + '-1', seq: 1,"
        + " to: "
        + Stage.APPLIED.cypher()
        + ", at: datetime(), actor: $actor, reason: "
        + Stage.APPLIED.cypher()
        + "})";
  }

  private final CypherGateway cypher;
  private final FieldCipher cipher;

  RecruitingService(CypherGateway cypher, FieldCipher cipher) {
    this.cypher = cypher;
    this.cipher = cipher;
  }

  // ---------------------------------------------------------------- reads

  Mono<OpeningNode> opening(String id, RoundTrips rt) {
    return cypher
        .read(rt, RecruitingNodes.OPENING_BY_ID, Map.of("id", id))
        .flatMap(
            rows ->
                rows.isEmpty()
                    ? Mono.empty()
                    : Mono.just(OpeningNode.from(rows.get(0).get("node"))));
  }

  /** One page of openings by id, optionally only those with a status or hiring for a team. */
  Mono<Connection<OpeningNode>> openings(
      Paging.Window window, String status, String teamId, RoundTrips rt) {
    Map<String, Object> params = new HashMap<>();
    params.put("status", lower(status));
    params.put("teamId", teamId);
    params.put("skip", window.offset());
    params.put("limit", window.fetch());
    return cypher
        .read(rt, OPENINGS_PAGE, params)
        .map(
            rows ->
                Paging.connection(
                    window,
                    Vals.list(rows.get(0).get("nodes"), OpeningNode::from),
                    rows.get(0).get("total").asInt()));
  }

  Mono<ApplicationNode> application(String id, RoundTrips rt) {
    return cypher
        .read(rt, RecruitingNodes.APPLICATION_BY_ID, Map.of("id", id))
        .flatMap(
            rows ->
                rows.isEmpty()
                    ? Mono.empty()
                    : Mono.just(ApplicationNode.from(rows.get(0).get("node"))));
  }

  Mono<Candidate> candidate(String id, RoundTrips rt) {
    return cypher
        .read(rt, CANDIDATE_BY_ID, Map.of("id", id))
        .flatMap(
            rows ->
                rows.isEmpty()
                    ? Mono.empty()
                    : Mono.just(
                        new Candidate(
                            rows.get(0).get("id").asString(), Vals.str(rows.get(0).get("name")))));
  }

  /**
   * The applications to an opening, optionally only those in {@code stage} (any of its graph
   * spellings).
   */
  Mono<List<ApplicationNode>> applications(String openingId, Stage stage, RoundTrips rt) {
    Map<String, Object> params = new HashMap<>();
    params.put("id", openingId);
    params.put("stages", stage == null ? null : stage.graphSpellings());
    return cypher
        .read(rt, OPENING_APPLICATIONS, params)
        .map(rows -> rows.stream().map(r -> ApplicationNode.from(r.get("node"))).toList());
  }

  Mono<List<ApplicationNode>> candidateApplications(String candidateId, RoundTrips rt) {
    return cypher
        .read(rt, CANDIDATE_APPLICATIONS, Map.of("id", candidateId))
        .map(rows -> rows.stream().map(r -> ApplicationNode.from(r.get("node"))).toList());
  }

  Mono<List<ExpertSkill>> candidateSkills(String candidateId, RoundTrips rt) {
    return cypher
        .read(rt, CANDIDATE_SKILLS, Map.of("id", candidateId))
        .map(rows -> rows.stream().map(r -> ExpertSkill.from(r.get("skill"))).toList());
  }

  /**
   * The decrypted feedback of an interview; the caller has passed {@code
   * AccessPolicy.mayReadFeedback}.
   */
  Mono<String> feedback(String interviewId, RoundTrips rt) {
    return cypher
        .read(rt, INTERVIEW_FEEDBACK, Map.of("id", interviewId))
        .flatMap(
            rows -> {
              String sealed = rows.isEmpty() ? null : Vals.str(rows.get(0).get("feedback"));
              if (sealed == null) return Mono.empty();
              return Mono.just(
                  sealed.startsWith(FieldCipher.PREFIX)
                      ? cipher.decrypt(sealed, FieldCipher.aad(interviewId, Props.FEEDBACK))
                      : sealed);
            });
  }

  // ---------------------------------------------------------------- openings

  Mono<OpeningPayload> createOpening(CreateOpeningInput input, RoundTrips rt) {
    List<UserError> errors = new ArrayList<>();
    Writes.optionalText(errors, "id", input.id(), MAX_ID);
    Writes.requireText(errors, "title", input.title(), MAX_NAME);
    Writes.requireText(errors, "teamId", input.teamId(), MAX_ID);
    openingText(errors, input.description(), input.location(), input.country(), input.city());
    int rounds =
        input.interviewRounds() == null ? StageMachine.DEFAULT_ROUNDS : input.interviewRounds();
    int headcount = input.headcount() == null ? 1 : input.headcount();
    rounds(errors, rounds);
    headcount(errors, headcount);
    var requires = requirements(errors, input.requires());
    var team = hiringTeam(errors, input.hiringTeam());
    String id = Writes.blank(input.id()) ? "j-" + shortId() : input.id().strip();
    Map<String, Object> props =
        NodeWrites.props(
            "title",
            strip(input.title()),
            "name",
            strip(input.title()),
            "description",
            input.description(),
            "location",
            input.location(),
            "country",
            input.country(),
            "city",
            input.city(),
            "remotePolicy",
            lower(input.remotePolicy()),
            "interviewRounds",
            rounds,
            "headcount",
            headcount);
    props.putAll(OpeningInputs.openingPlace(errors, input.place(), input.country()));
    props.putAll(OpeningInputs.posting(errors, input.posting()));
    return Writes.run(
        cypher,
        rt,
        errors,
        OpeningPayload::failed,
        tx ->
            NodeWrites.exists(tx, Labels.JOB_OPENING, id)
                .thenCompose(
                    found ->
                        found
                            ? Writes.done(
                                OpeningPayload.failed(
                                    List.of(UserError.duplicate("id", "job opening", id))))
                            : references(tx, input.teamId(), input.requires(), input.hiringTeam())
                                .thenCompose(
                                    missing ->
                                        !missing.isEmpty()
                                            ? Writes.done(OpeningPayload.failed(missing))
                                            : tx.run(
                                                    CREATE_OPENING,
                                                    Map.of(
                                                        "teamId",
                                                        input.teamId(),
                                                        "id",
                                                        id,
                                                        "props",
                                                        Writes.nonNull(props)))
                                                .thenCompose(x -> links(tx, id, requires, team))
                                                .thenCompose(x -> readOpening(tx, id))
                                                .thenApply(o -> new OpeningPayload(o, List.of())))),
        UserError.duplicate("id", "job opening", id));
  }

  Mono<OpeningPayload> updateOpening(UpdateOpeningInput input, RoundTrips rt) {
    List<UserError> errors = new ArrayList<>();
    Writes.requireText(errors, "id", input.id(), MAX_ID);
    if (input.title() != null) Writes.requireText(errors, "title", input.title(), MAX_NAME);
    if (input.teamId() != null) Writes.requireText(errors, "teamId", input.teamId(), MAX_ID);
    openingText(errors, input.description(), input.location(), input.country(), input.city());
    if (input.interviewRounds() != null) rounds(errors, input.interviewRounds());
    if (input.headcount() != null) headcount(errors, input.headcount());
    var requires = input.requires() == null ? null : requirements(errors, input.requires());
    var team = input.hiringTeam() == null ? null : hiringTeam(errors, input.hiringTeam());
    String status = lower(input.status());
    Map<String, Object> props =
        NodeWrites.props(
            "title",
            strip(input.title()),
            "name",
            strip(input.title()),
            "description",
            input.description(),
            "location",
            input.location(),
            "country",
            input.country(),
            "city",
            input.city(),
            "remotePolicy",
            lower(input.remotePolicy()),
            "interviewRounds",
            input.interviewRounds(),
            "headcount",
            input.headcount(),
            "status",
            status);
    props.putAll(OpeningInputs.openingPlace(errors, input.place(), input.country()));
    props.putAll(OpeningInputs.posting(errors, input.posting()));
    String id = input.id();
    return Writes.run(
        cypher,
        rt,
        errors,
        OpeningPayload::failed,
        tx ->
            NodeWrites.exists(tx, Labels.JOB_OPENING, id)
                .thenCompose(
                    found ->
                        !found
                            ? Writes.done(
                                OpeningPayload.failed(
                                    List.of(UserError.notFound("id", "job opening", id))))
                            : references(tx, input.teamId(), input.requires(), input.hiringTeam())
                                .thenCompose(
                                    missing ->
                                        !missing.isEmpty()
                                            ? Writes.done(OpeningPayload.failed(missing))
                                            : roundsInUse(tx, id, input.interviewRounds())
                                                .thenCompose(
                                                    inUse ->
                                                        !inUse.isEmpty()
                                                            ? Writes.done(
                                                                OpeningPayload.failed(inUse))
                                                            : tx.run(
                                                                    UPDATE_OPENING,
                                                                    nullable(
                                                                        "id",
                                                                        id,
                                                                        "props",
                                                                        Writes.nonNull(props),
                                                                        "status",
                                                                        status,
                                                                        "teamId",
                                                                        input.teamId()))
                                                                .thenCompose(
                                                                    x ->
                                                                        links(
                                                                            tx, id, requires, team))
                                                                .thenCompose(
                                                                    x -> readOpening(tx, id))
                                                                .thenApply(
                                                                    o ->
                                                                        new OpeningPayload(
                                                                            o, List.of()))))),
        null);
  }

  /** Closes an opening; closing a closed one changes nothing (safe to repeat). */
  Mono<OpeningPayload> closeOpening(CloseOpeningInput input, RoundTrips rt) {
    String id = input.id();
    List<UserError> errors = new ArrayList<>();
    Writes.requireText(errors, "id", id, MAX_ID);
    return Writes.run(
        cypher,
        rt,
        errors,
        OpeningPayload::failed,
        tx ->
            tx.run(CLOSE_OPENING, Map.of("id", id))
                .thenCompose(x -> readOpening(tx, id))
                .thenApply(
                    o ->
                        o == null
                            ? OpeningPayload.failed(
                                List.of(UserError.notFound("id", "job opening", id)))
                            : new OpeningPayload(o, List.of())),
        null);
  }

  private static void openingText(
      List<UserError> errors, String description, String location, String country, String city) {
    Writes.optionalText(errors, "description", description, MAX_TEXT);
    Writes.optionalText(errors, "location", location, MAX_NAME);
    Writes.optionalText(errors, "country", country, MAX_NAME);
    Writes.optionalText(errors, "city", city, MAX_NAME);
  }

  private static void rounds(List<UserError> errors, int rounds) {
    if (rounds < StageMachine.MIN_ROUNDS || rounds > StageMachine.MAX_ROUNDS) {
      errors.add(
          UserError.outOfRange(
              "interviewRounds", rounds, StageMachine.MIN_ROUNDS, StageMachine.MAX_ROUNDS));
    }
  }

  private static void headcount(List<UserError> errors, int headcount) {
    if (headcount < 1) errors.add(UserError.outOfRange("headcount", headcount, 1, 10_000));
    else if (headcount > 10_000)
      errors.add(UserError.outOfRange("headcount", headcount, 1, 10_000));
  }

  private static List<Map<String, Object>> requirements(
      List<UserError> errors, List<RequirementInput> requires) {
    List<Map<String, Object>> rows = new ArrayList<>();
    if (requires == null) return rows;
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < requires.size(); i++) {
      var r = requires.get(i);
      Writes.requireText(errors, "requires[" + i + "].skillId", r.skillId(), MAX_ID);
      Writes.level(errors, "requires[" + i + "].level", r.level(), false);
      if (r.skillId() != null && !seen.add(r.skillId())) {
        errors.add(
            UserError.invalid(
                "requires[" + i + "].skillId", "skill '" + r.skillId() + "' is listed twice"));
      }
      Map<String, Object> row = new HashMap<>();
      row.put("skillId", String.valueOf(r.skillId()));
      row.put("level", r.level());
      row.put("required", r.required() == null ? Boolean.TRUE : r.required());
      rows.add(row);
    }
    return rows;
  }

  private static List<Map<String, Object>> hiringTeam(
      List<UserError> errors, List<HiringTeamInput> team) {
    List<Map<String, Object>> rows = new ArrayList<>();
    if (team == null) return rows;
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < team.size(); i++) {
      var m = team.get(i);
      Writes.requireText(errors, "hiringTeam[" + i + "].expertId", m.expertId(), MAX_ID);
      if (m.expertId() != null && !seen.add(m.expertId())) {
        errors.add(
            UserError.invalid(
                "hiringTeam[" + i + "].expertId", "expert '" + m.expertId() + "' is listed twice"));
      }
      rows.add(Map.of("expertId", String.valueOf(m.expertId()), "role", lower(m.role())));
    }
    return rows;
  }

  /** NOT_FOUND errors for the team, skills and hiring-team experts named by the input. */
  private static CompletionStage<List<UserError>> references(
      CypherGateway.Tx tx,
      String teamId,
      List<RequirementInput> requires,
      List<HiringTeamInput> team) {
    List<UserError> missing = new ArrayList<>();
    List<String> skills =
        requires == null ? List.of() : requires.stream().map(RequirementInput::skillId).toList();
    List<String> experts =
        team == null ? List.of() : team.stream().map(HiringTeamInput::expertId).toList();
    CompletionStage<Void> t =
        teamId == null
            ? Writes.done(null)
            : NodeWrites.exists(tx, Labels.TEAM, teamId)
                .thenAccept(
                    found -> {
                      if (!found) missing.add(UserError.notFound("teamId", "team", teamId));
                    });
    return t.thenCompose(x -> NodeWrites.missing(tx, Labels.SKILL, skills))
        .thenAccept(
            idx ->
                idx.forEach(
                    i ->
                        missing.add(
                            UserError.notFound(
                                "requires[" + i + "].skillId", "skill", skills.get(i)))))
        .thenCompose(x -> NodeWrites.missing(tx, Labels.EXPERT, experts))
        .thenApply(
            idx -> {
              idx.forEach(
                  i ->
                      missing.add(
                          UserError.notFound(
                              "hiringTeam[" + i + "].expertId", "expert", experts.get(i))));
              return missing;
            });
  }

  /** Fewer rounds than a live application is already in would strand it. */
  private static CompletionStage<List<UserError>> roundsInUse(
      CypherGateway.Tx tx, String id, Integer rounds) {
    if (rounds == null) return Writes.done(List.of());
    return tx.run(ROUNDS_IN_USE, Map.of("id", id, "rounds", rounds))
        .thenApply(
            rows ->
                rows.get(0).get("round").isNull()
                    ? List.of()
                    : List.of(
                        UserError.invalid(
                            "interviewRounds",
                            "an application of this opening is already in interview round "
                                + rows.get(0).get("round").asInt()
                                + "; interviewRounds must be at least that")));
  }

  /**
   * Replaces the REQUIRES and ON_HIRING_TEAM links of an opening (a null list leaves them alone).
   */
  private static CompletionStage<Void> links(
      CypherGateway.Tx tx,
      String id,
      List<Map<String, Object>> requires,
      List<Map<String, Object>> team) {
    CompletionStage<Void> r =
        requires == null
            ? Writes.done(null)
            : NodeWrites.replaceSkillLinks(
                tx,
                Labels.JOB_OPENING,
                id,
                RelTypes.REQUIRES,
                requires.stream()
                    .map(
                        row ->
                            Map.<String, Object>of(
                                "skillId",
                                row.get("skillId"),
                                "props",
                                Writes.nonNull(
                                    NodeWrites.props(
                                        Props.LEVEL,
                                        row.get("level"),
                                        Props.REQUIRED,
                                        row.get("required")))))
                    .toList());
    return r.thenCompose(
        x ->
            team == null
                ? Writes.done(null)
                : tx.run(REPLACE_HIRING_TEAM, Map.of("id", id, "team", team)).thenApply(y -> null));
  }

  private static CompletionStage<OpeningNode> readOpening(CypherGateway.Tx tx, String id) {
    return tx.run(RecruitingNodes.OPENING_BY_ID, Map.of("id", id))
        .thenApply(rows -> rows.isEmpty() ? null : OpeningNode.from(rows.get(0).get("node")));
  }

  // ---------------------------------------------------------------- candidates and applications

  Mono<CandidatePayload> createCandidate(CreateCandidateInput input, RoundTrips rt) {
    List<UserError> errors = new ArrayList<>();
    Writes.optionalText(errors, "id", input.id(), MAX_ID);
    Writes.requireText(errors, "name", input.name(), MAX_NAME);
    List<Map<String, Object>> skills = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<String> skillIds = new ArrayList<>();
    if (input.skills() != null) {
      for (int i = 0; i < input.skills().size(); i++) {
        var s = input.skills().get(i);
        Writes.requireText(errors, "skills[" + i + "].skillId", s.skillId(), MAX_ID);
        Writes.level(errors, "skills[" + i + "].level", s.level(), true);
        if (s.skillId() != null && !seen.add(s.skillId())) {
          errors.add(
              UserError.invalid(
                  "skills[" + i + "].skillId", "skill '" + s.skillId() + "' is listed twice"));
        }
        skillIds.add(String.valueOf(s.skillId()));
        skills.add(
            Map.of(
                "skillId",
                String.valueOf(s.skillId()),
                "props",
                Writes.nonNull(
                    NodeWrites.props(
                        Props.LEVEL, s.level(), Props.SOURCE, "api", Props.EVIDENCE, "api"))));
      }
    }
    String id = Writes.blank(input.id()) ? "cand-" + shortId() : input.id().strip();
    Map<String, Object> candidateProps = OpeningInputs.personPlace(errors, input.place());
    candidateProps.put("name", strip(input.name()));
    return Writes.run(
        cypher,
        rt,
        errors,
        CandidatePayload::failed,
        tx ->
            tx.run(PERSON_ID_TAKEN, Map.of("id", id))
                .thenCompose(
                    taken ->
                        taken.get(0).get("taken").asBoolean()
                            ? Writes.done(
                                CandidatePayload.failed(
                                    List.of(UserError.duplicate("id", "candidate or expert", id))))
                            : NodeWrites.missing(tx, Labels.SKILL, skillIds)
                                .thenCompose(
                                    idx ->
                                        !idx.isEmpty()
                                            ? Writes.done(
                                                CandidatePayload.failed(
                                                    idx.stream()
                                                        .map(
                                                            i ->
                                                                UserError.notFound(
                                                                    "skills[" + i + "].skillId",
                                                                    "skill",
                                                                    skillIds.get(i)))
                                                        .toList()))
                                            : NodeWrites.create(
                                                    tx,
                                                    Labels.CANDIDATE,
                                                    id,
                                                    candidateProps,
                                                    ".id, .name")
                                                .thenCompose(
                                                    v ->
                                                        NodeWrites.replaceSkillLinks(
                                                                tx,
                                                                Labels.CANDIDATE,
                                                                id,
                                                                RelTypes.HAS_SKILL,
                                                                skills)
                                                            .thenApply(
                                                                x ->
                                                                    new CandidatePayload(
                                                                        new Candidate(
                                                                            id,
                                                                            Vals.str(
                                                                                v.get("name"))),
                                                                        List.of()))))),
        UserError.duplicate("id", "candidate", id));
  }

  Mono<ApplicationPayload> apply(ApplyInput input, RoundTrips rt, String actor) {
    List<UserError> errors = new ArrayList<>();
    Writes.requireText(errors, "openingId", input.openingId(), MAX_ID);
    boolean byCandidate = !Writes.blank(input.candidateId());
    boolean byExpert = !Writes.blank(input.expertId());
    if (byCandidate == byExpert) {
      errors.add(
          UserError.invalid(
              byCandidate ? "expertId" : "candidateId",
              "give exactly one of candidateId"
                  + " (an external candidate) and expertId (internal mobility)"));
    }
    String field = byCandidate ? "candidateId" : "expertId";
    String label = byCandidate ? Labels.CANDIDATE : Labels.EXPERT;
    String applicantId = byCandidate ? input.candidateId() : input.expertId();
    String id = "a-" + shortId();
    return Writes.run(
        cypher,
        rt,
        errors,
        ApplicationPayload::failed,
        // the write lock on the opening serialises applications to it (no two live ones of one
        // person)
        tx ->
            tx.run(
                    APPLY_CHECK.get(label),
                    Map.of("openingId", input.openingId(), "applicantId", applicantId))
                .thenCompose(
                    rows -> {
                      Record r = rows.get(0);
                      List<UserError> found = new ArrayList<>();
                      if (!r.get("opening").asBoolean())
                        found.add(
                            UserError.notFound("openingId", "job opening", input.openingId()));
                      if (!r.get("applicant").asBoolean()) {
                        found.add(
                            UserError.notFound(
                                field, byCandidate ? "candidate" : "expert", applicantId));
                      }
                      if (found.isEmpty() && "closed".equals(Vals.str(r.get("status")))) {
                        found.add(
                            UserError.invalid(
                                "openingId",
                                "job opening '"
                                    + input.openingId()
                                    + "' is closed; it takes no applications"));
                      }
                      if (found.isEmpty() && !r.get("live").isEmpty()) {
                        found.add(
                            new UserError(
                                field,
                                "'"
                                    + applicantId
                                    + "' already has a live application ("
                                    + r.get("live").get(0).asString()
                                    + ") to job opening '"
                                    + input.openingId()
                                    + "'",
                                UserError.Code.DUPLICATE));
                      }
                      if (!found.isEmpty()) return Writes.done(ApplicationPayload.failed(found));
                      return tx.run(
                              APPLY.get(label),
                              Map.of(
                                  "openingId",
                                  input.openingId(),
                                  "applicantId",
                                  applicantId,
                                  "id",
                                  id,
                                  "actor",
                                  actor))
                          .thenCompose(x -> readApplication(tx, id))
                          .thenApply(a -> new ApplicationPayload(a, List.of()));
                    }),
        null);
  }

  // ---------------------------------------------------------------- moves

  Mono<MoveApplicationPayload> moveApplication(
      MoveApplicationInput input, RoundTrips rt, String actor) {
    String applicationId = input.applicationId();
    Stage to = input.to();
    String reason = input.reason();
    List<UserError> errors = new ArrayList<>();
    Writes.requireText(errors, "applicationId", applicationId, MAX_ID);
    Writes.optionalText(errors, "reason", reason, MAX_TEXT);
    if (to == null) errors.add(UserError.required("to"));
    return Writes.run(
        cypher,
        rt,
        errors,
        MoveApplicationPayload::failed,
        tx ->
            lockApplication(tx, applicationId)
                .thenCompose(
                    rows -> {
                      if (rows.isEmpty()) {
                        return Writes.done(
                            MoveApplicationPayload.failed(
                                List.of(
                                    UserError.notFound(
                                        "applicationId", "application", applicationId))));
                      }
                      Record r = rows.get(0);
                      Stage stage = Stage.fromGraph(Vals.str(r.get("stage")));
                      int rounds = StageMachine.rounds(Vals.integer(r.get("rounds")));
                      StageMachine.Move move =
                          StageMachine.move(stage, Vals.integer(r.get("round")), rounds, to);
                      if (!move.ok()) {
                        return readApplication(tx, applicationId)
                            .thenApply(
                                a ->
                                    new MoveApplicationPayload(
                                        a,
                                        move.from().stage(),
                                        move.from().round(),
                                        move.allowed(),
                                        List.of(
                                            new UserError(
                                                "to",
                                                "application '"
                                                    + applicationId
                                                    + "': "
                                                    + move.error(),
                                                UserError.Code.INVALID_TRANSITION))));
                      }
                      if (to == Stage.HIRED) {
                        return tx.run(LOCK_OPENING_FOR_HIRE, Map.of("id", applicationId))
                            .thenCompose(
                                o -> {
                                  if (!o.isEmpty()
                                      && o.get(0).get("hires").asLong()
                                          >= o.get(0).get("headcount").asLong()) {
                                    return readApplication(tx, applicationId)
                                        .thenApply(
                                            a ->
                                                new MoveApplicationPayload(
                                                    a,
                                                    move.from().stage(),
                                                    move.from().round(),
                                                    a.allowedMoves(),
                                                    List.of(
                                                        new UserError(
                                                            "to",
                                                            "opening '"
                                                                + o.get(0).get("opening").asString()
                                                                + "' has filled its headcount of "
                                                                + o.get(0).get("headcount").asLong()
                                                                + "; raise it before hiring again",
                                                            UserError.Code.INVALID_TRANSITION))));
                                  }
                                  return applyMove(
                                      tx, applicationId, stage, to, move, actor, reason);
                                });
                      }
                      return applyMove(tx, applicationId, stage, to, move, actor, reason);
                    }),
        null);
  }

  private static CompletionStage<MoveApplicationPayload> applyMove(
      CypherGateway.Tx tx,
      String applicationId,
      Stage stage,
      Stage to,
      StageMachine.Move move,
      String actor,
      String reason) {
    Map<String, Object> params = new HashMap<>();
    params.put("id", applicationId);
    params.put("from", stage.graph());
    params.put("to", to.graph());
    params.put("round", move.to().round());
    params.put("final", to.isFinal());
    params.put("actor", actor);
    params.put("reason", reason);
    CompletionStage<List<Record>> moved = tx.run(MOVE, params);
    if (to == Stage.HIRED) moved = moved.thenCompose(x -> hire(tx, applicationId));
    return moved
        .thenCompose(x -> readApplication(tx, applicationId))
        .thenApply(
            a ->
                new MoveApplicationPayload(
                    a, move.from().stage(), move.from().round(), a.allowedMoves(), List.of()));
  }

  /**
   * ADR 0006 "Hiring", in the move's transaction: an external candidate also becomes an Expert
   * (same node) with status, hire date, title, department and grade from the opening; everyone
   * hired joins the opening's team (an internal mover leaves their old one); the opening closes at
   * its headcount.
   */
  private static CompletionStage<List<Record>> hire(CypherGateway.Tx tx, String applicationId) {
    return tx.run(HIRE, Map.of("id", applicationId));
  }

  private static CompletionStage<List<Record>> lockApplication(
      CypherGateway.Tx tx, String applicationId) {
    return tx.run(LOCK_APPLICATION, Map.of("id", applicationId));
  }

  private static CompletionStage<ApplicationNode> readApplication(CypherGateway.Tx tx, String id) {
    return tx.run(RecruitingNodes.APPLICATION_BY_ID, Map.of("id", id))
        .thenApply(rows -> rows.isEmpty() ? null : ApplicationNode.from(rows.get(0).get("node")));
  }

  // ---------------------------------------------------------------- assessments and interviews

  private static final Set<Stage> ASSESSABLE =
      Set.of(Stage.ASSESSMENT, Stage.INTERVIEW, Stage.OFFER);

  Mono<AssessmentPayload> recordAssessment(
      RecordAssessmentInput input, RoundTrips rt, String actor) {
    List<UserError> errors = new ArrayList<>();
    Writes.requireText(errors, "applicationId", input.applicationId(), MAX_ID);
    Writes.requireText(errors, "method", input.method(), MAX_NAME);
    Writes.optionalText(errors, "assessor", input.assessor(), MAX_NAME);
    List<Map<String, Object>> levels = new ArrayList<>();
    List<String> skillIds = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    if (input.levels() == null || input.levels().isEmpty())
      errors.add(UserError.required("levels"));
    else {
      for (int i = 0; i < input.levels().size(); i++) {
        var l = input.levels().get(i);
        Writes.requireText(errors, "levels[" + i + "].skillId", l.skillId(), MAX_ID);
        Writes.level(errors, "levels[" + i + "].level", l.level(), true);
        if (l.skillId() != null && !seen.add(l.skillId())) {
          errors.add(
              UserError.invalid(
                  "levels[" + i + "].skillId", "skill '" + l.skillId() + "' is listed twice"));
        }
        skillIds.add(String.valueOf(l.skillId()));
        levels.add(NodeWrites.props("skillId", String.valueOf(l.skillId()), "level", l.level()));
      }
    }
    String id = "as-" + shortId();
    return Writes.run(
        cypher,
        rt,
        errors,
        AssessmentPayload::failed,
        tx ->
            lockApplication(tx, input.applicationId())
                .thenCompose(
                    rows -> {
                      if (rows.isEmpty()) {
                        return Writes.done(
                            AssessmentPayload.failed(
                                List.of(
                                    UserError.notFound(
                                        "applicationId", "application", input.applicationId()))));
                      }
                      Stage stage = Stage.fromGraph(Vals.str(rows.get(0).get("stage")));
                      if (!ASSESSABLE.contains(stage)) {
                        return Writes.done(
                            AssessmentPayload.failed(
                                List.of(
                                    UserError.invalid(
                                        "applicationId",
                                        "application '"
                                            + input.applicationId()
                                            + "' is in "
                                            + stage
                                            + "; assessments are recorded in ASSESSMENT, INTERVIEW"
                                            + " or OFFER"))));
                      }
                      return NodeWrites.missing(tx, Labels.SKILL, skillIds)
                          .thenCompose(
                              idx -> {
                                if (!idx.isEmpty()) {
                                  return Writes.done(
                                      AssessmentPayload.failed(
                                          idx.stream()
                                              .map(
                                                  i ->
                                                      UserError.notFound(
                                                          "levels[" + i + "].skillId",
                                                          "skill",
                                                          skillIds.get(i)))
                                              .toList()));
                                }
                                double overall =
                                    input.levels().stream()
                                        .mapToInt(MeasuredSkillInput::level)
                                        .average()
                                        .orElse(0);
                                Map<String, Object> params = new HashMap<>();
                                params.put("app", input.applicationId());
                                params.put("id", id);
                                params.put("method", input.method().strip());
                                params.put(
                                    "assessor",
                                    Writes.blank(input.assessor())
                                        ? actor
                                        : input.assessor().strip());
                                params.put("overall", overall);
                                params.put("levels", levels);
                                params.put("update", Boolean.TRUE.equals(input.updateSkills()));
                                params.put("evidence", "assessment " + id);
                                return tx.run(RECORD_ASSESSMENT, params)
                                    .thenCompose(x -> readApplication(tx, input.applicationId()))
                                    .thenApply(
                                        a ->
                                            new AssessmentPayload(
                                                a.assessments().stream()
                                                    .filter(s -> id.equals(s.id()))
                                                    .findFirst()
                                                    .orElse(null),
                                                a,
                                                List.of()));
                              });
                    }),
        null);
  }

  Mono<InterviewPayload> recordInterview(RecordInterviewInput input, RoundTrips rt) {
    List<UserError> errors = new ArrayList<>();
    Writes.requireText(errors, "applicationId", input.applicationId(), MAX_ID);
    Writes.requireText(errors, "interviewerId", input.interviewerId(), MAX_ID);
    Writes.optionalText(errors, "feedback", input.feedback(), MAX_TEXT);
    if (input.round() == null) errors.add(UserError.required("round"));
    else if (input.round() < StageMachine.MIN_ROUNDS || input.round() > StageMachine.MAX_ROUNDS) {
      errors.add(
          UserError.outOfRange(
              "round", input.round(), StageMachine.MIN_ROUNDS, StageMachine.MAX_ROUNDS));
    }
    if (input.recommendation() == null) errors.add(UserError.required("recommendation"));
    List<String> competencies = new ArrayList<>();
    List<Integer> scores = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    if (input.scores() == null || input.scores().isEmpty())
      errors.add(UserError.required("scores"));
    else {
      for (int i = 0; i < input.scores().size(); i++) {
        var s = input.scores().get(i);
        Writes.requireText(errors, "scores[" + i + "].competency", s.competency(), MAX_NAME);
        if (s.score() == null) errors.add(UserError.required("scores[" + i + "].score"));
        else if (s.score() < 1 || s.score() > 5)
          errors.add(UserError.outOfRange("scores[" + i + "].score", s.score(), 1, 5));
        String c = s.competency() == null ? null : s.competency().strip();
        if (c != null && !c.isEmpty() && !seen.add(c.toLowerCase(Locale.ROOT))) {
          errors.add(
              UserError.invalid(
                  "scores[" + i + "].competency", "competency '" + c + "' is scored twice"));
        }
        competencies.add(c);
        scores.add(s.score());
      }
    }
    String id = "iv-" + shortId();
    return Writes.run(
        cypher,
        rt,
        errors,
        InterviewPayload::failed,
        tx ->
            lockApplication(tx, input.applicationId())
                .thenCompose(
                    rows -> {
                      if (rows.isEmpty()) {
                        return Writes.done(
                            InterviewPayload.failed(
                                List.of(
                                    UserError.notFound(
                                        "applicationId", "application", input.applicationId()))));
                      }
                      Record r = rows.get(0);
                      Stage stage = Stage.fromGraph(Vals.str(r.get("stage")));
                      int rounds = StageMachine.rounds(Vals.integer(r.get("rounds")));
                      Integer current = StageMachine.round(stage, Vals.integer(r.get("round")));
                      int round = input.round();
                      boolean reached =
                          stage == Stage.INTERVIEW
                              ? current != null && round <= current
                              : stage == Stage.OFFER;
                      if (round > rounds) {
                        return Writes.done(
                            InterviewPayload.failed(
                                List.of(UserError.outOfRange("round", round, 1, rounds))));
                      }
                      if (!reached) {
                        return Writes.done(
                            InterviewPayload.failed(
                                List.of(
                                    UserError.invalid(
                                        "round",
                                        "application '"
                                            + input.applicationId()
                                            + "' is in "
                                            + new StageMachine.Position(stage, current).describe()
                                            + "; interview round "
                                            + round
                                            + " can be recorded once the application has reached it (and before a"
                                            + " final stage)"))));
                      }
                      Map<String, Object> params = new HashMap<>();
                      params.put("app", input.applicationId());
                      params.put("id", id);
                      params.put("round", round);
                      params.put("interviewer", input.interviewerId());
                      params.put("competencies", competencies);
                      params.put("scores", scores);
                      params.put(
                          "overall",
                          scores.stream().mapToInt(Integer::intValue).average().orElse(0));
                      params.put("recommendation", input.recommendation().toLowerCase(Locale.ROOT));
                      params.put(
                          "feedback",
                          Writes.blank(input.feedback())
                              ? null
                              : cipher.encrypt(
                                  input.feedback(), FieldCipher.aad(id, Props.FEEDBACK)));
                      return tx.run(INTERVIEW_CHECK, params)
                          .thenCompose(
                              check -> {
                                if (!check.get(0).get("found").asBoolean()) {
                                  return Writes.done(
                                      InterviewPayload.failed(
                                          List.of(
                                              UserError.notFound(
                                                  "interviewerId",
                                                  "expert",
                                                  input.interviewerId()))));
                                }
                                if (check.get(0).get("done").asBoolean()) {
                                  return Writes.done(
                                      InterviewPayload.failed(
                                          List.of(
                                              new UserError(
                                                  "interviewerId",
                                                  "expert '"
                                                      + input.interviewerId()
                                                      + "' already recorded round "
                                                      + round
                                                      + " of application '"
                                                      + input.applicationId()
                                                      + "'",
                                                  UserError.Code.DUPLICATE))));
                                }
                                return tx.run(RECORD_INTERVIEW, params)
                                    .thenCompose(x -> readApplication(tx, input.applicationId()))
                                    .thenApply(
                                        a ->
                                            new InterviewPayload(
                                                a.interviews().stream()
                                                    .filter(i -> id.equals(i.id()))
                                                    .findFirst()
                                                    .orElse(null),
                                                a,
                                                List.of()));
                              });
                    }),
        null);
  }

  // ---------------------------------------------------------------- helpers

  private static String shortId() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  private static String strip(String s) {
    return s == null ? null : s.strip();
  }

  private static String lower(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }

  private static Map<String, Object> nullable(Object... kv) {
    return NodeWrites.props(kv);
  }
}
