package gov.rizhao.skills.releases.rest;

import gov.rizhao.skills.api.Roles;
import gov.rizhao.skills.config.SkillsConfig;
import gov.rizhao.skills.problem.InvalidInputException;
import gov.rizhao.skills.releases.DraftFailedException;
import gov.rizhao.skills.releases.Drafts;
import gov.rizhao.skills.releases.ReleaseException;
import gov.rizhao.skills.releases.ReleaseSteps;
import gov.rizhao.skills.releases.Upload;
import gov.rizhao.skills.releases.VersionView;
import gov.rizhao.skills.releases.Versions;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Changing the rules under four eyes: an analyst uploads a draft (or makes one of the files on
 * disk), an approver who is not its author approves or rejects it, and activates it now or at a
 * time, or rolls back to an earlier version. Refused steps are audited too.
 */
@Path("/api/v1/rulesets")
@Produces(MediaType.APPLICATION_JSON)
public class ReleaseResource {
  private final Drafts drafts;
  private final ReleaseSteps steps;
  private final Versions versions;
  private final SecurityIdentity identity;
  private final SkillsConfig config;

  public ReleaseResource(
      Drafts drafts,
      ReleaseSteps steps,
      Versions versions,
      SecurityIdentity identity,
      SkillsConfig config) {
    this.drafts = drafts;
    this.steps = steps;
    this.versions = versions;
    this.identity = identity;
    this.config = config;
  }

  /** A reason for a step, and for an activation optionally when. */
  public record Step(@NotBlank @Size(max = 2000) String reason, Instant at) {}

  /**
   * A draft: the base version (the one in force by default) with the uploaded files put in. 201
   * with its scenario results; 200 when the same content is stored already; 422 when it does not
   * build (stored as FAILED, every problem listed).
   */
  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @RolesAllowed(Roles.ANALYST)
  public Response upload(
      @RestForm("file") List<FileUpload> files,
      @RestForm("base") String base,
      @RestForm("reason") String reason) {
    if (files == null || files.isEmpty()) {
      throw InvalidInputException.at("file", "at least one file is required");
    }
    String why = reason(reason);
    return answer(
        steps.upload(
            Optional.ofNullable(base),
            () -> {
              List<Upload.Part> parts = new ArrayList<>();
              for (FileUpload f : files) {
                parts.addAll(Upload.read(f.fileName(), bytes(f)));
              }
              return parts;
            },
            why,
            who()));
  }

  /** A draft of the rule files on disk, for deployments that keep the rules in git. */
  @POST
  @Path("/reload")
  @RolesAllowed(Roles.ANALYST)
  public Response fromDisk() {
    if (!config.rulesFromDisk()) {
      throw ReleaseException.switchedOff(
          "本部署不从规则目录生成草稿，请上传文件（drafts from the rules directory are switched off here:"
              + " skills.rules-from-disk=false; upload the files instead）");
    }
    return answer(drafts.fromDisk("规则目录中的文件（the rules directory）", who()));
  }

  @POST
  @Path("/{version}/approve")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.APPROVER)
  public VersionView approve(@PathParam("version") String version, @NotNull @Valid Step step) {
    steps.approve(version, step.reason(), who());
    return versions.get(version);
  }

  @POST
  @Path("/{version}/reject")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.APPROVER)
  public VersionView reject(@PathParam("version") String version, @NotNull @Valid Step step) {
    steps.reject(version, step.reason(), who());
    return versions.get(version);
  }

  @POST
  @Path("/{version}/activate")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.APPROVER)
  public VersionView activate(@PathParam("version") String version, @NotNull @Valid Step step) {
    steps.activate(version, step.reason(), Optional.ofNullable(step.at()), who());
    return versions.get(version);
  }

  private Response answer(Drafts.Made made) {
    if (!made.problems().isEmpty()) {
      throw new DraftFailedException(made.version().version, made.problems());
    }
    VersionView view = versions.get(made.version().version);
    return Response.status(made.created() ? 201 : 200)
        .header("Location", "/api/v1/rulesets/" + view.version())
        .entity(view)
        .build();
  }

  private String who() {
    return identity.getPrincipal().getName();
  }

  private static String reason(String text) {
    if (text == null || text.isBlank() || text.length() > 2000) {
      throw InvalidInputException.at("reason", "a reason of 1 to 2000 characters is required");
    }
    return text.strip();
  }

  private static byte[] bytes(FileUpload f) {
    try {
      return Files.readAllBytes(f.uploadedFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
