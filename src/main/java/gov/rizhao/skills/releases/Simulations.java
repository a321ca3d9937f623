package gov.rizhao.skills.releases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.rizhao.skills.audit.AuditLog;
import gov.rizhao.skills.engine.RulesetRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Impact simulations of a version, run one at a time in the background (a few may wait): started
 * with a period, followed by their progress, read when done. Their state is in the database, so any
 * instance answers for any simulation.
 */
@ApplicationScoped
public class Simulations {
  private static final Logger LOG = Logger.getLogger(Simulations.class);

  /** Simulations waiting beside the one running; more are refused until one finishes. */
  static final int WAITING = 4;

  private final RulesetRegistry registry;
  private final DataSource data;
  private final EntityManager em;
  private final ObjectMapper json;
  private final AuditLog audit;
  private final ExecutorService runner =
      new ThreadPoolExecutor(
          1,
          1,
          0,
          TimeUnit.SECONDS,
          new LinkedBlockingQueue<>(WAITING),
          r -> {
            Thread t = new Thread(r, "simulation");
            t.setDaemon(true);
            return t;
          });

  public Simulations(
      RulesetRegistry registry,
      DataSource data,
      EntityManager em,
      ObjectMapper json,
      AuditLog audit) {
    this.registry = registry;
    this.data = data;
    this.em = em;
    this.json = json;
    this.audit = audit;
  }

  void onStop(@Observes ShutdownEvent event) {
    runner.shutdownNow();
  }

  /** A simulation as followed: its state, progress, and when done its result. */
  public record View(
      String id,
      String version,
      String status,
      String requestedBy,
      JsonNode request,
      Long cases,
      long done,
      Instant startedAt,
      Instant finishedAt,
      JsonNode result,
      String error) {}

  /** Starts a simulation of a stored version that builds; answers its id at once. */
  public View start(String version, SimulationRequest asked, String by) {
    SimulationRequest request = asked.asDates();
    RulesetVersion v = Versions.row(version);
    if (v.status == VersionStatus.FAILED) {
      throw ReleaseException.notAllowed("版本未能构建，无法模拟（the version does not build）");
    }
    String id = UUID.randomUUID().toString();
    String requestText = write(request);
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              em.createNativeQuery(
                      "INSERT INTO ruleset_simulation (id, version, requested_by, request, status,"
                          + " cases_done, started_at) VALUES (?1, ?2, ?3, ?4, 'RUNNING', 0, ?5)")
                  .setParameter(1, id)
                  .setParameter(2, version)
                  .setParameter(3, by)
                  .setParameter(4, requestText)
                  .setParameter(5, Instant.now().truncatedTo(ChronoUnit.MILLIS))
                  .executeUpdate();
              audit.record(
                  "RULESET_SIMULATED", version, AuditLog.Outcome.SUCCESS, Map.of("simulation", id));
            });
    try {
      runner.execute(() -> run(id, version, request));
    } catch (RejectedExecutionException e) {
      finish(id, "FAILED", null, "太多模拟正在排队，请稍后再试（too many simulations waiting）");
      throw new ReleaseException(
          429,
          "too-many-simulations",
          "Too many simulations",
          "太多模拟正在排队，请稍后再试（too many simulations waiting; try again later）");
    }
    return get(version, id);
  }

  public View get(String version, String id) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              @SuppressWarnings("unchecked")
              List<Object[]> rows =
                  em.createNativeQuery(
                          "SELECT id, version, status, requested_by, request, cases_total,"
                              + " cases_done, started_at, finished_at, result, error"
                              + " FROM ruleset_simulation WHERE id = ?1 AND version = ?2",
                          Object[].class)
                      .setParameter(1, id)
                      .setParameter(2, version)
                      .getResultList();
              if (rows.isEmpty()) {
                throw new ReleaseException(
                    404, "not-found", "Not found", "没有模拟 " + id + "（no such simulation）");
              }
              Object[] r = rows.get(0);
              return new View(
                  (String) r[0],
                  (String) r[1],
                  (String) r[2],
                  (String) r[3],
                  read((String) r[4]),
                  r[5] == null ? null : ((Number) r[5]).longValue(),
                  ((Number) r[6]).longValue(),
                  instant(r[7]),
                  instant(r[8]),
                  read((String) r[9]),
                  (String) r[10]);
            });
  }

  private void run(String id, String version, SimulationRequest request) {
    try {
      long total = SimulationRun.count(data, request.from(), request.to());
      update("UPDATE ruleset_simulation SET cases_total = ?2 WHERE id = ?1", id, total);
      SimulationReport.Result result =
          registry.withVersion(
              version,
              ruleset -> {
                try {
                  return SimulationRun.run(
                      data,
                      json,
                      ruleset,
                      request,
                      done ->
                          update(
                              "UPDATE ruleset_simulation SET cases_done = ?2 WHERE id = ?1",
                              id,
                              done));
                } catch (java.sql.SQLException e) {
                  throw new IllegalStateException(e);
                }
              });
      finish(id, "DONE", write(result), null);
    } catch (RuntimeException | java.sql.SQLException e) {
      LOG.warnf("Simulation %s of %s failed: %s", id, version, e.toString());
      finish(id, "FAILED", null, "模拟失败（the simulation failed）：" + e.getMessage());
    }
  }

  private void update(String sql, String id, long value) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(sql)
                    .setParameter(1, id)
                    .setParameter(2, value)
                    .executeUpdate());
  }

  private void finish(String id, String status, String result, String error) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "UPDATE ruleset_simulation SET status = ?2, result = ?3, error = ?4,"
                            + " finished_at = ?5 WHERE id = ?1")
                    .setParameter(1, id)
                    .setParameter(2, status)
                    .setParameter(3, result)
                    .setParameter(
                        4,
                        error == null ? null : error.substring(0, Math.min(error.length(), 3900)))
                    .setParameter(5, Instant.now().truncatedTo(ChronoUnit.MILLIS))
                    .executeUpdate());
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonNode read(String text) {
    try {
      return text == null ? null : json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof java.sql.Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof java.time.OffsetDateTime o) {
      return o.toInstant();
    }
    return Instant.parse(value.toString());
  }
}
