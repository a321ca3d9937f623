package gov.rizhao.skills.console;

import gov.rizhao.skills.api.Roles;
import gov.rizhao.skills.engine.RulesetRegistry;
import gov.rizhao.skills.facts.Parameter;
import gov.rizhao.skills.releases.VersionStatus;
import gov.rizhao.skills.releases.VersionView;
import gov.rizhao.skills.releases.Versions;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The history of a measure's parameters across the versions that have been in force: for each
 * parameter row (编号), its value in each version, newest first, a change from the version before
 * marked.
 */
@Path("/console/measures/{measure}/history")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.ANALYST, Roles.APPROVER, Roles.AUDITOR, Roles.ADMIN})
public class ConsoleHistory {
  /** Versions shown: the most recent ones that were in force. */
  static final int VERSIONS = 8;

  private final ConsoleView view;
  private final Versions versions;
  private final RulesetRegistry registry;

  public ConsoleHistory(ConsoleView view, Versions versions, RulesetRegistry registry) {
    this.view = view;
    this.versions = versions;
    this.registry = registry;
  }

  /** One value of a row in one version; {@code changed} when it differs from the older version. */
  public record Cell(String value, boolean changed) {}

  /** A parameter row across the versions: its key, member and the cells, newest version first. */
  public record Row(String id, String key, String item, List<Cell> cells) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance history(
        ConsoleView.Page page, String measure, List<VersionView> versions, List<Row> rows);
  }

  @GET
  public TemplateInstance history(@PathParam("measure") String measure) {
    String id = measure.matches("[A-Z][A-Z0-9]{0,19}") ? measure : "";
    List<VersionView> shown = new ArrayList<>();
    shown.addAll(versions.list(Optional.of(VersionStatus.ACTIVE), 0, 1).versions());
    shown.addAll(versions.list(Optional.of(VersionStatus.RETIRED), 0, VERSIONS - 1).versions());
    shown.sort(Comparator.comparing(VersionView::createdAt).reversed());
    // Each version's rows of the measure, by row id: "value (from – to)".
    List<Map<String, String>> values = new ArrayList<>();
    Map<String, String[]> keys = new LinkedHashMap<>();
    for (VersionView v : shown) {
      Map<String, String> byId = new LinkedHashMap<>();
      registry.withVersion(
          v.version(),
          ruleset -> {
            for (Parameter p : ruleset.allParameters()) {
              if (p.getMeasure().equals(id)) {
                byId.put(p.getId(), describe(p));
                keys.putIfAbsent(p.getId(), new String[] {p.getKey(), p.getItem()});
              }
            }
            return null;
          });
      values.add(byId);
    }
    List<Row> rows = new ArrayList<>();
    keys.keySet().stream()
        .sorted()
        .forEach(
            rowId -> {
              List<Cell> cells = new ArrayList<>();
              for (int i = 0; i < values.size(); i++) {
                String value = values.get(i).get(rowId);
                String older = i + 1 < values.size() ? values.get(i + 1).get(rowId) : value;
                cells.add(
                    new Cell(
                        value == null ? "—" : value,
                        i + 1 < values.size() && !java.util.Objects.equals(value, older)));
              }
              String[] k = keys.get(rowId);
              rows.add(new Row(rowId, k[0], k[1], cells));
            });
    return Templates.history(view.page("/console/measures", id + " 参数的历次版本"), id, shown, rows);
  }

  private static String describe(Parameter p) {
    String validity =
        p.getValidFrom() == null && p.getValidTo() == null
            ? ""
            : "（"
                + (p.getValidFrom() == null ? "施行起" : p.getValidFrom())
                + " 至 "
                + (p.getValidTo() == null ? "今" : p.getValidTo())
                + "）";
    return p.getValue() + " " + p.getUnit().symbol() + validity;
  }
}
