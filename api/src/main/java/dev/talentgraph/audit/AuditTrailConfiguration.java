package dev.talentgraph.audit;

import dev.talentgraph.security.AuditTrail;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Personal-data reads go to the append-only audit log as {@code personal.read} events. */
@Configuration(proxyBeanMethods = false)
class AuditTrailConfiguration {
  static final String ACTION = "personal.read";

  @Bean
  AuditTrail auditTrail(AuditLog log) {
    return (who, expertId, field, remote) ->
        log.record(
            who,
            ACTION,
            "expert " + expertId + " " + field,
            AuditEvent.Outcome.ALLOWED,
            null,
            remote);
  }
}
