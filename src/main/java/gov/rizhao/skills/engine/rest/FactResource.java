package gov.rizhao.skills.engine.rest;

import gov.rizhao.skills.api.Roles;
import gov.rizhao.skills.engine.Ruleset;
import gov.rizhao.skills.engine.RulesetRegistry;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * What the active ruleset declares beyond its measures: the facts a case may send in its {@code
 * attributes} objects, and the policy documents measures and values rest on.
 */
@RolesAllowed({Roles.CALLER, Roles.ANALYST, Roles.APPROVER, Roles.AUDITOR})
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class FactResource {
  private final RulesetRegistry registry;

  public FactResource(RulesetRegistry registry) {
    this.registry = registry;
  }

  /** The declared facts, in the order of the rule files. */
  @GET
  @Path("/facts")
  public Facts facts() {
    Ruleset ruleset = registry.current();
    return new Facts(ruleset.version(), ruleset.facts().stream().map(FactView::of).toList());
  }

  /** The declared policy documents. */
  @GET
  @Path("/documents")
  public Documents documents() {
    Ruleset ruleset = registry.current();
    return new Documents(
        ruleset.version(), ruleset.documents().stream().map(DocumentView::of).toList());
  }

  /** The facts of one ruleset version. */
  public record Facts(String rulesetVersion, List<FactView> facts) {}

  /** The documents of one ruleset version. */
  public record Documents(String rulesetVersion, List<DocumentView> documents) {}
}
