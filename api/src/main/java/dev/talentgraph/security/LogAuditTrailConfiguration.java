package dev.talentgraph.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The audit trail when no audit log bean is present: decisions go to the {@code audit} logger (names and
 * ids only, never values). The graph-backed audit log replaces it.
 */
@Configuration(proxyBeanMethods = false)
class LogAuditTrailConfiguration {
  private static final Logger log = LoggerFactory.getLogger("audit");

  @Bean
  @ConditionalOnMissingBean(AuditTrail.class)
  AuditTrail logAuditTrail() {
    return new AuditTrail() {
      @Override
      public void personalRead(Principal who, String expertId, String field) {
        log.info("personal-read by={} expert={} field={}", who == null ? "-" : who.username(), expertId, field);
      }

      @Override
      public void refused(Principal who, String what, String reason) {
        log.info("refused by={} what={} reason={}", who == null ? "-" : who.username(), what, reason);
      }

      @Override
      public void mutation(Principal who, String name, String target, String outcome) {
        log.info("mutation by={} name={} target={} outcome={}", who == null ? "-" : who.username(), name, target, outcome);
      }
    };
  }
}
