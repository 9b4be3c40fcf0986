package dev.talentgraph.recruiting;

import dev.talentgraph.db.DatabaseConfiguration.SchemaMigrations;
import dev.talentgraph.graphql.UserError;
import dev.talentgraph.graphql.nodes.ExpertNode;
import dev.talentgraph.recruiting.RecruitingNodes.Candidate;
import dev.talentgraph.recruiting.RecruitingNodes.InternalApplicant;
import dev.talentgraph.recruiting.RecruitingNodes.OpeningNode;
import dev.talentgraph.schema.GraphSessions;
import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.Props;
import dev.talentgraph.schema.RelTypes;
import dev.talentgraph.schema.recruiting.Stage;
import dev.talentgraph.security.AccessPolicy;
import dev.talentgraph.security.Principal;
import dev.talentgraph.security.RequestAccess;
import graphql.GraphQLContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.neo4j.driver.Driver;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Blind review per opening. While an opening's {@code blindReview} is on, reviewers (every role but
 * ADMIN and HR: hiring managers and interviewers, who are MANAGERs) see an applicant under a stable
 * pseudonym instead of the name, and an internal applicant without the link to their Expert record,
 * until the application reaches the offer stage. Contact data and demographics are never on these
 * types. A person stays hidden while any of their applications to a blind opening is before the
 * offer (so a second, open opening does not reveal them).
 */
@Controller
class BlindReviewController {
  private final Driver driver;
  private final String database;

  BlindReviewController(Driver driver, SchemaMigrations schema) {
    this.driver = driver;
    this.database = schema.database();
  }

  record SetBlindReviewInput(String openingId, Boolean enabled) {}

  record BlindReviewPayload(String openingId, boolean blindReview, List<UserError> errors) {}

  /** Hidden while a blind opening's application of theirs has not reached the offer. */
  private static final String HIDDEN =
      "MATCH (o:"
          + Labels.JOB_OPENING
          + " {"
          + Props.BLIND_REVIEW
          + ": true})<-[:"
          + RelTypes.TO
          + "]-(a:"
          + Labels.APPLICATION
          + ")<-[:"
          + RelTypes.APPLIED
          + "]-(p) WHERE p.id IN $ids AND (p:"
          + Labels.CANDIDATE
          + " OR p:"
          + Labels.EXPERT
          + ") AND NOT a."
          + Props.STAGE
          + " IN $revealed AND NOT EXISTS { (a)-[:"
          + RelTypes.MOVED
          + "]->(c:"
          + Labels.STAGE_CHANGE
          + ") WHERE c.to IN $revealed } RETURN DISTINCT p.id AS id";

  @MutationMapping
  Mono<BlindReviewPayload> setBlindReview(@Argument SetBlindReviewInput input) {
    String id = input.openingId();
    if (id == null || id.isBlank())
      return Mono.just(new BlindReviewPayload(id, false, List.of(UserError.required("openingId"))));
    boolean on = !Boolean.FALSE.equals(input.enabled());
    return Mono.fromCallable(
            () -> {
              try (var s = driver.session(GraphSessions.write(driver, database))) {
                boolean found =
                    s.executeWrite(
                        tx ->
                            tx.run(
                                    "MATCH (o:"
                                        + Labels.JOB_OPENING
                                        + " {id: $id}) SET o."
                                        + Props.BLIND_REVIEW
                                        + " = $on RETURN o.id",
                                    Map.of("id", id, "on", on))
                                .hasNext());
                return found
                    ? new BlindReviewPayload(id, on, List.of())
                    : new BlindReviewPayload(
                        id, false, List.of(UserError.notFound("openingId", "job opening", id)));
              }
            })
        .subscribeOn(Schedulers.boundedElastic());
  }

  @BatchMapping(typeName = "JobOpening", field = "blindReview")
  Mono<Map<OpeningNode, Boolean>> blindReview(List<OpeningNode> openings) {
    return Mono.fromCallable(
            () -> {
              Set<String> on = new HashSet<>();
              try (var s = driver.session(GraphSessions.read(driver, database))) {
                s.executeRead(
                        tx ->
                            tx.run(
                                    "UNWIND $ids AS id MATCH (o:"
                                        + Labels.JOB_OPENING
                                        + " {id: id}) WHERE o."
                                        + Props.BLIND_REVIEW
                                        + " = true RETURN id",
                                    Map.of("ids", openings.stream().map(OpeningNode::id).toList()))
                                .list())
                    .forEach(r -> on.add(r.get("id").asString()));
              }
              Map<OpeningNode, Boolean> out = new LinkedHashMap<>();
              openings.forEach(o -> out.put(o, on.contains(o.id())));
              return out;
            })
        .subscribeOn(Schedulers.boundedElastic());
  }

  @BatchMapping(typeName = "Candidate", field = "name")
  Mono<Map<Candidate, String>> candidateName(List<Candidate> candidates, GraphQLContext context) {
    return names(candidates, Candidate::id, Candidate::name, context);
  }

  @BatchMapping(typeName = "InternalApplicant", field = "name")
  Mono<Map<InternalApplicant, String>> internalName(
      List<InternalApplicant> applicants, GraphQLContext context) {
    return names(applicants, InternalApplicant::id, InternalApplicant::name, context);
  }

  /** Null while hidden: the Expert record would name them. */
  @BatchMapping(typeName = "InternalApplicant", field = "expert")
  Mono<Map<InternalApplicant, ExpertNode>> internalExpert(
      List<InternalApplicant> applicants, GraphQLContext context) {
    return hidden(applicants.stream().map(InternalApplicant::id).toList(), context)
        .map(
            hidden -> {
              Map<InternalApplicant, ExpertNode> out = new LinkedHashMap<>();
              applicants.forEach(a -> out.put(a, hidden.contains(a.id()) ? null : a.expert()));
              return out;
            });
  }

  /** rankCandidates lists names too: the same rule for the opening's live applicants. */
  @SchemaMapping(typeName = "CandidateRanking", field = "items")
  Mono<List<MatchingService.CandidateMatch>> rankedItems(
      MatchingService.CandidateRanking ranking, GraphQLContext context) {
    return hidden(
            ranking.items().stream().map(MatchingService.CandidateMatch::candidateId).toList(),
            context)
        .map(
            hidden ->
                ranking.items().stream()
                    .map(
                        m ->
                            hidden.contains(m.candidateId())
                                ? new MatchingService.CandidateMatch(
                                    m.rank(),
                                    m.applicationId(),
                                    m.candidateId(),
                                    pseudonym(m.candidateId()),
                                    m.internal(),
                                    m.stage(),
                                    m.score(),
                                    m.match())
                                : m)
                    .toList());
  }

  private <T> Mono<Map<T, String>> names(
      List<T> people, Function<T, String> id, Function<T, String> name, GraphQLContext context) {
    return hidden(people.stream().map(id).toList(), context)
        .map(
            hidden -> {
              Map<T, String> out = new LinkedHashMap<>();
              people.forEach(
                  p ->
                      out.put(
                          p,
                          hidden.contains(id.apply(p)) ? pseudonym(id.apply(p)) : name.apply(p)));
              return out;
            });
  }

  /** The people hidden from this caller: none for ADMIN and HR. */
  private Mono<Set<String>> hidden(Collection<String> ids, GraphQLContext context) {
    RequestAccess access = context == null ? null : context.get(RequestAccess.class);
    Principal p = access == null ? null : access.principal();
    if (p != null && AccessPolicy.hasAny(p, AccessPolicy.RECRUITERS)) return Mono.just(Set.of());
    return Mono.fromCallable(
            () -> {
              Set<String> out = new HashSet<>();
              try (var s = driver.session(GraphSessions.read(driver, database))) {
                Map<String, Object> params = new HashMap<>();
                params.put("ids", List.copyOf(new HashSet<>(ids)));
                params.put("revealed", Stage.graph(List.of(Stage.OFFER, Stage.HIRED)));
                s.executeRead(tx -> tx.run(HIDDEN, params).list())
                    .forEach(r -> out.add(r.get("id").asString()));
              }
              return out;
            })
        .subscribeOn(Schedulers.boundedElastic());
  }

  /** A stable stand-in for the name: the same applicant reads the same across requests. */
  static String pseudonym(String id) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
      return String.format("Applicant %02X%02X%02X", h[0], h[1], h[2]);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
