package gov.rizhao.skills.console;

import gov.rizhao.skills.api.Roles;
import gov.rizhao.skills.problem.ProblemException;
import gov.rizhao.skills.releases.ReleaseSteps;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;

/**
 * 审批与发布: on a version's page, an approver who is not its author approves or rejects it, and
 * activates a version now or at a Beijing time (a retired one: a rollback), each with a reason;
 * then back to the version's page with what happened, or why it was refused.
 */
@Path("/console/rulesets/{version}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.APPROVER)
public class ConsoleApprovals {
  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  private final ConsoleView view;
  private final ReleaseSteps steps;

  public ConsoleApprovals(ConsoleView view, ReleaseSteps steps) {
    this.view = view;
    this.steps = steps;
  }

  @POST
  @Path("/approve")
  @RolesAllowed(Roles.APPROVER)
  public Response approve(@PathParam("version") String version, @RestForm String reason) {
    return step(
        version, "approved", reason, () -> steps.approve(version, reason.strip(), view.user()));
  }

  @POST
  @Path("/reject")
  @RolesAllowed(Roles.APPROVER)
  public Response reject(@PathParam("version") String version, @RestForm String reason) {
    return step(
        version, "rejected", reason, () -> steps.reject(version, reason.strip(), view.user()));
  }

  /**
   * Activation now, or at a Beijing date and time ({@code at}, as a datetime-local field gives).
   */
  @POST
  @Path("/activate")
  @RolesAllowed(Roles.APPROVER)
  public Response activate(
      @PathParam("version") String version, @RestForm String reason, @RestForm String at) {
    Optional<Instant> when;
    try {
      when =
          at == null || at.isBlank()
              ? Optional.empty()
              : Optional.of(LocalDateTime.parse(at.strip()).atZone(BEIJING).toInstant());
    } catch (DateTimeException e) {
      return redirect(version, null, "生效时间“" + at + "”无效");
    }
    return step(
        version,
        when.isPresent() ? "scheduled" : "activated",
        reason,
        () -> steps.activate(version, reason.strip(), when, view.user()));
  }

  private Response step(String version, String done, String reason, Runnable action) {
    if (reason == null || reason.isBlank() || reason.length() > 2000) {
      return redirect(version, null, "请写明理由（至多 2000 字）");
    }
    try {
      action.run();
      return redirect(version, done, null);
    } catch (ProblemException e) {
      return redirect(version, null, e.getMessage());
    }
  }

  private static Response redirect(String version, String done, String error) {
    String query =
        done != null
            ? "?done=" + done
            : "?error=" + URLEncoder.encode(error, StandardCharsets.UTF_8);
    return Response.seeOther(URI.create("/console/rulesets/" + version + query)).build();
  }
}
