package gov.rizhao.skills.engine;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A ruleset and the number of its users: whoever keeps it (the registry for the active version, the
 * cache of older versions) holds one use, each evaluation another. It is disposed when the last use
 * is released, never before.
 */
final class RulesetLease {
  final Ruleset ruleset;
  private final AtomicInteger users = new AtomicInteger(1);

  RulesetLease(Ruleset ruleset) {
    this.ruleset = ruleset;
  }

  /** One more use, unless it was disposed already (then false: take another lease). */
  boolean acquire() {
    int n;
    do {
      n = users.get();
      if (n == 0) {
        return false;
      }
    } while (!users.compareAndSet(n, n + 1));
    return true;
  }

  void release() {
    if (users.decrementAndGet() == 0) {
      ruleset.dispose();
    }
  }

  /** Runs the work with the ruleset, then releases the use the caller held. */
  <T> T releasing(Function<Ruleset, T> work) {
    try {
      return work.apply(ruleset);
    } finally {
      release();
    }
  }
}
