package gov.rizhao.skills.audit;

import gov.rizhao.skills.api.Roles;
import gov.rizhao.skills.problem.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The audit log, for auditors: filtered and paged, newest first; and the check of its chain. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.AUDITOR)
public class AuditResource {
  static final int MAX_PAGE_SIZE = 500;

  private final AuditCheck check;
  private final AuditQuery query;

  public AuditResource(AuditCheck check, AuditQuery query) {
    this.check = check;
    this.query = query;
  }

  @GET
  public AuditQuery.AuditPage list(
      @QueryParam("actor") String actor,
      @QueryParam("action") String action,
      @QueryParam("target") String target,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    if (page < 0) {
      throw InvalidInputException.at("page", "must be 0 or more");
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw InvalidInputException.at("size", "must be from 1 to " + MAX_PAGE_SIZE);
    }
    return query.page(
        new AuditQuery.Filter(
            actor,
            action,
            target,
            from == null ? null : instant("from", from),
            to == null ? null : instant("to", to)),
        page,
        size);
  }

  /** Whether the log is intact: every sealed entry unchanged and the chain unbroken. */
  @GET
  @Path("/verify")
  public AuditCheck.Result verify() {
    return check.check();
  }

  private static Instant instant(String name, String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw InvalidInputException.at(
          name, "'" + text + "' is not an instant such as 2026-12-01T00:00:00Z");
    }
  }
}
