package dev.talentgraph.db;

import dev.talentgraph.schema.MigrationRunner;
import java.net.URI;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the graph lives. By default an {@link EmbeddedNeo4j} starts with the app and Boot's driver
 * is pointed at its Bolt port through {@link Neo4jConnectionDetails}; with {@code
 * talent.neo4j.embedded.enabled=false} nothing starts here and Boot's own {@code spring.neo4j.uri}
 * / {@code spring.neo4j.authentication.*} apply (a server, or a cluster with {@code neo4j://}).
 * Either way the schema migrations run before anything else uses the driver.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmbeddedNeo4jSettings.class)
public class DatabaseConfiguration {
  private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(
      prefix = "talent.neo4j.embedded",
      name = "enabled",
      havingValue = "true",
      matchIfMissing = true)
  static class Embedded {
    @Bean(destroyMethod = "close")
    EmbeddedNeo4j embeddedNeo4j(
        EmbeddedNeo4jSettings settings, ObjectProvider<RoutineDemand> demands) {
      return EmbeddedNeo4j.start(settings, demands.orderedStream().toList());
    }

    @Bean
    Neo4jConnectionDetails neo4jConnectionDetails(EmbeddedNeo4j neo4j) {
      URI uri = neo4j.boltUri();
      AuthToken token = neo4j.authToken();
      return new Neo4jConnectionDetails() {
        @Override
        public URI getUri() {
          return uri;
        }

        @Override
        public AuthToken getAuthToken() {
          return token;
        }
      };
    }
  }

  /** Applies the versioned migrations once the driver exists; other beans depend on this one. */
  @Bean
  SchemaMigrations schemaMigrations(
      Driver driver, @Value("${talent.neo4j.database:neo4j}") String database) {
    long t0 = System.nanoTime();
    int applied = new MigrationRunner(driver, database).migrate();
    StartupPhases.record("schema migrations", (System.nanoTime() - t0) / 1_000_000);
    log.info(
        "Schema migrations checked in {} ms ({} applied now)",
        (System.nanoTime() - t0) / 1_000_000,
        applied);
    return new SchemaMigrations(database, applied);
  }

  /** Marker bean: the schema is migrated. Inject it to run after migrations. */
  public record SchemaMigrations(String database, int appliedNow) {}
}
