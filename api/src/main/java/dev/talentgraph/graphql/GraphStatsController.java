package dev.talentgraph.graphql;

import dev.talentgraph.schema.Labels;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

@Controller
class GraphStatsController {
  record GraphStats(long experts, long skills, long courses, long projects) {}

  private final CypherGateway cypher;

  GraphStatsController(CypherGateway cypher) {
    this.cypher = cypher;
  }

  @QueryMapping
  Mono<GraphStats> graphStats(DataFetchingEnvironment env) {
    return cypher
        .read(
            RoundTrips.of(env),
            "CALL () { MATCH (n:"
                + Labels.EXPERT
                + ") RETURN count(n) AS experts }"
                + " CALL () { MATCH (n:"
                + Labels.SKILL
                + ") RETURN count(n) AS skills }"
                + " CALL () { MATCH (n:"
                + Labels.COURSE
                + ") RETURN count(n) AS courses }"
                + " CALL () { MATCH (n:"
                + Labels.PROJECT
                + ") RETURN count(n) AS projects }"
                + " RETURN experts, skills, courses, projects",
            Map.of())
        .map(
            rows -> {
              var r = rows.get(0);
              return new GraphStats(
                  r.get("experts").asLong(),
                  r.get("skills").asLong(),
                  r.get("courses").asLong(),
                  r.get("projects").asLong());
            });
  }
}
