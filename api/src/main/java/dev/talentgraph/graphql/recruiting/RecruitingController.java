package dev.talentgraph.graphql.recruiting;

import dev.talentgraph.graphql.CypherGateway;
import dev.talentgraph.graphql.Paging;
import dev.talentgraph.graphql.Paging.Connection;
import dev.talentgraph.graphql.RoundTrips;
import dev.talentgraph.graphql.Vals;
import dev.talentgraph.graphql.expert.ExpertNode.ExpertSkill;
import dev.talentgraph.graphql.recruiting.RecruitingNodes.ApplicationNode;
import dev.talentgraph.graphql.recruiting.RecruitingNodes.Candidate;
import dev.talentgraph.graphql.recruiting.RecruitingNodes.InterviewNode;
import dev.talentgraph.graphql.recruiting.RecruitingNodes.OpeningNode;
import dev.talentgraph.graphql.skill.SkillNode;
import dev.talentgraph.schema.FieldCipher;
import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.Props;
import dev.talentgraph.schema.RelTypes;
import graphql.schema.DataFetchingEnvironment;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Recruiting reads: openings, applications and candidates. Who may read applications (and interview
 * feedback) is decided by {@code FieldAccessRules} / {@code AccessPolicy}, never here.
 */
@Controller
class RecruitingController {
  private final CypherGateway cypher;
  private final Paging paging;
  private final FieldCipher cipher;

  RecruitingController(CypherGateway cypher, Paging paging, FieldCipher cipher) {
    this.cypher = cypher;
    this.paging = paging;
    this.cipher = cipher;
  }

  /** Reads one application by id (also used by the mutations for their payloads). */
  static String applicationById() {
    return "MATCH (a:" + Labels.APPLICATION + " {id: $id}) RETURN " + RecruitingNodes.application("a") + " AS node";
  }

  @QueryMapping
  Mono<OpeningNode> opening(@Argument String id, DataFetchingEnvironment env) {
    return cypher.read(RoundTrips.of(env), "MATCH (o:" + Labels.JOB_OPENING + " {id: $id}) RETURN "
            + RecruitingNodes.opening("o") + " AS node", Map.of("id", id))
        .flatMap(rows -> rows.isEmpty() ? Mono.empty() : Mono.just(OpeningNode.from(rows.get(0).get("node"))));
  }

  /** {@code JobOpeningWhere}: all given filters apply. */
  record OpeningWhere(String status, String teamId) {}

  @QueryMapping
  Mono<Connection<OpeningNode>> openings(@Argument Integer first, @Argument String after, @Argument OpeningWhere where,
      DataFetchingEnvironment env) {
    String status = where == null ? null : where.status();
    String teamId = where == null ? null : where.teamId();
    Paging.Window window = paging.window(first, after);
    Map<String, Object> params = new HashMap<>();
    params.put("status", status == null ? null : status.toLowerCase(Locale.ROOT));
    params.put("teamId", teamId);
    params.put("skip", window.offset());
    params.put("limit", window.fetch());
    String match = "MATCH (o:" + Labels.JOB_OPENING + ") WHERE ($status IS NULL OR o.status = $status)"
        + " AND ($teamId IS NULL OR EXISTS { MATCH (o)-[:" + RelTypes.HIRES_FOR + "]->(:" + Labels.TEAM + " {id: $teamId}) })";
    String statement = "CALL () { " + match + " RETURN count(o) AS total }"
        + " CALL () { " + match + " WITH o ORDER BY o.id SKIP $skip LIMIT $limit RETURN collect("
        + RecruitingNodes.opening("o") + ") AS nodes } RETURN total, nodes";
    return cypher.read(RoundTrips.of(env), statement, params).map(rows -> Paging.connection(window,
        Vals.list(rows.get(0).get("nodes"), OpeningNode::from), rows.get(0).get("total").asInt()));
  }

  @QueryMapping
  Mono<ApplicationNode> application(@Argument String id, DataFetchingEnvironment env) {
    return cypher.read(RoundTrips.of(env), applicationById(), Map.of("id", id))
        .flatMap(rows -> rows.isEmpty() ? Mono.empty() : Mono.just(ApplicationNode.from(rows.get(0).get("node"))));
  }

  @QueryMapping
  Mono<Candidate> candidate(@Argument String id, DataFetchingEnvironment env) {
    return cypher.read(RoundTrips.of(env), "MATCH (c:" + Labels.CANDIDATE + " {id: $id}) RETURN c.id AS id, c.name AS name",
            Map.of("id", id))
        .flatMap(rows -> rows.isEmpty() ? Mono.empty()
            : Mono.just(new Candidate(rows.get(0).get("id").asString(), Vals.str(rows.get(0).get("name")))));
  }

  @SchemaMapping(typeName = "JobOpening")
  Mono<List<ApplicationNode>> applications(OpeningNode opening, @Argument Stage stage, DataFetchingEnvironment env) {
    Map<String, Object> params = new HashMap<>();
    params.put("id", opening.id());
    params.put("stages", stage == null ? null : stage == Stage.SCREENED ? List.of("screened", "screening") : List.of(stage.graph()));
    return cypher.read(RoundTrips.of(env), "MATCH (:" + Labels.JOB_OPENING + " {id: $id})<-[:" + RelTypes.TO + "]-(a:"
            + Labels.APPLICATION + ") WHERE $stages IS NULL OR a.stage IN $stages RETURN " + RecruitingNodes.application("a")
            + " AS node ORDER BY a.id", params)
        .map(rows -> rows.stream().map(r -> ApplicationNode.from(r.get("node"))).toList());
  }

  @SchemaMapping(typeName = "Candidate", field = "applications")
  Mono<List<ApplicationNode>> candidateApplications(Candidate candidate, DataFetchingEnvironment env) {
    return cypher.read(RoundTrips.of(env), "MATCH (:" + Labels.CANDIDATE + " {id: $id})-[:" + RelTypes.APPLIED + "]->(a:"
            + Labels.APPLICATION + ") RETURN " + RecruitingNodes.application("a") + " AS node ORDER BY a.id",
            Map.of("id", candidate.id()))
        .map(rows -> rows.stream().map(r -> ApplicationNode.from(r.get("node"))).toList());
  }

  @SchemaMapping(typeName = "Candidate", field = "skills")
  Mono<List<ExpertSkill>> candidateSkills(Candidate candidate, DataFetchingEnvironment env) {
    return cypher.read(RoundTrips.of(env), "MATCH (:" + Labels.CANDIDATE + " {id: $id})-[r:" + RelTypes.HAS_SKILL + "]->(s:"
            + Labels.SKILL + ") RETURN {level: r.level, evidence: r.evidence, source: r.source, since: r.since, skill: "
            + SkillNode.summary("s") + "} AS skill ORDER BY s.name", Map.of("id", candidate.id()))
        .map(rows -> rows.stream().map(r -> ExpertSkill.from(r.get("skill"))).toList());
  }

  /** The decrypted feedback; reached only by callers {@code AccessPolicy.mayReadFeedback} lets through. */
  @SchemaMapping(typeName = "Interview", field = "feedback")
  Mono<String> feedback(InterviewNode interview, DataFetchingEnvironment env) {
    return cypher.read(RoundTrips.of(env), "MATCH (:" + Labels.INTERVIEW + " {id: $id})-[:" + RelTypes.HAS_PERSONAL_DATA
            + "]->(p:" + Labels.PERSONAL_DATA + ") RETURN p." + Props.FEEDBACK + " AS feedback", Map.of("id", interview.id()))
        .flatMap(rows -> {
          String sealed = rows.isEmpty() ? null : Vals.str(rows.get(0).get("feedback"));
          if (sealed == null) return Mono.empty();
          return Mono.just(sealed.startsWith(FieldCipher.PREFIX)
              ? cipher.decrypt(sealed, FieldCipher.aad(interview.id(), Props.FEEDBACK)) : sealed);
        });
  }
}
