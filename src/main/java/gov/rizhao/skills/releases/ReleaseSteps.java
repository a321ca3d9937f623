package gov.rizhao.skills.releases;

import gov.rizhao.skills.audit.AuditLog;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The steps of a release as people take them, from the API or the console: a draft from uploaded
 * files, approval, rejection, activation. A step that is refused is audited too, in a transaction
 * of its own, and the refusal passed on.
 */
@ApplicationScoped
public class ReleaseSteps {
  private final Drafts drafts;
  private final Approvals approvals;
  private final AuditLog audit;

  public ReleaseSteps(Drafts drafts, Approvals approvals, AuditLog audit) {
    this.drafts = drafts;
    this.approvals = approvals;
    this.audit = audit;
  }

  /**
   * A draft of {@code base} (the version in force when empty) with the files read by {@code read}.
   */
  public Drafts.Made upload(
      Optional<String> base, Supplier<List<Upload.Part>> read, String reason, String who) {
    List<Drafts.Made> made = new ArrayList<>(1);
    refusedAudited(
        "RULESET_DRAFTED",
        String.valueOf(base.orElse(null)),
        () -> {
          made.add(drafts.upload(base, read.get(), reason, who));
          return null;
        });
    return made.get(0);
  }

  public RulesetVersion approve(String version, String reason, String who) {
    return refusedAudited(
        "RULESET_APPROVED", version, () -> approvals.approve(version, reason, who));
  }

  public RulesetVersion reject(String version, String reason, String who) {
    return refusedAudited(
        "RULESET_REJECTED", version, () -> approvals.reject(version, reason, who));
  }

  public RulesetVersion activate(String version, String reason, Optional<Instant> at, String who) {
    return refusedAudited(
        "RULESET_ACTIVATED", version, () -> approvals.activate(version, reason, at, who));
  }

  private <T> T refusedAudited(String action, String target, Supplier<T> step) {
    try {
      return step.get();
    } catch (ReleaseException e) {
      QuarkusTransaction.requiringNew()
          .run(
              () ->
                  audit.record(
                      action, target, AuditLog.Outcome.REFUSED, Map.of("why", e.getMessage())));
      throw e;
    }
  }
}
