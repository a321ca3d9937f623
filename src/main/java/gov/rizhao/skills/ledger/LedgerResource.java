package gov.rizhao.skills.ledger;

import gov.rizhao.skills.api.Roles;
import gov.rizhao.skills.common.Ids;
import gov.rizhao.skills.common.Text;
import gov.rizhao.skills.engine.RulesetRegistry;
import gov.rizhao.skills.facts.MeasureInfo;
import gov.rizhao.skills.http.QueryNumbers;
import gov.rizhao.skills.problem.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

/** Totals of the grant ledger, with what is left of each quota and cap. */
@RolesAllowed({Roles.CALLER, Roles.ANALYST, Roles.APPROVER, Roles.AUDITOR})
@Path("/api/v1/ledger")
@Produces(MediaType.APPLICATION_JSON)
public class LedgerResource {
  /** The years a case may name (as in the contract's nominations and deliveries). */
  static final int FIRST_YEAR = 1949;

  static final int LAST_YEAR = 2999;

  /** Pools per page when none is asked for, and at most. */
  static final int DEFAULT_PAGE_SIZE = 100;

  static final int MAX_PAGE_SIZE = 1000;

  private final LedgerService ledger;
  private final RulesetRegistry registry;

  public LedgerResource(LedgerService ledger, RulesetRegistry registry) {
    this.ledger = ledger;
    this.registry = registry;
  }

  /**
   * The totals for the filters given. Read from the query itself: a number given with no value
   * ({@code ?year=}) is refused, not taken as absent.
   */
  @GET
  public LedgerView report(@Context UriInfo uri) {
    MultivaluedMap<String, String> query = uri.getQueryParameters();
    return ledger.report(
        year(query.getFirst("year")),
        measure(query.getFirst("measure")),
        id("organization", query.getFirst("organization")),
        id("person", query.getFirst("person")),
        QueryNumbers.number(
            "page", query.getFirst("page"), 0, 0, Integer.MAX_VALUE / MAX_PAGE_SIZE),
        QueryNumbers.number("size", query.getFirst("size"), DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE));
  }

  private static Integer year(String text) {
    if (text == null) {
      return null;
    }
    String digits = text.strip();
    if (digits.matches("[1-9][0-9]{3}")) {
      int year = Integer.parseInt(digits);
      if (year >= FIRST_YEAR && year <= LAST_YEAR) {
        return year;
      }
    }
    throw InvalidInputException.at(
        "year", shown(text) + " is not a year from " + FIRST_YEAR + " to " + LAST_YEAR);
  }

  /** An organisation's or person's id, as ids of cases are taken; an empty one is no filter. */
  private static String id(String name, String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    String id = Ids.normalize(text);
    if (!id.matches(Ids.PATTERN)) {
      throw InvalidInputException.at(name, Ids.RULE);
    }
    return id;
  }

  /** The text in quotes, unless it holds characters that do not belong in an answer. */
  private static String shown(String text) {
    return Text.problem(text).isPresent() || text.length() > 40 ? "the value" : "'" + text + "'";
  }

  /** A measure the rules declare; an empty one is no filter. */
  private String measure(String id) {
    if (id == null || id.isEmpty()) {
      return null;
    }
    if (registry.current().measure(id).isPresent()) {
      return id;
    }
    throw InvalidInputException.at(
        "measure",
        "unknown measure "
            + shown(id)
            + "; the rules declare "
            + String.join(
                ", ", registry.current().measures().stream().map(MeasureInfo::getId).toList()));
  }
}
