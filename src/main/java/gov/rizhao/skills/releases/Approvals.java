package gov.rizhao.skills.releases;

import gov.rizhao.skills.audit.AuditLog;
import gov.rizhao.skills.engine.RulesetRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The four-eyes steps of a release: approval by an approver who is not the draft's author, or
 * rejection, each with a reason; activation now or at a stated time, and rollback as the activation
 * of an earlier version. Each step is audited in its own transaction; an activation changes the
 * version in force for every instance once it commits.
 */
@ApplicationScoped
public class Approvals {
  private static final Logger LOG = Logger.getLogger(Approvals.class);

  private final ReleaseHistory history;
  private final RulesetRegistry registry;
  private final AuditLog audit;

  public Approvals(ReleaseHistory history, RulesetRegistry registry, AuditLog audit) {
    this.history = history;
    this.registry = registry;
    this.audit = audit;
  }

  public RulesetVersion approve(String version, String reason, String approver) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              RulesetVersion v = locked(version);
              if (v.status != VersionStatus.DRAFT) {
                throw ReleaseException.notAllowed(
                    "只能批准草稿；此版本为 " + v.status + "（only a DRAFT can be approved）");
              }
              if (v.scenariosFailed > 0) {
                throw ReleaseException.notAllowed(
                    "有 " + v.scenariosFailed + " 个情景未通过，不能批准（scenarios fail）");
              }
              if (v.author.equals(approver)) {
                throw ReleaseException.forbidden(
                    "不能批准自己提交的草稿：须由另一位审批人批准（four eyes: not your own draft）");
              }
              v.status = VersionStatus.APPROVED;
              decided(v, approver, reason);
              audit.record("RULESET_APPROVED", version, AuditLog.Outcome.SUCCESS, detail(reason));
              return v;
            });
  }

  public RulesetVersion reject(String version, String reason, String approver) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              RulesetVersion v = locked(version);
              if (v.status != VersionStatus.DRAFT
                  && v.status != VersionStatus.FAILED
                  && v.status != VersionStatus.APPROVED) {
                throw ReleaseException.notAllowed(
                    "此版本为 "
                        + v.status
                        + "，不能驳回（only a draft or an approved version can be rejected）");
              }
              v.status = VersionStatus.REJECTED;
              // A scheduled activation is called off with it.
              v.activateAt = null;
              v.activatedBy = null;
              v.activationReason = null;
              decided(v, approver, reason);
              audit.record("RULESET_REJECTED", version, AuditLog.Outcome.SUCCESS, detail(reason));
              return v;
            });
  }

  /**
   * Puts an approved version (or, as a rollback, a retired one) in force now, or schedules it for
   * {@code at}.
   */
  public RulesetVersion activate(
      String version, String reason, Optional<Instant> at, String approver) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    RulesetVersion result =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  RulesetVersion v = locked(version);
                  if (v.status != VersionStatus.APPROVED && v.status != VersionStatus.RETIRED) {
                    throw ReleaseException.notAllowed(
                        "只能启用已批准或曾经启用（回退）的版本；此版本为 "
                            + v.status
                            + "（only an APPROVED or RETIRED version can be activated）");
                  }
                  if (at.isPresent() && at.get().isAfter(now)) {
                    v.activateAt = at.get().truncatedTo(ChronoUnit.MILLIS);
                    v.activatedBy = approver;
                    v.activationReason = reason;
                    audit.record(
                        "RULESET_ACTIVATION_SCHEDULED",
                        version,
                        AuditLog.Outcome.SUCCESS,
                        Map.of("reason", reason, "at", v.activateAt.toString()));
                    return v;
                  }
                  putInForce(v, approver, reason, now);
                  return v;
                });
    if (result.status == VersionStatus.ACTIVE) {
      follow(version);
    }
    return result;
  }

  /**
   * Activates the versions whose time has come (approved ones, and retired ones brought back by a
   * scheduled rollback); when several instances try at once, one does it. Returns the version put
   * in force, if any.
   */
  Optional<String> activateDue() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Optional<String> due =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    RulesetVersion.<RulesetVersion>find(
                            "status in ?1 and activateAt <= ?2 order by activateAt",
                            List.of(VersionStatus.APPROVED, VersionStatus.RETIRED),
                            now)
                        .withLock(LockModeType.PESSIMISTIC_WRITE)
                        .firstResultOptional()
                        .map(
                            v -> {
                              putInForce(v, v.activatedBy, v.activationReason, now);
                              return v.version;
                            }));
    due.ifPresent(this::follow);
    return due;
  }

  private void putInForce(RulesetVersion v, String approver, String reason, Instant now) {
    Optional<String> before = history.activeInTransaction();
    before
        .filter(b -> !b.equals(v.version))
        .map(b -> RulesetVersion.<RulesetVersion>findById(b))
        .ifPresent(
            old -> {
              old.status = VersionStatus.RETIRED;
              old.retiredAt = now;
            });
    boolean rollback = v.status == VersionStatus.RETIRED;
    v.status = VersionStatus.ACTIVE;
    v.activateAt = null;
    v.activatedBy = approver;
    v.activatedAt = now;
    v.activationReason = reason;
    v.retiredAt = null;
    history.setActive(v.version, now);
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("reason", reason);
    detail.put("previous", before.orElse(null));
    detail.put("rollback", rollback);
    audit.record("RULESET_ACTIVATED", v.version, AuditLog.Outcome.SUCCESS, detail);
  }

  /** This instance follows at once; the others within seconds. */
  private void follow(String version) {
    try {
      registry.activate(version);
    } catch (RuntimeException e) {
      LOG.errorf("Version %s is in force but does not serve here: %s", version, e.getMessage());
    }
  }

  private static RulesetVersion locked(String version) {
    RulesetVersion v = RulesetVersion.findById(version, LockModeType.PESSIMISTIC_WRITE);
    if (v == null) {
      throw ReleaseException.unknown(version);
    }
    return v;
  }

  private static void decided(RulesetVersion v, String by, String reason) {
    v.decidedBy = by;
    v.decidedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    v.decisionReason = reason;
  }

  private static Map<String, Object> detail(String reason) {
    return Map.of("reason", reason);
  }
}
