package dev.talentgraph.privacy;

import dev.talentgraph.db.DatabaseConfiguration.SchemaMigrations;
import dev.talentgraph.graphql.UserError;
import dev.talentgraph.schema.FieldCipher;
import dev.talentgraph.schema.GraphSessions;
import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.RelTypes;
import dev.talentgraph.schema.fairness.VoluntaryDemographics;
import dev.talentgraph.security.AccessPolicy;
import dev.talentgraph.security.Principal;
import dev.talentgraph.security.RequestAccess;
import graphql.GraphQLContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A candidate's consents and voluntary demographics. Giving demographics records the consent of
 * purpose {@code fairness_monitoring} and seals the values on the person's PersonalData node (ADR
 * 0002); withdrawing that consent deletes them. Withdrawing the {@code recruiting} consent erases
 * the candidate like {@code eraseCandidate}. Each change is one transaction; who may call is
 * decided by {@code FieldAccessRules} (ADMIN, HR).
 */
@Controller
class ConsentController {
  private static final int MAX_VALUE = 60;

  private final Driver driver;
  private final String database;
  private final FieldCipher cipher;
  private final Clock clock;

  ConsentController(Driver driver, SchemaMigrations schema, FieldCipher cipher) {
    this.driver = driver;
    this.database = schema.database();
    this.cipher = cipher;
    this.clock = Clock.systemUTC();
  }

  /** {@code type Consent}. */
  record Consent(String id, String purpose, String givenAt, String withdrawnAt, boolean active) {
    static Consent from(Value c) {
      return new Consent(
          c.get("id").asString(),
          c.get("purpose").asString().toUpperCase(Locale.ROOT),
          time(c.get("givenAt")),
          time(c.get("withdrawnAt")),
          c.get("withdrawnAt").isNull());
    }

    private static String time(Value v) {
      return v == null || v.isNull() ? null : v.asZonedDateTime().toOffsetDateTime().toString();
    }
  }

  record ConsentPayload(
      String candidateId,
      Consent consent,
      boolean erased,
      int nodesDeleted,
      List<UserError> errors) {}

  record GiveDemographicsInput(
      String candidateId, String gender, String ethnicity, String ageBand) {}

  record ConsentInput(String candidateId, String purpose) {}

  @MutationMapping
  Mono<ConsentPayload> giveDemographics(@Argument GiveDemographicsInput input) {
    String id = input.candidateId();
    if (id == null || id.isBlank()) return error(id, UserError.required("candidateId"));
    Map<String, String> values = new LinkedHashMap<>();
    values.put(VoluntaryDemographics.GENDER, clean(input.gender()));
    values.put(VoluntaryDemographics.ETHNICITY, clean(input.ethnicity()));
    values.put(VoluntaryDemographics.AGE_BAND, clean(input.ageBand()));
    if (values.values().stream().allMatch(v -> v == null))
      return error(
          id, UserError.invalid("gender", "give at least one of gender, ethnicity, ageBand"));
    for (var e : values.entrySet())
      if (e.getValue() != null && e.getValue().length() > MAX_VALUE)
        return error(id, UserError.invalid(e.getKey(), "at most " + MAX_VALUE + " characters"));
    Instant now = clock.instant();
    Map<String, Object> sealed = new HashMap<>();
    values.forEach(
        (f, v) -> sealed.put(f, v == null ? null : cipher.encrypt(v, FieldCipher.aad(id, f))));
    sealed.put(
        VoluntaryDemographics.PURPOSE_FIELD,
        cipher.encrypt(
            VoluntaryDemographics.PURPOSE,
            FieldCipher.aad(id, VoluntaryDemographics.PURPOSE_FIELD)));
    sealed.put(
        VoluntaryDemographics.GIVEN_AT,
        cipher.encrypt(now.toString(), FieldCipher.aad(id, VoluntaryDemographics.GIVEN_AT)));
    return write(
        id,
        tx -> {
          var rows =
              tx.run(
                      PERSON
                          + " MERGE (p)-[:"
                          + RelTypes.HAS_PERSONAL_DATA
                          + "]->(d:"
                          + Labels.PERSONAL_DATA
                          + ") SET d += $sealed RETURN p.id AS id",
                      Map.of("id", id, "sealed", sealed))
                  .list();
          if (rows.isEmpty()) return null;
          return new ConsentPayload(
              id,
              consent(tx, id, VoluntaryDemographics.CONSENT_PURPOSE, now, true),
              false,
              0,
              List.of());
        });
  }

  @MutationMapping
  Mono<ConsentPayload> recordConsent(@Argument ConsentInput input) {
    String id = input.candidateId();
    if (id == null || id.isBlank()) return error(id, UserError.required("candidateId"));
    String purpose = purpose(input.purpose());
    Instant now = clock.instant();
    return write(
        id,
        tx ->
            tx.run(PERSON + " RETURN p.id AS id", Map.of("id", id)).list().isEmpty()
                ? null
                : new ConsentPayload(id, consent(tx, id, purpose, now, true), false, 0, List.of()));
  }

  @MutationMapping
  Mono<ConsentPayload> withdrawConsent(@Argument ConsentInput input) {
    return withdraw(input.candidateId(), purpose(input.purpose()));
  }

  /**
   * {@code Candidate.consents}: every purpose, given or withdrawn, by purpose. ADMIN and HR only:
   * for a reviewer the list is empty (that someone gave demographics is not theirs to know).
   */
  @BatchMapping(typeName = "Candidate", field = "consents")
  Mono<Map<Object, List<Consent>>> consents(List<Object> candidates, GraphQLContext context) {
    Map<String, Object> byId = new LinkedHashMap<>();
    for (Object c : candidates) byId.put(idOf(c), c);
    RequestAccess access = context == null ? null : context.get(RequestAccess.class);
    Principal p = access == null ? null : access.principal();
    boolean recruiter = p != null && AccessPolicy.hasAny(p, AccessPolicy.RECRUITERS);
    return Mono.fromCallable(
            () -> {
              Map<Object, List<Consent>> out = new HashMap<>();
              candidates.forEach(c -> out.put(c, new ArrayList<>()));
              if (!recruiter) return out;
              try (var s = driver.session(GraphSessions.read(driver, database))) {
                s.executeRead(
                        tx ->
                            tx.run(
                                    "UNWIND $ids AS id MATCH (:"
                                        + Labels.CANDIDATE
                                        + " {id: id})-[:"
                                        + RelTypes.GAVE_CONSENT
                                        + "]->(k:"
                                        + Labels.CONSENT
                                        + ") RETURN id, k ORDER BY k.purpose",
                                    Map.of("ids", List.copyOf(byId.keySet())))
                                .list())
                    .forEach(
                        r ->
                            out.get(byId.get(r.get("id").asString()))
                                .add(Consent.from(r.get("k"))));
              }
              return out;
            })
        .subscribeOn(Schedulers.boundedElastic());
  }

  private static String idOf(Object candidate) {
    try {
      var id = candidate.getClass().getMethod("id");
      id.setAccessible(true);
      return (String) id.invoke(candidate);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Candidate source without an id: " + candidate, e);
    }
  }

  /** Binds {@code p} to the candidate or expert with id {@code $id}. */
  private static final String PERSON =
      "OPTIONAL MATCH (c:"
          + Labels.CANDIDATE
          + " {id: $id}) OPTIONAL MATCH (e:"
          + Labels.EXPERT
          + " {id: $id}) WITH coalesce(c, e) AS p WHERE p IS NOT NULL";

  private Mono<ConsentPayload> withdraw(String id, String purpose) {
    if (id == null || id.isBlank()) return error(id, UserError.required("candidateId"));
    Instant now = clock.instant();
    return write(
        id,
        tx -> {
          if (tx.run(PERSON + " RETURN p.id AS id", Map.of("id", id)).list().isEmpty()) return null;
          Consent consent = consent(tx, id, purpose, now, false);
          int deleted = 0;
          boolean erased = false;
          if (purpose.equals(VoluntaryDemographics.CONSENT_PURPOSE)) {
            deleted =
                tx.run(
                        PERSON
                            + " MATCH (p)-[:"
                            + RelTypes.HAS_PERSONAL_DATA
                            + "]->(d:"
                            + Labels.PERSONAL_DATA
                            + ") FOREACH (f IN $fields | REMOVE d[f])"
                            + " WITH d, size(keys(d)) = 0 AS empty"
                            + " FOREACH (x IN CASE WHEN empty THEN [d] ELSE [] END | DETACH DELETE x)"
                            + " RETURN count(CASE WHEN empty THEN 1 END) AS n",
                        Map.of("id", id, "fields", VoluntaryDemographics.ALL))
                    .single()
                    .get("n")
                    .asInt();
          } else if (purpose.equals(VoluntaryDemographics.RECRUITING_PURPOSE)) {
            var rows = tx.run(CandidateErasure.STATEMENT, CandidateErasure.parameters(id)).list();
            erased = !rows.isEmpty();
            if (erased) deleted = rows.get(0).get("nodes").asInt();
          }
          return new ConsentPayload(id, consent, erased, deleted, List.of());
        });
  }

  /** Gives (again) or withdraws the consent of one purpose; returns it. */
  private static Consent consent(
      TransactionContext tx, String id, String purpose, Instant now, boolean given) {
    return Consent.from(
        tx.run(
                PERSON
                    + " MERGE (p)-[:"
                    + RelTypes.GAVE_CONSENT
                    + "]->(k:"
                    + Labels.CONSENT
                    + " {id: p.id + '/' + $purpose}) ON CREATE SET k.purpose = $purpose"
                    + (given
                        ? " SET k.givenAt = datetime($now), k.withdrawnAt = null"
                        : " SET k.withdrawnAt = datetime($now)")
                    + " RETURN k",
                Map.of(
                    "id", id, "purpose", purpose, "now", now.atOffset(ZoneOffset.UTC).toString()))
            .single()
            .get("k"));
  }

  private Mono<ConsentPayload> write(
      String id, java.util.function.Function<TransactionContext, ConsentPayload> work) {
    return Mono.fromCallable(
            () -> {
              try (var s = driver.session(GraphSessions.write(driver, database))) {
                ConsentPayload p = s.executeWrite(work::apply);
                return p != null
                    ? p
                    : new ConsentPayload(
                        id,
                        null,
                        false,
                        0,
                        List.of(UserError.notFound("candidateId", "candidate or expert", id)));
              }
            })
        .subscribeOn(Schedulers.boundedElastic());
  }

  private static Mono<ConsentPayload> error(String id, UserError e) {
    return Mono.just(new ConsentPayload(id, null, false, 0, List.of(e)));
  }

  private static String purpose(String graphQl) {
    return graphQl == null
        ? VoluntaryDemographics.RECRUITING_PURPOSE
        : graphQl.toLowerCase(Locale.ROOT);
  }

  private static String clean(String v) {
    if (v == null || v.isBlank()) return null;
    return v.strip().toLowerCase(Locale.ROOT);
  }
}
