package dev.talentgraph.analyst;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

/**
 * The one Spring context of the analyst, audit and limits tests: every class carries exactly this
 * annotation, so the embedded Neo4j starts once. Limits are set low so each can be tripped cheaply.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "talent.neo4j.embedded.bolt-port=0",
      "talent.analyst.timeout=8s",
      "talent.analyst.max-rows=5",
      "talent.graphql.limits.max-depth=8",
      "talent.graphql.limits.max-complexity=1000",
      "talent.graphql.limits.max-aliases=10",
      "talent.graphql.limits.max-page-size=200",
      "talent.graphql.limits.request-timeout=4s",
      "talent.graphql.limits.rate-limit.capacity=40",
      "talent.graphql.limits.rate-limit.period=1m",
      "talent.graphql.limits.introspection=ADMIN_ONLY"
    })
@AutoConfigureWebTestClient
public @interface GuardTest {}
