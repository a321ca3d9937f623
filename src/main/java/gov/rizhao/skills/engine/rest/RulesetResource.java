package gov.rizhao.skills.engine.rest;

import gov.rizhao.skills.engine.RulesetRegistry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The active ruleset, and rebuilding it from the rule files on disk after an analyst edited them.
 */
@Path("/api/v1/rulesets")
@Produces(MediaType.APPLICATION_JSON)
public class RulesetResource {
  private final RulesetRegistry registry;

  public RulesetResource(RulesetRegistry registry) {
    this.registry = registry;
  }

  @GET
  @Path("/current")
  public RulesetView current() {
    return RulesetView.of(registry.current(), null, null);
  }

  /**
   * Rebuilds and swaps atomically; a failed build answers 422 with every problem and the old
   * version keeps serving.
   */
  @POST
  @Path("/reload")
  public RulesetView reload() {
    RulesetRegistry.ReloadResult result = registry.reload();
    return RulesetView.of(result.ruleset(), result.previousVersion(), result.changed());
  }
}
