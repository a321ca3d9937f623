package gov.rizhao.skills.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** What is remembered of a verified token, for how long, and how many. */
class VerifiedTokensTest {
  private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");

  /** The wall clock and, moving with it unless set back, the monotonic one. */
  private static final class MovingClock extends Clock {
    Instant now = NOW;
    long nanos = 1_000;

    void forward(long seconds) {
      now = now.plusSeconds(seconds);
      nanos += seconds * 1_000_000_000L;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  private static SecurityIdentity identity(String name) {
    return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(name)).build();
  }

  @Test
  void aTokenIsRememberedUntilItsExpiryOrTheLongestTimeWhicheverComesFirst() {
    MovingClock clock = new MovingClock();
    VerifiedTokens tokens =
        new VerifiedTokens(10, Duration.ofSeconds(60), clock, () -> clock.nanos);
    tokens.remember("short", identity("a"), NOW.getEpochSecond() + 5);
    tokens.remember("long", identity("b"), NOW.getEpochSecond() + 3600);
    assertThat(tokens.find("short").getPrincipal().getName()).isEqualTo("a");
    assertThat(tokens.find("shor")).as("only the exact text").isNull();

    clock.forward(5);
    assertThat(tokens.find("short")).as("at its expiry").isNull();
    assertThat(tokens.find("long")).isNotNull();
    clock.forward(55);
    assertThat(tokens.find("long")).as("after the longest time, though still valid").isNull();
    assertThat(tokens.size()).isZero();
  }

  @Test
  void aClockSetBackDoesNotLengthenTheTimeAndTheSettingIsBounded() {
    MovingClock clock = new MovingClock();
    VerifiedTokens tokens =
        new VerifiedTokens(10, Duration.ofSeconds(60), clock, () -> clock.nanos);
    tokens.remember("t", identity("a"), NOW.getEpochSecond() + 3600);
    clock.nanos += 61_000_000_000L;
    assertThat(tokens.find("t"))
        .as("61 s later by the monotonic clock, the wall clock set back")
        .isNull();

    VerifiedTokens huge =
        new VerifiedTokens(10, Duration.ofDays(100_000), clock, () -> clock.nanos);
    huge.remember("t", identity("a"), NOW.getEpochSecond() + 7 * 24 * 3600);
    assertThat(huge.find("t")).isNotNull();
    clock.forward(VerifiedTokens.LONGEST.toSeconds());
    assertThat(huge.find("t")).as("never longer than an hour").isNull();
  }

  @Test
  void expiredTokensAreNotRememberedAndTheCountIsBounded() {
    MovingClock clock = new MovingClock();
    VerifiedTokens tokens = new VerifiedTokens(3, Duration.ofSeconds(60), clock, () -> clock.nanos);
    tokens.remember("expired", identity("x"), NOW.getEpochSecond());
    assertThat(tokens.knows("expired")).isFalse();
    for (int i = 0; i < 10; i++) {
      tokens.remember("t" + i, identity("p" + i), NOW.getEpochSecond() + 30);
      assertThat(tokens.size()).isLessThanOrEqualTo(3);
    }
    assertThat(tokens.find("t9")).as("the newest is kept").isNotNull();
    assertThat(tokens.size()).as("room is made, not everything forgotten").isGreaterThan(1);

    VerifiedTokens off = new VerifiedTokens(0, Duration.ofSeconds(60), clock, () -> clock.nanos);
    off.remember("t", identity("p"), NOW.getEpochSecond() + 30);
    assertThat(off.find("t")).as("0 remembers none").isNull();
  }
}
