package gov.rizhao.skills.audit;

import gov.rizhao.skills.api.Roles;
import gov.rizhao.skills.problem.InvalidInputException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The audit log, for auditors: filtered and paged, newest first; and the check of its chain. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.AUDITOR)
public class AuditResource {
  static final int MAX_PAGE_SIZE = 500;

  private final AuditCheck check;

  public AuditResource(AuditCheck check) {
    this.check = check;
  }

  /** A page of entries. */
  public record AuditPage(int page, int size, long total, List<AuditView> entries) {}

  /** An entry as auditors read it. */
  public record AuditView(
      long id,
      Instant at,
      String actor,
      String action,
      String target,
      String outcome,
      String source,
      String detail,
      boolean sealed) {
    static AuditView of(AuditEntry e) {
      return new AuditView(
          e.id,
          e.at,
          e.actor,
          e.action,
          e.target,
          e.outcome,
          e.source,
          e.detail,
          e.chainHash != null);
    }
  }

  @GET
  public AuditPage list(
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
    StringBuilder where = new StringBuilder("1 = 1");
    Map<String, Object> params = new HashMap<>();
    filter(where, params, "actor", actor);
    filter(where, params, "action", action);
    filter(where, params, "target", target);
    if (from != null) {
      where.append(" and at >= :from");
      params.put("from", instant("from", from));
    }
    if (to != null) {
      where.append(" and at < :to");
      params.put("to", instant("to", to));
    }
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              var query =
                  AuditEntry.<AuditEntry>find(where.toString(), Sort.descending("id"), params);
              List<AuditView> entries =
                  query.page(Page.of(page, size)).list().stream().map(AuditView::of).toList();
              return new AuditPage(page, size, query.count(), entries);
            });
  }

  /** Whether the log is intact: every sealed entry unchanged and the chain unbroken. */
  @GET
  @Path("/verify")
  public AuditCheck.Result verify() {
    return check.check();
  }

  private static void filter(
      StringBuilder where, Map<String, Object> params, String field, String value) {
    if (value != null && !value.isBlank()) {
      where.append(" and ").append(field).append(" = :").append(field);
      params.put(field, value);
    }
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
