package dev.talentgraph.graphql;

import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Settings of the GraphQL layer, the nested-list fast path and the parsed-document cache. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GraphQlSettings.class)
class GraphQlConfiguration {
  @Bean
  GraphQlSourceBuilderCustomizer talentGraphQlSource() {
    return builder -> builder.typeVisitors(List.of(new NestedListFetchers()))
        .configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(new DocumentCache(500)));
  }
}
