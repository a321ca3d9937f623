package gov.rizhao.skills.engine.rest;

import gov.rizhao.skills.api.Roles;
import gov.rizhao.skills.common.Dates;
import gov.rizhao.skills.common.Text;
import gov.rizhao.skills.engine.Ruleset;
import gov.rizhao.skills.engine.RulesetRegistry;
import gov.rizhao.skills.problem.InvalidInputException;
import gov.rizhao.skills.problem.NotFoundException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;

/**
 * The measures of the active ruleset: name, citation and current parameters, read from the rule
 * files.
 */
@RolesAllowed({Roles.CALLER, Roles.ANALYST, Roles.APPROVER, Roles.AUDITOR})
@Path("/api/v1/measures")
@Produces(MediaType.APPLICATION_JSON)
public class MeasureResource {
  private final RulesetRegistry registry;

  public MeasureResource(RulesetRegistry registry) {
    this.registry = registry;
  }

  @GET
  public List<MeasureView> list(@QueryParam("date") String date) {
    LocalDate asOf = asOf(date);
    Ruleset ruleset = registry.current();
    return ruleset.measures().stream().map(m -> MeasureView.of(m, asOf, ruleset)).toList();
  }

  @GET
  @Path("/{id}")
  public MeasureView get(@PathParam("id") String id, @QueryParam("date") String date) {
    LocalDate asOf = asOf(date);
    Ruleset ruleset = registry.current();
    return ruleset
        .measure(id)
        .map(m -> MeasureView.of(m, asOf, ruleset))
        .orElseThrow(() -> new NotFoundException("no measure " + id));
  }

  private static LocalDate asOf(String date) {
    if (date == null || date.isBlank()) {
      return LocalDate.now();
    }
    try {
      return Dates.parse(date);
    } catch (DateTimeException e) {
      throw InvalidInputException.at(
          "date",
          (Text.problem(date).isPresent() ? "the value" : "'" + date + "'") + " " + e.getMessage());
    }
  }
}
