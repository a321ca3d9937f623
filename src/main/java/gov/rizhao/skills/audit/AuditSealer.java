package gov.rizhao.skills.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Chains the audit log: every second, the entries committed since the last seal get their chain
 * hash, in id order, each linking to the one before. Appending needs no lock, so submissions never
 * wait on the audit log; an entry is sealed within seconds of its commit. An id missing from the
 * sequence is waited for while its transaction may still be open ({@link #GRACE}), then taken as
 * rolled back. Instances sharing the database seal in turn (the seal row is locked).
 */
@ApplicationScoped
public class AuditSealer {
  private static final Logger LOG = Logger.getLogger(AuditSealer.class);

  /** Longer than any transaction may stay open (the transaction timeout is one minute). */
  static final Duration GRACE = Duration.ofMinutes(2);

  private static final int BATCH = 1000;

  private final EntityManager em;
  private ScheduledExecutorService timer;

  public AuditSealer(EntityManager em) {
    this.em = em;
  }

  void onStart(@Observes StartupEvent event) {
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "audit-sealer");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleWithFixedDelay(this::sealQuietly, 1, 1, TimeUnit.SECONDS);
  }

  void onStop(@Observes ShutdownEvent event) {
    if (timer != null) {
      timer.shutdownNow();
    }
  }

  private void sealQuietly() {
    try {
      seal();
    } catch (RuntimeException e) {
      LOG.debugf("Audit sealing deferred: %s", e.toString());
    }
  }

  /** Chains what can be chained now; returns how many entries were sealed. */
  public int seal() {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              AuditChain.Seal seal = AuditChain.Seal.read(em, true);
              long lastId = seal.lastId();
              String lastHash = seal.lastHash();
              List<AuditEntry> next =
                  AuditEntry.find("id > ?1 order by id", lastId).page(0, BATCH).list();
              Instant settled = Instant.now().minus(GRACE);
              int sealed = 0;
              for (AuditEntry e : next) {
                if (e.id != lastId + 1 && e.at.isAfter(settled)) {
                  break;
                }
                lastHash = AuditChain.chainHash(lastHash, e.id, e.entryHash);
                e.chainHash = lastHash;
                lastId = e.id;
                sealed++;
              }
              if (sealed > 0) {
                em.createNativeQuery(
                        "UPDATE audit_seal SET last_id = ?1, last_hash = ?2 WHERE id = 1")
                    .setParameter(1, lastId)
                    .setParameter(2, lastHash)
                    .executeUpdate();
              }
              return sealed;
            });
  }
}
