package dev.talentgraph.projects;

import static dev.talentgraph.graphql.NodeWrites.MAX_ID;
import static dev.talentgraph.graphql.NodeWrites.MAX_NAME;

import dev.talentgraph.graphql.CypherGateway;
import dev.talentgraph.graphql.NodeWrites;
import dev.talentgraph.graphql.NodeWrites.DeletePayload;
import dev.talentgraph.graphql.RoundTrips;
import dev.talentgraph.graphql.UserError;
import dev.talentgraph.graphql.Writes;
import dev.talentgraph.graphql.nodes.ExpertNode;
import dev.talentgraph.graphql.nodes.ProjectNode;
import dev.talentgraph.graphql.nodes.ProjectNode.ProjectMember;
import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.RelTypes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The rules of changing projects, the skills they require and the experts who work on them: input
 * validated in memory, then checked against the graph and written in one transaction, or nothing
 * written.
 */
@Service
class ProjectService {
  record RequirementInput(String skillId, Integer level, Boolean required) {}

  record CreateProjectInput(
      String id, String name, String status, List<RequirementInput> requires) {}

  record UpdateProjectInput(
      String id, String name, String status, List<RequirementInput> requires) {}

  record AddExpertToProjectInput(
      String expertId, String projectId, String role, String from, String to) {}

  record ProjectPayload(ProjectNode project, List<UserError> errors) {
    static ProjectPayload failed(List<UserError> errors) {
      return new ProjectPayload(null, errors);
    }
  }

  record ProjectMemberPayload(ProjectNode project, ProjectMember member, List<UserError> errors) {
    static ProjectMemberPayload failed(List<UserError> errors) {
      return new ProjectMemberPayload(null, null, errors);
    }
  }

  private static final String ENDPOINTS =
      "RETURN EXISTS { MATCH (:Expert {id: $expertId}) } AS e, EXISTS { MATCH (:Project {id: $projectId}) } AS p";

  /** Built on use: the member carries the schema-declared {@code @property} fields too. */
  private static String addMember() {
    return "MATCH (e:Expert {id: $expertId}), (p:Project {id: $projectId}) MERGE (e)-[w:WORKED_ON]->(p)"
        + " SET w.role = $role, w.from = $from, w.to = $to RETURN p {"
        + ProjectNode.SCALARS
        + "} AS project,"
        + " {role: w.role, from: w.from, to: w.to, expert: e {"
        + ExpertNode.scalars()
        + "}} AS member";
  }

  private final CypherGateway cypher;

  ProjectService(CypherGateway cypher) {
    this.cypher = cypher;
  }

  private static List<Map<String, Object>> requirements(
      List<UserError> errors, String status, List<RequirementInput> requires) {
    Writes.optionalText(errors, "status", status, MAX_NAME);
    List<Map<String, Object>> rows = new ArrayList<>();
    if (requires == null) return rows;
    for (int i = 0; i < requires.size(); i++) {
      var r = requires.get(i);
      Writes.requireText(errors, "requires[" + i + "].skillId", r.skillId(), MAX_ID);
      Writes.level(errors, "requires[" + i + "].level", r.level(), false);
      Map<String, Object> props = new HashMap<>();
      props.put("level", r.level());
      props.put("required", r.required() == null ? Boolean.TRUE : r.required());
      rows.add(Map.of("skillId", String.valueOf(r.skillId()), "props", props));
    }
    return rows;
  }

  private static CompletionStage<List<UserError>> missingSkills(
      CypherGateway.Tx tx, List<RequirementInput> requires) {
    if (requires == null) return Writes.done(List.of());
    List<String> ids = requires.stream().map(RequirementInput::skillId).toList();
    return NodeWrites.missing(tx, Labels.SKILL, ids)
        .thenApply(
            idx ->
                idx.stream()
                    .map(
                        i -> UserError.notFound("requires[" + i + "].skillId", "skill", ids.get(i)))
                    .toList());
  }

  Mono<ProjectPayload> createProject(CreateProjectInput input, RoundTrips roundTrips) {
    List<UserError> errors = new ArrayList<>();
    Writes.requireText(errors, "id", input.id(), MAX_ID);
    Writes.requireText(errors, "name", input.name(), MAX_NAME);
    var rows = requirements(errors, input.status(), input.requires());
    String id = input.id() == null ? null : input.id().strip();
    var props =
        NodeWrites.props(
            "name", input.name() == null ? null : input.name().strip(), "status", input.status());
    return Writes.run(
        cypher,
        roundTrips,
        errors,
        ProjectPayload::failed,
        tx ->
            NodeWrites.exists(tx, Labels.PROJECT, id)
                .thenCompose(
                    found ->
                        found
                            ? Writes.done(
                                ProjectPayload.failed(
                                    List.of(UserError.duplicate("id", "project", id))))
                            : missingSkills(tx, input.requires())
                                .thenCompose(
                                    missing ->
                                        !missing.isEmpty()
                                            ? Writes.done(ProjectPayload.failed(missing))
                                            : NodeWrites.create(
                                                    tx,
                                                    Labels.PROJECT,
                                                    id,
                                                    props,
                                                    ProjectNode.SCALARS)
                                                .thenCompose(
                                                    v ->
                                                        NodeWrites.replaceSkillLinks(
                                                                tx,
                                                                Labels.PROJECT,
                                                                id,
                                                                RelTypes.REQUIRES,
                                                                rows)
                                                            .thenApply(
                                                                x ->
                                                                    new ProjectPayload(
                                                                        ProjectNode.from(v),
                                                                        List.of()))))),
        UserError.duplicate("id", "project", id));
  }

  Mono<ProjectPayload> updateProject(UpdateProjectInput input, RoundTrips roundTrips) {
    List<UserError> errors = new ArrayList<>();
    Writes.requireText(errors, "id", input.id(), MAX_ID);
    if (input.name() != null) Writes.requireText(errors, "name", input.name(), MAX_NAME);
    var rows = requirements(errors, input.status(), input.requires());
    String id = input.id();
    var props =
        NodeWrites.props(
            "name", input.name() == null ? null : input.name().strip(), "status", input.status());
    return Writes.run(
        cypher,
        roundTrips,
        errors,
        ProjectPayload::failed,
        tx ->
            NodeWrites.exists(tx, Labels.PROJECT, id)
                .thenCompose(
                    found ->
                        !found
                            ? Writes.done(
                                ProjectPayload.failed(
                                    List.of(UserError.notFound("id", "project", id))))
                            : missingSkills(tx, input.requires())
                                .thenCompose(
                                    missing ->
                                        !missing.isEmpty()
                                            ? Writes.done(ProjectPayload.failed(missing))
                                            : NodeWrites.update(
                                                    tx,
                                                    Labels.PROJECT,
                                                    id,
                                                    props,
                                                    ProjectNode.SCALARS)
                                                .thenCompose(
                                                    v ->
                                                        (input.requires() == null
                                                                ? Writes.<Void>done(null)
                                                                : NodeWrites.replaceSkillLinks(
                                                                    tx,
                                                                    Labels.PROJECT,
                                                                    id,
                                                                    RelTypes.REQUIRES,
                                                                    rows))
                                                            .thenApply(
                                                                x ->
                                                                    new ProjectPayload(
                                                                        ProjectNode.from(v),
                                                                        List.of()))))),
        null);
  }

  Mono<DeletePayload> deleteProject(NodeWrites.DeleteInput input, RoundTrips roundTrips) {
    return NodeWrites.delete(cypher, roundTrips, Labels.PROJECT, "project", input.id(), "");
  }

  Mono<ProjectMemberPayload> addExpertToProject(
      AddExpertToProjectInput input, RoundTrips roundTrips) {
    List<UserError> errors = new ArrayList<>();
    Writes.requireText(errors, "expertId", input.expertId(), MAX_ID);
    Writes.requireText(errors, "projectId", input.projectId(), MAX_ID);
    Writes.optionalText(errors, "role", input.role(), MAX_NAME);
    var from = NodeWrites.date(errors, "from", input.from());
    var to = NodeWrites.date(errors, "to", input.to());
    if (from != null && to != null && to.isBefore(from)) {
      errors.add(UserError.invalid("to", "to (" + to + ") must not be before from (" + from + ")"));
    }
    Map<String, Object> params = new HashMap<>();
    params.put("expertId", input.expertId());
    params.put("projectId", input.projectId());
    params.put("role", input.role());
    params.put("from", from);
    params.put("to", to);
    return Writes.run(
        cypher,
        roundTrips,
        errors,
        ProjectMemberPayload::failed,
        tx ->
            tx.run(ENDPOINTS, params)
                .thenCompose(
                    rows -> {
                      List<UserError> missing = new ArrayList<>();
                      if (!rows.get(0).get("e").asBoolean())
                        missing.add(UserError.notFound("expertId", "expert", input.expertId()));
                      if (!rows.get(0).get("p").asBoolean())
                        missing.add(UserError.notFound("projectId", "project", input.projectId()));
                      if (!missing.isEmpty())
                        return Writes.done(ProjectMemberPayload.failed(missing));
                      return tx.run(addMember(), params)
                          .thenApply(
                              r ->
                                  new ProjectMemberPayload(
                                      ProjectNode.from(r.get(0).get("project")),
                                      ProjectMember.from(r.get(0).get("member")),
                                      List.of()));
                    }),
        null);
  }
}
