package gov.rizhao.skills.console;

import gov.rizhao.skills.api.CaseView;
import gov.rizhao.skills.api.ReplayView;
import gov.rizhao.skills.api.Roles;
import gov.rizhao.skills.cases.AmbiguousCaseException;
import gov.rizhao.skills.cases.CaseRecord;
import gov.rizhao.skills.cases.CaseService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;

/**
 * 案件: an auditor finds any stored case by its id (and the system that sent it, when several used
 * the id), reads its decisions with amounts and payees, and the trace as readable steps: each rule
 * with its article, each parameter row (file, sheet, row) with the value used, every unmet
 * condition; and replays it under the version and ledger it was decided with.
 */
@Path("/console/cases")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.AUDITOR)
public class ConsoleCases {
  private final ConsoleView view;
  private final CaseService cases;

  public ConsoleCases(ConsoleView view, CaseService cases) {
    this.view = view;
    this.cases = cases;
  }

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance find(
        ConsoleView.Page page,
        String caseId,
        String owner,
        CaseView found,
        ReplayView replay,
        String error);
  }

  @GET
  public TemplateInstance find(
      @QueryParam("caseId") String caseId,
      @QueryParam("owner") String owner,
      @QueryParam("replay") String replay) {
    ConsoleView.Page page = view.page("/console/cases", "案件");
    if (caseId == null || caseId.isBlank()) {
      return Templates.find(page, null, null, null, null, null);
    }
    String id = caseId.strip();
    Optional<String> by = Optional.ofNullable(owner).map(String::strip).filter(o -> !o.isEmpty());
    if (id.length() > 100 || by.map(o -> o.length() > 200).orElse(false)) {
      return Templates.find(page, null, null, null, null, "案件编号至多 100 个字符");
    }
    try {
      Optional<CaseRecord.Key> key = cases.locate(id, by);
      Optional<CaseView> found = key.flatMap(cases::get);
      if (found.isEmpty()) {
        return Templates.find(page, id, by.orElse(null), null, null, "没有编号为“" + id + "”的案件");
      }
      ReplayView replayed = replay != null ? key.flatMap(cases::replay).orElse(null) : null;
      return Templates.find(page, id, by.orElse(null), found.get(), replayed, null);
    } catch (AmbiguousCaseException e) {
      return Templates.find(
          page, id, null, null, null, "多个调用系统使用了这个案件编号，请同时填写提交系统：" + e.getMessage());
    }
  }
}
