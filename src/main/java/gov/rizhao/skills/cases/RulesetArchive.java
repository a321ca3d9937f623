package gov.rizhao.skills.cases;

import gov.rizhao.skills.config.SkillsConfig;
import gov.rizhao.skills.engine.RuleFile;
import gov.rizhao.skills.engine.Ruleset;
import gov.rizhao.skills.engine.RulesetCompiler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the rule files of every ruleset version that decided a case, by version, and rebuilds an
 * old version on demand (the last few stay built).
 */
@ApplicationScoped
public class RulesetArchive {
  private static final int KEEP_BUILT = 3;

  private final EntityManager em;
  private final boolean postgres;
  private final RulesetCompiler compiler;
  private final Map<String, Ruleset> built = new LinkedHashMap<>(8, 0.75f, true);

  /**
   * Versions whose files a committed transaction stored: they are never deleted, so need no asking
   * again.
   */
  private final Set<String> stored = ConcurrentHashMap.newKeySet();

  public RulesetArchive(
      EntityManager em,
      SkillsConfig config,
      @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.datasource.db-kind")
          String dbKind) {
    this.em = em;
    this.compiler = new RulesetCompiler(config.rulesetCacheDir());
    this.postgres = dbKind.startsWith("postgres");
  }

  /** Stores the ruleset's files unless its version is stored already. In a transaction. */
  public void keep(Ruleset ruleset) {
    if (stored.contains(ruleset.version())) {
      return;
    }
    Number files =
        (Number)
            em.createNativeQuery("SELECT COUNT(*) FROM ruleset_file WHERE version = ?1")
                .setParameter(1, ruleset.version())
                .getSingleResult();
    if (files.intValue() > 0) {
      return;
    }
    for (RuleFile f : ruleset.sources()) {
      em.createNativeQuery(
              gov.rizhao.skills.ledger.PoolStore.insertIfAbsent(
                  postgres,
                  "ruleset_file",
                  "version, name, content",
                  "?1, ?2, ?3",
                  "version, name",
                  "version = ?1 AND name = ?2"))
          .setParameter(1, ruleset.version())
          .setParameter(2, f.name())
          .setParameter(3, f.content())
          .executeUpdate();
    }
  }

  /** Called once a transaction that kept {@code version} has committed. */
  public void committed(String version) {
    stored.add(version);
  }

  /** The ruleset of a stored version, built from its stored files. */
  public synchronized Optional<Ruleset> load(String version) {
    Ruleset ruleset = built.get(version);
    if (ruleset != null) {
      return Optional.of(ruleset);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT name, content FROM ruleset_file WHERE version = ?1 ORDER BY name",
                Object[].class)
            .setParameter(1, version)
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    ruleset =
        compiler.compile(
            rows.stream().map(r -> RuleFile.named((String) r[0], (byte[]) r[1])).toList());
    built.put(version, ruleset);
    if (built.size() > KEEP_BUILT) {
      built.remove(built.keySet().iterator().next()).dispose();
    }
    return Optional.of(ruleset);
  }
}
