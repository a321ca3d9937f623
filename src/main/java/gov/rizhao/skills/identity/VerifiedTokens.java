package gov.rizhao.skills.identity;

import gov.rizhao.skills.config.SkillsConfig;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Bearer tokens quarkus-oidc has verified (signature, issuer, audience, expiry), with the identity
 * it made of each: a caller sends the same token for many requests, and verifying it again is the
 * largest single cost of a small request. A token is remembered until its own expiry or {@code
 * skills.auth.verified-token-ttl} (at most an hour), whichever comes first, and only by its exact
 * text; at most {@code skills.auth.verified-tokens} of them (0: none). What is remembered is the
 * identity before any augmentor, so revocation is still checked on every request.
 */
@ApplicationScoped
public class VerifiedTokens {
  /** The longest a token is remembered, whatever the setting says. */
  static final Duration LONGEST = Duration.ofHours(1);

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final int capacity;
  private final long ttlNanos;
  private final Clock clock;
  private final LongSupplier nanos;
  private final LongAdder hits = new LongAdder();

  /**
   * An identity, valid while the wall clock is before the token's {@code exp} and the monotonic one
   * before {@code deadline} (a clock set back does not lengthen it).
   */
  private record Entry(SecurityIdentity identity, Instant expiry, long deadline) {}

  @Inject
  public VerifiedTokens(SkillsConfig config) {
    this(
        config.auth().verifiedTokens(),
        config.auth().verifiedTokenTtl(),
        Clock.systemUTC(),
        System::nanoTime);
  }

  VerifiedTokens(int capacity, Duration ttl, Clock clock, LongSupplier nanos) {
    this.capacity = capacity;
    this.ttlNanos =
        (ttl.isNegative() ? Duration.ZERO : ttl.compareTo(LONGEST) > 0 ? LONGEST : ttl).toNanos();
    this.clock = clock;
    this.nanos = nanos;
  }

  /** The identity verified for exactly this token, if that was less than its lifetime ago. */
  SecurityIdentity find(String token) {
    Entry entry = entries.get(token);
    if (entry == null) {
      return null;
    }
    if (!valid(entry, clock.instant(), nanos.getAsLong())) {
      entries.remove(token, entry);
      return null;
    }
    hits.increment();
    return entry.identity();
  }

  /** Remembers a token quarkus-oidc has just verified, until it expires ({@code exp}, seconds). */
  void remember(String token, SecurityIdentity identity, long expiresAtEpochSecond) {
    if (capacity <= 0 || ttlNanos <= 0 || expiresAtEpochSecond <= 0) {
      return;
    }
    Instant now = clock.instant();
    long tick = nanos.getAsLong();
    Entry entry = new Entry(identity, Instant.ofEpochSecond(expiresAtEpochSecond), tick + ttlNanos);
    if (!valid(entry, now, tick)) {
      return;
    }
    if (entries.size() >= capacity) {
      makeRoom(now, tick);
    }
    entries.put(token, entry);
  }

  /** Forgets the expired, then as many others as it takes to leave a tenth of the room free. */
  private void makeRoom(Instant now, long tick) {
    entries.values().removeIf(e -> !valid(e, now, tick));
    Iterator<String> tokens = entries.keySet().iterator();
    while (entries.size() > capacity - Math.max(1, capacity / 10) && tokens.hasNext()) {
      tokens.next();
      tokens.remove();
    }
  }

  private static boolean valid(Entry entry, Instant now, long tick) {
    return now.isBefore(entry.expiry()) && tick - entry.deadline() < 0;
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
