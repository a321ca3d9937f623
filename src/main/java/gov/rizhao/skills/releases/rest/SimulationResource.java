package gov.rizhao.skills.releases.rest;

import gov.rizhao.skills.api.Roles;
import gov.rizhao.skills.releases.SimulationRequest;
import gov.rizhao.skills.releases.Simulations;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * What a version would change if it had been in force for a period: stored cases replayed under it
 * in their submission order, against a simulated ledger. Started at once, followed until done.
 */
@Path("/api/v1/rulesets/{version}/simulations")
@Produces(MediaType.APPLICATION_JSON)
public class SimulationResource {
  private final Simulations simulations;
  private final SecurityIdentity identity;

  public SimulationResource(Simulations simulations, SecurityIdentity identity) {
    this.simulations = simulations;
    this.identity = identity;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.ANALYST, Roles.APPROVER})
  public Response start(
      @PathParam("version") String version, @NotNull @Valid SimulationRequest request) {
    Simulations.View view = simulations.start(version, request, identity.getPrincipal().getName());
    return Response.status(202)
        .header("Location", "/api/v1/rulesets/" + version + "/simulations/" + view.id())
        .entity(view)
        .build();
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.ANALYST, Roles.APPROVER, Roles.AUDITOR})
  public Simulations.View get(@PathParam("version") String version, @PathParam("id") String id) {
    return simulations.get(version, id);
  }
}
