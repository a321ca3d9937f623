package gov.rizhao.skills.engine.rest;

import gov.rizhao.skills.api.Roles;
import gov.rizhao.skills.audit.AuditLog;
import gov.rizhao.skills.engine.RulesetBuildException;
import gov.rizhao.skills.engine.RulesetRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * The active ruleset, and rebuilding it from the rule files on disk after an analyst edited them.
 */
@Path("/api/v1/rulesets")
@Produces(MediaType.APPLICATION_JSON)
public class RulesetResource {
  private final RulesetRegistry registry;
  private final AuditLog audit;

  public RulesetResource(RulesetRegistry registry, AuditLog audit) {
    this.registry = registry;
    this.audit = audit;
  }

  @RolesAllowed({Roles.ANALYST, Roles.APPROVER, Roles.AUDITOR})
  @GET
  @Path("/current")
  public RulesetView current() {
    return RulesetView.of(registry.current(), null, null);
  }

  /**
   * Rebuilds and swaps atomically; a failed build answers 422 with every problem and the old
   * version keeps serving.
   */
  @RolesAllowed(Roles.APPROVER)
  @POST
  @Path("/reload")
  public RulesetView reload() {
    RulesetRegistry.ReloadResult result;
    try {
      result = registry.reload();
    } catch (RulesetBuildException e) {
      record(AuditLog.Outcome.REFUSED, Map.of("problems", e.getProblems().size()));
      throw e;
    }
    if (result.changed()) {
      record(
          AuditLog.Outcome.SUCCESS,
          Map.of(
              "version",
              result.ruleset().version(),
              "previous",
              String.valueOf(result.previousVersion())));
    }
    return RulesetView.of(result.ruleset(), result.previousVersion(), result.changed());
  }

  private void record(AuditLog.Outcome outcome, Map<String, ?> detail) {
    QuarkusTransaction.requiringNew()
        .run(() -> audit.record("RULESET_RELOADED", "rules", outcome, detail));
  }
}
