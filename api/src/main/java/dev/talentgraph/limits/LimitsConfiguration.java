package dev.talentgraph.limits;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlInterceptor;

/**
 * The GraphQL request limits as instrumentation beans (Spring for GraphQL chains every
 * Instrumentation bean).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GraphQlLimitsSettings.class)
class LimitsConfiguration {

  /** The same limit as the codecs' ({@code spring.codec.max-in-memory-size}, 256 KB by default). */
  @Bean
  BodySizeLimit bodySizeLimit(
      @org.springframework.beans.factory.annotation.Value(
              "${spring.codec.max-in-memory-size:256KB}")
          org.springframework.util.unit.DataSize max) {
    return new BodySizeLimit(max.toBytes());
  }

  @Bean
  WebGraphQlInterceptor limitsInterceptor() {
    return new LimitsInterceptor();
  }

  @Bean
  LimitInstrumentations.RateLimit rateLimitInstrumentation(GraphQlLimitsSettings s) {
    return new LimitInstrumentations.RateLimit(s.rateLimit());
  }

  @Bean
  LimitInstrumentations.Introspection introspectionInstrumentation(GraphQlLimitsSettings s) {
    return new LimitInstrumentations.Introspection(s.introspection());
  }

  @Bean
  LimitInstrumentations.Depth depthLimitInstrumentation(GraphQlLimitsSettings s) {
    return new LimitInstrumentations.Depth(s.maxDepth());
  }

  @Bean
  LimitInstrumentations.Aliases aliasLimitInstrumentation(GraphQlLimitsSettings s) {
    return new LimitInstrumentations.Aliases(s.maxAliases());
  }

  @Bean
  LimitInstrumentations.PageSize pageSizeLimitInstrumentation(GraphQlLimitsSettings s) {
    return new LimitInstrumentations.PageSize(s.maxPageSize());
  }

  @Bean
  LimitInstrumentations.ListSize listSizeLimitInstrumentation(GraphQlLimitsSettings s) {
    return new LimitInstrumentations.ListSize(s.maxListSize());
  }

  @Bean
  LimitInstrumentations.Complexity complexityLimitInstrumentation(GraphQlLimitsSettings s) {
    return new LimitInstrumentations.Complexity(s.maxComplexity(), s.assumedListSize());
  }

  @Bean
  LimitInstrumentations.Timeout requestTimeLimitInstrumentation(GraphQlLimitsSettings s) {
    return new LimitInstrumentations.Timeout(s.requestTimeout());
  }
}
