package dev.talentgraph.knowledge;

import dev.talentgraph.db.DatabaseConfiguration.SchemaMigrations;
import dev.talentgraph.graphql.InvalidArgumentException;
import dev.talentgraph.knowledge.KnowledgeTypes.QuestionRoute;
import dev.talentgraph.knowledge.KnowledgeTypes.Reason;
import dev.talentgraph.knowledge.KnowledgeTypes.RoutedExpert;
import dev.talentgraph.ml.experts.CandidateFeatures;
import dev.talentgraph.ml.experts.QaPost;
import dev.talentgraph.ml.experts.QaVote;
import dev.talentgraph.ml.experts.QuestionRouter;
import dev.talentgraph.ml.experts.QuestionRouting;
import dev.talentgraph.schema.GraphSessions;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code routeQuestion}: the {@link QuestionRouting} of a community, built from its {@code
 * :Question}/{@code :Answer} nodes at the first request that needs it (a replay of the history and
 * a Tribuo fit, ADR 0009) and kept in memory with its training date until a question or an answer
 * of the community is posted or accepted through the API; a request on a built router is a BM25
 * lookup and a scan of the candidates.
 */
@Service
class QuestionRoutingService {
  /** The employees' own Q&amp;A community. */
  static final String EMPLOYEES = "employees";

  static final int MAX_FIRST = 50;
  static final long SEED = 1;

  static final String HISTORY =
      "MATCH (:Community {id: $community})<-[:IN_COMMUNITY]-(q:Question)"
          + " RETURN q.id AS id, q.createdAt AS createdAt, head([(x:Expert)-[:ASKED]->(q) | x.id]) AS asker,"
          + " q.title AS title, q.text AS text, coalesce(q.tags, []) AS tags,"
          + " [(q)<-[:ANSWER_TO]-(a:Answer) | {id: a.id, createdAt: a.createdAt,"
          + " author: head([(y:Expert)-[:ANSWERED]->(a) | y.id]), text: a.text,"
          + " score: coalesce(a.score, 0), accepted: coalesce(a.accepted, false)}] AS answers";

  static final String COMMUNITY = "MATCH (c:Community {id: $community}) RETURN c.id";

  static final String NAMES =
      "UNWIND $ids AS id MATCH (e:Expert {id: id}) RETURN e.id AS id, e.name AS name";

  /** A router built for one community, with what it was built from. */
  record Built(
      QuestionRouting routing, Map<String, String> titles, ZonedDateTime trainedAt, String model) {}

  private final Driver driver;
  private final String database;
  private final Clock clock;
  private final Map<String, Mono<Built>> routers = new ConcurrentHashMap<>();

  QuestionRoutingService(Driver driver, SchemaMigrations schema, ObjectProvider<Clock> clock) {
    this.driver = driver;
    this.database = schema.database();
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  /** Forgets a community's router: its Q&amp;A changed. */
  void invalidate(String community) {
    routers.remove(community);
  }

  /** Routers know who answered what: after an erasure every one is built again. */
  @org.springframework.context.event.EventListener
  void onErasure(dev.talentgraph.privacy.ExpertErased e) {
    routers.clear();
  }

  Mono<QuestionRoute> route(
      String text, List<String> tags, Integer first, String community, String asker, boolean full) {
    int n = first == null ? 10 : first;
    if (n < 1 || n > MAX_FIRST)
      return Mono.error(
          new InvalidArgumentException(
              "first", "first must be between 1 and " + MAX_FIRST + " (was " + n + ")"));
    if (text == null || text.isBlank())
      return Mono.error(new InvalidArgumentException("text", "text must not be empty"));
    String c = community == null || community.isBlank() ? EMPLOYEES : community.strip();
    List<String> t = tags == null ? List.of() : tags;
    Mono<Built> built =
        routers.computeIfAbsent(
            c,
            k ->
                Mono.fromCallable(() -> build(k))
                    .subscribeOn(Schedulers.boundedElastic())
                    .doOnError(e -> routers.remove(k))
                    .cache());
    return built
        .publishOn(Schedulers.boundedElastic())
        .map(b -> answer(b, text, t, n, c, asker, full));
  }

  private List<Record> read(String cypher, Map<String, Object> params) {
    try (var s = driver.session(GraphSessions.read(driver, database))) {
      return s.executeRead(tx -> tx.run(cypher, params).list());
    }
  }

  private static LocalDateTime utc(Value v) {
    return v.asZonedDateTime().withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
  }

  Built build(String community) {
    if (read(COMMUNITY, Map.of("community", community)).isEmpty())
      throw new InvalidArgumentException(
          "community",
          "no community with id '"
              + community
              + "'"
              + (community.equals(EMPLOYEES) ? ": no employee has posted a question yet" : ""));
    List<QaPost> posts = new ArrayList<>();
    List<QaVote> votes = new ArrayList<>();
    Map<String, String> titles = new HashMap<>();
    for (Record r : read(HISTORY, Map.of("community", community))) {
      if (r.get("createdAt").isNull()) continue;
      List<String> tags = new ArrayList<>();
      for (Value v : r.get("tags").values()) tags.add(v.asString().toLowerCase(Locale.ROOT));
      String qid = r.get("id").asString();
      titles.put(qid, r.get("title").asString(""));
      posts.add(
          QaPost.question(
              qid,
              utc(r.get("createdAt")),
              r.get("asker").asString(null),
              r.get("title").asString(""),
              r.get("text").asString(""),
              tags));
      for (Value a : r.get("answers").values()) {
        if (a.get("createdAt").isNull()) continue;
        LocalDateTime at = utc(a.get("createdAt"));
        posts.add(
            QaPost.answer(
                a.get("id").asString(),
                qid,
                at,
                a.get("author").asString(null),
                a.get("text").asString("")));
        votes.add(
            new QaVote(
                a.get("id").asString(),
                a.get("score").asInt(0),
                a.get("accepted").asBoolean(false),
                at));
      }
    }
    ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(ZoneOffset.UTC);
    QuestionRouting routing;
    try {
      routing =
          QuestionRouting.train(
              posts,
              votes,
              QuestionRouter.Settings.defaults(SEED),
              "community " + community + " at " + now);
    } catch (IllegalArgumentException e) {
      throw new InvalidArgumentException(
          "community",
          "community '"
              + community
              + "' has no answered question to learn from ("
              + e.getMessage()
              + ")");
    }
    String model =
        "question-router "
            + CandidateFeatures.VERSION
            + " (Tribuo logistic regression, in memory) trained on "
            + routing.router().trainingQuestions()
            + " questions with "
            + routing.router().trainingPositives()
            + " answerers of community "
            + community
            + " at "
            + now;
    return new Built(routing, titles, now, model);
  }

  private QuestionRoute answer(
      Built b,
      String text,
      List<String> tags,
      int first,
      String community,
      String asker,
      boolean full) {
    List<QuestionRouting.Routed> ranked =
        b.routing()
            .rank(text, tags, asker, LocalDateTime.now(clock.withZone(ZoneOffset.UTC)), first);
    Map<String, String> names = new HashMap<>();
    List<String> ids = ranked.stream().map(QuestionRouting.Routed::person).toList();
    for (Record r : read(NAMES, Map.of("ids", ids)))
      names.put(r.get("id").asString(), r.get("name").asString(null));
    List<RoutedExpert> items = new ArrayList<>();
    for (QuestionRouting.Routed r : ranked) {
      List<Reason> reasons = new ArrayList<>();
      if (!r.matchedTags().isEmpty())
        reasons.add(
            new Reason(
                "tags",
                "answered "
                    + r.tagAnswers()
                    + " earlier question(s) tagged "
                    + String.join(", ", r.matchedTags()),
                r.matchedTags()));
      if (!r.similarQuestions().isEmpty()) {
        List<String> quoted = new ArrayList<>();
        for (String q : r.similarQuestions())
          quoted.add("\"" + b.titles().getOrDefault(q, q) + "\"");
        reasons.add(
            new Reason(
                "similar-answers",
                "answered similar questions: " + String.join("; ", quoted),
                r.similarQuestions()));
      }
      reasons.add(
          new Reason(
              "acceptance",
              r.accepted()
                  + " of "
                  + r.answers()
                  + " answers accepted ("
                  + Math.round(100 * r.acceptanceRate())
                  + "%)",
              List.of()));
      reasons.add(
          new Reason(
              "recency",
              "last answered " + Math.round(r.daysSinceLast()) + " day(s) ago",
              List.of()));
      items.add(
          new RoutedExpert(
              KnowledgeTypes.expert(r.person(), names.getOrDefault(r.person(), r.person())),
              full ? Math.round(r.score() * 10_000) / 10_000.0 : null,
              reasons));
    }
    List<String> notes = new ArrayList<>();
    notes.add(
        b.routing().answerers()
            + " candidates (everyone with an earlier answer in "
            + community
            + ")"
            + (asker == null ? "" : ", the asker " + asker + " excluded"));
    return new QuestionRoute(items, b.model(), community, notes);
  }
}
