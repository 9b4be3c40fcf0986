package dev.talentgraph.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.security.authentication.BadCredentialsException;

/**
 * Password guessing made slow and cheap for everyone else. A password already verified in this
 * process is recognised without a hash, whatever else holds. Otherwise:
 *
 * <ul>
 *   <li>per user: after {@code freeFailures} failed passwords in a row, each further attempt waits
 *       for a back-off that doubles with every failure (1 s, 2 s, 4 s ... at most {@code
 *       maxBackOff}); an attempt during the back-off is refused without hashing;
 *   <li>per source address: more than {@code perSourceFailures} failures in a window lock the
 *       source out of password checks for the rest of the window (spraying many user names);
 *   <li>at most {@code concurrentHashes} BCrypt checks run at once; an attempt that cannot get a
 *       turn within a second is refused, so guesses cannot take the CPU from other requests.
 * </ul>
 *
 * Refusals are 401s whose message says when to try again. Memory is bounded: the tables are cleared
 * when they hold more than {@link #MAX_ENTRIES} entries.
 */
final class LoginThrottle {
  static final int MAX_ENTRIES = 100_000;

  private final Clock clock;
  private final int freeFailures;
  private final Duration maxBackOff;
  private final int perSourceFailures;
  private final Duration window;
  private final Semaphore hashing;

  private record UserState(int failures, Instant lockedUntil) {}

  private record SourceState(Instant windowStart, int failures) {}

  private final Map<String, UserState> users = new ConcurrentHashMap<>();
  private final Map<String, SourceState> sources = new ConcurrentHashMap<>();

  LoginThrottle(
      Clock clock,
      int freeFailures,
      Duration maxBackOff,
      int perSourceFailures,
      Duration window,
      int concurrentHashes) {
    this.clock = clock;
    this.freeFailures = freeFailures;
    this.maxBackOff = maxBackOff;
    this.perSourceFailures = perSourceFailures;
    this.window = window;
    this.hashing = new Semaphore(concurrentHashes, true);
  }

  /** The defaults: 5 free failures, back-off up to 15 min, 100 failures a minute per source. */
  static LoginThrottle defaults() {
    return new LoginThrottle(
        Clock.systemUTC(),
        5,
        Duration.ofMinutes(15),
        100,
        Duration.ofMinutes(1),
        Math.max(1, Runtime.getRuntime().availableProcessors()));
  }

  /** How passwords are checked: a cheap look-up of verified ones, and the hashing check. */
  interface Passwords {
    Optional<LocalUsers.UserRecord> verified(String username, String password);

    Optional<LocalUsers.UserRecord> check(String username, String password);
  }

  /**
   * Checks a password through this throttle; throws {@link BadCredentialsException} when it is
   * wrong or refused.
   */
  LocalUsers.UserRecord authenticate(
      LocalUsers localUsers, String username, String password, String source) {
    return authenticate(
        new Passwords() {
          @Override
          public Optional<LocalUsers.UserRecord> verified(String u, String p) {
            return localUsers.authenticateVerified(u, p);
          }

          @Override
          public Optional<LocalUsers.UserRecord> check(String u, String p) {
            return localUsers.authenticate(u, p);
          }
        },
        username,
        password,
        source);
  }

  LocalUsers.UserRecord authenticate(
      Passwords localUsers, String username, String password, String source) {
    Optional<LocalUsers.UserRecord> known = localUsers.verified(username, password);
    if (known.isPresent()) {
      users.remove(username);
      return known.get();
    }
    Instant now = clock.instant();
    UserState u = users.get(String.valueOf(username));
    if (u != null && u.lockedUntil() != null && now.isBefore(u.lockedUntil())) {
      throw new BadCredentialsException(
          "too many failed logins for this user; try again in "
              + secondsUntil(now, u.lockedUntil())
              + " s");
    }
    String src = source == null ? "unknown" : source;
    SourceState s = sources.get(src);
    if (s != null
        && now.isBefore(s.windowStart().plus(window))
        && s.failures() >= perSourceFailures) {
      throw new BadCredentialsException(
          "too many failed logins from this address; try again in "
              + secondsUntil(now, s.windowStart().plus(window))
              + " s");
    }
    boolean turn;
    try {
      turn = hashing.tryAcquire(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      turn = false;
    }
    if (!turn) throw new BadCredentialsException("too many logins at once; try again shortly");
    Optional<LocalUsers.UserRecord> checked;
    try {
      checked = localUsers.check(username, password);
    } finally {
      hashing.release();
    }
    if (checked.isPresent()) {
      users.remove(username);
      return checked.get();
    }
    failed(String.valueOf(username), src, clock.instant());
    throw new BadCredentialsException("wrong user name or password");
  }

  private void failed(String username, String source, Instant now) {
    if (users.size() > MAX_ENTRIES) users.clear();
    if (sources.size() > MAX_ENTRIES) sources.clear();
    users.compute(
        username,
        (k, old) -> {
          int n = old == null ? 1 : old.failures() + 1;
          Instant until = null;
          if (n >= freeFailures) {
            int exp = Math.min(30, n - freeFailures);
            Duration backOff = Duration.ofSeconds(1L << exp);
            if (backOff.compareTo(maxBackOff) > 0) backOff = maxBackOff;
            until = now.plus(backOff);
          }
          return new UserState(n, until);
        });
    sources.compute(
        source,
        (k, old) ->
            old == null || !now.isBefore(old.windowStart().plus(window))
                ? new SourceState(now, 1)
                : new SourceState(old.windowStart(), old.failures() + 1));
  }

  private static long secondsUntil(Instant now, Instant until) {
    return Math.max(1, (Duration.between(now, until).toMillis() + 999) / 1000);
  }
}
