package gov.rizhao.skills.console;

import gov.rizhao.skills.api.Roles;
import gov.rizhao.skills.engine.RuleProblem;
import gov.rizhao.skills.engine.VersionHistory;
import gov.rizhao.skills.http.QueryNumbers;
import gov.rizhao.skills.problem.InvalidInputException;
import gov.rizhao.skills.problem.ProblemException;
import gov.rizhao.skills.releases.Drafts;
import gov.rizhao.skills.releases.ReleaseSteps;
import gov.rizhao.skills.releases.RulesetDiff;
import gov.rizhao.skills.releases.Upload;
import gov.rizhao.skills.releases.VersionView;
import gov.rizhao.skills.releases.Versions;
import gov.rizhao.skills.releases.rest.VersionResource;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * 规则版本: the version history, one version with its problems, scenario results and differences from
 * the version in force, its files to download, and an upload of changed files. The four-eyes steps
 * are {@link ConsoleApprovals}.
 */
@Path("/console/rulesets")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.ANALYST, Roles.APPROVER, Roles.AUDITOR})
public class ConsoleRulesets {
  private final ConsoleView view;
  private final Versions versions;
  private final RulesetDiff diffs;
  private final VersionHistory history;
  private final ReleaseSteps steps;

  public ConsoleRulesets(
      ConsoleView view,
      Versions versions,
      RulesetDiff diffs,
      VersionHistory history,
      ReleaseSteps steps) {
    this.view = view;
    this.versions = versions;
    this.diffs = diffs;
    this.history = history;
    this.steps = steps;
  }

  /** What the person signed in may do with a version. */
  public record Can(boolean approve, boolean activate, boolean upload, boolean simulate) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance list(
        ConsoleView.Page page,
        Versions.VersionPage versions,
        String active,
        boolean upload,
        Integer previous,
        Integer next);

    static native TemplateInstance version(
        ConsoleView.Page page,
        VersionView version,
        RulesetDiff.Diff diff,
        Can can,
        String message,
        String error);

    static native TemplateInstance uploaded(
        ConsoleView.Page page, String version, List<RuleProblem> problems, String error);
  }

  @GET
  public TemplateInstance list(@QueryParam("page") String page) {
    int number = QueryNumbers.number("page", page, 0, 0, 100_000);
    Versions.VersionPage shown = versions.list(Optional.empty(), number, 30);
    return Templates.list(
        view.page("/console/rulesets", "规则版本"),
        shown,
        history.activeVersion().orElse(null),
        view.any(Roles.ANALYST),
        number > 0 ? number - 1 : null,
        (long) (number + 1) * shown.size() < shown.total() ? number + 1 : null);
  }

  @GET
  @Path("/{version}")
  public TemplateInstance version(
      @PathParam("version") String version,
      @QueryParam("done") String done,
      @QueryParam("error") String error) {
    String message =
        done == null
            ? null
            : switch (done) {
              case "uploaded" -> "草稿已上传：构建通过，情景测试结果见下。请与现行版本比对、模拟，再请另一位同事审批。";
              case "same" -> "上传的内容与这个已有版本完全相同，未新建草稿。";
              case "approved" -> "已审批。可立即生效或定时生效。";
              case "rejected" -> "已驳回。";
              case "activated" -> "已生效：所有服务实例将在 5 秒内切换到这个版本。";
              case "scheduled" -> "已安排在指定时间生效。";
              default -> null;
            };
    return page(
        version, message, error == null ? null : error.substring(0, Math.min(500, error.length())));
  }

  private TemplateInstance page(String version, String message, String error) {
    VersionView v = versions.get(version);
    String active = history.activeVersion().orElse(null);
    RulesetDiff.Diff diff = null;
    if (active != null
        && !active.equals(v.version())
        && (v.problems() == null || v.problems().isEmpty())) {
      try {
        diff = diffs.diff(v.version(), active);
      } catch (ProblemException e) {
        diff = null;
      }
    }
    boolean approver = view.any(Roles.APPROVER);
    boolean mine = view.user().equals(v.author());
    Can can =
        new Can(
            approver && !mine && "DRAFT".equals(v.status().name()),
            approver
                && ("APPROVED".equals(v.status().name()) || "RETIRED".equals(v.status().name())),
            view.any(Roles.ANALYST),
            view.any(Roles.ANALYST, Roles.APPROVER) && !"FAILED".equals(v.status().name()));
    return Templates.version(
        view.page("/console/rulesets", "规则版本 " + ConsoleLabels.brief(v.version())),
        v,
        diff,
        can,
        message,
        error);
  }

  @GET
  @Path("/{version}/files/{name: .+}")
  @Produces(MediaType.WILDCARD)
  public Response file(@PathParam("version") String version, @PathParam("name") String name) {
    return VersionResource.download(versions.file(version, name));
  }

  /** An upload of changed files: the new draft's page, or the problems listed on this page. */
  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @RolesAllowed(Roles.ANALYST)
  public Response upload(
      @RestForm("file") List<FileUpload> files,
      @RestForm("base") String base,
      @RestForm("reason") String reason) {
    ConsoleView.Page page = view.page("/console/rulesets", "上传修改");
    List<FileUpload> given =
        files == null ? List.of() : files.stream().filter(f -> f.size() > 0).toList();
    if (given.isEmpty()) {
      return Response.ok(Templates.uploaded(page, null, List.of(), "请选择要上传的文件")).build();
    }
    if (reason == null || reason.isBlank() || reason.length() > 2000) {
      return Response.ok(Templates.uploaded(page, null, List.of(), "请写明修改原因和依据文件（至多 2000 字）"))
          .build();
    }
    try {
      Drafts.Made made =
          steps.upload(
              Optional.ofNullable(base).filter(b -> !b.isBlank()),
              () -> {
                List<Upload.Part> parts = new ArrayList<>();
                for (FileUpload f : given) {
                  parts.addAll(Upload.read(f.fileName(), bytes(f)));
                }
                return parts;
              },
              reason.strip(),
              view.user());
      if (!made.problems().isEmpty()) {
        return Response.ok(Templates.uploaded(page, made.version().version, made.problems(), null))
            .build();
      }
      return Response.seeOther(
              URI.create(
                  "/console/rulesets/"
                      + made.version().version
                      + "?done="
                      + (made.created() ? "uploaded" : "same")))
          .build();
    } catch (ProblemException e) {
      return Response.ok(Templates.uploaded(page, null, List.of(), e.getMessage())).build();
    } catch (InvalidInputException e) {
      return Response.ok(
              Templates.uploaded(
                  page,
                  null,
                  List.of(),
                  String.join("；", e.errors().stream().map(x -> x.message()).toList())))
          .build();
    }
  }

  private static byte[] bytes(FileUpload f) {
    try {
      return Files.readAllBytes(f.uploadedFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
