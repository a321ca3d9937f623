package gov.rizhao.skills.engine;

import gov.rizhao.skills.config.SkillsConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Holds the active ruleset. It is built when the service starts (a problem stops the start) and
 * rebuilt on request; a rebuild that fails leaves the active version serving. A replaced version is
 * disposed once the last evaluation using it has finished.
 */
@ApplicationScoped
public class RulesetRegistry {
  private static final Logger LOG = Logger.getLogger(RulesetRegistry.class);

  /** A ruleset and the number of evaluations currently using it. */
  private static final class Lease {
    final Ruleset ruleset;
    final AtomicInteger users = new AtomicInteger(1);

    Lease(Ruleset ruleset) {
      this.ruleset = ruleset;
    }

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
  }

  /** What a reload did. */
  public record ReloadResult(Ruleset ruleset, String previousVersion, boolean changed) {}

  private final SkillsConfig config;

  /**
   * Replaced once, at start, by the compiler of the early build if that is taken; reloads are
   * synchronized.
   */
  private volatile RulesetCompiler compiler;

  private final AtomicReference<Lease> active = new AtomicReference<>();

  public RulesetRegistry(SkillsConfig config) {
    this.config = config;
    this.compiler = new RulesetCompiler(config.rulesetCacheDir());
  }

  void onStart(@Observes StartupEvent event) {
    Optional<EarlyRuleset.Taken> early =
        EarlyRuleset.take(config.rulesDir(), config.rulesetCacheDir());
    early.ifPresent(e -> compiler = e.compiler());
    Ruleset ruleset =
        early.map(EarlyRuleset.Taken::ruleset).orElseGet(() -> compiler.compile(config.rulesDir()));
    active.set(new Lease(ruleset));
    LOG.infof(
        "Ruleset %s built from %d files in %s (%d rules, %d measures) in %d ms (%s)",
        ruleset.version(),
        ruleset.files().size(),
        config.rulesDir().toAbsolutePath().normalize(),
        ruleset.ruleCount(),
        ruleset.measures().size(),
        ruleset.buildMillis(),
        ruleset.buildPhases());
  }

  /** The active ruleset; for reading its catalog. Evaluations go through {@link #withRuleset}. */
  public Ruleset current() {
    Lease lease = active.get();
    if (lease == null) {
      throw new IllegalStateException("no ruleset is loaded yet");
    }
    return lease.ruleset;
  }

  /**
   * Runs {@code work} with the active ruleset, which stays usable until it returns even if a reload
   * swaps it.
   */
  public <T> T withRuleset(Function<Ruleset, T> work) {
    while (true) {
      Lease lease = active.get();
      if (lease == null) {
        throw new IllegalStateException("no ruleset is loaded yet");
      }
      if (lease.acquire()) {
        try {
          return work.apply(lease.ruleset);
        } finally {
          lease.release();
        }
      }
    }
  }

  /**
   * Rebuilds from disk and swaps the new version in atomically. Unchanged files are not rebuilt.
   *
   * @throws RulesetBuildException with every problem found; the active version keeps serving
   */
  public synchronized ReloadResult reload() {
    Lease old = active.get();
    String previous = old == null ? null : old.ruleset.version();
    if (old != null
        && RulesetCompiler.version(RulesetCompiler.read(config.rulesDir())).equals(previous)) {
      return new ReloadResult(old.ruleset, previous, false);
    }
    Ruleset fresh;
    try {
      fresh = compiler.compile(config.rulesDir());
    } catch (RulesetBuildException e) {
      LOG.warnf("Reload refused, %s keeps serving. %s", previous, e.getMessage());
      throw e;
    }
    active.set(new Lease(fresh));
    if (old != null) {
      old.release();
    }
    LOG.infof(
        "Ruleset %s replaced %s (built in %d ms: %s)",
        fresh.version(), previous, fresh.buildMillis(), fresh.buildPhases());
    return new ReloadResult(fresh, previous, true);
  }
}
