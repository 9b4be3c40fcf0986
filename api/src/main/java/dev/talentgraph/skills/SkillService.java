package dev.talentgraph.skills;

import static dev.talentgraph.graphql.NodeWrites.MAX_ID;
import static dev.talentgraph.graphql.NodeWrites.MAX_NAME;

import dev.talentgraph.graphql.CypherGateway;
import dev.talentgraph.graphql.NodeWrites;
import dev.talentgraph.graphql.NodeWrites.DeletePayload;
import dev.talentgraph.graphql.RoundTrips;
import dev.talentgraph.graphql.UserError;
import dev.talentgraph.graphql.Writes;
import dev.talentgraph.graphql.nodes.SkillNode;
import dev.talentgraph.schema.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The rules of changing skills and their BROADER hierarchy. The hierarchy stays a forest of DAGs: a
 * broader skill that is the skill itself or one of its descendants is refused.
 */
@Service
class SkillService {
  record CreateSkillInput(
      String id, String name, String category, List<String> aliases, List<String> broaderIds) {}

  record UpdateSkillInput(
      String id, String name, String category, List<String> aliases, List<String> broaderIds) {}

  record SkillPayload(SkillNode skill, List<UserError> errors) {
    static SkillPayload failed(List<UserError> errors) {
      return new SkillPayload(null, errors);
    }
  }

  private static final String UNLINK_BROADER =
      "MATCH (n:Skill {id: $id})-[old:BROADER]->(:Skill) DELETE old";

  /** The positions in {@code $ids} of the skills that are already below {@code $id}. */
  private static final String NARROWER_OF =
      "UNWIND range(0, size($ids) - 1) AS i WITH i"
          + " WHERE EXISTS { MATCH (:Skill {id: $ids[i]})-[:BROADER*1..]->(:Skill {id: $id}) } RETURN i";

  private static final String LINK_BROADER =
      "MATCH (n:Skill {id: $id}) UNWIND $ids AS b MATCH (p:Skill {id: b}) MERGE (n)-[:BROADER]->(p)";

  private final CypherGateway cypher;

  SkillService(CypherGateway cypher) {
    this.cypher = cypher;
  }

  private static void common(
      List<UserError> errors,
      String category,
      List<String> aliases,
      List<String> broaderIds,
      String id) {
    Writes.optionalText(errors, "category", category, MAX_NAME);
    if (aliases != null) {
      for (int i = 0; i < aliases.size(); i++)
        Writes.requireText(errors, "aliases[" + i + "]", aliases.get(i), MAX_NAME);
    }
    if (broaderIds != null) {
      for (int i = 0; i < broaderIds.size(); i++) {
        Writes.requireText(errors, "broaderIds[" + i + "]", broaderIds.get(i), MAX_ID);
        if (broaderIds.get(i) != null && broaderIds.get(i).equals(id)) {
          errors.add(
              UserError.invalid("broaderIds[" + i + "]", "a skill cannot be broader than itself"));
        }
      }
    }
  }

  Mono<SkillPayload> createSkill(CreateSkillInput input, RoundTrips roundTrips) {
    List<UserError> errors = new ArrayList<>();
    Writes.requireText(errors, "id", input.id(), MAX_ID);
    Writes.requireText(errors, "name", input.name(), MAX_NAME);
    common(errors, input.category(), input.aliases(), input.broaderIds(), input.id());
    String id = input.id() == null ? null : input.id().strip();
    var props =
        NodeWrites.props(
            "name",
            input.name() == null ? null : input.name().strip(),
            "category",
            input.category(),
            "aliases",
            input.aliases());
    List<String> broader = input.broaderIds() == null ? List.of() : input.broaderIds();
    return Writes.run(
        cypher,
        roundTrips,
        errors,
        SkillPayload::failed,
        tx ->
            NodeWrites.exists(tx, Labels.SKILL, id)
                .thenCompose(
                    found ->
                        found
                            ? Writes.done(
                                SkillPayload.failed(
                                    List.of(UserError.duplicate("id", "skill", id))))
                            : missingBroader(tx, broader)
                                .thenCompose(
                                    missing ->
                                        !missing.isEmpty()
                                            ? Writes.done(SkillPayload.failed(missing))
                                            : NodeWrites.create(
                                                    tx, Labels.SKILL, id, props, SkillNode.SCALARS)
                                                .thenCompose(
                                                    v ->
                                                        link(tx, id, broader)
                                                            .thenApply(
                                                                x ->
                                                                    new SkillPayload(
                                                                        SkillNode.from(v),
                                                                        List.of()))))),
        UserError.duplicate("id", "skill", id));
  }

  Mono<SkillPayload> updateSkill(UpdateSkillInput input, RoundTrips roundTrips) {
    List<UserError> errors = new ArrayList<>();
    Writes.requireText(errors, "id", input.id(), MAX_ID);
    if (input.name() != null) Writes.requireText(errors, "name", input.name(), MAX_NAME);
    common(errors, input.category(), input.aliases(), input.broaderIds(), input.id());
    var props =
        NodeWrites.props(
            "name",
            input.name() == null ? null : input.name().strip(),
            "category",
            input.category(),
            "aliases",
            input.aliases());
    String id = input.id();
    return Writes.run(
        cypher,
        roundTrips,
        errors,
        SkillPayload::failed,
        tx ->
            NodeWrites.exists(tx, Labels.SKILL, id)
                .thenCompose(
                    found ->
                        !found
                            ? Writes.done(
                                SkillPayload.failed(List.of(UserError.notFound("id", "skill", id))))
                            : input.broaderIds() == null
                                ? NodeWrites.update(tx, Labels.SKILL, id, props, SkillNode.SCALARS)
                                    .thenApply(v -> new SkillPayload(SkillNode.from(v), List.of()))
                                : checkBroader(tx, id, input.broaderIds())
                                    .thenCompose(
                                        problems ->
                                            !problems.isEmpty()
                                                ? Writes.done(SkillPayload.failed(problems))
                                                : NodeWrites.update(
                                                        tx,
                                                        Labels.SKILL,
                                                        id,
                                                        props,
                                                        SkillNode.SCALARS)
                                                    .thenCompose(
                                                        v ->
                                                            tx.run(UNLINK_BROADER, Map.of("id", id))
                                                                .thenCompose(
                                                                    x ->
                                                                        link(
                                                                            tx,
                                                                            id,
                                                                            input.broaderIds()))
                                                                .thenApply(
                                                                    x ->
                                                                        new SkillPayload(
                                                                            SkillNode.from(v),
                                                                            List.of()))))),
        null);
  }

  Mono<DeletePayload> deleteSkill(NodeWrites.DeleteInput input, RoundTrips roundTrips) {
    return NodeWrites.delete(cypher, roundTrips, Labels.SKILL, "skill", input.id(), "");
  }

  private static CompletionStage<List<UserError>> missingBroader(
      CypherGateway.Tx tx, List<String> broader) {
    return NodeWrites.missing(tx, Labels.SKILL, broader)
        .thenApply(
            idx ->
                idx.stream()
                    .map(i -> UserError.notFound("broaderIds[" + i + "]", "skill", broader.get(i)))
                    .toList());
  }

  /** Unknown broader skills, and broader skills that are below this one already (a cycle). */
  private static CompletionStage<List<UserError>> checkBroader(
      CypherGateway.Tx tx, String id, List<String> broader) {
    return missingBroader(tx, broader)
        .thenCompose(
            missing ->
                !missing.isEmpty()
                    ? Writes.done(missing)
                    : tx.run(NARROWER_OF, Map.of("ids", broader, "id", id))
                        .thenApply(
                            rows ->
                                rows.stream()
                                    .map(
                                        r ->
                                            UserError.invalid(
                                                "broaderIds[" + r.get(0).asInt() + "]",
                                                "skill '"
                                                    + broader.get(r.get(0).asInt())
                                                    + "' is narrower than '"
                                                    + id
                                                    + "': this would make a cycle"))
                                    .toList()));
  }

  private static CompletionStage<Void> link(CypherGateway.Tx tx, String id, List<String> broader) {
    if (broader.isEmpty()) return Writes.done(null);
    return tx.run(LINK_BROADER, Map.of("id", id, "ids", broader)).thenApply(x -> null);
  }
}
