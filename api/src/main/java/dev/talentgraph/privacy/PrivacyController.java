package dev.talentgraph.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.talentgraph.graphql.CypherGateway;
import dev.talentgraph.graphql.RoundTrips;
import dev.talentgraph.graphql.UserError;
import dev.talentgraph.graphql.nodes.ExpertNode;
import dev.talentgraph.schema.FieldCipher;
import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.PersonalFields;
import dev.talentgraph.schema.RelTypes;
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
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

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

  PrivacyController(CypherGateway cypher, FieldCipher cipher) {
    this.cypher = cypher;
    this.cipher = cipher;
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
            + " RETURN e {.*} AS expert, properties(p) AS personal, facts";
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
   * Removes what identifies the person: personal data, reviews, promotions and model scores
   * (nodes), the written feedback of their interviews, and collaboration, mentoring, authorship,
   * application and login links; the name becomes "Erased person" and skill evidence (free text) is
   * cleared. Skills, team membership, projects and enrolments stay, so counts by skill and team are
   * unchanged. One transaction; idempotent.
   */
  @MutationMapping
  Mono<ErasePayload> eraseExpert(@Argument EraseExpertInput input, DataFetchingEnvironment env) {
    String expertId = input.expertId();
    if (expertId == null || expertId.isBlank()) {
      return Mono.just(
          new ErasePayload(expertId, false, 0, 0, List.of(UserError.required("expertId"))));
    }
    String statement =
        "MATCH (e:"
            + Labels.EXPERT
            + " {id: $id})"
            + " OPTIONAL MATCH (e)-[:"
            + RelTypes.HAS_PERSONAL_DATA
            + "|"
            + RelTypes.HAS_REVIEW
            + "|"
            + RelTypes.PROMOTED
            + "|"
            + RelTypes.HAS_SCORE
            + "]->(x)"
            + " WITH e, collect(DISTINCT x) AS owned"
            // interview feedback about the person, before the APPLIED links below are cut
            + " CALL (e) { OPTIONAL MATCH (e)-[:"
            + RelTypes.APPLIED
            + "]->(:"
            + Labels.APPLICATION
            + ")-[:"
            + RelTypes.HAS_INTERVIEW
            + "]->(:"
            + Labels.INTERVIEW
            + ")-[:"
            + RelTypes.HAS_PERSONAL_DATA
            + "]->(f:"
            + Labels.PERSONAL_DATA
            + ")"
            + " RETURN collect(DISTINCT f) AS feedback }"
            + " WITH e, owned + feedback AS owned"
            + " FOREACH (x IN owned | DETACH DELETE x)"
            + " WITH e, size(owned) AS nodes"
            + " OPTIONAL MATCH (e)-[r:"
            + RelTypes.COLLABORATED_WITH
            + "|"
            + RelTypes.MENTORS
            + "|"
            + RelTypes.AUTHORED
            + "|"
            + RelTypes.APPLIED
            + "|"
            + RelTypes.IS
            + "]-()"
            + " WITH e, nodes, collect(DISTINCT r) AS links"
            + " FOREACH (r IN links | DELETE r)"
            + " WITH e, nodes, size(links) AS rels"
            + " CALL (e) { MATCH (e)-[h:"
            + RelTypes.HAS_SKILL
            + "]->() SET h.evidence = null RETURN count(h) AS skills }"
            + " CALL (e) { OPTIONAL MATCH (u:"
            + Labels.USER
            + " {expertId: e.id}) SET u.expertId = null RETURN count(u) AS users }"
            + " SET e.name = $erased, e.erased = true, e.erasedAt = datetime()"
            + " REMOVE e.title, e.hiredAt, e.leftAt"
            + " RETURN nodes, rels";
    return cypher
        .write(
            RoundTrips.of(env),
            tx -> tx.run(statement, Map.of("id", expertId, "erased", ERASED_NAME)))
        .map(
            rows ->
                rows.isEmpty()
                    ? new ErasePayload(
                        expertId,
                        false,
                        0,
                        0,
                        List.of(UserError.notFound("expertId", "expert", expertId)))
                    : new ErasePayload(
                        expertId,
                        true,
                        rows.get(0).get("nodes").asInt(),
                        rows.get(0).get("rels").asInt(),
                        List.of()));
  }

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

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (Exception e) {
      return String.valueOf(value);
    }
  }
}
