package dev.talentgraph.security;

import dev.talentgraph.schema.GraphSessions;
import dev.talentgraph.schema.Labels;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Values;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Local logins of the embedded default, kept on {@code :User} nodes with a BCrypt hash. A verified
 * password is remembered in memory as its SHA-256 for the process lifetime, so a client using HTTP
 * Basic pays BCrypt once, not on every request; nothing but the BCrypt hash is ever stored.
 */
public final class LocalUsers {
  public static final String ADMIN = "admin";
  public static final String ENV_ADMIN_PASSWORD = "TALENT_ADMIN_PASSWORD";

  /** A user as stored. */
  public record UserRecord(
      String username, String passwordHash, Set<Role> roles, String expertId) {}

  private final Driver driver;
  private final String database;
  private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
  private final Map<String, UserRecord> users = new ConcurrentHashMap<>();
  private final Map<String, String> verified = new ConcurrentHashMap<>();

  public LocalUsers(Driver driver, String database) {
    this.driver = driver;
    this.database = database;
  }

  public LocalUsers reload() {
    try (var s = driver.session(GraphSessions.read(driver, database))) {
      var rows =
          s.run(
                  "MATCH (u:"
                      + Labels.USER
                      + ") RETURN u.username AS username, u.passwordHash AS hash,"
                      + " u.roles AS roles, u.expertId AS expertId")
              .list();
      users.clear();
      verified.clear();
      for (var r : rows) {
        users.put(
            r.get("username").asString(),
            new UserRecord(
                r.get("username").asString(),
                r.get("hash").asString(),
                Role.setOf(r.get("roles").asList(org.neo4j.driver.Value::asString)),
                r.get("expertId").asString(null)));
      }
    }
    return this;
  }

  /**
   * Makes sure the {@code admin} user exists. {@code TALENT_ADMIN_PASSWORD} always wins (it
   * replaces a stored password); otherwise a password is generated at first start and handed to
   * {@code announce} once (standard output, never the log). Returns true when a password was
   * generated.
   */
  public boolean bootstrapAdmin(String envPassword, Consumer<String> announce) {
    UserRecord admin = users.get(ADMIN);
    if (envPassword != null && !envPassword.isBlank()) {
      if (admin == null || !bcrypt.matches(envPassword, admin.passwordHash())) {
        upsert(ADMIN, envPassword, EnumSet.of(Role.ADMIN), admin == null ? null : admin.expertId());
      }
      return false;
    }
    if (admin != null) return false;
    String generated = Hashing.randomSecret(15);
    upsert(ADMIN, generated, EnumSet.of(Role.ADMIN), null);
    announce.accept(
        """
        ============================================================
         TalentGraph user 'admin' password, generated once:
           %s
         It is stored only as a hash and will not be shown again.
         Set %s to choose your own.
        ============================================================"""
            .formatted(generated, ENV_ADMIN_PASSWORD));
    return true;
  }

  /** Creates or replaces a user; the password is stored as a BCrypt hash only. */
  public void upsert(String username, String password, Set<Role> roles, String expertId) {
    if (username == null || !username.matches("[A-Za-z0-9._@-]{1,64}")) {
      throw new IllegalArgumentException(
          "username must be 1-64 characters of letters, digits, . _ @ -");
    }
    if (password == null || password.length() < 8) {
      throw new IllegalArgumentException("password must have at least 8 characters");
    }
    upsertHash(username, bcrypt.encode(password), roles, expertId);
  }

  /** Creates or replaces a user from an existing BCrypt hash (configuration). */
  public void upsertHash(String username, String bcryptHash, Set<Role> roles, String expertId) {
    try (var s = driver.session(GraphSessions.write(driver, database))) {
      s.run(
              "MERGE (u:"
                  + Labels.USER
                  + " {username: $username}) SET u.passwordHash = $hash, u.roles = $roles,"
                  + " u.expertId = $expertId, u.updatedAt = datetime()",
              Values.parameters(
                  "username",
                  username,
                  "hash",
                  bcryptHash,
                  "roles",
                  roles.stream().map(Role::name).sorted().toList(),
                  "expertId",
                  expertId))
          .consume();
    }
    users.put(username, new UserRecord(username, bcryptHash, Set.copyOf(roles), expertId));
    verified.remove(username);
  }

  /**
   * Forgets a login whose User node is gone (an erasure deleted it): it is refused from the next
   * request on.
   */
  public void forget(String username) {
    users.remove(username);
    verified.remove(username);
  }

  /**
   * The user, if this password was already verified in this process: no hash is computed. Empty
   * otherwise (unknown, wrong, or not yet verified).
   */
  public Optional<UserRecord> authenticateVerified(String username, String password) {
    if (username == null || password == null) return Optional.empty();
    UserRecord u = users.get(username);
    String known = verified.get(username);
    if (u == null || known == null) return Optional.empty();
    return Hashing.constantTimeEquals(known, Hashing.sha256(username + ":" + password))
        ? Optional.of(u)
        : Optional.empty();
  }

  /** The user, if the password is right. */
  public Optional<UserRecord> authenticate(String username, String password) {
    if (username == null || password == null) return Optional.empty();
    UserRecord u = users.get(username);
    if (u == null) {
      bcrypt.matches(
          password, "$2a$10$7EqJtq98hPqEX7fNZaFWoOhi5BWX4Z7FRv.4tWPLZk4WQZ9fdzv6e"); // even timing
      return Optional.empty();
    }
    String digest = Hashing.sha256(username + ":" + password);
    String known = verified.get(username);
    if (known != null && Hashing.constantTimeEquals(known, digest)) return Optional.of(u);
    if (!bcrypt.matches(password, u.passwordHash())) return Optional.empty();
    verified.put(username, digest);
    return Optional.of(u);
  }

  public Optional<UserRecord> find(String username) {
    return Optional.ofNullable(users.get(username));
  }
}
