package dev.talentgraph.knowledge;

import dev.talentgraph.db.DatabaseConfiguration.SchemaMigrations;
import dev.talentgraph.graphql.UserError;
import dev.talentgraph.importers.skills.SkillMatch;
import dev.talentgraph.knowledge.KnowledgeTypes.AnswerPayload;
import dev.talentgraph.knowledge.KnowledgeTypes.KnowledgeSkill;
import dev.talentgraph.knowledge.KnowledgeTypes.QAAnswer;
import dev.talentgraph.knowledge.KnowledgeTypes.QAQuestion;
import dev.talentgraph.knowledge.KnowledgeTypes.QuestionPayload;
import dev.talentgraph.schema.GraphSessions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The employees' own questions and answers, on the model of the Stack Exchange import: a {@code
 * :Question} (title, text, tags, createdAt, score) asked by the caller's expert and tagged with
 * {@code :Tag}s that DENOTE the skills the extractor reads in them, {@code :Answer}s ANSWER_TO it,
 * ANSWERED by their author, an accepted one marked and linked by ACCEPTED_ANSWER; all IN_COMMUNITY
 * {@value QuestionRoutingService#EMPLOYEES}. Each mutation is one transaction, validated first
 * (nothing is written on an error), audited as every mutation is, and makes the community's router
 * be rebuilt at its next use.
 */
@Service
class QaService {
  static final String COMMUNITY = QuestionRoutingService.EMPLOYEES;
  static final int MAX_TAGS = 5;
  static final int MAX_TITLE = 300;
  static final int MAX_BODY = 30_000;

  static final String POST_QUESTION =
      "MATCH (e:Expert {id: $author})"
          + " MERGE (c:Community {id: $community})"
          + " ON CREATE SET c.name = 'Employees', c.source = 'talentgraph'"
          + " MERGE (e)-[:IN_COMMUNITY]->(c)"
          + " CREATE (q:Question {id: $id, title: $title, text: $text, tags: $tags, createdAt: $now,"
          + " score: 0, source: 'talentgraph', site: $community})"
          + " CREATE (q)-[:IN_COMMUNITY]->(c) CREATE (e)-[:ASKED]->(q)"
          + " WITH q, c UNWIND $tagRows AS t"
          + " MERGE (tag:Tag {id: t.id}) ON CREATE SET tag.name = t.name, tag.source = 'talentgraph',"
          + " tag.site = $community"
          + " MERGE (tag)-[:IN_COMMUNITY]->(c) CREATE (q)-[:TAGGED]->(tag)"
          + " WITH tag, t UNWIND t.skills AS sid MATCH (s:Skill {id: sid})"
          + " MERGE (tag)-[r:DENOTES]->(s) ON CREATE SET r.via = 'extractor'";

  static final String QUESTION =
      "MATCH (q:Question {id: $id}) RETURN q.title AS title,"
          + " EXISTS { (q)-[:IN_COMMUNITY]->(:Community {id: $community}) } AS employees";

  static final String POST_ANSWER =
      "MATCH (e:Expert {id: $author}) MATCH (q:Question {id: $question})"
          + " MATCH (c:Community {id: $community}) MERGE (e)-[:IN_COMMUNITY]->(c)"
          + " CREATE (a:Answer {id: $id, text: $text, createdAt: $now, score: 0, accepted: false,"
          + " strength: 0.0, title: q.title, source: 'talentgraph', site: $community})"
          + " CREATE (a)-[:ANSWER_TO]->(q) CREATE (e)-[:ANSWERED]->(a)";

  static final String ANSWER =
      "MATCH (a:Answer {id: $id})-[:ANSWER_TO]->(q:Question)"
          + " RETURN q.id AS question, head([(x:Expert)-[:ASKED]->(q) | x.id]) AS asker,"
          + " a.text AS text, a.createdAt AS createdAt,"
          + " EXISTS { (q)-[:IN_COMMUNITY]->(:Community {id: $community}) } AS employees";

  static final String ACCEPT =
      "MATCH (a:Answer {id: $id})-[:ANSWER_TO]->(q:Question)"
          + " OPTIONAL MATCH (q)-[old:ACCEPTED_ANSWER]->(prev:Answer)"
          + " SET prev.accepted = false DELETE old"
          + " WITH DISTINCT a, q SET a.accepted = true MERGE (q)-[:ACCEPTED_ANSWER]->(a)";

  private final Driver driver;
  private final String database;
  private final Clock clock;
  private final WhoKnowsService whoKnows;
  private final QuestionRoutingService routing;

  QaService(
      Driver driver,
      SchemaMigrations schema,
      ObjectProvider<Clock> clock,
      WhoKnowsService whoKnows,
      QuestionRoutingService routing) {
    this.driver = driver;
    this.database = schema.database();
    this.clock = clock.getIfAvailable(Clock::systemUTC);
    this.whoKnows = whoKnows;
    this.routing = routing;
  }

  private List<Record> run(String cypher, Map<String, Object> params) {
    try (var s = driver.session(GraphSessions.write(driver, database))) {
      return s.executeWrite(tx -> tx.run(cypher, params).list());
    }
  }

  private ZonedDateTime now() {
    return ZonedDateTime.now(clock)
        .withZoneSameInstant(ZoneOffset.UTC)
        .truncatedTo(ChronoUnit.MILLIS);
  }

  private static List<UserError> author(String expertId) {
    return expertId == null
        ? List.of(
            UserError.invalid("author", "your account is linked to no expert: nobody to post as"))
        : List.of();
  }

  Mono<QuestionPayload> postQuestion(
      String title, String body, List<String> tags, String expertId) {
    return Mono.fromCallable(() -> doPostQuestion(title, body, tags, expertId))
        .subscribeOn(Schedulers.boundedElastic());
  }

  private QuestionPayload doPostQuestion(
      String title, String body, List<String> tags, String expertId) {
    List<UserError> errors = new ArrayList<>(author(expertId));
    if (title == null || title.isBlank()) errors.add(UserError.required("title"));
    else if (title.length() > MAX_TITLE)
      errors.add(UserError.invalid("title", "title is longer than " + MAX_TITLE + " characters"));
    if (body == null || body.isBlank()) errors.add(UserError.required("body"));
    else if (body.length() > MAX_BODY)
      errors.add(UserError.invalid("body", "body is longer than " + MAX_BODY + " characters"));
    Set<String> names = new LinkedHashSet<>();
    List<String> given = tags == null ? List.of() : tags;
    for (int i = 0; i < given.size(); i++) {
      String t =
          given.get(i) == null
              ? ""
              : given.get(i).strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
      if (t.isEmpty() || !t.matches("[\\p{L}\\p{N}.#+_-]{1,35}"))
        errors.add(
            UserError.invalid(
                "tags[" + i + "]",
                "a tag is 1 to 35 letters, digits or . # + _ - (was '" + given.get(i) + "')"));
      else names.add(t);
    }
    if (names.size() > MAX_TAGS)
      errors.add(UserError.invalid("tags", "at most " + MAX_TAGS + " tags"));
    if (!errors.isEmpty()) return new QuestionPayload(null, errors);
    Map<String, KnowledgeSkill> skills = new LinkedHashMap<>();
    List<Map<String, Object>> tagRows = new ArrayList<>();
    for (String t : names) {
      List<String> ids = new ArrayList<>();
      for (SkillMatch m : whoKnows.extractor().distinctSkills(t.replace('-', ' '))) {
        ids.add(m.skillId());
        skills.putIfAbsent(m.skillId(), new KnowledgeSkill(m.skillId(), m.skillName()));
      }
      tagRows.add(Map.of("id", COMMUNITY + ":tag/" + t, "name", t, "skills", ids));
    }
    String id = COMMUNITY + ":post/" + UUID.randomUUID();
    ZonedDateTime now = now();
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("author", expertId);
    p.put("community", COMMUNITY);
    p.put("id", id);
    p.put("title", title.strip());
    p.put("text", body.strip());
    p.put("tags", List.copyOf(names));
    p.put("now", now);
    p.put("tagRows", tagRows);
    if (run("MATCH (e:Expert {id: $id}) RETURN e.id", Map.of("id", expertId)).isEmpty())
      return new QuestionPayload(null, List.of(UserError.notFound("author", "expert", expertId)));
    run(POST_QUESTION, p);
    routing.invalidate(COMMUNITY);
    return new QuestionPayload(
        new QAQuestion(
            id, title.strip(), body.strip(), List.copyOf(names), now, List.copyOf(skills.values())),
        List.of());
  }

  Mono<AnswerPayload> postAnswer(String questionId, String body, String expertId) {
    return Mono.fromCallable(() -> doPostAnswer(questionId, body, expertId))
        .subscribeOn(Schedulers.boundedElastic());
  }

  private AnswerPayload doPostAnswer(String questionId, String body, String expertId) {
    List<UserError> errors = new ArrayList<>(author(expertId));
    if (body == null || body.isBlank()) errors.add(UserError.required("body"));
    else if (body.length() > MAX_BODY)
      errors.add(UserError.invalid("body", "body is longer than " + MAX_BODY + " characters"));
    if (questionId == null || questionId.isBlank()) errors.add(UserError.required("questionId"));
    else {
      List<Record> q = run(QUESTION, Map.of("id", questionId, "community", COMMUNITY));
      if (q.isEmpty()) errors.add(UserError.notFound("questionId", "question", questionId));
      else if (!q.get(0).get("employees").asBoolean())
        errors.add(
            UserError.invalid(
                "questionId", "question '" + questionId + "' is not in the employees' community"));
    }
    if (!errors.isEmpty()) return new AnswerPayload(null, errors);
    String id = COMMUNITY + ":post/" + UUID.randomUUID();
    ZonedDateTime now = now();
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("author", expertId);
    p.put("question", questionId);
    p.put("community", COMMUNITY);
    p.put("id", id);
    p.put("text", body.strip());
    p.put("now", now);
    run(POST_ANSWER, p);
    routing.invalidate(COMMUNITY);
    return new AnswerPayload(new QAAnswer(id, questionId, body.strip(), false, now), List.of());
  }

  Mono<AnswerPayload> acceptAnswer(String answerId, String expertId) {
    return Mono.fromCallable(() -> doAccept(answerId, expertId))
        .subscribeOn(Schedulers.boundedElastic());
  }

  private AnswerPayload doAccept(String answerId, String expertId) {
    List<UserError> errors = new ArrayList<>(author(expertId));
    if (answerId == null || answerId.isBlank())
      return new AnswerPayload(null, List.of(UserError.required("answerId")));
    List<Record> a = run(ANSWER, Map.of("id", answerId, "community", COMMUNITY));
    if (a.isEmpty())
      return new AnswerPayload(null, List.of(UserError.notFound("answerId", "answer", answerId)));
    Record r = a.get(0);
    if (!r.get("employees").asBoolean())
      errors.add(
          UserError.invalid(
              "answerId", "answer '" + answerId + "' is not in the employees' community"));
    else if (expertId != null && !expertId.equals(r.get("asker").asString(null)))
      errors.add(
          UserError.invalid(
              "answerId",
              "only the asker of question '"
                  + r.get("question").asString()
                  + "' may accept its answers"));
    if (!errors.isEmpty()) return new AnswerPayload(null, errors);
    run(ACCEPT, Map.of("id", answerId));
    routing.invalidate(COMMUNITY);
    return new AnswerPayload(
        new QAAnswer(
            answerId,
            r.get("question").asString(),
            r.get("text").asString(""),
            true,
            r.get("createdAt").asZonedDateTime()),
        List.of());
  }
}
