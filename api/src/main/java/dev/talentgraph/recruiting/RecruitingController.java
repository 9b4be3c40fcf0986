package dev.talentgraph.recruiting;

import dev.talentgraph.graphql.Paging;
import dev.talentgraph.graphql.Paging.Connection;
import dev.talentgraph.graphql.RoundTrips;
import dev.talentgraph.graphql.nodes.ExpertNode.ExpertSkill;
import dev.talentgraph.recruiting.RecruitingNodes.ApplicationNode;
import dev.talentgraph.recruiting.RecruitingNodes.Candidate;
import dev.talentgraph.recruiting.RecruitingNodes.InterviewNode;
import dev.talentgraph.recruiting.RecruitingNodes.OpeningNode;
import dev.talentgraph.schema.recruiting.Stage;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Recruiting reads: openings, applications and candidates, mapped onto {@link RecruitingService}.
 * Who may read applications (and interview feedback) is decided by {@code FieldAccessRules} /
 * {@code AccessPolicy}, never here.
 */
@Controller
class RecruitingController {
  private final RecruitingService service;
  private final Paging paging;

  RecruitingController(RecruitingService service, Paging paging) {
    this.service = service;
    this.paging = paging;
  }

  @QueryMapping
  Mono<OpeningNode> opening(@Argument String id, DataFetchingEnvironment env) {
    return service.opening(id, RoundTrips.of(env));
  }

  /** {@code JobOpeningWhere}: all given filters apply. */
  record OpeningWhere(String status, String teamId) {}

  @QueryMapping
  Mono<Connection<OpeningNode>> openings(
      @Argument Integer first,
      @Argument String after,
      @Argument OpeningWhere where,
      DataFetchingEnvironment env) {
    return service.openings(
        paging.window(first, after),
        where == null ? null : where.status(),
        where == null ? null : where.teamId(),
        RoundTrips.of(env));
  }

  @QueryMapping
  Mono<ApplicationNode> application(@Argument String id, DataFetchingEnvironment env) {
    return service.application(id, RoundTrips.of(env));
  }

  @QueryMapping
  Mono<Candidate> candidate(@Argument String id, DataFetchingEnvironment env) {
    return service.candidate(id, RoundTrips.of(env));
  }

  @SchemaMapping(typeName = "JobOpening")
  Mono<List<ApplicationNode>> applications(
      OpeningNode opening, @Argument Stage stage, DataFetchingEnvironment env) {
    return service.applications(opening.id(), stage, RoundTrips.of(env));
  }

  @SchemaMapping(typeName = "Candidate", field = "applications")
  Mono<List<ApplicationNode>> candidateApplications(
      Candidate candidate, DataFetchingEnvironment env) {
    return service.candidateApplications(candidate.id(), RoundTrips.of(env));
  }

  @SchemaMapping(typeName = "Candidate", field = "skills")
  Mono<List<ExpertSkill>> candidateSkills(Candidate candidate, DataFetchingEnvironment env) {
    return service.candidateSkills(candidate.id(), RoundTrips.of(env));
  }

  /** Reached only by callers {@code AccessPolicy.mayReadFeedback} lets through. */
  @SchemaMapping(typeName = "Interview", field = "feedback")
  Mono<String> feedback(InterviewNode interview, DataFetchingEnvironment env) {
    return service.feedback(interview.id(), RoundTrips.of(env));
  }
}
