package dev.talentgraph.graphql;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.neo4j.driver.Value;
import reactor.core.publisher.Mono;

/**
 * Statements and checks the mutations of all features share. Labels and projections come from the
 * feature code (constants), values always travel as parameters.
 */
public final class NodeWrites {
  private NodeWrites() {}

  /** {@code input DeleteInput}. */
  public record DeleteInput(String id) {}

  /** {@code type DeletePayload}. */
  public record DeletePayload(String deletedId, List<UserError> errors) {}

  /** Longest accepted id, name and free text. */
  public static final int MAX_ID = 200;

  public static final int MAX_NAME = 300;
  public static final int MAX_TEXT = 4000;

  /** The ids in {@code ids} that name no node with {@code label}, with their positions. */
  public static CompletionStage<List<Integer>> missing(
      CypherGateway.Tx tx, String label, List<String> ids) {
    if (ids.isEmpty()) return Writes.done(List.of());
    return tx.run(
            "UNWIND range(0, size($ids) - 1) AS i WITH i WHERE NOT EXISTS { MATCH (:"
                + label
                + " {id: $ids[i]}) } RETURN i",
            Map.of("ids", ids))
        .thenApply(rows -> rows.stream().map(r -> r.get(0).asInt()).toList());
  }

  public static CompletionStage<Boolean> exists(CypherGateway.Tx tx, String label, String id) {
    return tx.run("RETURN EXISTS { MATCH (:" + label + " {id: $id}) } AS found", Map.of("id", id))
        .thenApply(rows -> rows.get(0).get(0).asBoolean());
  }

  /** Creates the node with its properties (nulls left out) and returns its projection. */
  public static CompletionStage<Value> create(
      CypherGateway.Tx tx, String label, String id, Map<String, Object> props, String scalars) {
    return tx.run(
            "CREATE (n:"
                + label
                + " {id: $id}) SET n += $props, n.source = 'api', n.createdAt = datetime()"
                + " RETURN n {"
                + scalars
                + "} AS node",
            Map.of("id", id, "props", Writes.nonNull(props)))
        .thenApply(rows -> rows.get(0).get("node"));
  }

  /** Sets the given (non-null) properties and returns the node's projection. */
  public static CompletionStage<Value> update(
      CypherGateway.Tx tx, String label, String id, Map<String, Object> props, String scalars) {
    return tx.run(
            "MATCH (n:"
                + label
                + " {id: $id}) SET n += $props, n.updatedAt = datetime() RETURN n {"
                + scalars
                + "} AS node",
            Map.of("id", id, "props", Writes.nonNull(props)))
        .thenApply(rows -> rows.get(0).get("node"));
  }

  /**
   * Replaces the outgoing {@code type} relationships of the node {@code id} by ones to the Skill
   * nodes in {@code rows} (maps with {@code skillId} and the relationship's properties under {@code
   * props}).
   */
  public static CompletionStage<Void> replaceSkillLinks(
      CypherGateway.Tx tx, String label, String id, String type, List<Map<String, Object>> rows) {
    return tx.run(
            "MATCH (n:"
                + label
                + " {id: $id}) OPTIONAL MATCH (n)-[old:"
                + type
                + "]->(:Skill) DELETE old",
            Map.of("id", id))
        .thenCompose(
            x ->
                rows.isEmpty()
                    ? Writes.done(null)
                    : tx.run(
                        "MATCH (n:"
                            + label
                            + " {id: $id}) UNWIND $rows AS row"
                            + " MATCH (s:Skill {id: row.skillId}) MERGE (n)-[r:"
                            + type
                            + "]->(s) SET r += row.props",
                        Map.of("id", id, "rows", rows)))
        .thenApply(x -> null);
  }

  /** Deletes a node and its relationships; {@code NOT_FOUND} on {@code id} when there is none. */
  public static Mono<DeletePayload> delete(
      CypherGateway cypher,
      RoundTrips roundTrips,
      String label,
      String kind,
      String id,
      String alsoDelete) {
    List<UserError> errors = new ArrayList<>();
    Writes.requireText(errors, "id", id, MAX_ID);
    return Writes.run(
        cypher,
        roundTrips,
        errors,
        e -> new DeletePayload(null, e),
        tx ->
            exists(tx, label, id)
                .thenCompose(
                    found ->
                        !found
                            ? Writes.done(
                                new DeletePayload(
                                    null, List.of(UserError.notFound("id", kind, id))))
                            : tx.run(
                                    "MATCH (n:"
                                        + label
                                        + " {id: $id}) "
                                        + alsoDelete
                                        + " DETACH DELETE n",
                                    Map.of("id", id))
                                .thenApply(x -> new DeletePayload(id, List.of()))),
        null);
  }

  /** Parses an optional ISO date; adds an INVALID error naming the field when it is not one. */
  public static LocalDate date(List<UserError> errors, String field, String value) {
    if (value == null || value.isBlank()) return null;
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      errors.add(
          UserError.invalid(
              field, field + " must be an ISO date like 2024-03-01 (was '" + value + "')"));
      return null;
    }
  }

  /** A mutable parameter map that keeps nulls (for {@link Writes#nonNull}). */
  public static Map<String, Object> props(Object... keyValues) {
    Map<String, Object> m = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) m.put((String) keyValues[i], keyValues[i + 1]);
    return m;
  }
}
