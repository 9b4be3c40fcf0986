package dev.talentgraph.graphql;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Settings of the GraphQL layer. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GraphQlSettings.class)
class GraphQlConfiguration {}
