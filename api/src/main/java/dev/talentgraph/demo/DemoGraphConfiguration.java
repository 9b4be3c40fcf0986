package dev.talentgraph.demo;

import dev.talentgraph.db.DatabaseConfiguration.SchemaMigrations;
import dev.talentgraph.importers.demo.DemoLoader;
import dev.talentgraph.importers.demo.DemoSettings;
import dev.talentgraph.importers.demo.DemoSummary;
import dev.talentgraph.operations.ImportMeters;
import dev.talentgraph.schema.FieldCipher;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code serve --demo} ({@code talent.demo.enabled=true}): generates the seeded demo graph into an
 * empty store before the server takes requests, so the first query already sees it; finishes an
 * interrupted demo load; leaves a store with other data alone (and says so in the log).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "talent.demo", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(DemoGraphConfiguration.DemoProperties.class)
class DemoGraphConfiguration {
  private static final Logger log = LoggerFactory.getLogger(DemoGraphConfiguration.class);

  /** {@code talent.demo.*}: the served demo is seed 42 with 2,000 experts; tests use fewer. */
  @ConfigurationProperties("talent.demo")
  public record DemoProperties(
      boolean enabled, @DefaultValue("42") long seed, @DefaultValue("2000") int experts) {}

  /** Marker bean: the demo is in the graph (or was not wanted there). */
  public record DemoGraph(DemoSummary summary) {}

  @Bean
  DemoGraph demoGraph(
      Driver driver, SchemaMigrations migrations, FieldCipher cipher, DemoProperties props) {
    DemoSettings settings =
        DemoSettings.defaults().withSeed(props.seed()).withExperts(props.experts());
    int[] lastTenth = {-1};
    DemoSummary s =
        new DemoLoader(driver, migrations.database(), cipher)
            .loadIfEmpty(
                settings,
                (step, done, total) -> {
                  ImportMeters.record("demo", done, total);
                  int tenth = (int) (done * 10 / Math.max(1, total));
                  if (tenth != lastTenth[0]) {
                    lastTenth[0] = tenth;
                    log.info(
                        "demo graph: {}% ({} of {} rows, {})",
                        done * 100 / Math.max(1, total), done, total, step);
                  }
                });
    if (s.skipped()) {
      log.info("demo graph not generated: {}", s.reason());
    } else {
      log.info(
          "demo graph generated (seed {}, {} experts): {} nodes and {} relationships in {} ms",
          s.seed(),
          s.experts(),
          s.nodesCreated(),
          s.relationshipsCreated(),
          s.elapsed().toMillis());
    }
    return new DemoGraph(s);
  }
}
