package gov.rizhao.skills.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Versions kept built besides the active one (the one active before, drafts being tested, versions
 * replays ask for), under leases, the least recently used let go first; and the builds that failed,
 * remembered by the content of their files so the same files are not built twice. One build runs at
 * a time.
 */
final class BuiltVersions {
  /** Versions kept built besides the active one. */
  static final int KEEP = 3;

  /** Failed builds remembered by the content of their files. */
  static final int KEEP_REFUSED = 16;

  private final RulesetBuilder builder;
  private final RulesetStore store;
  private final Map<String, RulesetLease> kept = new LinkedHashMap<>(8, 0.75f, true);
  private final Map<String, RulesetBuildException> refused = new LinkedHashMap<>(8, 0.75f, true);

  BuiltVersions(RulesetBuilder builder, RulesetStore store) {
    this.builder = builder;
    this.store = store;
  }

  /**
   * A lease on the version, acquired for the caller; built from its stored files when not kept.
   *
   * @throws RulesetUnavailableException when the version's files are not stored
   * @throws RulesetBuildException when they do not build
   */
  synchronized RulesetLease lease(String version) {
    RulesetLease lease = kept.get(version);
    if (lease != null && lease.acquire()) {
      return lease;
    }
    List<RuleFile> files =
        store.files(version).orElseThrow(() -> RulesetUnavailableException.unknownVersion(version));
    return keepAcquired(build(version, files));
  }

  /**
   * A lease on the ruleset of these files, acquired for the caller: kept built, or built now.
   *
   * @throws RulesetBuildException when they do not build (answered from memory the second time)
   */
  synchronized RulesetLease lease(List<RuleFile> files) {
    String version = RuleFile.versionOf(files);
    RulesetLease lease = kept.get(version);
    if (lease != null && lease.acquire()) {
      return lease;
    }
    return keepAcquired(build(version, files));
  }

  /**
   * The version's lease handed over to the caller, who then holds its one use: the kept one, or one
   * built from its stored files.
   */
  synchronized RulesetLease handOver(String version) {
    RulesetLease lease = kept.remove(version);
    if (lease != null) {
      return lease;
    }
    List<RuleFile> files =
        store.files(version).orElseThrow(() -> RulesetUnavailableException.unknownVersion(version));
    return new RulesetLease(build(version, files));
  }

  /** The lease of these files handed over to the caller, kept or built now. */
  synchronized RulesetLease handOver(List<RuleFile> files) {
    String version = RuleFile.versionOf(files);
    RulesetLease lease = kept.remove(version);
    return lease != null ? lease : new RulesetLease(build(version, files));
  }

  /** Keeps a lease whose use the caller hands over (the version active until now). */
  synchronized void keep(RulesetLease lease) {
    RulesetLease before = kept.put(lease.ruleset.version(), lease);
    if (before != null && before != lease) {
      before.release();
    }
    evict();
  }

  private RulesetLease keepAcquired(Ruleset ruleset) {
    RulesetLease lease = new RulesetLease(ruleset);
    lease.acquire();
    kept.put(ruleset.version(), lease);
    evict();
    return lease;
  }

  private Ruleset build(String version, List<RuleFile> files) {
    RulesetBuildException known = refused.get(version);
    if (known != null) {
      throw known;
    }
    try {
      return builder.build(files);
    } catch (RulesetBuildException e) {
      refused.put(version, e);
      if (refused.size() > KEEP_REFUSED) {
        refused.remove(refused.keySet().iterator().next());
      }
      throw e;
    }
  }

  private void evict() {
    while (kept.size() > KEEP) {
      String eldest = kept.keySet().iterator().next();
      kept.remove(eldest).release();
    }
  }
}
