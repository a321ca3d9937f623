package gov.rizhao.skills.releases;

import gov.rizhao.skills.config.Database;
import gov.rizhao.skills.engine.Ruleset;
import gov.rizhao.skills.engine.RulesetRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Keeps this instance on the version in force: it looks every second (H2 and PostgreSQL alike), and
 * on PostgreSQL it is also woken by the activation's notification. Approved versions scheduled for
 * a time are activated when it comes, by whichever instance looks first.
 */
@ApplicationScoped
public class ActiveFollower {
  private static final Logger LOG = Logger.getLogger(ActiveFollower.class);

  /** How often the database is asked, notification or not. */
  static final Duration POLL = Duration.ofSeconds(1);

  private final ReleaseHistory history;
  private final Approvals approvals;
  private final RulesetRegistry registry;
  private final Database database;
  private final DataSource dataSource;
  private final Semaphore wake = new Semaphore(0);
  private volatile boolean running;
  private Thread follower;
  private Thread listener;

  public ActiveFollower(
      ReleaseHistory history,
      Approvals approvals,
      RulesetRegistry registry,
      Database database,
      DataSource dataSource) {
    this.history = history;
    this.approvals = approvals;
    this.registry = registry;
    this.database = database;
    this.dataSource = dataSource;
  }

  void onStart(@Observes StartupEvent event) {
    running = true;
    follower = daemon("ruleset-follower", this::follow);
    if (database.isPostgres()) {
      listener = daemon("ruleset-listener", this::listen);
    }
  }

  void onStop(@Observes ShutdownEvent event) {
    running = false;
    wake.release();
    if (listener != null) {
      listener.interrupt();
    }
  }

  private static Thread daemon(String name, Runnable work) {
    Thread t = new Thread(work, name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  private void follow() {
    while (running) {
      try {
        wake.tryAcquire(POLL.toMillis(), TimeUnit.MILLISECONDS);
        wake.drainPermits();
        if (running) {
          check();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.debugf("Following the version in force deferred: %s", e.toString());
      }
    }
  }

  /** Activates what is due, then serves what the database says is in force. */
  void check() {
    approvals.activateDue();
    Optional<String> inForce = history.activeVersion();
    String serving = registry.active().map(Ruleset::version).orElse(null);
    if (inForce.isPresent() && !inForce.get().equals(serving)) {
      registry.activate(inForce.get());
    }
  }

  /** PostgreSQL's LISTEN on a connection of its own, reopened after a failure. */
  private void listen() {
    while (running) {
      try (Connection c = dataSource.getConnection();
          Statement s = c.createStatement()) {
        c.setAutoCommit(true);
        s.execute("LISTEN " + ReleaseHistory.CHANNEL);
        PGConnection pg = c.unwrap(PGConnection.class);
        while (running) {
          PGNotification[] notes = pg.getNotifications((int) POLL.toMillis());
          if (notes != null && notes.length > 0) {
            wake.release();
          }
        }
      } catch (Exception e) {
        if (!running) {
          return;
        }
        LOG.debugf("Listening for activations deferred: %s", e.toString());
        try {
          Thread.sleep(POLL.toMillis());
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }
}
