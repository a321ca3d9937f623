package gov.rizhao.skills.console;

import gov.rizhao.skills.api.Roles;
import gov.rizhao.skills.releases.VersionStatus;
import gov.rizhao.skills.releases.VersionView;
import gov.rizhao.skills.releases.Versions;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;

/** The console's first page: the version in force and what waits for the person signed in. */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.ANALYST, Roles.APPROVER, Roles.AUDITOR, Roles.ADMIN})
public class ConsoleHome {
  private final ConsoleView view;
  private final Versions versions;

  public ConsoleHome(ConsoleView view, Versions versions) {
    this.view = view;
    this.versions = versions;
  }

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance home(
        ConsoleView.Page page,
        VersionView active,
        List<VersionView> drafts,
        boolean canSeeVersions);
  }

  @GET
  public TemplateInstance home() {
    boolean canSeeVersions = view.any(Roles.ANALYST, Roles.APPROVER, Roles.AUDITOR);
    List<VersionView> drafts =
        canSeeVersions
            ? versions.list(Optional.of(VersionStatus.DRAFT), 0, 20).versions()
            : List.of();
    VersionView active = canSeeVersions ? versions.active() : null;
    return Templates.home(view.page("/console", "首页"), active, drafts, canSeeVersions);
  }
}
