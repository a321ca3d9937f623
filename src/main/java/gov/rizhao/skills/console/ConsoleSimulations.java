package gov.rizhao.skills.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.rizhao.skills.api.Roles;
import gov.rizhao.skills.problem.InvalidInputException;
import gov.rizhao.skills.problem.ProblemException;
import gov.rizhao.skills.releases.SimulationReport;
import gov.rizhao.skills.releases.SimulationRequest;
import gov.rizhao.skills.releases.Simulations;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/**
 * 影响模拟: a simulation of a version over the stored cases of some years, started from the version's
 * page; its progress bar while it runs (htmx asks every second), then charts and tables of outcome
 * changes, money, quota and cap use before and after, and the first changed cases.
 */
@Path("/console/rulesets/{version}/simulations")
@Produces(MediaType.TEXT_HTML)
public class ConsoleSimulations {
  private final ConsoleView view;
  private final Simulations simulations;
  private final ObjectMapper json;

  public ConsoleSimulations(ConsoleView view, Simulations simulations, ObjectMapper json) {
    this.view = view;
    this.simulations = simulations;
    this.json = json;
  }

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance simulation(
        ConsoleView.Page page,
        Simulations.View run,
        String period,
        SimulationReport.Result result,
        String chartData);

    static native TemplateInstance simulation$progress(Simulations.View run);
  }

  @POST
  @RolesAllowed({Roles.ANALYST, Roles.APPROVER})
  public Response start(
      @PathParam("version") String version,
      @RestForm String fromYear,
      @RestForm String toYear,
      @RestForm String measures) {
    try {
      Integer from = year(fromYear, "fromYear");
      Integer to = toYear == null || toYear.isBlank() ? null : year(toYear, "toYear");
      List<String> only =
          measures == null || measures.isBlank()
              ? null
              : Arrays.stream(measures.split("[,，、\\s]+")).filter(m -> !m.isEmpty()).toList();
      if (only != null
          && (only.size() > 50 || only.stream().anyMatch(m -> !m.matches("[A-Z][A-Z0-9]{0,19}")))) {
        throw InvalidInputException.at("measures", "措施编号应如 M06，用逗号分隔");
      }
      Simulations.View run =
          simulations.start(
              version, new SimulationRequest(null, null, from, to, only), view.user());
      return Response.seeOther(
              URI.create("/console/rulesets/" + version + "/simulations/" + run.id()))
          .build();
    } catch (ProblemException e) {
      return back(version, e.getMessage());
    } catch (InvalidInputException e) {
      return back(version, String.join("；", e.errors().stream().map(x -> x.message()).toList()));
    }
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.ANALYST, Roles.APPROVER, Roles.AUDITOR})
  public TemplateInstance page(@PathParam("version") String version, @PathParam("id") String id)
      throws JsonProcessingException {
    Simulations.View run = simulations.get(version, id);
    boolean done = run.result() != null && !run.result().isNull();
    SimulationReport.Result result =
        done ? json.treeToValue(run.result(), SimulationReport.Result.class) : null;
    String period =
        run.request() == null
            ? ""
            : run.request().path("from").asText() + " 至 " + run.request().path("to").asText();
    return Templates.simulation(
        view.page("/console/rulesets", "影响模拟"),
        run,
        period,
        result,
        done ? run.result().toString() : "");
  }

  /** The progress bar alone, for htmx; once the run is over, the whole page is reloaded. */
  @GET
  @Path("/{id}/progress")
  @RolesAllowed({Roles.ANALYST, Roles.APPROVER, Roles.AUDITOR})
  public Response progress(@PathParam("version") String version, @PathParam("id") String id) {
    Simulations.View run = simulations.get(version, id);
    Response.ResponseBuilder answer = Response.ok(Templates.simulation$progress(run));
    if (!"RUNNING".equals(run.status())) {
      answer.header("HX-Refresh", "true");
    }
    return answer.build();
  }

  private static Integer year(String text, String field) {
    try {
      int y = Integer.parseInt(text == null ? "" : text.strip());
      if (y < 1949 || y > 2999) {
        throw new NumberFormatException();
      }
      return y;
    } catch (NumberFormatException e) {
      throw InvalidInputException.at(field, "年份应为 1949 至 2999 的整数");
    }
  }

  private static Response back(String version, String error) {
    return Response.seeOther(
            URI.create(
                "/console/rulesets/"
                    + version
                    + "?error="
                    + URLEncoder.encode(error, StandardCharsets.UTF_8)))
        .build();
  }
}
