package gov.rizhao.skills.releases;

import gov.rizhao.skills.config.Database;
import gov.rizhao.skills.engine.RuleFile;
import gov.rizhao.skills.engine.Ruleset;
import gov.rizhao.skills.engine.RulesetStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the rule files of every ruleset version that decided a case, by version, so a case can be
 * replayed under the rules that decided it.
 */
@ApplicationScoped
public class VersionFiles implements RulesetStore {
  private final EntityManager em;
  private final Database database;

  /**
   * Versions whose files a committed transaction stored: they are never deleted, so need no asking
   * again.
   */
  private final Set<String> stored = ConcurrentHashMap.newKeySet();

  public VersionFiles(EntityManager em, Database database) {
    this.em = em;
    this.database = database;
  }

  /**
   * Stores the ruleset's files unless its version is stored already. In the caller's transaction.
   */
  public void keep(Ruleset ruleset) {
    store(ruleset.version(), ruleset.sources());
  }

  /**
   * Stores the files under the version unless they are stored already. In the caller's transaction.
   */
  public void store(String version, List<RuleFile> sources) {
    if (stored.contains(version)) {
      return;
    }
    Number files =
        (Number)
            em.createNativeQuery("SELECT COUNT(*) FROM ruleset_file WHERE version = ?1")
                .setParameter(1, version)
                .getSingleResult();
    if (files.intValue() > 0) {
      return;
    }
    insert("ruleset_file", version, sources);
  }

  private void insert(String table, String version, List<RuleFile> files) {
    for (RuleFile f : files) {
      em.createNativeQuery(
              database.insertIfAbsent(
                  table,
                  "version, name, content",
                  "?1, ?2, ?3",
                  "version, name",
                  "version = ?1 AND name = ?2"))
          .setParameter(1, version)
          .setParameter(2, f.name())
          .setParameter(3, f.content())
          .executeUpdate();
    }
  }

  /** Called once a transaction that kept {@code version} has committed. */
  public void committed(String version) {
    stored.add(version);
  }

  @Override
  public Optional<List<RuleFile>> files(String version) {
    List<RuleFile> files = read("ruleset_file", version);
    return files.isEmpty() ? Optional.empty() : Optional.of(files);
  }

  /** Stores the scenario files that came with a version. In the caller's transaction. */
  public void storeScenarios(String version, List<RuleFile> scenarios) {
    insert("ruleset_scenario", version, scenarios);
  }

  /** The scenario files of a version (none when it came without). */
  public List<RuleFile> scenarios(String version) {
    return read("ruleset_scenario", version);
  }

  private List<RuleFile> read(String table, String version) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              @SuppressWarnings("unchecked")
              List<Object[]> rows =
                  em.createNativeQuery(
                          "SELECT name, content FROM "
                              + table
                              + " WHERE version = ?1 ORDER BY name",
                          Object[].class)
                      .setParameter(1, version)
                      .getResultList();
              return rows.stream().map(r -> RuleFile.named((String) r[0], (byte[]) r[1])).toList();
            });
  }
}
