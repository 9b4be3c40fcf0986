package dev.talentgraph.communities;

import dev.talentgraph.db.DatabaseConfiguration.SchemaMigrations;
import dev.talentgraph.graphql.CypherGateway;
import dev.talentgraph.graphql.Paging;
import dev.talentgraph.graphql.RoundTrips;
import dev.talentgraph.graphql.nodes.ExpertNode;
import dev.talentgraph.schema.GraphSessions;
import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.Props;
import dev.talentgraph.schema.RelTypes;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Reads the stored communities of practice (one statement per request level) and runs a refresh on
 * a worker thread ({@link CommunityDetection}: a long, blocking job).
 */
@Service
class CommunityService {
  /** A community as served. */
  record CommunityView(
      String id,
      String name,
      int size,
      double modularity,
      List<CommunitySkill> skills,
      OffsetDateTime refreshedAt) {
    static CommunityView from(Value v) {
      List<CommunitySkill> skills = new ArrayList<>();
      List<String> ids = v.get("skillIds").asList(Value::asString, List.of());
      List<String> names = v.get("skillNames").asList(Value::asString, List.of());
      List<Integer> members = v.get("skillMembers").asList(Value::asInt, List.of());
      List<Double> shares = v.get("skillShares").asList(Value::asDouble, List.of());
      List<Double> lifts = v.get("skillLifts").asList(Value::asDouble, List.of());
      for (int i = 0; i < ids.size(); i++) {
        skills.add(
            new CommunitySkill(
                ids.get(i), names.get(i), members.get(i), shares.get(i), lifts.get(i)));
      }
      return new CommunityView(
          v.get(Props.ID).asString(),
          v.get(Props.NAME).asString(),
          v.get(SIZE).asInt(),
          v.get(MODULARITY).asDouble(),
          skills,
          v.get(Props.AT).asZonedDateTime().toOffsetDateTime());
    }
  }

  record CommunitySkill(String skillId, String name, int members, double share, double lift) {}

  record CommunityBridge(ExpertNode expert, CommunityView to, double weight, int ties) {}

  record RunView(
      OffsetDateTime at,
      String method,
      String weights,
      long seed,
      double modularity,
      int people,
      int ties,
      int communities,
      int minSize) {
    static RunView from(Value v) {
      return new RunView(
          v.get(Props.AT).asZonedDateTime().toOffsetDateTime(),
          v.get("method").asString(),
          v.get("weights").asString(),
          v.get("seed").asLong(),
          v.get(MODULARITY).asDouble(),
          v.get("people").asInt(),
          v.get("ties").asInt(),
          v.get("communities").asInt(),
          v.get("minSize").asInt());
    }
  }

  static final String SIZE = "size";
  static final String MODULARITY = "modularity";

  static final String PAGE =
      "CALL { MATCH (c:"
          + Labels.PRACTICE_COMMUNITY
          + ") RETURN count(c) AS total }"
          + " OPTIONAL MATCH (r:"
          + Labels.COMMUNITY_RUN
          + " {"
          + Props.ID
          + ": $run})"
          + " CALL { MATCH (c:"
          + Labels.PRACTICE_COMMUNITY
          + ") WITH c ORDER BY c."
          + SIZE
          + " DESC, c."
          + Props.ID
          + " SKIP $skip LIMIT $limit RETURN collect(properties(c)) AS page }"
          + " RETURN total, page, properties(r) AS run";

  static final String ONE =
      "MATCH (c:"
          + Labels.PRACTICE_COMMUNITY
          + " {"
          + Props.ID
          + ": $id}) RETURN properties(c) AS c";

  static final String OF_EXPERTS =
      "UNWIND $ids AS id MATCH (:"
          + Labels.EXPERT
          + " {"
          + Props.ID
          + ": id})-[:"
          + RelTypes.PRACTICES_IN
          + "]->(c:"
          + Labels.PRACTICE_COMMUNITY
          + ") RETURN id, collect(properties(c)) AS communities";

  static final String MEMBERS =
      "MATCH (e:"
          + Labels.EXPERT
          + ")-[m:"
          + RelTypes.PRACTICES_IN
          + "]->(:"
          + Labels.PRACTICE_COMMUNITY
          + " {"
          + Props.ID
          + ": $id}) WITH e, m ORDER BY m."
          + Props.WEIGHT
          + " DESC, e."
          + Props.ID
          + " LIMIT $limit RETURN properties(e) AS e";

  static final String BRIDGES =
      "MATCH (e:"
          + Labels.EXPERT
          + ")-[:"
          + RelTypes.PRACTICES_IN
          + "]->(:"
          + Labels.PRACTICE_COMMUNITY
          + " {"
          + Props.ID
          + ": $id}) MATCH (e)-[b:"
          + RelTypes.BRIDGES_TO
          + "]->(o:"
          + Labels.PRACTICE_COMMUNITY
          + ") WITH e, b, o ORDER BY b."
          + Props.WEIGHT
          + " DESC, e."
          + Props.ID
          + ", o."
          + Props.ID
          + " LIMIT $limit RETURN properties(e) AS e, properties(o) AS o, b."
          + Props.WEIGHT
          + " AS weight, b.ties AS ties";

  private final CypherGateway cypher;
  private final Driver driver;
  private final String database;
  private final Clock clock;

  CommunityService(CypherGateway cypher, Driver driver, SchemaMigrations schema) {
    this.cypher = cypher;
    this.driver = driver;
    this.database = schema.database();
    this.clock = Clock.systemUTC();
  }

  record Page(List<CommunityView> communities, int total, RunView run) {}

  Mono<Page> page(RoundTrips rt, Paging.Window window) {
    return cypher
        .read(
            rt,
            PAGE,
            Map.of(
                "run", CommunityDetection.RUN_ID, "skip", window.offset(), "limit", window.fetch()))
        .map(
            rows -> {
              Record r = rows.get(0);
              return new Page(
                  r.get("page").asList(CommunityView::from),
                  r.get("total").asInt(),
                  r.get("run").isNull() ? null : RunView.from(r.get("run")));
            });
  }

  Mono<CommunityView> one(RoundTrips rt, String id) {
    return cypher
        .read(rt, ONE, Map.of("id", id))
        .flatMap(
            rows ->
                rows.isEmpty()
                    ? Mono.empty()
                    : Mono.just(CommunityView.from(rows.get(0).get("c"))));
  }

  Mono<Map<String, List<CommunityView>>> ofExperts(RoundTrips rt, List<String> ids) {
    return cypher
        .read(rt, OF_EXPERTS, Map.of("ids", ids))
        .map(
            rows -> {
              Map<String, List<CommunityView>> out = new HashMap<>();
              for (Record r : rows) {
                out.put(r.get("id").asString(), r.get("communities").asList(CommunityView::from));
              }
              return out;
            });
  }

  Mono<List<ExpertNode>> members(RoundTrips rt, String id, int limit) {
    return cypher
        .read(rt, MEMBERS, Map.of("id", id, "limit", limit))
        .map(rows -> rows.stream().map(r -> ExpertNode.from(r.get("e"))).toList());
  }

  Mono<List<CommunityBridge>> bridges(RoundTrips rt, String id, int limit) {
    return cypher
        .read(rt, BRIDGES, Map.of("id", id, "limit", limit))
        .map(
            rows ->
                rows.stream()
                    .map(
                        r ->
                            new CommunityBridge(
                                ExpertNode.from(r.get("e")),
                                CommunityView.from(r.get("o")),
                                r.get("weight").asDouble(),
                                r.get("ties").asInt()))
                    .toList());
  }

  Mono<RunView> refresh() {
    return Mono.fromCallable(
            () -> {
              new CommunityDetection(driver, database, CommunityDetection.Settings.defaults())
                  .refresh(clock, line -> {});
              try (var s = driver.session(GraphSessions.read(driver, database))) {
                return RunView.from(
                    s.run(
                            "MATCH (r:"
                                + Labels.COMMUNITY_RUN
                                + " {"
                                + Props.ID
                                + ": $id}) RETURN properties(r) AS r",
                            Map.of("id", CommunityDetection.RUN_ID))
                        .single()
                        .get("r"));
              }
            })
        .subscribeOn(Schedulers.boundedElastic());
  }
}
