package gov.rizhao.skills.engine;

import gov.rizhao.skills.config.SkillsConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Holds the active ruleset, and older versions built again on demand. Every use of a ruleset goes
 * through a lease, so a version swapped out or evicted is disposed only after its last user.
 *
 * <p>At start the rules on disk are built; if they do not build, the service starts on the version
 * last active on this machine (kept in the compiled-ruleset cache) and says so on readiness and in
 * the log. A reload that fails leaves the active version serving, and the same files are not built
 * again: their problems are answered from memory. One build runs at a time.
 */
@ApplicationScoped
public class RulesetRegistry {
  private static final Logger LOG = Logger.getLogger(RulesetRegistry.class);

  /** Older versions kept built after use (replays of cases decided by them come in runs). */
  static final int KEEP_OLDER = 3;

  /** Failed builds remembered by the content of their files. */
  static final int KEEP_REFUSED = 16;

  /** What a reload did. */
  public record ReloadResult(Ruleset ruleset, String previousVersion, boolean changed) {}

  private final SkillsConfig config;
  private final RulesetBuilder builder;
  private final RulesetStore store;
  private final PreparedRuleset prepared;
  private final AtomicReference<RulesetLease> active = new AtomicReference<>();
  private final Map<String, RulesetLease> older = new LinkedHashMap<>(8, 0.75f, true);

  /** Versions whose build failed, with their problems: the same files are not built twice. */
  private final Map<String, RulesetBuildException> refused = new LinkedHashMap<>(8, 0.75f, true);

  private volatile RulesetBuildException refusedOnDisk;

  public RulesetRegistry(
      SkillsConfig config, RulesetBuilder builder, RulesetStore store, PreparedRuleset prepared) {
    this.config = config;
    this.builder = builder;
    this.store = store;
    this.prepared = prepared;
  }

  void onStart(@Observes StartupEvent event) {
    start();
  }

  synchronized void start() {
    try {
      List<RuleFile> files = builder.read(config.rulesDir());
      String version = RuleFile.versionOf(files);
      Ruleset ruleset = prepared.take(version).orElseGet(() -> builder.build(files));
      swapIn(ruleset);
      LOG.infof(
          "Ruleset %s built from %d files in %s (%d rules and rows, %d measures) in %d ms (%s)",
          ruleset.version(),
          files.size(),
          config.rulesDir().toAbsolutePath().normalize(),
          ruleset.ruleCount(),
          ruleset.measures().size(),
          ruleset.buildMillis(),
          ruleset.buildPhases());
    } catch (RulesetBuildException e) {
      refusedOnDisk = e;
      Optional<Ruleset> last = builder.lastActive();
      last.ifPresent(this::swapIn);
      LOG.errorf(
          "The rule files in %s do not build; %s. %s",
          config.rulesDir().toAbsolutePath().normalize(),
          last.map(r -> "serving the version last active here, " + r.version())
              .orElse(
                  "no earlier version is kept here: evaluations answer 503 until the files are fixed"),
          e.getMessage());
    }
  }

  /** The active ruleset, for reading its catalog. Evaluations go through {@link #withRuleset}. */
  public Ruleset current() {
    RulesetLease lease = active.get();
    if (lease == null) {
      throw RulesetUnavailableException.noActive(whyNone());
    }
    return lease.ruleset;
  }

  /** The active ruleset, if there is one. */
  public Optional<Ruleset> active() {
    RulesetLease lease = active.get();
    return lease == null ? Optional.empty() : Optional.of(lease.ruleset);
  }

  /**
   * The problems of the rule files on disk when they were refused at start and not fixed since, if
   * so.
   */
  public Optional<RulesetBuildException> refusedOnDisk() {
    return Optional.ofNullable(refusedOnDisk);
  }

  /**
   * Runs {@code work} with the active ruleset, which stays usable until it returns even if a reload
   * swaps it.
   */
  public <T> T withRuleset(Function<Ruleset, T> work) {
    while (true) {
      RulesetLease lease = active.get();
      if (lease == null) {
        throw RulesetUnavailableException.noActive(whyNone());
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
   * Runs {@code work} with the ruleset of a version: the active one if it is that version, else one
   * built from its stored files (the last {@value #KEEP_OLDER} used stay built).
   *
   * @throws RulesetUnavailableException when the version's files are not stored
   */
  public <T> T withVersion(String version, Function<Ruleset, T> work) {
    RulesetLease current = active.get();
    if (current != null && current.ruleset.version().equals(version) && current.acquire()) {
      try {
        return work.apply(current.ruleset);
      } finally {
        current.release();
      }
    }
    RulesetLease lease = olderLease(version);
    try {
      return work.apply(lease.ruleset);
    } finally {
      lease.release();
    }
  }

  /** A lease on an older version, acquired for the caller; built from the store when not kept. */
  private synchronized RulesetLease olderLease(String version) {
    RulesetLease kept = older.get(version);
    if (kept != null && kept.acquire()) {
      return kept;
    }
    List<RuleFile> files =
        store.files(version).orElseThrow(() -> RulesetUnavailableException.unknownVersion(version));
    RulesetLease lease = new RulesetLease(builder.build(files));
    lease.acquire();
    older.put(version, lease);
    if (older.size() > KEEP_OLDER) {
      String eldest = older.keySet().iterator().next();
      older.remove(eldest).release();
    }
    return lease;
  }

  /**
   * Rebuilds from disk and swaps the new version in atomically. Unchanged files are not rebuilt.
   *
   * @throws RulesetBuildException with every problem found; the active version keeps serving
   */
  public synchronized ReloadResult reload() {
    RulesetLease old = active.get();
    String previous = old == null ? null : old.ruleset.version();
    List<RuleFile> files = builder.read(config.rulesDir());
    if (old != null && RuleFile.versionOf(files).equals(previous)) {
      refusedOnDisk = null;
      return new ReloadResult(old.ruleset, previous, false);
    }
    String version = RuleFile.versionOf(files);
    RulesetBuildException known = refused.get(version);
    if (known != null) {
      // The same files failed before: answered from memory, not built again.
      throw known;
    }
    Ruleset fresh;
    try {
      fresh = builder.build(files);
    } catch (RulesetBuildException e) {
      LOG.warnf("Reload refused, %s keeps serving. %s", previous, e.getMessage());
      refused.put(version, e);
      if (refused.size() > KEEP_REFUSED) {
        refused.remove(refused.keySet().iterator().next());
      }
      throw e;
    }
    refusedOnDisk = null;
    swapIn(fresh);
    LOG.infof(
        "Ruleset %s replaced %s (built in %d ms: %s)",
        fresh.version(), previous, fresh.buildMillis(), fresh.buildPhases());
    return new ReloadResult(fresh, previous, true);
  }

  private void swapIn(Ruleset ruleset) {
    RulesetLease old = active.getAndSet(new RulesetLease(ruleset));
    if (old != null) {
      old.release();
    }
    builder.markActive(ruleset);
  }

  private String whyNone() {
    RulesetBuildException refused = refusedOnDisk;
    return refused == null ? "the service is starting" : "规则文件未能通过检查（见就绪检查 /q/health/ready）";
  }
}
