package dev.talentgraph.learning;

import static dev.talentgraph.graphql.NodeWrites.MAX_ID;
import static dev.talentgraph.graphql.NodeWrites.MAX_NAME;

import dev.talentgraph.graphql.CypherGateway;
import dev.talentgraph.graphql.NodeWrites;
import dev.talentgraph.graphql.NodeWrites.DeletePayload;
import dev.talentgraph.graphql.RoundTrips;
import dev.talentgraph.graphql.UserError;
import dev.talentgraph.graphql.Writes;
import dev.talentgraph.graphql.nodes.CourseNode;
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
 * The rules of changing courses and the skills they teach: input validated in memory, then checked
 * against the graph and written in one transaction, or nothing written.
 */
@Service
class CourseService {
  record SkillLevelInput(String skillId, Integer level) {}

  record CreateCourseInput(String id, String title, Double hours, List<SkillLevelInput> teaches) {}

  record UpdateCourseInput(String id, String title, Double hours, List<SkillLevelInput> teaches) {}

  record CoursePayload(CourseNode course, List<UserError> errors) {
    static CoursePayload failed(List<UserError> errors) {
      return new CoursePayload(null, errors);
    }
  }

  private final CypherGateway cypher;

  CourseService(CypherGateway cypher) {
    this.cypher = cypher;
  }

  private static List<Map<String, Object>> teaches(
      List<UserError> errors, Double hours, List<SkillLevelInput> teaches) {
    if (hours != null && (hours < 0 || hours.isNaN() || hours.isInfinite())) {
      errors.add(
          UserError.invalid("hours", "hours must be a number of at least 0 (was " + hours + ")"));
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    if (teaches == null) return rows;
    for (int i = 0; i < teaches.size(); i++) {
      var t = teaches.get(i);
      Writes.requireText(errors, "teaches[" + i + "].skillId", t.skillId(), MAX_ID);
      Writes.level(errors, "teaches[" + i + "].level", t.level(), false);
      Map<String, Object> props = new HashMap<>();
      props.put("level", t.level());
      rows.add(Map.of("skillId", String.valueOf(t.skillId()), "props", props));
    }
    return rows;
  }

  private static CompletionStage<List<UserError>> missingSkills(
      CypherGateway.Tx tx, List<SkillLevelInput> teaches) {
    if (teaches == null) return Writes.done(List.of());
    List<String> ids = teaches.stream().map(SkillLevelInput::skillId).toList();
    return NodeWrites.missing(tx, Labels.SKILL, ids)
        .thenApply(
            idx ->
                idx.stream()
                    .map(i -> UserError.notFound("teaches[" + i + "].skillId", "skill", ids.get(i)))
                    .toList());
  }

  Mono<CoursePayload> createCourse(CreateCourseInput input, RoundTrips roundTrips) {
    List<UserError> errors = new ArrayList<>();
    Writes.requireText(errors, "id", input.id(), MAX_ID);
    Writes.requireText(errors, "title", input.title(), MAX_NAME);
    var rows = teaches(errors, input.hours(), input.teaches());
    String id = input.id() == null ? null : input.id().strip();
    var props =
        NodeWrites.props(
            "title", input.title() == null ? null : input.title().strip(), "hours", input.hours());
    return Writes.run(
        cypher,
        roundTrips,
        errors,
        CoursePayload::failed,
        tx ->
            NodeWrites.exists(tx, Labels.COURSE, id)
                .thenCompose(
                    found ->
                        found
                            ? Writes.done(
                                CoursePayload.failed(
                                    List.of(UserError.duplicate("id", "course", id))))
                            : missingSkills(tx, input.teaches())
                                .thenCompose(
                                    missing ->
                                        !missing.isEmpty()
                                            ? Writes.done(CoursePayload.failed(missing))
                                            : NodeWrites.create(
                                                    tx,
                                                    Labels.COURSE,
                                                    id,
                                                    props,
                                                    CourseNode.SCALARS)
                                                .thenCompose(
                                                    v ->
                                                        NodeWrites.replaceSkillLinks(
                                                                tx,
                                                                Labels.COURSE,
                                                                id,
                                                                RelTypes.TEACHES,
                                                                rows)
                                                            .thenApply(
                                                                x ->
                                                                    new CoursePayload(
                                                                        CourseNode.from(v),
                                                                        List.of()))))),
        UserError.duplicate("id", "course", id));
  }

  Mono<CoursePayload> updateCourse(UpdateCourseInput input, RoundTrips roundTrips) {
    List<UserError> errors = new ArrayList<>();
    Writes.requireText(errors, "id", input.id(), MAX_ID);
    if (input.title() != null) Writes.requireText(errors, "title", input.title(), MAX_NAME);
    var rows = teaches(errors, input.hours(), input.teaches());
    String id = input.id();
    var props =
        NodeWrites.props(
            "title", input.title() == null ? null : input.title().strip(), "hours", input.hours());
    return Writes.run(
        cypher,
        roundTrips,
        errors,
        CoursePayload::failed,
        tx ->
            NodeWrites.exists(tx, Labels.COURSE, id)
                .thenCompose(
                    found ->
                        !found
                            ? Writes.done(
                                CoursePayload.failed(
                                    List.of(UserError.notFound("id", "course", id))))
                            : missingSkills(tx, input.teaches())
                                .thenCompose(
                                    missing ->
                                        !missing.isEmpty()
                                            ? Writes.done(CoursePayload.failed(missing))
                                            : NodeWrites.update(
                                                    tx,
                                                    Labels.COURSE,
                                                    id,
                                                    props,
                                                    CourseNode.SCALARS)
                                                .thenCompose(
                                                    v ->
                                                        (input.teaches() == null
                                                                ? Writes.<Void>done(null)
                                                                : NodeWrites.replaceSkillLinks(
                                                                    tx,
                                                                    Labels.COURSE,
                                                                    id,
                                                                    RelTypes.TEACHES,
                                                                    rows))
                                                            .thenApply(
                                                                x ->
                                                                    new CoursePayload(
                                                                        CourseNode.from(v),
                                                                        List.of()))))),
        null);
  }

  Mono<DeletePayload> deleteCourse(NodeWrites.DeleteInput input, RoundTrips roundTrips) {
    return NodeWrites.delete(cypher, roundTrips, Labels.COURSE, "course", input.id(), "");
  }
}
