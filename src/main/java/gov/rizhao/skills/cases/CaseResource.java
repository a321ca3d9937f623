package gov.rizhao.skills.cases;

import gov.rizhao.skills.api.CaseRequest;
import gov.rizhao.skills.api.CaseView;
import gov.rizhao.skills.api.ReplayView;
import gov.rizhao.skills.api.Roles;
import gov.rizhao.skills.common.Ids;
import gov.rizhao.skills.problem.NotFoundException;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Cases submitted for decision: recorded once, counted in the ledger, withdrawable and replayable.
 * A case belongs to the calling system that submitted it: another caller asking for it is told
 * there is no such case; auditors read every case.
 */
@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
public class CaseResource {
  private final CaseService cases;
  private final SecurityIdentity identity;

  public CaseResource(CaseService cases, SecurityIdentity identity) {
    this.cases = cases;
    this.identity = identity;
  }

  /**
   * 201 with the decisions for a new case; 200 with the stored ones for the same case again; 409
   * for other content.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.CALLER)
  public Response submit(@NotNull(message = "a case is required") @Valid CaseRequest request) {
    CaseService.Submission s = cases.submit(caller(), request);
    if (s.created()) {
      // A path, never an absolute address built from the request's Host header.
      return Response.status(Response.Status.CREATED)
          .header(
              "Location",
              "/api/v1/cases/" + URLEncoder.encode(s.view().caseId(), StandardCharsets.UTF_8))
          .entity(s.view())
          .build();
    }
    return Response.ok(s.view()).build();
  }

  @GET
  @Path("/{caseId}")
  @RolesAllowed({Roles.CALLER, Roles.AUDITOR})
  public CaseView get(@PathParam("caseId") String caseId, @QueryParam("owner") String owner) {
    return key(caseId, owner, true).flatMap(cases::get).orElseThrow(() -> noCase(caseId));
  }

  @POST
  @Path("/{caseId}/withdraw")
  @RolesAllowed(Roles.CALLER)
  public CaseView withdraw(@PathParam("caseId") String caseId) {
    return key(caseId, null, false).flatMap(cases::withdraw).orElseThrow(() -> noCase(caseId));
  }

  @GET
  @Path("/{caseId}/replay")
  @RolesAllowed({Roles.CALLER, Roles.AUDITOR})
  public ReplayView replay(@PathParam("caseId") String caseId, @QueryParam("owner") String owner) {
    return key(caseId, owner, true).flatMap(cases::replay).orElseThrow(() -> noCase(caseId));
  }

  /** The case a request is about: the caller's own, or for an auditor reading, any system's. */
  private Optional<CaseRecord.Key> key(String caseId, String owner, boolean reading) {
    String id = Ids.normalize(caseId);
    if (reading && identity.hasRole(Roles.AUDITOR)) {
      return cases.locate(id, Optional.ofNullable(owner));
    }
    return Optional.of(new CaseRecord.Key(caller(), id));
  }

  private String caller() {
    return identity.getPrincipal().getName();
  }

  private static NotFoundException noCase(String caseId) {
    return new NotFoundException("no case " + caseId);
  }
}
