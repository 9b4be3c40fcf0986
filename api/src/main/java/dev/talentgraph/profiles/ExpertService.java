package dev.talentgraph.profiles;

import static dev.talentgraph.graphql.NodeWrites.MAX_ID;
import static dev.talentgraph.graphql.NodeWrites.MAX_NAME;
import static dev.talentgraph.graphql.NodeWrites.MAX_TEXT;

import dev.talentgraph.graphql.CypherGateway;
import dev.talentgraph.graphql.NodeWrites;
import dev.talentgraph.graphql.NodeWrites.DeletePayload;
import dev.talentgraph.graphql.RoundTrips;
import dev.talentgraph.graphql.UserError;
import dev.talentgraph.graphql.Writes;
import dev.talentgraph.graphql.nodes.ExpertNode;
import dev.talentgraph.graphql.nodes.ExpertNode.ExpertSkill;
import dev.talentgraph.graphql.nodes.SkillNode;
import dev.talentgraph.schema.Labels;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The rules of changing experts and their skills. Each change validates its input in memory, then
 * checks it against the graph and writes in one transaction; any error comes back in the payload
 * and nothing is written.
 */
@Service
class ExpertService {
  record CreateExpertInput(String id, String name, String country, String region, String title) {}

  record UpdateExpertInput(String id, String name, String country, String region, String title) {}

  record SetExpertSkillInput(
      String expertId,
      String skillId,
      Integer level,
      String evidence,
      String source,
      String since) {}

  record RemoveExpertSkillInput(String expertId, String skillId) {}

  record ExpertPayload(ExpertNode expert, List<UserError> errors) {
    static ExpertPayload failed(List<UserError> errors) {
      return new ExpertPayload(null, errors);
    }
  }

  record ExpertSkillPayload(ExpertNode expert, ExpertSkill expertSkill, List<UserError> errors) {
    static ExpertSkillPayload failed(List<UserError> errors) {
      return new ExpertSkillPayload(null, null, errors);
    }
  }

  /** Deleting an expert also deletes its personal-data node, which belongs to no one else. */
  private static final String DELETE_PERSONAL_DATA =
      "OPTIONAL MATCH (n)-[:HAS_PERSONAL_DATA]->(pd:PersonalData) DETACH DELETE pd WITH DISTINCT n";

  /** Built on use: the payload carries the schema-declared {@code @property} fields too. */
  private static String setSkill() {
    return "MATCH (e:Expert {id: $expertId}), (s:Skill {id: $skillId}) MERGE (e)-[r:HAS_SKILL]->(s)"
        + " SET r.level = $level, r.evidence = $evidence, r.source = $source, r.since = coalesce($since, r.since),"
        + " r.updatedAt = datetime()"
        + " RETURN e {"
        + ExpertNode.scalars()
        + "} AS expert, {level: r.level, evidence: r.evidence,"
        + " source: r.source, since: r.since, skill: "
        + SkillNode.summary("s")
        + "} AS expertSkill";
  }

  private static String removeSkill() {
    return "MATCH (e:Expert {id: $expertId}) OPTIONAL MATCH (e)-[r:HAS_SKILL]->(:Skill {id: $skillId})"
        + " WITH e, collect(r) AS rs FOREACH (x IN rs | DELETE x) RETURN e {"
        + ExpertNode.scalars()
        + "} AS expert, size(rs) AS removed";
  }

  private static final String ENDPOINTS =
      "RETURN EXISTS { MATCH (:Expert {id: $expertId}) } AS e, EXISTS { MATCH (:Skill {id: $skillId}) } AS s";

  private final CypherGateway cypher;

  ExpertService(CypherGateway cypher) {
    this.cypher = cypher;
  }

  private static void optional(
      List<UserError> errors, String country, String region, String title) {
    Writes.optionalText(errors, "country", country, MAX_NAME);
    Writes.optionalText(errors, "region", region, MAX_NAME);
    Writes.optionalText(errors, "title", title, MAX_NAME);
  }

  Mono<ExpertPayload> createExpert(CreateExpertInput input, RoundTrips roundTrips) {
    List<UserError> errors = new ArrayList<>();
    Writes.requireText(errors, "id", input.id(), MAX_ID);
    Writes.requireText(errors, "name", input.name(), MAX_NAME);
    optional(errors, input.country(), input.region(), input.title());
    String id = input.id() == null ? null : input.id().strip();
    var props =
        NodeWrites.props(
            "name",
            input.name() == null ? null : input.name().strip(),
            "country",
            input.country(),
            "region",
            input.region(),
            "title",
            input.title());
    return Writes.run(
        cypher,
        roundTrips,
        errors,
        ExpertPayload::failed,
        tx ->
            NodeWrites.exists(tx, Labels.EXPERT, id)
                .thenCompose(
                    found ->
                        found
                            ? Writes.done(
                                ExpertPayload.failed(
                                    List.of(UserError.duplicate("id", "expert", id))))
                            : NodeWrites.create(tx, Labels.EXPERT, id, props, ExpertNode.scalars())
                                .thenApply(v -> new ExpertPayload(ExpertNode.from(v), List.of()))),
        UserError.duplicate("id", "expert", id));
  }

  Mono<ExpertPayload> updateExpert(UpdateExpertInput input, RoundTrips roundTrips) {
    List<UserError> errors = new ArrayList<>();
    Writes.requireText(errors, "id", input.id(), MAX_ID);
    if (input.name() != null) Writes.requireText(errors, "name", input.name(), MAX_NAME);
    optional(errors, input.country(), input.region(), input.title());
    var props =
        NodeWrites.props(
            "name",
            input.name() == null ? null : input.name().strip(),
            "country",
            input.country(),
            "region",
            input.region(),
            "title",
            input.title());
    return Writes.run(
        cypher,
        roundTrips,
        errors,
        ExpertPayload::failed,
        tx ->
            NodeWrites.exists(tx, Labels.EXPERT, input.id())
                .thenCompose(
                    found ->
                        !found
                            ? Writes.done(
                                ExpertPayload.failed(
                                    List.of(UserError.notFound("id", "expert", input.id()))))
                            : NodeWrites.update(
                                    tx, Labels.EXPERT, input.id(), props, ExpertNode.scalars())
                                .thenApply(v -> new ExpertPayload(ExpertNode.from(v), List.of()))),
        null);
  }

  /** Deletes the expert, its relationships and its personal-data node. */
  Mono<DeletePayload> deleteExpert(NodeWrites.DeleteInput input, RoundTrips roundTrips) {
    return NodeWrites.delete(
        cypher, roundTrips, Labels.EXPERT, "expert", input.id(), DELETE_PERSONAL_DATA);
  }

  Mono<ExpertSkillPayload> setExpertSkill(SetExpertSkillInput input, RoundTrips roundTrips) {
    List<UserError> errors = new ArrayList<>();
    Writes.requireText(errors, "expertId", input.expertId(), MAX_ID);
    Writes.requireText(errors, "skillId", input.skillId(), MAX_ID);
    Writes.level(errors, "level", input.level(), true);
    Writes.optionalText(errors, "evidence", input.evidence(), MAX_TEXT);
    Writes.optionalText(errors, "source", input.source(), MAX_NAME);
    var since = NodeWrites.date(errors, "since", input.since());
    Map<String, Object> params = new HashMap<>();
    params.put("expertId", input.expertId());
    params.put("skillId", input.skillId());
    params.put("level", input.level());
    params.put("evidence", input.evidence());
    params.put("source", Writes.blank(input.source()) ? "api" : input.source());
    params.put("since", since);
    return Writes.run(
        cypher,
        roundTrips,
        errors,
        ExpertSkillPayload::failed,
        tx ->
            endpoints(tx, input.expertId(), input.skillId())
                .thenCompose(
                    missing ->
                        !missing.isEmpty()
                            ? Writes.done(ExpertSkillPayload.failed(missing))
                            : tx.run(setSkill(), params)
                                .thenApply(
                                    rows ->
                                        new ExpertSkillPayload(
                                            ExpertNode.from(rows.get(0).get("expert")),
                                            ExpertSkill.from(rows.get(0).get("expertSkill")),
                                            List.of()))),
        null);
  }

  Mono<ExpertSkillPayload> removeExpertSkill(RemoveExpertSkillInput input, RoundTrips roundTrips) {
    List<UserError> errors = new ArrayList<>();
    Writes.requireText(errors, "expertId", input.expertId(), MAX_ID);
    Writes.requireText(errors, "skillId", input.skillId(), MAX_ID);
    Map<String, Object> params =
        Map.of(
            "expertId",
            String.valueOf(input.expertId()),
            "skillId",
            String.valueOf(input.skillId()));
    return Writes.run(
        cypher,
        roundTrips,
        errors,
        ExpertSkillPayload::failed,
        tx ->
            endpoints(tx, input.expertId(), input.skillId())
                .thenCompose(
                    missing ->
                        !missing.isEmpty()
                            ? Writes.done(ExpertSkillPayload.failed(missing))
                            : tx.run(removeSkill(), params)
                                .thenApply(
                                    rows ->
                                        rows.get(0).get("removed").asInt() == 0
                                            ? ExpertSkillPayload.failed(
                                                List.of(
                                                    UserError.notFound(
                                                        "skillId",
                                                        "skill of expert '"
                                                            + input.expertId()
                                                            + "'",
                                                        input.skillId())))
                                            : new ExpertSkillPayload(
                                                ExpertNode.from(rows.get(0).get("expert")),
                                                null,
                                                List.of()))),
        null);
  }

  private static java.util.concurrent.CompletionStage<List<UserError>> endpoints(
      CypherGateway.Tx tx, String expertId, String skillId) {
    return tx.run(ENDPOINTS, Map.of("expertId", expertId, "skillId", skillId))
        .thenApply(
            rows -> {
              List<UserError> missing = new ArrayList<>();
              if (!rows.get(0).get("e").asBoolean())
                missing.add(UserError.notFound("expertId", "expert", expertId));
              if (!rows.get(0).get("s").asBoolean())
                missing.add(UserError.notFound("skillId", "skill", skillId));
              return missing;
            });
  }
}
