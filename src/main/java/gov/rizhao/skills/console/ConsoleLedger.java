package gov.rizhao.skills.console;

import gov.rizhao.skills.api.Roles;
import gov.rizhao.skills.ledger.LedgerService;
import gov.rizhao.skills.ledger.LedgerView;
import gov.rizhao.skills.ledger.PoolStore;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * 台账: for a year (and a measure), the grants and money per measure, and each quota and cap as a bar
 * of used against its limit; a bar opens the cases that took from it.
 */
@Path("/console/ledger")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.ANALYST, Roles.APPROVER, Roles.AUDITOR})
public class ConsoleLedger {
  private static final int POOLS_SHOWN = 200;
  private static final int GRANTS_SHOWN = 200;

  private final ConsoleView view;
  private final LedgerService ledger;

  public ConsoleLedger(ConsoleView view, LedgerService ledger) {
    this.view = view;
    this.ledger = ledger;
  }

  /** A pool as a bar: how much of its limit is used, in percent (0–100). */
  public record Bar(PoolStore.PoolView pool, int percent, boolean full) {
    static Bar of(PoolStore.PoolView p) {
      if (p.limit() == null || p.used() == null || p.limit().signum() <= 0) {
        return new Bar(p, 0, false);
      }
      int percent =
          p.used()
              .multiply(BigDecimal.valueOf(100))
              .divide(p.limit(), 0, RoundingMode.HALF_UP)
              .min(BigDecimal.valueOf(100))
              .intValue();
      return new Bar(p, percent, p.used().compareTo(p.limit()) >= 0);
    }
  }

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance ledger(
        ConsoleView.Page page,
        int year,
        String measure,
        LedgerView totals,
        List<Bar> bars,
        boolean cases,
        String error);

    static native TemplateInstance pool(
        ConsoleView.Page page, String scope, List<LedgerService.PoolGrant> grants);
  }

  @GET
  public TemplateInstance ledger(
      @QueryParam("year") String year, @QueryParam("measure") String measure) {
    int shown = LocalDate.now().getYear();
    String error = null;
    if (year != null && !year.isBlank()) {
      try {
        shown = Integer.parseInt(year.strip());
        if (shown < 1949 || shown > 2999) {
          throw new NumberFormatException();
        }
      } catch (NumberFormatException e) {
        shown = LocalDate.now().getYear();
        error = "年度应为 1949 至 2999 的整数；下面是今年的台账";
      }
    }
    String only =
        measure == null || !measure.strip().matches("[A-Z][A-Z0-9]{0,19}") ? null : measure.strip();
    LedgerView totals = ledger.report(shown, only, null, null, 0, POOLS_SHOWN);
    List<Bar> bars =
        totals.pools().stream()
            .filter(p -> p.limit() != null && !p.scope().contains("|person|"))
            .map(Bar::of)
            .toList();
    return Templates.ledger(
        view.page("/console/ledger", "台账"),
        shown,
        only,
        totals,
        bars,
        view.any(Roles.AUDITOR),
        error);
  }

  /** The cases behind a bar: who was granted what is for auditors, as the cases themselves are. */
  @GET
  @Path("/pool")
  @RolesAllowed(Roles.AUDITOR)
  public TemplateInstance pool(@QueryParam("scope") String scope) {
    String s = scope == null ? "" : scope.strip();
    if (s.length() > 300) {
      s = s.substring(0, 300);
    }
    return Templates.pool(
        view.page("/console/ledger", "名额与上限：" + s), s, ledger.grantsOf(s, GRANTS_SHOWN));
  }
}
