package gov.rizhao.skills.releases.rest;

import gov.rizhao.skills.api.Roles;
import gov.rizhao.skills.engine.RuleFile;
import gov.rizhao.skills.engine.RulesetRegistry;
import gov.rizhao.skills.engine.rest.RulesetView;
import gov.rizhao.skills.http.QueryNumbers;
import gov.rizhao.skills.problem.InvalidInputException;
import gov.rizhao.skills.releases.ReleaseHistory;
import gov.rizhao.skills.releases.RulesetDiff;
import gov.rizhao.skills.releases.VersionStatus;
import gov.rizhao.skills.releases.VersionView;
import gov.rizhao.skills.releases.Versions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The stored versions, for analysts, approvers and auditors: the history, one version with its
 * problems and scenario results, exactly the files it holds (to edit the real file), and what it
 * changes from another.
 */
@Path("/api/v1/rulesets")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ANALYST, Roles.APPROVER, Roles.AUDITOR})
public class VersionResource {
  private static final int MAX_PAGE_SIZE = 200;

  private final Versions versions;
  private final RulesetDiff diffs;
  private final ReleaseHistory history;
  private final RulesetRegistry registry;

  public VersionResource(
      Versions versions, RulesetDiff diffs, ReleaseHistory history, RulesetRegistry registry) {
    this.versions = versions;
    this.diffs = diffs;
    this.history = history;
    this.registry = registry;
  }

  @GET
  public Versions.VersionPage list(
      @QueryParam("status") String status,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    return versions.list(
        status(status),
        QueryNumbers.number("page", page, 0, 0, 100_000),
        QueryNumbers.number("size", size, 50, 1, MAX_PAGE_SIZE));
  }

  /** The ruleset this instance serves now: its version, files and build. */
  @GET
  @Path("/current")
  public RulesetView current() {
    return RulesetView.of(registry.current(), null, null);
  }

  /** The version in force: also for calling systems, whose decisions name it. */
  @GET
  @Path("/active")
  @RolesAllowed({Roles.CALLER, Roles.ANALYST, Roles.APPROVER, Roles.AUDITOR})
  public VersionView active() {
    return versions.active();
  }

  @GET
  @Path("/{version}")
  public VersionView get(@PathParam("version") String version) {
    return versions.get(version);
  }

  @GET
  @Path("/{version}/files/{name: .+}")
  @Produces(MediaType.WILDCARD)
  public Response file(@PathParam("version") String version, @PathParam("name") String name) {
    return download(versions.file(version, name));
  }

  /** A stored rule file as a download: a workbook as one, a DRL or scenario file as text. */
  public static Response download(RuleFile f) {
    String type =
        f.isTable()
            ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            : "text/plain; charset=UTF-8";
    return Response.ok(f.content(), type)
        .header("Content-Disposition", attachment(f.relativeName()))
        .build();
  }

  @GET
  @Path("/{version}/archive")
  @Produces("application/zip")
  public Response archive(@PathParam("version") String version) {
    return Response.ok(versions.archive(version), "application/zip")
        .header("Content-Disposition", attachment("rules-" + version.substring(7, 19) + ".zip"))
        .build();
  }

  @GET
  @Path("/{version}/diff")
  public RulesetDiff.Diff diff(
      @PathParam("version") String version, @QueryParam("base") String base) {
    String against =
        Optional.ofNullable(base)
            .filter(b -> !b.isBlank())
            .or(history::activeVersion)
            .orElseThrow(() -> InvalidInputException.at("base", "no version is in force"));
    return diffs.diff(version, against);
  }

  private static Optional<VersionStatus> status(String text) {
    if (text == null || text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(VersionStatus.valueOf(text));
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.at(
          "status", "is not one of " + Arrays.toString(VersionStatus.values()));
    }
  }

  private static String attachment(String fileName) {
    String plain = fileName.substring(fileName.lastIndexOf('/') + 1);
    return "attachment; filename*=UTF-8''" + URLEncoder.encode(plain, StandardCharsets.UTF_8);
  }
}
