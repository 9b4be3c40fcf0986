package dev.talentgraph.operations;

import dev.talentgraph.db.DatabaseConfiguration.SchemaMigrations;
import dev.talentgraph.db.EmbeddedNeo4j;
import io.micrometer.core.instrument.MeterRegistry;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.GraphQlSource;

/** The operator's meters and the end of in-flight work at shutdown (see the package). */
@Configuration(proxyBeanMethods = false)
class OperationsConfiguration {
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  GraphQlMeters graphQlMeters(MeterRegistry registry, GraphQlSource source) {
    return new GraphQlMeters(registry, source.schema());
  }

  @Bean
  HttpRefusalMeters httpRefusalMeters(MeterRegistry registry) {
    return new HttpRefusalMeters(registry);
  }

  @Bean
  GraphMeters graphMeters(
      Driver driver, SchemaMigrations schema, ObjectProvider<EmbeddedNeo4j> embedded) {
    return new GraphMeters(driver, schema.database(), embedded.getIfAvailable());
  }

  @Bean
  HeapAfterGc heapAfterGc() {
    return new HeapAfterGc();
  }

  @Bean
  @ConditionalOnProperty(
      prefix = "talent.neo4j.embedded",
      name = "enabled",
      havingValue = "true",
      matchIfMissing = true)
  InFlightWork inFlightWork(Driver driver) {
    return new InFlightWork(driver);
  }
}
