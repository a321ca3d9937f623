package gov.rizhao.skills.releases;

import gov.rizhao.skills.config.Database;
import gov.rizhao.skills.config.SkillsConfig;
import gov.rizhao.skills.engine.Ruleset;
import gov.rizhao.skills.engine.VersionHistory;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The version in force, as the database every instance shares says: one row, changed by activation
 * (which, on PostgreSQL, also notifies every instance listening), read by each instance at start
 * and whenever it is told or polls.
 */
@ApplicationScoped
public class ReleaseHistory implements VersionHistory {
  /** The channel PostgreSQL notifies activations on. */
  static final String CHANNEL = "skills_ruleset";

  private static final Logger LOG = Logger.getLogger(ReleaseHistory.class);

  private final EntityManager em;
  private final Database database;
  private final VersionFiles files;
  private final SkillsConfig config;

  public ReleaseHistory(
      EntityManager em, Database database, VersionFiles files, SkillsConfig config) {
    this.em = em;
    this.database = database;
    this.files = files;
    this.config = config;
  }

  @Override
  public Optional<String> activeVersion() {
    return QuarkusTransaction.requiringNew().call(this::activeInTransaction);
  }

  /** The version in force, read in the caller's transaction. */
  Optional<String> activeInTransaction() {
    @SuppressWarnings("unchecked")
    List<String> rows =
        em.createNativeQuery("SELECT version FROM ruleset_active WHERE id = 1", String.class)
            .getResultList();
    return rows.stream().findFirst();
  }

  @Override
  public void recordInitial(Ruleset ruleset) {
    try {
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                if (activeInTransaction().isPresent()) {
                  return;
                }
                Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                RulesetVersion found = RulesetVersion.findById(ruleset.version());
                RulesetVersion v = found == null ? new RulesetVersion() : found;
                if (found == null) {
                  v.version = ruleset.version();
                  v.author = "system";
                  v.reason = "首次启动时导入规则目录（the rules directory at the first start）";
                  v.createdAt = now;
                }
                v.status = VersionStatus.ACTIVE;
                v.activatedBy = "system";
                v.activatedAt = now;
                v.activationReason = v.reason;
                if (found == null) {
                  v.persist();
                }
                files.store(ruleset.version(), ruleset.sources());
                files.storeScenarios(ruleset.version(), DiskScenarios.read(config.rulesDir()));
                setActive(ruleset.version(), now);
              });
    } catch (RuntimeException e) {
      // Another instance starting at the same time recorded it first.
      if (activeVersion().isEmpty()) {
        throw e;
      }
      LOG.debugf("The first version was recorded by another instance: %s", e.toString());
    }
  }

  /**
   * Makes the version the one in force, in the caller's transaction: every instance follows once it
   * commits.
   */
  void setActive(String version, Instant at) {
    int updated =
        em.createNativeQuery(
                "UPDATE ruleset_active SET version = ?1, serial = serial + 1, changed_at = ?2"
                    + " WHERE id = 1")
            .setParameter(1, version)
            .setParameter(2, at)
            .executeUpdate();
    if (updated == 0) {
      em.createNativeQuery(
              "INSERT INTO ruleset_active (id, version, serial, changed_at) VALUES (1, ?1, 1, ?2)")
          .setParameter(1, version)
          .setParameter(2, at)
          .executeUpdate();
    }
    if (database.isPostgres()) {
      em.createNativeQuery("SELECT pg_notify('" + CHANNEL + "', ?1)")
          .setParameter(1, version)
          .getSingleResult();
    }
  }
}
