package dev.talentgraph.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.talentgraph.db.EmbeddedNeo4j;
import dev.talentgraph.db.EmbeddedNeo4jSettings;
import dev.talentgraph.schema.MigrationRunner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

class LocalUsersIT {
  static EmbeddedNeo4j db;
  static Driver driver;

  @BeforeAll
  static void start() {
    db = EmbeddedNeo4j.start(EmbeddedNeo4jSettings.of(null, 0), Map.of(), m -> {});
    driver = db.newDriver();
    new MigrationRunner(driver, "neo4j").migrate();
  }

  @AfterAll
  static void stop() {
    driver.close();
    db.close();
  }

  @BeforeEach
  void clean() {
    try (var s = driver.session()) {
      s.run("MATCH (n:User|ApiToken) DETACH DELETE n").consume();
    }
  }

  @Test
  void adminPasswordIsGeneratedOnceAndStoredOnlyAsAHash() {
    List<String> out = new ArrayList<>();
    assertThat(new LocalUsers(driver, "neo4j").reload().bootstrapAdmin(null, out::add)).isTrue();
    assertThat(new LocalUsers(driver, "neo4j").reload().bootstrapAdmin(null, out::add)).isFalse();
    assertThat(out).hasSize(1);
    String password =
        out.get(0).lines().filter(l -> l.startsWith("   ")).findFirst().orElseThrow().strip();
    var users = new LocalUsers(driver, "neo4j").reload();
    assertThat(users.authenticate("admin", password)).isPresent();
    assertThat(users.authenticate("admin", password + "x")).isEmpty();
    try (var s = driver.session()) {
      String hash =
          s.run("MATCH (u:User {username:'admin'}) RETURN u.passwordHash AS h")
              .single()
              .get("h")
              .asString();
      assertThat(hash).startsWith("$2a$").doesNotContain(password);
    }
  }

  @Test
  void environmentPasswordAlwaysWins() {
    new LocalUsers(driver, "neo4j").reload().bootstrapAdmin(null, m -> {});
    var users = new LocalUsers(driver, "neo4j").reload();
    users.bootstrapAdmin(
        "chosen-by-operator",
        m -> {
          throw new AssertionError("nothing is printed");
        });
    assertThat(new LocalUsers(driver, "neo4j").reload().authenticate("admin", "chosen-by-operator"))
        .isPresent();
  }

  @Test
  void weakPasswordsAndBadNamesAreRefused() {
    var users = new LocalUsers(driver, "neo4j").reload();
    assertThatThrownBy(() -> users.upsert("bob", "short", Set.of(Role.HR), null))
        .hasMessageContaining("8 characters");
    assertThatThrownBy(() -> users.upsert("bob'; DROP", "long enough pw", Set.of(Role.HR), null))
        .hasMessageContaining("username");
  }

  @Test
  void tokensExpireAndUnknownTokensAreRefused() {
    var now =
        new java.util.concurrent.atomic.AtomicReference<>(Instant.parse("2026-01-01T09:00:00Z"));
    var clock =
        new Clock() {
          @Override
          public ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now.get();
          }
        };
    var tokens = new ApiTokens(driver, "neo4j", clock).reload();
    var shortLived =
        tokens.create("short", "admin", Set.of(Role.ADMIN), null, Duration.ofMinutes(5));
    now.set(now.get().plus(Duration.ofMinutes(4)));
    assertThat(tokens.check(shortLived.token())).isPresent();
    now.set(now.get().plus(Duration.ofMinutes(2)));
    assertThat(tokens.check(shortLived.token())).isEmpty();
    assertThat(tokens.check("tg_not-a-real-token")).isEmpty();
    assertThat(tokens.check("Basic abc")).isEmpty();
  }

  @Test
  void tokenCreatedByAnotherProcessIsSeenWithoutRestart() {
    var server = new ApiTokens(driver, "neo4j").reload();
    var cli = new ApiTokens(driver, "neo4j");
    var created = cli.create("from-cli", "admin", Set.of(Role.ANALYST), null, null);
    assertThat(server.check(created.token()))
        .get()
        .extracting(ApiTokens.TokenRecord::roles)
        .isEqualTo(Set.of(Role.ANALYST));
  }
}
