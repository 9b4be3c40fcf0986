package dev.talentgraph.security;

import dev.talentgraph.schema.GraphSessions;
import dev.talentgraph.schema.Labels;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Values;

/**
 * API tokens for programs: {@code tg_} followed by 32 random bytes. Only their SHA-256 is stored
 * (on {@code :ApiToken} nodes); the token is shown once when created. Tokens are high-entropy, so a
 * plain hash suffices: the check is one indexed read of the graph, not a password hash per request.
 * The graph is asked on every request, so a token revoked by any process (the CLI over Bolt
 * included) or removed by an erasure is refused at once.
 */
public final class ApiTokens {
  public static final String PREFIX = "tg_";

  /** A stored token: its hash, who it acts as, its roles and optional expiry. */
  public record TokenRecord(
      String hash,
      String name,
      String username,
      Set<Role> roles,
      String expertId,
      ZonedDateTime expiresAt) {
    boolean expired(ZonedDateTime now) {
      return expiresAt != null && now.isAfter(expiresAt);
    }
  }

  /** A created token: the secret (shown once) and its record. */
  public record Created(String token, TokenRecord record) {}

  private final Driver driver;
  private final String database;

  private final Map<String, TokenRecord> byHash = new ConcurrentHashMap<>();
  private final Map<String, Long> checkedAt = new ConcurrentHashMap<>();
  private final Set<String> configured = ConcurrentHashMap.newKeySet();

  private final Clock clock;

  public ApiTokens(Driver driver, String database) {
    this(driver, database, Clock.systemDefaultZone());
  }

  /** With the clock that decides expiry; tests pass one they can move. */
  ApiTokens(Driver driver, String database, Clock clock) {
    this.driver = driver;
    this.database = database;
    this.clock = clock;
  }

  /** Loads every stored token into memory; call at startup and after changes made elsewhere. */
  public ApiTokens reload() {
    try (var s = driver.session(GraphSessions.read(driver, database))) {
      var rows = s.run("MATCH (t:" + Labels.API_TOKEN + ") RETURN " + PROJECTION).list();
      byHash.keySet().retainAll(configured);
      long now = System.nanoTime();
      for (var r : rows) {
        TokenRecord rec = record(r);
        byHash.put(rec.hash(), rec);
        checkedAt.put(rec.hash(), now);
      }
    }
    return this;
  }

  private static final String PROJECTION =
      "t.hash AS hash, t.name AS name, t.username AS username, t.roles AS roles,"
          + " t.expertId AS expertId, t.expiresAt AS expiresAt";

  private static TokenRecord record(org.neo4j.driver.Record r) {
    return new TokenRecord(
        r.get("hash").asString(),
        r.get("name").asString(),
        r.get("username").asString(),
        Role.setOf(r.get("roles").asList(org.neo4j.driver.Value::asString)),
        r.get("expertId").asString(null),
        r.get("expiresAt").isNull() ? null : r.get("expiresAt").asZonedDateTime());
  }

  /** Registers a token given in configuration by its SHA-256 (never stored in the graph). */
  public void registerConfigured(
      String sha256, String name, String username, Set<Role> roles, String expertId) {
    byHash.put(sha256, new TokenRecord(sha256, name, username, roles, expertId, null));
    configured.add(sha256);
    checkedAt.put(sha256, System.nanoTime());
  }

  /** Creates and stores a token; the returned secret is not kept anywhere. */
  public Created create(
      String name, String username, Set<Role> roles, String expertId, Duration ttl) {
    if (name == null || name.isBlank())
      throw new IllegalArgumentException("token name must not be empty");
    if (roles.isEmpty()) throw new IllegalArgumentException("a token needs at least one role");
    if (ttl != null && (ttl.isNegative() || ttl.isZero()))
      throw new IllegalArgumentException(
          "a token's time to live must be positive (got " + ttl + "); leave it out for no expiry");
    String token = PREFIX + Hashing.randomSecret(32);
    String hash = Hashing.sha256(token);
    ZonedDateTime expires = ttl == null ? null : ZonedDateTime.now(clock).plus(ttl);
    try (var s = driver.session(GraphSessions.write(driver, database))) {
      s.run(
              "CREATE (t:"
                  + Labels.API_TOKEN
                  + " {hash: $hash, name: $name, username: $username, roles: $roles,"
                  + " expertId: $expertId, createdAt: datetime(), expiresAt: $expires})",
              Values.parameters(
                  "hash",
                  hash,
                  "name",
                  name,
                  "username",
                  username,
                  "roles",
                  roles.stream().map(Role::name).sorted().toList(),
                  "expertId",
                  expertId,
                  "expires",
                  expires))
          .consume();
    }
    var rec = new TokenRecord(hash, name, username, roles, expertId, expires);
    byHash.put(hash, rec);
    checkedAt.put(hash, System.nanoTime());
    return new Created(token, rec);
  }

  /** Revokes tokens by name; returns how many were removed. */
  public int revoke(String name) {
    try (var s = driver.session(GraphSessions.write(driver, database))) {
      int n =
          s
              .run(
                  "MATCH (t:"
                      + Labels.API_TOKEN
                      + " {name: $name}) WITH t, t.hash AS h DELETE t RETURN h",
                  Map.of("name", name))
              .list(r -> r.get("h").asString())
              .stream()
              .peek(
                  h -> {
                    byHash.remove(h);
                    checkedAt.remove(h);
                  })
              .toList()
              .size();
      return n;
    }
  }

  /**
   * Revokes every token acting for this expert (an erasure); returns how many were removed. They
   * are refused from the next request on.
   */
  public int revokeExpert(String expertId) {
    try (var s = driver.session(GraphSessions.write(driver, database))) {
      List<String> hashes =
          s.run(
                  "MATCH (t:"
                      + Labels.API_TOKEN
                      + " {expertId: $id}) WITH t, t.hash AS h DELETE t RETURN h",
                  Map.of("id", expertId))
              .list(r -> r.get("h").asString());
      hashes.forEach(
          h -> {
            byHash.remove(h);
            checkedAt.remove(h);
          });
      byHash.values().removeIf(r -> expertId.equals(r.expertId()));
      return hashes.size();
    }
  }

  /**
   * True when {@link #check} can answer without reading the graph: only for text that is not a
   * token at all, and for tokens given in configuration (they are not in the graph).
   */
  public boolean answersFromMemory(String presented) {
    if (presented == null || !presented.startsWith(PREFIX)) return true;
    return configured.contains(Hashing.sha256(presented));
  }

  /** The record for a presented token, if it is stored and not expired; reads the graph. */
  public Optional<TokenRecord> check(String presented) {
    if (presented == null || !presented.startsWith(PREFIX)) return Optional.empty();
    String hash = Hashing.sha256(presented);
    if (!answersFromMemory(presented)) refresh(hash);
    TokenRecord rec = byHash.get(hash);
    if (rec == null || rec.expired(ZonedDateTime.now(clock))) return Optional.empty();
    return Optional.of(rec);
  }

  private void refresh(String hash) {
    if (configured.contains(hash)) {
      checkedAt.put(hash, System.nanoTime());
      return;
    }
    try (var s = driver.session(GraphSessions.read(driver, database))) {
      var rows =
          s.run(
                  "MATCH (t:" + Labels.API_TOKEN + " {hash: $hash}) RETURN " + PROJECTION,
                  Map.of("hash", hash))
              .list();
      if (rows.isEmpty()) {
        byHash.remove(hash);
        if (checkedAt.size() > 100_000)
          checkedAt.clear(); // unknown tokens must not grow memory without bound
      } else {
        byHash.put(hash, record(rows.get(0)));
      }
      checkedAt.put(hash, System.nanoTime());
    }
  }

  public List<TokenRecord> list() {
    return List.copyOf(byHash.values());
  }
}
