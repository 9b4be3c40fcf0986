package dev.talentgraph.profiles;

import dev.talentgraph.graphql.CypherGateway;
import dev.talentgraph.graphql.RoundTrips;
import dev.talentgraph.graphql.UserError;
import dev.talentgraph.graphql.Writes;
import dev.talentgraph.profiles.TalentProfile.Contest;
import dev.talentgraph.profiles.TalentProfile.ContestFactType;
import dev.talentgraph.security.AccessPolicy;
import dev.talentgraph.security.Principal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.neo4j.driver.Record;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The rules of contesting a fact and resolving a contest (ADR 0006: {@code
 * (:Expert)-[:CONTESTED]->(:Contest)-[:CONCERNS]->(:Skill|:Score)}). Who may contest is decided by
 * {@code FieldAccessRules} (the person, HR, ADMIN); who may resolve by role there (HR, ADMIN,
 * MANAGER) and, for a manager, against the contest's person here, inside the transaction. Each
 * mutation checks and writes in one transaction; nothing is deleted but an upheld skill's
 * HAS_SKILL, whose properties the Contest keeps.
 */
@Service
class ContestService {
  static final int MAX_TEXT = 2000;

  record ContestFactInput(String expertId, ContestFactType factType, String key, String reason) {}

  record ContestPayload(Contest contest, List<UserError> errors) {}

  /**
   * What resolving a contest came to: a payload, or a refusal to the caller (not a user error: an
   * access rule).
   */
  record Resolution(ContestPayload payload, String refused) {
    static Resolution ok(ContestPayload payload) {
      return new Resolution(payload, null);
    }

    static Resolution refused(String reason) {
      return new Resolution(null, reason);
    }
  }

  private static final String FIND_FACT =
      " RETURN e IS NOT NULL AS expert, x IS NOT NULL AS fact,"
          + " [(e)-[:CONTESTED]->(c:Contest {factType: $type, factKey: $key, status: 'open'}) | c.id] AS open";

  private static final String CREATE_CONTEST =
      " CREATE (e)-[:CONTESTED]->(c:Contest {id: $cid, factType: $type, factKey: $key, reason: $reason,"
          + " status: 'open', at: datetime(), actor: $actor})-[:CONCERNS]->(x)";

  private static final String FIND_CONTEST =
      "OPTIONAL MATCH (e:Expert)-[:CONTESTED]->(c:Contest {id: $id}) RETURN e.id AS expert, c.status AS status";

  // upheld skill: the HAS_SKILL goes, its properties stay on the Contest; upheld score: the flag
  // stays;
  // dismissed: the flag is cleared (unless another contest about the same fact is still open, which
  // cannot be)
  private static final String RESOLVE =
      """
      MATCH (e:Expert)-[:CONTESTED]->(c:Contest {id: $id})
      SET c.status = $status, c.resolvedAt = datetime(), c.resolvedBy = $actor, c.resolution = $resolution
      WITH e, c
      OPTIONAL MATCH (c)-[:CONCERNS]->(x)
      OPTIONAL MATCH (e)-[f:HAS_SKILL]->(x) WHERE c.factType = 'skill'
      FOREACH (_ IN CASE WHEN f IS NOT NULL AND $upheld THEN [1] ELSE [] END |
        SET c.previousLevel = f.level, c.previousEvidence = f.evidence, c.previousSource = f.source,
            c.previousSince = f.since
        DELETE f)
      FOREACH (_ IN CASE WHEN f IS NOT NULL AND NOT $upheld THEN [1] ELSE [] END | SET f.contested = false)
      FOREACH (_ IN CASE WHEN x IS NOT NULL AND c.factType = 'score' AND NOT $upheld THEN [1] ELSE [] END | SET x.contested = false)
      RETURN e.id AS expert, c {.*, at: toString(c.at), resolvedAt: toString(c.resolvedAt)} AS contest""";

  private final CypherGateway cypher;

  ContestService(CypherGateway cypher) {
    this.cypher = cypher;
  }

  /**
   * What a fact type is in the graph: the pattern from the expert to the flagged element and what
   * CONCERNS points to. One of two fixed patterns, chosen by the enum; never built from input.
   */
  private static String fact(ContestFactType type) {
    return type == ContestFactType.SKILL
        ? "(e)-[f:HAS_SKILL]->(x:Skill {id: $key})"
        : "(e)-[:HAS_SCORE]->(x:Score {model: $key})";
  }

  /**
   * Contests a fact of a person on behalf of {@code actor} (the caller's user name, or
   * "anonymous").
   */
  Mono<ContestPayload> contestFact(ContestFactInput input, String actor, RoundTrips roundTrips) {
    List<UserError> errors = new ArrayList<>();
    if (Writes.blank(input.expertId())) errors.add(UserError.required("expertId"));
    if (input.factType() == null) errors.add(UserError.required("factType"));
    Writes.requireText(errors, "key", input.key(), 200);
    Writes.requireText(errors, "reason", input.reason(), MAX_TEXT);
    Map<String, Object> params = new HashMap<>();
    if (errors.isEmpty()) {
      params.put("e", input.expertId());
      params.put("key", input.key());
      params.put("type", input.factType().name().toLowerCase(java.util.Locale.ROOT));
      params.put("reason", input.reason().strip());
      params.put("actor", actor);
      params.put("cid", "ct-" + UUID.randomUUID());
    }
    String flagged = input.factType() == ContestFactType.SKILL ? "f" : "x";
    return Writes.run(
        cypher,
        roundTrips,
        errors,
        errs -> new ContestPayload(null, errs),
        tx ->
            tx.run(
                    "OPTIONAL MATCH (e:Expert {id: $e}) OPTIONAL MATCH "
                        + fact(input.factType())
                        + FIND_FACT,
                    params)
                .thenCompose(
                    rows -> {
                      Record r = rows.get(0);
                      if (!r.get("expert").asBoolean()) {
                        return Writes.done(
                            new ContestPayload(
                                null,
                                List.of(
                                    UserError.notFound("expertId", "expert", input.expertId()))));
                      }
                      if (!r.get("fact").asBoolean()) {
                        return Writes.done(
                            new ContestPayload(
                                null,
                                List.of(
                                    new UserError(
                                        "key",
                                        input.factType() == ContestFactType.SKILL
                                            ? "expert '"
                                                + input.expertId()
                                                + "' has no skill '"
                                                + input.key()
                                                + "'"
                                            : "expert '"
                                                + input.expertId()
                                                + "' has no score of model '"
                                                + input.key()
                                                + "'",
                                        UserError.Code.NOT_FOUND))));
                      }
                      List<Object> open = r.get("open").asList();
                      if (!open.isEmpty()) {
                        return Writes.done(
                            new ContestPayload(
                                null,
                                List.of(
                                    new UserError(
                                        "key",
                                        "contest " + open.get(0) + " about this fact is still open",
                                        UserError.Code.DUPLICATE))));
                      }
                      return tx.run(
                              "MATCH (e:Expert {id: $e}) MATCH "
                                  + fact(input.factType())
                                  + CREATE_CONTEST
                                  + " SET "
                                  + flagged
                                  + ".contested = true"
                                  + " RETURN c {.*, at: toString(c.at), resolvedAt: toString(c.resolvedAt)} AS contest",
                              params)
                          .thenApply(
                              created ->
                                  new ContestPayload(
                                      ProfileQuery.contest(
                                          input.expertId(), created.get(0).get("contest")),
                                      List.of()));
                    }),
        null);
  }

  /**
   * Resolves a contest on behalf of {@code actor}; {@code p} is the signed-in person ({@code null}
   * when there is none, and then only the role rules of {@code FieldAccessRules} apply) and {@code
   * managed} the people they manage.
   */
  Mono<Resolution> resolveContest(
      String id,
      Boolean upheld,
      String resolution,
      Principal p,
      String actor,
      Mono<Set<String>> managed,
      RoundTrips roundTrips) {
    List<UserError> errors = new ArrayList<>();
    if (Writes.blank(id)) errors.add(UserError.required("id"));
    if (upheld == null) errors.add(UserError.required("upheld"));
    Writes.requireText(errors, "resolution", resolution, MAX_TEXT);
    Map<String, Object> params = new HashMap<>();
    params.put("id", id);
    params.put("upheld", Boolean.TRUE.equals(upheld));
    params.put("status", Boolean.TRUE.equals(upheld) ? "upheld" : "dismissed");
    params.put("resolution", resolution == null ? null : resolution.strip());
    params.put("actor", actor);
    return managed.flatMap(
        people ->
            Writes.run(
                cypher,
                roundTrips,
                errors,
                errs -> Resolution.ok(new ContestPayload(null, errs)),
                tx ->
                    tx.run(FIND_CONTEST, params)
                        .thenCompose(
                            rows -> {
                              Record r = rows.get(0);
                              if (r.get("expert").isNull()) {
                                return Writes.done(
                                    Resolution.ok(
                                        new ContestPayload(
                                            null,
                                            List.of(UserError.notFound("id", "contest", id)))));
                              }
                              String expert = r.get("expert").asString();
                              if (p != null && !AccessPolicy.mayResolveContest(p, expert, people)) {
                                return Writes.done(
                                    Resolution.refused(
                                        "a manager may resolve only the contests of the people in the teams they manage"
                                            + " (contest '"
                                            + id
                                            + "' is about expert '"
                                            + expert
                                            + "')"));
                              }
                              if (!"open".equals(r.get("status").asString(null))) {
                                return Writes.done(
                                    Resolution.ok(
                                        new ContestPayload(
                                            null,
                                            List.of(
                                                UserError.invalid(
                                                    "id",
                                                    "contest "
                                                        + id
                                                        + " is already "
                                                        + r.get("status").asString(null)
                                                        + "; raise a new contest to reopen the question")))));
                              }
                              return tx.run(RESOLVE, params)
                                  .thenApply(
                                      done ->
                                          Resolution.ok(
                                              new ContestPayload(
                                                  ProfileQuery.contest(
                                                      done.get(0).get("expert").asString(),
                                                      done.get(0).get("contest")),
                                                  List.of())));
                            }),
                null));
  }
}
