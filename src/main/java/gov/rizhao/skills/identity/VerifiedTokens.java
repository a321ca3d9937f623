package gov.rizhao.skills.identity;

import gov.rizhao.skills.config.SkillsConfig;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Bearer tokens quarkus-oidc has verified (signature, issuer, audience, expiry), with the identity
 * it made of each: a caller sends the same token for many requests, and verifying it again is the
 * largest single cost of a small request. A token is remembered until its own expiry or {@code
 * skills.auth.verified-token-ttl}, whichever comes first, and only by its exact text; at most
 * {@code skills.auth.verified-tokens} of them (0: none). What is remembered is the identity before
 * any augmentor, so revocation is still checked on every request.
 */
@ApplicationScoped
public class VerifiedTokens {
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final int capacity;
  private final Duration ttl;
  private final Clock clock;
  private final LongAdder hits = new LongAdder();

  private record Entry(SecurityIdentity identity, Instant until) {}

  @Inject
  public VerifiedTokens(SkillsConfig config) {
    this(config.auth().verifiedTokens(), config.auth().verifiedTokenTtl(), Clock.systemUTC());
  }

  VerifiedTokens(int capacity, Duration ttl, Clock clock) {
    this.capacity = capacity;
    this.ttl = ttl;
    this.clock = clock;
  }

  /** The identity verified for exactly this token, if that was less than its lifetime ago. */
  SecurityIdentity find(String token) {
    Entry entry = entries.get(token);
    if (entry == null) {
      return null;
    }
    if (!clock.instant().isBefore(entry.until())) {
      entries.remove(token, entry);
      return null;
    }
    hits.increment();
    return entry.identity();
  }

  /** Remembers a token quarkus-oidc has just verified, until it expires ({@code exp}, seconds). */
  void remember(String token, SecurityIdentity identity, long expiresAtEpochSecond) {
    if (capacity <= 0 || expiresAtEpochSecond <= 0) {
      return;
    }
    Instant now = clock.instant();
    Instant until = Instant.ofEpochSecond(expiresAtEpochSecond);
    if (until.isAfter(now.plus(ttl))) {
      until = now.plus(ttl);
    }
    if (!now.isBefore(until)) {
      return;
    }
    if (entries.size() >= capacity) {
      entries.values().removeIf(e -> !now.isBefore(e.until()));
      if (entries.size() >= capacity) {
        entries.clear();
      }
    }
    entries.put(token, new Entry(identity, until));
  }

  boolean knows(String token) {
    return entries.containsKey(token);
  }

  /** How many requests were answered from here since the start: for tests and metrics. */
  public long hits() {
    return hits.sum();
  }

  int size() {
    return entries.size();
  }
}
