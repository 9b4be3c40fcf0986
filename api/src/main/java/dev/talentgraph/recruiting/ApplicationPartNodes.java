package dev.talentgraph.recruiting;

import dev.talentgraph.graphql.CypherGateway;
import dev.talentgraph.graphql.NodeResolver;
import dev.talentgraph.graphql.RoundTrips;
import dev.talentgraph.graphql.Vals;
import dev.talentgraph.recruiting.RecruitingNodes.ApplicationNode;
import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.RelTypes;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

/**
 * {@code node(id:)} for an Assessment or an Interview: read as part of its application through
 * {@code application(id:)}, so under the application's rule (ADMIN, HR, a MANAGER hiring for the
 * opening).
 */
@Configuration(proxyBeanMethods = false)
class ApplicationPartNodes {
  static final String APPLICATION_OF =
      "MATCH (a:"
          + Labels.APPLICATION
          + ")-[:"
          + RelTypes.HAS_ASSESSMENT
          + "|"
          + RelTypes.HAS_INTERVIEW
          + "]->(x {id: $id}) WHERE x:"
          + Labels.ASSESSMENT
          + " OR x:"
          + Labels.INTERVIEW
          + " RETURN a.id AS application";

  @Bean
  NodeResolver assessmentNodes(CypherGateway cypher) {
    return resolver(cypher, "Assessment", ApplicationNode::assessments);
  }

  @Bean
  NodeResolver interviewNodes(CypherGateway cypher) {
    return resolver(cypher, "Interview", ApplicationNode::interviews);
  }

  private static NodeResolver resolver(
      CypherGateway cypher, String type, Function<ApplicationNode, List<? extends Record>> parts) {
    return new NodeResolver() {
      @Override
      public String type() {
        return type;
      }

      @Override
      public Mono<?> resolve(String key, DataFetchingEnvironment env) {
        return cypher
            .read(RoundTrips.of(env), APPLICATION_OF, Map.of("id", key))
            .flatMap(
                rows -> {
                  if (rows.isEmpty()) return Mono.empty();
                  String application = Vals.str(rows.get(0).get("application"));
                  return NodeResolver.viaQuery(env, "application", Map.of("id", application))
                      .flatMap(
                          r -> {
                            Object a =
                                r instanceof DataFetcherResult<?> d && d.getData() != null
                                    ? d.getData()
                                    : r;
                            if (!(a instanceof ApplicationNode app))
                              return Mono.just(r); // a refusal
                            return Mono.justOrEmpty(
                                parts.apply(app).stream()
                                    .filter(p -> key.equals(id(p)))
                                    .findFirst());
                          });
                });
      }
    };
  }

  private static String id(Record part) {
    return part instanceof RecruitingNodes.AssessmentNode a
        ? a.id()
        : part instanceof RecruitingNodes.InterviewNode i ? i.id() : null;
  }
}
