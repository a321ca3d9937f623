package gov.rizhao.skills.cases;

import gov.rizhao.skills.api.CaseRequest;
import gov.rizhao.skills.api.CaseView;
import gov.rizhao.skills.api.ReplayView;
import gov.rizhao.skills.problem.NotFoundException;
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
import jakarta.ws.rs.core.UriBuilder;

/**
 * Cases submitted for decision: recorded once, counted in the ledger, withdrawable and replayable.
 */
@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
public class CaseResource {
  private final CaseService cases;

  public CaseResource(CaseService cases) {
    this.cases = cases;
  }

  /**
   * 201 with the decisions for a new case; 200 with the stored ones for the same case again; 409
   * for other content.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response submit(@NotNull(message = "a case is required") @Valid CaseRequest request) {
    CaseService.Submission s = cases.submit(request);
    if (s.created()) {
      return Response.created(UriBuilder.fromPath("/api/v1/cases/{id}").build(s.view().caseId()))
          .entity(s.view())
          .build();
    }
    return Response.ok(s.view()).build();
  }

  @GET
  @Path("/{caseId}")
  public CaseView get(@PathParam("caseId") String caseId) {
    return cases.get(caseId).orElseThrow(() -> noCase(caseId));
  }

  @POST
  @Path("/{caseId}/withdraw")
  public CaseView withdraw(@PathParam("caseId") String caseId) {
    return cases.withdraw(caseId).orElseThrow(() -> noCase(caseId));
  }

  @GET
  @Path("/{caseId}/replay")
  public ReplayView replay(@PathParam("caseId") String caseId) {
    return cases.replay(caseId).orElseThrow(() -> noCase(caseId));
  }

  private static NotFoundException noCase(String caseId) {
    return new NotFoundException("no case " + caseId);
  }
}
