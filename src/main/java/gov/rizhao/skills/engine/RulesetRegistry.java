package gov.rizhao.skills.engine;

import gov.rizhao.skills.config.SkillsConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Holds the version in force, and others built on demand (the one before, drafts under test,
 * versions replays ask for). Every use of a ruleset goes through a lease, so a version swapped out
 * or evicted is disposed only after its last user.
 *
 * <p>At start the registry serves the version the database says is in force, built from its stored
 * files, never the files on disk; at the very first start, with no version recorded, the rules on
 * disk become the first version. When the database cannot be read, or the version does not build,
 * the version last active on this machine (kept in the compiled-ruleset cache) serves, and
 * readiness says so. Activation swaps atomically: requests in flight finish on the old version.
 */
@ApplicationScoped
public class RulesetRegistry {
  private static final Logger LOG = Logger.getLogger(RulesetRegistry.class);

  /** Versions kept built besides the active one. */
  static final int KEEP_OLDER = BuiltVersions.KEEP;

  private final SkillsConfig config;
  private final RulesetBuilder builder;
  private final VersionHistory history;
  private final PreparedRuleset prepared;
  private final BuiltVersions versions;
  private final AtomicReference<RulesetLease> active = new AtomicReference<>();
  private volatile String unavailable = "the service is starting";

  public RulesetRegistry(
      SkillsConfig config,
      RulesetBuilder builder,
      RulesetStore store,
      VersionHistory history,
      PreparedRuleset prepared) {
    this.config = config;
    this.builder = builder;
    this.history = history;
    this.prepared = prepared;
    this.versions = new BuiltVersions(builder, store);
  }

  void onStart(@Observes StartupEvent event) {
    start();
  }

  synchronized void start() {
    Optional<String> inForce;
    try {
      inForce = history.activeVersion();
    } catch (RuntimeException e) {
      fallBack("the database cannot be read (" + e.getMessage() + ")");
      return;
    }
    try {
      if (inForce.isPresent()) {
        String version = inForce.get();
        Ruleset ruleset =
            prepared.take(version).map(this::swapIn).orElseGet(() -> activate(version));
        log("Ruleset %s in force (from the database)", ruleset);
      } else {
        List<RuleFile> files = builder.read(config.rulesDir());
        String version = RuleFile.versionOf(files);
        Optional<Ruleset> early = prepared.take(version);
        RulesetLease lease = early.map(RulesetLease::new).orElseGet(() -> versions.handOver(files));
        swapIn(lease);
        Ruleset ruleset = lease.ruleset;
        history.recordInitial(ruleset);
        log(
            "Ruleset %s built from the rule files in " + config.rulesDir() + ", the first in force",
            ruleset);
      }
    } catch (RulesetBuildException | RulesetUnavailableException e) {
      fallBack(e.getMessage());
    }
  }

  private void fallBack(String why) {
    Optional<Ruleset> last = builder.lastActive();
    last.ifPresent(this::swapIn);
    unavailable = "规则集不可用：" + why;
    LOG.errorf(
        "No version in force can be served: %s; %s",
        why,
        last.map(r -> "serving the version last active here, " + r.version())
            .orElse("evaluations answer 503 until one can be"));
  }

  private static void log(String what, Ruleset ruleset) {
    LOG.infof(
        what + " (%d rules and rows, %d measures; built in %d ms: %s)",
        ruleset.version(),
        ruleset.ruleCount(),
        ruleset.measures().size(),
        ruleset.buildMillis(),
        ruleset.buildPhases());
  }

  /** The active ruleset, for reading its catalog. Evaluations go through {@link #withRuleset}. */
  public Ruleset current() {
    RulesetLease lease = active.get();
    if (lease == null) {
      throw RulesetUnavailableException.noActive(unavailable);
    }
    return lease.ruleset;
  }

  /** The active ruleset, if there is one. */
  public Optional<Ruleset> active() {
    RulesetLease lease = active.get();
    return lease == null ? Optional.empty() : Optional.of(lease.ruleset);
  }

  /** Why no version, or not the one in force, is served, when that is so. */
  public Optional<String> trouble() {
    return active.get() == null || !unavailable.startsWith("the service")
        ? Optional.of(unavailable)
        : Optional.empty();
  }

  /**
   * Runs {@code work} with the active ruleset, which stays usable until it returns even if an
   * activation swaps it.
   */
  public <T> T withRuleset(Function<Ruleset, T> work) {
    while (true) {
      RulesetLease lease = active.get();
      if (lease == null) {
        throw RulesetUnavailableException.noActive(unavailable);
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
   * Runs {@code work} with the ruleset of a stored version: the active one if it is that version,
   * else one built from its stored files (the last {@value #KEEP_OLDER} used stay built).
   *
   * @throws RulesetUnavailableException when the version's files are not stored
   */
  public <T> T withVersion(String version, Function<Ruleset, T> work) {
    RulesetLease current = active.get();
    if (current != null && current.ruleset.version().equals(version) && current.acquire()) {
      return current.releasing(work);
    }
    return versions.lease(version).releasing(work);
  }

  /**
   * Runs {@code work} with the ruleset of these files, built now (one build at a time) or kept from
   * before.
   *
   * @throws RulesetBuildException with every problem; the same files fail again from memory
   */
  public <T> T withFiles(List<RuleFile> files, Function<Ruleset, T> work) {
    return versions.lease(files).releasing(work);
  }

  /**
   * Puts a stored version in force on this instance; requests in flight finish on the one before,
   * which stays built for a while (a rollback is then immediate).
   *
   * @throws RulesetUnavailableException when its files are not stored
   * @throws RulesetBuildException when they do not build; the version in force keeps serving
   */
  public synchronized Ruleset activate(String version) {
    RulesetLease current = active.get();
    if (current != null && current.ruleset.version().equals(version)) {
      return current.ruleset;
    }
    RulesetLease lease = versions.handOver(version);
    swapIn(lease);
    unavailable = "the service is starting";
    LOG.infof(
        "Ruleset %s in force, replacing %s",
        version, current == null ? "none" : current.ruleset.version());
    return lease.ruleset;
  }

  private Ruleset swapIn(Ruleset ruleset) {
    swapIn(new RulesetLease(ruleset));
    return ruleset;
  }

  private void swapIn(RulesetLease lease) {
    RulesetLease old = active.getAndSet(lease);
    if (old != null) {
      versions.keep(old);
    }
    builder.markActive(lease.ruleset);
  }
}
