package gov.rizhao.skills.ledger;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Totals of the grant ledger, with what is left of each quota and cap. */
@Path("/api/v1/ledger")
@Produces(MediaType.APPLICATION_JSON)
public class LedgerResource {
  private final LedgerService ledger;

  public LedgerResource(LedgerService ledger) {
    this.ledger = ledger;
  }

  @GET
  public LedgerView report(
      @QueryParam("year") Integer year,
      @QueryParam("measure") String measure,
      @QueryParam("organization") String organization,
      @QueryParam("person") String person) {
    return ledger.report(year, measure, organization, person);
  }
}
