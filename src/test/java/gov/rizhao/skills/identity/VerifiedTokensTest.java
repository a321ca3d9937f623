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

  private static final class MovingClock extends Clock {
    Instant now = NOW;

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
    VerifiedTokens tokens = new VerifiedTokens(10, Duration.ofSeconds(60), clock);
    tokens.remember("short", identity("a"), NOW.getEpochSecond() + 5);
    tokens.remember("long", identity("b"), NOW.getEpochSecond() + 3600);
    assertThat(tokens.find("short").getPrincipal().getName()).isEqualTo("a");
    assertThat(tokens.find("shor")).as("only the exact text").isNull();

    clock.now = NOW.plusSeconds(5);
    assertThat(tokens.find("short")).as("at its expiry").isNull();
    assertThat(tokens.find("long")).isNotNull();
    clock.now = NOW.plusSeconds(60);
    assertThat(tokens.find("long")).as("after the longest time, though still valid").isNull();
    assertThat(tokens.size()).isZero();
  }

  @Test
  void expiredTokensAreNotRememberedAndTheCountIsBounded() {
    MovingClock clock = new MovingClock();
    VerifiedTokens tokens = new VerifiedTokens(3, Duration.ofSeconds(60), clock);
    tokens.remember("expired", identity("x"), NOW.getEpochSecond());
    assertThat(tokens.knows("expired")).isFalse();
    for (int i = 0; i < 10; i++) {
      tokens.remember("t" + i, identity("p" + i), NOW.getEpochSecond() + 30);
      assertThat(tokens.size()).isLessThanOrEqualTo(3);
    }
    assertThat(tokens.find("t9")).isNotNull();

    VerifiedTokens off = new VerifiedTokens(0, Duration.ofSeconds(60), clock);
    off.remember("t", identity("p"), NOW.getEpochSecond() + 30);
    assertThat(off.find("t")).as("0 remembers none").isNull();
  }
}
