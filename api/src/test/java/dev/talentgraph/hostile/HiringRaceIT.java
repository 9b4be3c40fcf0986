package dev.talentgraph.hostile;

import static dev.talentgraph.analyst.GuardFixtures.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.talentgraph.analyst.GuardFixtures;
import dev.talentgraph.analyst.GuardTest;
import dev.talentgraph.security.LocalUsers;
import dev.talentgraph.security.Role;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Two moves to HIRED on an opening with a headcount of one, sent at the same moment (finding 7):
 * the opening's lock makes them run one after the other, and the second is refused.
 */
@GuardTest
class HiringRaceIT {
  static final ObjectMapper JSON = new ObjectMapper();
  @Autowired WebTestClient web;
  @Autowired Driver driver;
  @Autowired LocalUsers users;

  @Test
  void twoHiresOnAHeadcountOfOneAreRefusedOnceAtomically() throws Exception {
    GuardFixtures.seed(driver, users);
    users.upsert("race-hr", PASSWORD, Set.of(Role.HR), null);
    for (int round = 0; round < 3; round++) {
      String j = "race-j" + round;
      try (var s = driver.session()) {
        s.run(
                """
            MERGE (o:JobOpening {id: $j}) SET o.title = 'Race', o.headcount = 1, o.status = 'open'
            WITH o UNWIND [1, 2] AS i
            MERGE (c:Candidate {id: $j + '-c' + i}) SET c.name = 'Racer ' + i
            MERGE (c)-[:APPLIED]->(a:Application {id: $j + '-a' + i})-[:TO]->(o)
            SET a.stage = 'offer', a.round = 0
            """,
                Map.of("j", j))
            .consume();
      }
      CyclicBarrier start = new CyclicBarrier(2);
      List<CompletableFuture<JsonNode>> moves =
          List.of(1, 2).stream()
              .map(
                  i ->
                      CompletableFuture.supplyAsync(
                          () -> {
                            try {
                              start.await();
                            } catch (Exception e) {
                              throw new IllegalStateException(e);
                            }
                            return hire(j + "-a" + i);
                          }))
              .toList();
      int ok = 0;
      int refused = 0;
      for (var m : moves) {
        JsonNode errors = m.get().at("/data/moveApplication/errors");
        if (errors.isArray() && errors.isEmpty()) ok++;
        else if (errors.toString().contains("headcount")) refused++;
      }
      assertThat(ok).as("round " + round).isEqualTo(1);
      assertThat(refused).as("round " + round).isEqualTo(1);
      try (var s = driver.session()) {
        assertThat(
                s.run(
                        "MATCH (:JobOpening {id: $j})<-[:TO]-(a:Application {stage: 'hired'})"
                            + " RETURN count(a) AS n",
                        Map.of("j", j))
                    .single()
                    .get("n")
                    .asLong())
            .isEqualTo(1);
      }
    }
  }

  JsonNode hire(String application) {
    String body =
        web.mutate()
            .responseTimeout(Duration.ofSeconds(30))
            .build()
            .post()
            .uri("/graphql")
            .headers(h -> h.setBasicAuth("race-hr", PASSWORD))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(
                Map.of(
                    "query",
                    "mutation($id: ID!) { moveApplication(input: {applicationId: $id, to: HIRED})"
                        + " { errors { code message } } }",
                    "variables",
                    Map.of("id", application)))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    try {
      return JSON.readTree(body);
    } catch (Exception e) {
      throw new IllegalStateException(body, e);
    }
  }
}
