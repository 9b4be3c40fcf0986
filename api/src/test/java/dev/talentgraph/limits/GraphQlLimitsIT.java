package dev.talentgraph.limits;

import static dev.talentgraph.analyst.GuardFixtures.graphql;
import static org.assertj.core.api.Assertions.assertThat;

import dev.talentgraph.analyst.GuardFixtures;
import dev.talentgraph.analyst.GuardTest;
import dev.talentgraph.audit.AuditLog;
import dev.talentgraph.security.LocalUsers;
import dev.talentgraph.security.Role;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Each GraphQL request limit trips with its own error code (limits of {@link GuardTest}: depth 8,
 * complexity 1000, 10 aliases, page size 200, 4 s, 40 requests a minute, introspection for ADMIN),
 * and requests within the limits pass.
 */
@GuardTest
class GraphQlLimitsIT {
  @Autowired WebTestClient web;
  @Autowired Driver driver;
  @Autowired LocalUsers users;
  @Autowired AuditLog audit;

  @BeforeEach
  void seed() {
    GuardFixtures.seed(driver, users);
    if (users.find("limits-admin").isEmpty())
      users.upsert("limits-admin", GuardFixtures.PASSWORD, Set.of(Role.ADMIN), null);
    if (users.find("limits-analyst").isEmpty())
      users.upsert("limits-analyst", GuardFixtures.PASSWORD, Set.of(Role.ANALYST), null);
    GuardFixtures.warmUp(web);
  }

  private WebTestClient.BodyContentSpec refused(String user, String document, String code) {
    return graphql(web, user, document, null)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.errors[0].extensions.code")
        .isEqualTo(code)
        .jsonPath("$.errors[0].extensions.refused")
        .isEqualTo(true);
  }

  @Test
  void depth() {
    String deep =
        "{ __schema { types { fields { type { ofType { ofType { ofType { ofType { name } } } } } } } } }";
    refused("limits-admin", deep, "MAX_DEPTH_EXCEEDED")
        .jsonPath("$.errors[0].extensions.limit")
        .isEqualTo(8)
        .jsonPath("$.errors[0].extensions.actual")
        .isEqualTo(9)
        .jsonPath("$.data")
        .doesNotExist();
    graphql(
            web,
            "limits-admin",
            "{ __schema { types { fields { type { ofType { name } } } } } }",
            null)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.errors")
        .doesNotExist();
  }

  @Test
  void complexity() {
    refused(
            "limits-admin",
            "{ auditLog(first: 150) { edges { node { id at actor roles via action target outcome reason"
                + " remoteAddress } } } }",
            "MAX_COMPLEXITY_EXCEEDED")
        .jsonPath("$.errors[0].message")
        .value(m -> assertThat(m.toString()).contains("exceeds the maximum of 1000"));
    graphql(
            web,
            "limits-admin",
            "{ auditLog(first: 20) { edges { node { id actor action } } } }",
            null)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.errors")
        .doesNotExist();
  }

  @Test
  void listsWithoutAPageArgumentCountAtTheirAssumedSize() {
    // five levels of collaborators: 20^5 per leaf by the estimate, refused before any field runs
    refused(
            "portal",
            "{ expert(id: \"guard-e1\") { collaborators { collaborators { collaborators {"
                + " collaborators { collaborators { id name } } } } } } }",
            "MAX_COMPLEXITY_EXCEEDED")
        .jsonPath("$.errors[0].message")
        .value(m -> assertThat(m.toString()).contains("counts as 20 items"))
        .jsonPath("$.data")
        .doesNotExist();
    // the same through a fragment that spreads itself one level down, and through aliases
    refused(
        "portal",
        "{ expert(id: \"guard-e1\") { ...C } } fragment C on Expert { collaborators {"
            + " collaborators { collaborators { ...L } } } } fragment L on Expert { id name }",
        "MAX_COMPLEXITY_EXCEEDED");
    refused(
        "portal",
        "{ expert(id: \"guard-e1\") { a: collaborators { b: collaborators { id }"
            + " c: collaborators { skills { level } } } } }",
        "MAX_COMPLEXITY_EXCEEDED");
    // one level of a list is fine
    graphql(
            web,
            "portal",
            "{ expert(id: \"guard-e1\") { collaborators { id name } skills { level } } }",
            null)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.errors")
        .doesNotExist();
  }

  @Test
  void aliases() {
    String bomb =
        "{ "
            + IntStream.range(0, 11)
                .mapToObj(i -> "a" + i + ": graphStats { experts }")
                .collect(Collectors.joining(" "))
            + " }";
    refused("limits-analyst", bomb, "MAX_ALIASES_EXCEEDED")
        .jsonPath("$.errors[0].extensions.actual")
        .isEqualTo(11);
    String fine =
        "{ "
            + IntStream.range(0, 10)
                .mapToObj(i -> "a" + i + ": __typename")
                .collect(Collectors.joining(" "))
            + " }";
    graphql(web, "limits-analyst", fine, null)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.data.a9")
        .isEqualTo("Query");
  }

  @Test
  void pageSize() {
    refused(
            "limits-admin",
            "{ auditLog(first: 300) { pageInfo { hasNextPage } } }",
            "MAX_PAGE_SIZE_EXCEEDED")
        .jsonPath("$.errors[0].extensions.limit")
        .isEqualTo(200);
  }

  @Test
  void introspectionIsForAdminOnlyHere() {
    refused("limits-analyst", "{ __schema { queryType { name } } }", "INTROSPECTION_DISABLED")
        .jsonPath("$.errors[0].message")
        .value(m -> assertThat(m.toString()).contains("ADMIN only"));
    refused("limits-analyst", "{ __type(name: \"Query\") { name } }", "INTROSPECTION_DISABLED");
    graphql(web, "limits-admin", "{ __schema { queryType { name } } }", null)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.data.__schema.queryType.name")
        .isEqualTo("Query");
    graphql(web, "limits-analyst", "{ __typename }", null)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.data.__typename")
        .isEqualTo("Query");
  }

  @Test
  void requestTimeLimitStopsASlowField() {
    long t0 = System.nanoTime();
    graphql(
            web,
            "limits-analyst",
            "{ cypher(query: \"UNWIND range(1, 2000000000) AS i WITH i WHERE i % 7 = 3"
                + " RETURN count(*) AS n\") { rows } }",
            null)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.errors[0].extensions.code")
        .isEqualTo("REQUEST_TIMEOUT")
        .jsonPath("$.errors[0].message")
        .value(m -> assertThat(m.toString()).contains("4000 ms"));
    // REQUEST_TIMEOUT (not CYPHER_TIME_LIMIT) proves the request limit fired before the Cypher
    // limit of 8 s;
    // the wall clock is only a loose bound, delivery is slow when the machine is loaded
    assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(30_000);
  }

  @Test
  void rateLimitPerUser() {
    users.upsert("limits-busy", GuardFixtures.PASSWORD, Set.of(Role.PORTAL), null);
    for (int i = 0; i < 40; i++) {
      graphql(web, "limits-busy", "{ graphStats { experts } }", null)
          .expectStatus()
          .isOk()
          .expectBody()
          .jsonPath("$.errors")
          .doesNotExist();
    }
    refused("limits-busy", "{ graphStats { experts } }", "RATE_LIMITED")
        .jsonPath("$.errors[0].extensions.retryAfterMs")
        .exists();
    // another user is not affected
    graphql(web, "limits-analyst", "{ graphStats { experts } }", null)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.errors")
        .doesNotExist();
    assertThat(audit.flush(Duration.ofSeconds(10))).isTrue();
    assertThat(audit.query(5, null, "limits-busy", "graphql", null).events())
        .anySatisfy(e -> assertThat(e.reason()).startsWith("RATE_LIMITED"));
  }
}
