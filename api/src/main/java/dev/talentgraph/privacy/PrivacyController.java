package dev.talentgraph.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.talentgraph.graphql.CypherGateway;
import dev.talentgraph.graphql.RoundTrips;
import dev.talentgraph.graphql.UserError;
import dev.talentgraph.graphql.nodes.ExpertNode;
import dev.talentgraph.schema.FieldCipher;
import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.PersonalFields;
import dev.talentgraph.schema.Props;
import dev.talentgraph.schema.RelTypes;
import dev.talentgraph.security.ApiTokens;
import dev.talentgraph.security.LocalUsers;
import graphql.schema.DataFetchingEnvironment;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dataloader.BatchLoaderEnvironment;
import org.neo4j.driver.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Personal data over GraphQL: the {@code @personal} fields of Expert (decrypted here, for callers
 * the access rules let through), the data-subject export and erasure. Who may call what is decided
 * by {@code FieldAccessRules}, never here.
 */
@Controller
class PrivacyController {
  static final String ERASED_NAME = CandidateErasure.ERASED_NAME;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CypherGateway cypher;
  private final FieldCipher cipher;
  private final ApiTokens tokens;
  private final LocalUsers users;
  private final ApplicationEventPublisher events;
  private final ErasureScrub scrub;

  PrivacyController(
      CypherGateway cypher,
      FieldCipher cipher,
      ApiTokens tokens,
      LocalUsers users,
      ApplicationEventPublisher events,
      ErasureScrub scrub) {
    this.cypher = cypher;
    this.cipher = cipher;
    this.tokens = tokens;
    this.users = users;
    this.events = events;
    this.scrub = scrub;
  }

  @BatchMapping(typeName = "Expert", field = "personal")
  Mono<Map<ExpertNode, PersonalData>> personal(
      List<ExpertNode> experts, BatchLoaderEnvironment env) {
    Map<String, ExpertNode> byId = index(experts);
    return cypher
        .read(
            RoundTrips.of(env),
            "UNWIND $ids AS id MATCH (:"
                + Labels.EXPERT
                + " {id: id})-[:"
                + RelTypes.HAS_PERSONAL_DATA
                + "]->(p:"
                + Labels.PERSONAL_DATA
                + ") RETURN id, properties(p) AS p",
            Map.of("ids", List.copyOf(byId.keySet())))
        .map(
            rows -> {
              Map<ExpertNode, PersonalData> out = new HashMap<>();
              rows.forEach(
                  r ->
                      out.put(
                          byId.get(r.get("id").asString()),
                          decrypt(r.get("id").asString(), r.get("p"))));
              return out;
            });
  }

  @BatchMapping(typeName = "Expert", field = "performanceReviews")
  Mono<Map<ExpertNode, List<PerformanceReview>>> performanceReviews(
      List<ExpertNode> experts, BatchLoaderEnvironment env) {
    Map<String, ExpertNode> byId = index(experts);
    return cypher
        .read(
            RoundTrips.of(env),
            "UNWIND $ids AS id MATCH (:"
                + Labels.EXPERT
                + " {id: id})-[:"
                + RelTypes.HAS_REVIEW
                + "]->(r:"
                + Labels.PERFORMANCE_REVIEW
                + ") RETURN id, r ORDER BY r.year",
            Map.of("ids", List.copyOf(byId.keySet())))
        .map(
            rows -> {
              Map<ExpertNode, List<PerformanceReview>> out = new HashMap<>();
              experts.forEach(e -> out.put(e, new ArrayList<>()));
              rows.forEach(r -> out.get(byId.get(r.get("id").asString())).add(review(r.get("r"))));
              return out;
            });
  }

  /** {@code type PersonalDataExport}. */
  record PersonalDataExport(
      String expertId,
      String generatedAt,
      ExpertNode profile,
      PersonalData personal,
      List<PerformanceReview> performanceReviews,
      List<HeldFact> facts,
      String document) {}

  /** One relationship held about the person, with what it points to. */
  record HeldFact(
      String type, String direction, String otherLabel, String otherId, String properties) {}

  @QueryMapping
  Mono<PersonalDataExport> exportPersonalData(
      @Argument String expertId, DataFetchingEnvironment env) {
    String statement =
        "MATCH (e:"
            + Labels.EXPERT
            + " {id: $id})"
            + " OPTIONAL MATCH (e)-[:"
            + RelTypes.HAS_PERSONAL_DATA
            + "]->(p:"
            + Labels.PERSONAL_DATA
            + ")"
            + " CALL (e) { OPTIONAL MATCH (e)-[r]-(o) WHERE NOT o:"
            + Labels.PERSONAL_DATA
            + " RETURN collect(CASE WHEN r IS NULL THEN null ELSE {type: type(r), out: startNode(r) = e,"
            + " label: head(labels(o)), id: coalesce(o.id, o.username, elementId(o)), props: properties(r),"
            + " node: CASE WHEN o:"
            + Labels.PERFORMANCE_REVIEW
            + " OR o:"
            + Labels.PROMOTION
            + " OR o:"
            + Labels.SCORE
            + " THEN properties(o) ELSE null END} END) AS facts }"
            + " CALL (e) { OPTIONAL MATCH (e)-[:"
            + RelTypes.APPLIED
            + "]->(a:"
            + Labels.APPLICATION
            + ") OPTIONAL MATCH (a)-[:"
            + RelTypes.TO
            + "]->(j:"
            + Labels.JOB_OPENING
            + ") RETURN collect(CASE WHEN a IS NULL THEN null ELSE {application: properties(a),"
            + " opening: j.id, openingTitle: j.title, history: [(a)-[:"
            + RelTypes.MOVED
            + "]->(c) | properties(c)], assessments: [(a)-[:"
            + RelTypes.HAS_ASSESSMENT
            + "]->(x) | properties(x)], interviews: [(a)-[:"
            + RelTypes.HAS_INTERVIEW
            + "]->(i) | properties(i)]} END) AS applications }"
            + " RETURN e {.*} AS expert, properties(p) AS personal, facts, applications,"
            + " [(e)-[:"
            + RelTypes.CONTESTED
            + "]->(c:"
            + Labels.CONTEST
            + ") | properties(c)] AS contests";
    return cypher
        .read(RoundTrips.of(env), statement, Map.of("id", expertId))
        .flatMap(
            rows -> {
              if (rows.isEmpty()) return Mono.empty();
              var row = rows.get(0);
              Value expert = row.get("expert");
              PersonalData personal =
                  row.get("personal").isNull() ? null : decrypt(expertId, row.get("personal"));
              List<HeldFact> facts = new ArrayList<>();
              List<PerformanceReview> reviews = new ArrayList<>();
              List<Map<String, Object>> document = new ArrayList<>();
              for (Value f : row.get("facts").values()) {
                if (f.isNull()) continue;
                Map<String, Object> props = new TreeMap<>(f.get("props").asMap());
                if (!f.get("node").isNull())
                  props.put("node", new TreeMap<>(f.get("node").asMap()));
                facts.add(
                    new HeldFact(
                        f.get("type").asString(),
                        f.get("out").asBoolean() ? "OUT" : "IN",
                        f.get("label").asString(null),
                        f.get("id").asString(null),
                        json(props)));
                if (RelTypes.HAS_REVIEW.equals(f.get("type").asString())
                    && !f.get("node").isNull()) {
                  reviews.add(review(f.get("node")));
                }
                document.add(
                    Map.of(
                        "type",
                        f.get("type").asString(),
                        "other",
                        String.valueOf(f.get("id").asString(null)),
                        "properties",
                        props));
              }
              Map<String, Object> doc = new LinkedHashMap<>();
              doc.put("expert", new TreeMap<>(expert.asMap()));
              doc.put("personal", personal);
              doc.put("relationships", document);
              doc.put(
                  "applications",
                  java.util.stream.StreamSupport.stream(
                          row.get("applications").values().spliterator(), false)
                      .filter(v -> !v.isNull())
                      .map(v -> v.asMap(Value::asObject))
                      .toList());
              doc.put("contests", row.get("contests").asList(v -> v.asMap(Value::asObject)));
              ExpertNode profile =
                  new ExpertNode(
                      expertId,
                      expert.get("name").asString(null),
                      expert.get("country").asString(null),
                      expert.get("region").asString(null),
                      expert.get("title").asString(null),
                      null,
                      null,
                      null,
                      null,
                      null,
                      Map.of());
              return Mono.just(
                  new PersonalDataExport(
                      expertId,
                      ZonedDateTime.now().toString(),
                      profile,
                      personal,
                      reviews,
                      facts,
                      json(doc)));
            });
  }

  record EraseExpertInput(String expertId) {}

  record EraseCandidateInput(String candidateId) {}

  /**
   * Removes what identifies the person: personal data, reviews, promotions, model scores and
   * contests (nodes, with their free text and the login that filed them), mentorships and learning
   * assignments, the stage history, assessments and interviews of their applications (the
   * application stays, anonymous, so an opening's counts hold), and collaboration, mentoring,
   * authorship, Q&amp;A, interviewing, application and login links; the logins that act as the
   * person are deleted and their API tokens revoked. The record keeps its id as an anonymous key:
   * the name becomes "Erased person", departure, grade, title and dates go, and skill evidence
   * (free text) is cleared. Skills, team membership, projects and enrolments stay, so counts by
   * skill and team are unchanged. One transaction, then the in-memory copies (the collaboration
   * index, question routers) are dropped. Any other text in the graph that names the person or
   * their id (a reason written about them, an audit event of their own login) has it replaced by
   * {@link ErasureScrub} in the background, since that reads the whole graph; it marks the record
   * {@code scrubbedAt} and records an {@code erasure.scrubbed} audit event when done. Idempotent.
   */
  @MutationMapping
  Mono<ErasePayload> eraseExpert(@Argument EraseExpertInput input, DataFetchingEnvironment env) {
    String expertId = input.expertId();
    if (expertId == null || expertId.isBlank()) {
      return Mono.just(
          new ErasePayload(expertId, false, 0, 0, List.of(UserError.required("expertId"))));
    }
    Map<String, Object> params = Map.of("id", expertId, "erased", ERASED_NAME);
    return cypher
        .write(RoundTrips.of(env), tx -> tx.run(ERASE_EXPERT, params))
        // revoking tokens reads and writes the graph with the blocking driver: never on the
        // driver's own I/O thread, which completes the write and would wait for itself
        .publishOn(Schedulers.boundedElastic())
        .map(
            rows -> {
              if (rows.isEmpty()) {
                return new ErasePayload(
                    expertId,
                    false,
                    0,
                    0,
                    List.of(UserError.notFound("expertId", "expert", expertId)));
              }
              var r = rows.get(0);
              List<String> logins = r.get("logins").asList(Value::asString);
              tokens.revokeExpert(expertId);
              logins.forEach(users::forget);
              events.publishEvent(new ExpertErased(expertId));
              scrub.start(expertId, r.get("names").asList(Value::asString), logins);
              return new ErasePayload(
                  expertId,
                  true,
                  rows.get(0).get("nodes").asInt(),
                  rows.get(0).get("rels").asInt(),
                  List.of());
            });
  }

  private static final String OWNED_TYPES =
      String.join(
          "|",
          RelTypes.HAS_PERSONAL_DATA,
          RelTypes.HAS_REVIEW,
          RelTypes.PROMOTED,
          RelTypes.HAS_SCORE,
          RelTypes.CONTESTED,
          RelTypes.ASSIGNED);

  private static final String CUT_TYPES =
      String.join(
          "|",
          RelTypes.COLLABORATED_WITH,
          RelTypes.MENTORS,
          RelTypes.AUTHORED,
          RelTypes.APPLIED,
          RelTypes.IS,
          RelTypes.ASKED,
          RelTypes.ANSWERED,
          RelTypes.INTERVIEWED_BY);

  /** The structural erasure; returns the counts, the names the person had and their logins. */
  private static final String ERASE_EXPERT =
      "MATCH (e:"
          + Labels.EXPERT
          + " {id: $id})"
          + " WITH e, [x IN [e.name] WHERE x IS NOT NULL] AS names"
          + " OPTIONAL MATCH (e)-[:"
          + OWNED_TYPES
          + "]->(x)"
          + " WITH e, names, collect(DISTINCT x) AS owned"
          // mentorships of the person, with their request texts
          + " CALL (e) { OPTIONAL MATCH (m:"
          + Labels.MENTORSHIP
          + ")-[:"
          + RelTypes.HAS_MENTOR
          + "|"
          + RelTypes.HAS_MENTEE
          + "]->(e) RETURN collect(DISTINCT m) AS mentorships }"
          // what an application of the person holds about them: stage history, assessments,
          // interviews and their feedback, before the APPLIED links below are cut
          + " CALL (e) { OPTIONAL MATCH (e)-[:"
          + RelTypes.APPLIED
          + "]->(a:"
          + Labels.APPLICATION
          + ")-[:"
          + RelTypes.MOVED
          + "|"
          + RelTypes.HAS_ASSESSMENT
          + "|"
          + RelTypes.HAS_INTERVIEW
          + "]->(part)"
          + " OPTIONAL MATCH (part)-[:"
          + RelTypes.HAS_PERSONAL_DATA
          + "]->(f:"
          + Labels.PERSONAL_DATA
          + ")"
          + " RETURN collect(DISTINCT part) + collect(DISTINCT f) AS parts }"
          + " CALL (e) { OPTIONAL MATCH (u:"
          + Labels.USER
          + " {expertId: e.id}) RETURN collect(DISTINCT u) AS users }"
          + " WITH e, names, owned + mentorships + parts AS owned, users,"
          + " [u IN users | u.username] AS logins"
          + " FOREACH (x IN owned | DETACH DELETE x)"
          + " FOREACH (u IN users | DETACH DELETE u)"
          + " WITH e, names, logins, size(owned) AS nodes"
          + " OPTIONAL MATCH (e)-[r:"
          + CUT_TYPES
          + "]-()"
          + " WITH e, names, logins, nodes, collect(DISTINCT r) AS links"
          + " FOREACH (r IN links | DELETE r)"
          + " WITH e, names, logins, nodes, size(links) AS rels"
          + " CALL (e) { MATCH (e)-[h:"
          + RelTypes.HAS_SKILL
          + "]->() SET h.evidence = null RETURN count(h) AS skills }"
          + " SET e.name = $erased, e.erased = true, e.erasedAt = datetime()"
          + " REMOVE e.title, e.hiredAt, e.leftAt, e."
          + Props.DEPARTED_AT
          + ", e."
          + Props.DEPARTURE_REASON
          + ", e."
          + Props.GRADE
          + " RETURN nodes, rels, names, logins";

  /** The same for an external candidate: {@link CandidateErasure}. */
  @MutationMapping
  Mono<ErasePayload> eraseCandidate(
      @Argument EraseCandidateInput input, DataFetchingEnvironment env) {
    String candidateId = input.candidateId();
    if (candidateId == null || candidateId.isBlank()) {
      return Mono.just(
          new ErasePayload(candidateId, false, 0, 0, List.of(UserError.required("candidateId"))));
    }
    return cypher
        .write(
            RoundTrips.of(env),
            tx -> tx.run(CandidateErasure.STATEMENT, CandidateErasure.parameters(candidateId)))
        .map(
            rows ->
                rows.isEmpty()
                    ? new ErasePayload(
                        candidateId,
                        false,
                        0,
                        0,
                        List.of(
                            UserError.notFound(
                                "candidateId",
                                "candidate (not hired: hired candidates are erased with eraseExpert)",
                                candidateId)))
                    : new ErasePayload(
                        candidateId,
                        true,
                        rows.get(0).get("nodes").asInt(),
                        rows.get(0).get("rels").asInt(),
                        List.of()));
  }

  private PersonalData decrypt(String expertId, Value p) {
    Map<String, String> clear = new HashMap<>();
    for (String field : PersonalFields.ALL) {
      Value v = p.get(field);
      if (v == null || v.isNull()) continue;
      String s = v.asString();
      clear.put(
          field,
          s.startsWith(FieldCipher.PREFIX)
              ? cipher.decrypt(s, FieldCipher.aad(expertId, field))
              : s);
    }
    Double salary = null;
    if (clear.get(PersonalFields.SALARY) != null) {
      try {
        salary = Double.valueOf(clear.get(PersonalFields.SALARY));
      } catch (NumberFormatException e) {
        salary = null;
      }
    }
    return new PersonalData(
        clear.get(PersonalFields.EMAIL),
        clear.get(PersonalFields.PHONE),
        clear.get(PersonalFields.BIRTH_DATE),
        clear.get(PersonalFields.GENDER),
        salary,
        clear.get(PersonalFields.MARITAL_STATUS),
        clear.get(PersonalFields.NATIONALITY));
  }

  private static PerformanceReview review(Value r) {
    return new PerformanceReview(
        r.get("id").asString(null),
        r.get("year").isNull() ? null : r.get("year").asInt(),
        r.get("rating").isNull() ? null : (int) Math.round(r.get("rating").asDouble()),
        r.get("summary").isNull() ? null : r.get("summary").asString());
  }

  private static Map<String, ExpertNode> index(List<ExpertNode> experts) {
    Map<String, ExpertNode> byId = new LinkedHashMap<>();
    experts.forEach(e -> byId.put(e.id(), e));
    return byId;
  }

  /**
   * The value as JSON. Dates, times and durations become ISO-8601 text and records their fields, so
   * the document is real JSON whatever the graph holds.
   */
  static String json(Object value) {
    try {
      return JSON.writeValueAsString(plain(value));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("the export could not be written as JSON", e);
    }
  }

  private static Object plain(Object v) {
    if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean) return v;
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new TreeMap<>();
      m.forEach((k, x) -> out.put(String.valueOf(k), plain(x)));
      return out;
    }
    if (v instanceof java.util.Collection<?> c)
      return c.stream().map(PrivacyController::plain).toList();
    if (v instanceof Record r) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (var c : r.getClass().getRecordComponents()) {
        try {
          out.put(c.getName(), plain(c.getAccessor().invoke(r)));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
      return out;
    }
    if (v instanceof byte[] b) return java.util.Base64.getEncoder().encodeToString(b);
    return v.toString();
  }
}
