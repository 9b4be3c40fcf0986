package dev.talentgraph.graphql;

import dev.talentgraph.schema.Labels;
import org.springframework.data.neo4j.core.ReactiveNeo4jClient;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

@Controller
class GraphStatsController {
  record GraphStats(long experts, long skills, long courses, long projects) {}

  private final ReactiveNeo4jClient client;

  GraphStatsController(ReactiveNeo4jClient client) {
    this.client = client;
  }

  @QueryMapping
  Mono<GraphStats> graphStats() {
    return client.query("CALL () { MATCH (n:" + Labels.EXPERT + ") RETURN count(n) AS experts }"
            + " CALL () { MATCH (n:" + Labels.SKILL + ") RETURN count(n) AS skills }"
            + " CALL () { MATCH (n:" + Labels.COURSE + ") RETURN count(n) AS courses }"
            + " CALL () { MATCH (n:" + Labels.PROJECT + ") RETURN count(n) AS projects }"
            + " RETURN experts, skills, courses, projects")
        .fetchAs(GraphStats.class)
        .mappedBy((t, r) -> new GraphStats(r.get("experts").asLong(), r.get("skills").asLong(),
            r.get("courses").asLong(), r.get("projects").asLong()))
        .one();
  }
}
