package gov.rizhao.skills.ledger;

import gov.rizhao.skills.api.Roles;
import gov.rizhao.skills.engine.RulesetRegistry;
import gov.rizhao.skills.facts.MeasureInfo;
import gov.rizhao.skills.problem.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Totals of the grant ledger, with what is left of each quota and cap. */
@RolesAllowed({Roles.CALLER, Roles.ANALYST, Roles.APPROVER, Roles.AUDITOR})
@Path("/api/v1/ledger")
@Produces(MediaType.APPLICATION_JSON)
public class LedgerResource {
  /** The years a case may name (as in the contract's nominations and deliveries). */
  static final int FIRST_YEAR = 1949;

  static final int LAST_YEAR = 2999;

  private final LedgerService ledger;
  private final RulesetRegistry registry;

  public LedgerResource(LedgerService ledger, RulesetRegistry registry) {
    this.ledger = ledger;
    this.registry = registry;
  }

  @GET
  public LedgerView report(
      @QueryParam("year") String year,
      @QueryParam("measure") String measure,
      @QueryParam("organization") String organization,
      @QueryParam("person") String person) {
    return ledger.report(year(year), measure(measure), organization, person);
  }

  private static Integer year(String text) {
    if (text == null) {
      return null;
    }
    try {
      int year = Integer.parseInt(text.strip());
      if (year >= FIRST_YEAR && year <= LAST_YEAR) {
        return year;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw InvalidInputException.at(
        "year", "'" + text + "' is not a year from " + FIRST_YEAR + " to " + LAST_YEAR);
  }

  private String measure(String id) {
    if (id == null || registry.current().measure(id).isPresent()) {
      return id;
    }
    throw InvalidInputException.at(
        "measure",
        "unknown measure '"
            + id
            + "'; known: "
            + String.join(
                ", ", registry.current().measures().stream().map(MeasureInfo::getId).toList()));
  }
}
