package dev.talentgraph.graphql;

import graphql.execution.instrumentation.Instrumentation;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * Settings of the GraphQL layer and how graphql-java runs here: the nested-list fast path, the
 * schema-declared properties ({@link SchemaProperties}), the parsed-document cache, the
 * instrumentations as one operation-level instrumentation ({@link OperationInstrumentations}) and
 * the query strategy that completes plain lists in one pass ({@link ProjectedListStrategy}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GraphQlSettings.class)
class GraphQlConfiguration {
  @Bean
  ProjectedListStrategy projectedListStrategy(
      ObjectProvider<DataFetcherExceptionResolver> resolvers) {
    // the same exception handling Spring gives graphql-java's default strategy (Boot passes these
    // same beans)
    return new ProjectedListStrategy(
        DataFetcherExceptionResolver.createExceptionHandler(resolvers.orderedStream().toList()));
  }

  /**
   * The contract's own scalars and the {@code Node} type resolver: global ids ({@link GlobalIds})
   * and the {@code Date} / {@code DateTime} scalars ({@link DateScalars}).
   */
  @Bean
  RuntimeWiringConfigurer contractWiring() {
    // strict wiring refuses to redefine a built-in scalar: lifted for ID only
    return wiring ->
        wiring
            .strictMode(false)
            .scalar(GlobalIds.idScalar())
            .strictMode(true)
            .scalar(DateScalars.DATE)
            .scalar(DateScalars.DATE_TIME)
            .type(
                GlobalIds.NODE,
                type ->
                    type.typeResolver(env -> GlobalIds.typeOf(env.getObject(), env.getSchema())));
  }

  @Bean
  NodeController.RawVariables nodeRawVariables() {
    return new NodeController.RawVariables();
  }

  @Bean
  GraphQlSourceBuilderCustomizer talentGraphQlSource(
      ObjectProvider<Instrumentation> instrumentations, ProjectedListStrategy queryStrategy) {
    OperationInstrumentations operationLevel =
        new OperationInstrumentations(instrumentations.orderedStream().toList());
    return builder ->
        builder
            .typeVisitors(List.of(new NestedListFetchers(), new SchemaProperties()))
            .configureGraphQl(
                graphQl ->
                    graphQl
                        .preparsedDocumentProvider(new DocumentCache(500))
                        // replaces the ChainedInstrumentation Spring builds from the same beans
                        .instrumentation(operationLevel)
                        .queryExecutionStrategy(queryStrategy));
  }
}
