package gov.rizhao.skills.console;

import gov.rizhao.skills.api.Roles;
import gov.rizhao.skills.common.Dates;
import gov.rizhao.skills.engine.Ruleset;
import gov.rizhao.skills.engine.RulesetRegistry;
import gov.rizhao.skills.facts.MeasureInfo;
import gov.rizhao.skills.facts.Parameter;
import gov.rizhao.skills.facts.PolicyDocument;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;

/**
 * 政策措施: the measures of the version in force and, for a chosen date, every parameter in force with
 * its value, unit, validity, article and the policy sentence it rests on; each measure's document,
 * and the whole history of each parameter's rows.
 */
@Path("/console/measures")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.ANALYST, Roles.APPROVER, Roles.AUDITOR, Roles.ADMIN})
public class ConsoleMeasures {
  private final ConsoleView view;
  private final RulesetRegistry registry;

  public ConsoleMeasures(ConsoleView view, RulesetRegistry registry) {
    this.view = view;
    this.registry = registry;
  }

  /** A measure on the date: its declaration, document, whether in force, and its rows in force. */
  public record MeasureRow(
      MeasureInfo measure,
      PolicyDocument document,
      boolean inForce,
      List<Parameter> parameters,
      List<Parameter> history) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance measures(
        ConsoleView.Page page,
        LocalDate date,
        String dateError,
        String version,
        List<MeasureRow> measures);
  }

  @GET
  public TemplateInstance measures(@QueryParam("date") String date) {
    LocalDate asOf = LocalDate.now();
    String error = null;
    if (date != null && !date.isBlank()) {
      try {
        asOf = Dates.parse(date.strip());
      } catch (DateTimeException e) {
        error = "日期“" + date + "”无效，应写作 2021-06-01；下面是今天的数值";
      }
    }
    Ruleset ruleset = registry.current();
    LocalDate on = asOf;
    List<MeasureRow> rows =
        ruleset.measures().stream()
            .map(
                m -> {
                  PolicyDocument document = ruleset.documentOf(m.getId()).orElse(null);
                  List<Parameter> all =
                      ruleset.allParameters().stream()
                          .filter(p -> p.getMeasure().equals(m.getId()))
                          .toList();
                  return new MeasureRow(
                      m,
                      document,
                      document == null || document.inForceOn(on),
                      all.stream().filter(p -> p.inForceOn(on)).toList(),
                      all);
                })
            .toList();
    return Templates.measures(
        view.page("/console/measures", "政策措施"), asOf, error, ruleset.version(), rows);
  }
}
