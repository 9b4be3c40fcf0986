package dev.talentgraph.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;

/** Back-off per user and per source on a clock the test moves; a refused attempt costs no hash. */
class LoginThrottleTests {
  static final class MovableClock extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  static final LocalUsers.UserRecord ALICE =
      new LocalUsers.UserRecord("alice", "hash", Set.of(Role.EMPLOYEE), "e1");

  /** "alice" with password "right"; counts the hashes computed. */
  static final class FakePasswords implements LoginThrottle.Passwords {
    final AtomicInteger hashes = new AtomicInteger();
    boolean verifiedBefore;

    @Override
    public Optional<LocalUsers.UserRecord> verified(String u, String p) {
      return verifiedBefore && u.equals("alice") && p.equals("right")
          ? Optional.of(ALICE)
          : Optional.empty();
    }

    @Override
    public Optional<LocalUsers.UserRecord> check(String u, String p) {
      hashes.incrementAndGet();
      return u.equals("alice") && p.equals("right") ? Optional.of(ALICE) : Optional.empty();
    }
  }

  final MovableClock clock = new MovableClock();
  final LoginThrottle throttle =
      new LoginThrottle(clock, 5, Duration.ofMinutes(15), 20, Duration.ofMinutes(1), 2);
  final FakePasswords passwords = new FakePasswords();

  void fail(String user, String password, String source, String message) {
    assertThatThrownBy(() -> throttle.authenticate(passwords, user, password, source))
        .isInstanceOf(BadCredentialsException.class)
        .hasMessageContaining(message);
  }

  @Test
  void aUserIsBackedOffAfterFiveFailuresAndRefusalsCostNoHash() {
    for (int i = 0; i < 5; i++) fail("alice", "guess" + i, "10.0.0.1", "wrong user name");
    assertThat(passwords.hashes).hasValue(5);
    // now in back-off (1 s): even the right password is refused, without hashing
    fail("alice", "right", "10.0.0.2", "try again in 1 s");
    for (int i = 0; i < 1_000; i++) fail("alice", "guess", "10.0.0.3", "too many failed logins");
    assertThat(passwords.hashes).hasValue(5);
    clock.now = clock.now.plusSeconds(1);
    fail("alice", "guess6", "10.0.0.1", "wrong user name");
    fail("alice", "right", "10.0.0.1", "try again in 2 s");
    clock.now = clock.now.plusSeconds(2);
    assertThat(throttle.authenticate(passwords, "alice", "right", "10.0.0.1").username())
        .isEqualTo("alice");
    // success resets the count
    fail("alice", "guess", "10.0.0.1", "wrong user name");
    fail("alice", "guess", "10.0.0.1", "wrong user name");
  }

  @Test
  void theBackOffDoublesUpToItsMaximum() {
    for (int i = 0; i < 30; i++) {
      try {
        throttle.authenticate(passwords, "bob", "x", "10.0.1." + i);
      } catch (BadCredentialsException e) {
        // expected
      }
      clock.now = clock.now.plus(Duration.ofMinutes(20));
    }
    fail("bob", "x", "10.0.2.1", "wrong user name");
    fail("bob", "x", "10.0.2.1", "try again in 900 s");
  }

  @Test
  void aSourceSprayingManyUsersIsLockedForTheWindow() {
    for (int i = 0; i < 20; i++) fail("user" + i, "x", "10.9.9.9", "wrong user name");
    int before = passwords.hashes.get();
    fail("alice", "right", "10.9.9.9", "from this address");
    assertThat(passwords.hashes).hasValue(before);
    // another address is not affected
    assertThat(throttle.authenticate(passwords, "alice", "right", "10.0.0.8").username())
        .isEqualTo("alice");
    clock.now = clock.now.plusSeconds(60);
    assertThat(throttle.authenticate(passwords, "alice", "right", "10.9.9.9").username())
        .isEqualTo("alice");
  }

  @Test
  void aPasswordVerifiedBeforeIsRecognisedWithoutHashingEvenDuringBackOff() {
    for (int i = 0; i < 6; i++) {
      try {
        throttle.authenticate(passwords, "alice", "guess", "10.0.0.1");
      } catch (BadCredentialsException e) {
        // expected
      }
    }
    passwords.verifiedBefore = true;
    int before = passwords.hashes.get();
    assertThat(throttle.authenticate(passwords, "alice", "right", "10.0.0.1").username())
        .isEqualTo("alice");
    assertThat(passwords.hashes).hasValue(before);
  }
}
