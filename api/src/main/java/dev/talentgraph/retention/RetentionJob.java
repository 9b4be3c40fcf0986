package dev.talentgraph.retention;

import dev.talentgraph.audit.AuditLog;
import dev.talentgraph.db.DatabaseConfiguration.SchemaMigrations;
import java.time.Clock;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The retention job of {@code serve}: at {@code talent.retention.cron} (daily by default) it erases
 * the candidates whose retention period has expired, each audited as {@code retention.erase} by
 * actor {@code schedule}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RetentionSettings.class)
@EnableScheduling
class RetentionJob {
  private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
  static final String ACTOR = "schedule";

  private final RetentionService service;

  RetentionJob(RetentionService service) {
    this.service = service;
  }

  @Bean
  static RetentionService retentionService(
      Driver driver, SchemaMigrations schema, RetentionSettings settings, AuditLog audit) {
    return new RetentionService(driver, schema.database(), settings, audit::record);
  }

  @Scheduled(cron = "${talent.retention.cron:0 30 2 * * *}", zone = "UTC")
  void run() {
    try {
      RetentionService.Report r = service.run(false, Clock.systemUTC(), ACTOR);
      log.info("retention: {} candidates erased ({} nodes)", r.erased(), r.nodesDeleted());
    } catch (RuntimeException e) {
      log.warn("retention run failed: {}", e.getMessage());
    }
  }
}
