package dev.talentgraph.profiles;

import dev.talentgraph.graphql.CypherGateway;
import dev.talentgraph.graphql.NodeResolver;
import dev.talentgraph.graphql.RoundTrips;
import dev.talentgraph.graphql.nodes.ExpertNode.PublicationNode;
import dev.talentgraph.graphql.nodes.ExpertNode.TeamNode;
import dev.talentgraph.schema.Labels;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

/**
 * {@code node(id:)} for Publication and Team: public like the {@code Expert} lists that reach them
 * (any signed-in caller), read with the scalars those lists give.
 */
@Configuration(proxyBeanMethods = false)
class PublicationAndTeamNodes {
  static final String PUBLICATION =
      "MATCH (n:"
          + Labels.PUBLICATION
          + " {id: $id}) RETURN n {.id, .title, .year, .venue} AS node";
  static final String TEAM =
      "MATCH (n:" + Labels.TEAM + " {id: $id}) RETURN n {.id, .name} AS node";

  @Bean
  NodeResolver publicationNodes(CypherGateway cypher) {
    return new NodeResolver() {
      @Override
      public String type() {
        return "Publication";
      }

      @Override
      public Mono<?> resolve(String key, DataFetchingEnvironment env) {
        return cypher
            .read(RoundTrips.of(env), PUBLICATION, Map.of("id", key))
            .flatMap(
                rows ->
                    rows.isEmpty()
                        ? Mono.empty()
                        : Mono.just(PublicationNode.from(rows.get(0).get("node"))));
      }
    };
  }

  @Bean
  NodeResolver teamNodes(CypherGateway cypher) {
    return new NodeResolver() {
      @Override
      public String type() {
        return "Team";
      }

      @Override
      public Mono<?> resolve(String key, DataFetchingEnvironment env) {
        return cypher
            .read(RoundTrips.of(env), TEAM, Map.of("id", key))
            .flatMap(
                rows ->
                    rows.isEmpty()
                        ? Mono.empty()
                        : Mono.just(TeamNode.from(rows.get(0).get("node"))));
      }
    };
  }
}
