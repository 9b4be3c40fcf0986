package dev.talentgraph.audit;

import dev.talentgraph.db.DatabaseConfiguration.SchemaMigrations;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.web.server.WebFilter;

/**
 * The audit log and its hooks: web filters around the security chain (401/403), a GraphQL
 * interceptor and instrumentation (refusals and mutations). Registered here so the security
 * configuration stays as it is.
 */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

  @Bean(destroyMethod = "close")
  AuditLog auditLog(
      Driver driver,
      SchemaMigrations schema,
      @Value("${talent.audit.queue-capacity:10000}") int capacity,
      @Value("${talent.audit.refusals.window:1m}") java.time.Duration window,
      @Value("${talent.audit.refusals.per-source:100}") int perSource,
      @Value("${talent.audit.refusals.total:1000}") int total) {
    return new AuditLog(
        driver,
        schema.database(),
        capacity,
        new RefusalLimiter(java.time.Clock.systemUTC(), window, perSource, total));
  }

  @Bean
  WebFilter auditOuterFilter(AuditLog audit) {
    return new AuditWebFilters.Outer(audit);
  }

  @Bean
  WebFilter auditInnerFilter() {
    return new AuditWebFilters.Inner();
  }

  @Bean
  WebGraphQlInterceptor auditGraphQlInterceptor(AuditLog audit) {
    return new GraphQlAudit.Interceptor(audit);
  }

  @Bean
  GraphQlAudit.OperationInstrumentation auditOperationInstrumentation() {
    return new GraphQlAudit.OperationInstrumentation();
  }
}
