package gov.rizhao.skills.console;

import gov.rizhao.skills.api.Roles;
import gov.rizhao.skills.audit.AuditCheck;
import gov.rizhao.skills.audit.AuditQuery;
import gov.rizhao.skills.http.QueryNumbers;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * 审计: the audit log filtered by who, what, on what and when (Beijing dates), newest first, and on
 * request the check of its hash chain.
 */
@Path("/console/audit")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.AUDITOR)
public class ConsoleAudit {
  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  private static final int PAGE_SIZE = 50;

  private final ConsoleView view;
  private final AuditQuery audit;
  private final AuditCheck check;

  public ConsoleAudit(ConsoleView view, AuditQuery audit, AuditCheck check) {
    this.view = view;
    this.audit = audit;
    this.check = check;
  }

  /** The filter as the form shows it. */
  public record Form(String actor, String action, String target, String from, String to) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance log(
        ConsoleView.Page page,
        Form form,
        AuditQuery.AuditPage entries,
        AuditCheck.Result chain,
        Integer previous,
        Integer next,
        String error);
  }

  @GET
  public TemplateInstance log(
      @QueryParam("actor") String actor,
      @QueryParam("action") String action,
      @QueryParam("target") String target,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("page") String page,
      @QueryParam("verify") String verify) {
    Form form = new Form(clean(actor), clean(action), clean(target), clean(from), clean(to));
    String error = null;
    Instant start = null;
    Instant end = null;
    try {
      start = day(form.from());
      end = day(form.to()) == null ? null : day(form.to()).plusSeconds(86_400);
    } catch (DateTimeException e) {
      error = "日期应写作 2026-12-01";
    }
    int number = QueryNumbers.number("page", page, 0, 0, 100_000);
    AuditQuery.AuditPage entries =
        audit.page(
            new AuditQuery.Filter(form.actor(), form.action(), form.target(), start, end),
            number,
            PAGE_SIZE);
    return Templates.log(
        view.page("/console/audit", "审计"),
        form,
        entries,
        verify != null ? check.check() : null,
        number > 0 ? number - 1 : null,
        (long) (number + 1) * PAGE_SIZE < entries.total() ? number + 1 : null,
        error);
  }

  private static Instant day(String text) {
    return text.isEmpty() ? null : LocalDate.parse(text).atStartOfDay(BEIJING).toInstant();
  }

  /** The field stripped, at most 200 characters; empty when not given. */
  private static String clean(String text) {
    if (text == null || text.isBlank()) {
      return "";
    }
    String t = text.strip();
    return t.length() > 200 ? t.substring(0, 200) : t;
  }
}
