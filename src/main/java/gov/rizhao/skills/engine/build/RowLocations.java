package gov.rizhao.skills.engine.build;

import gov.rizhao.skills.engine.RuleLocation;
import gov.rizhao.skills.engine.RuleProblem;
import gov.rizhao.skills.facts.FactDeclaration;
import gov.rizhao.skills.facts.Parameter;
import gov.rizhao.skills.facts.PolicyDocument;
import java.util.List;
import java.util.Map;

/**
 * Where each row of the workbooks is, by its 编号 (parameter, document and fact rows alike): what a
 * trace resolves its steps with. An id is unique across the ruleset.
 */
final class RowLocations {
  private RowLocations() {}

  /** Where each parameter row is, by its id; an id used twice is a problem at the second row. */
  static void parameters(
      List<CatalogRows.Entry<Parameter>> parameters,
      Map<String, RuleLocation> locations,
      List<RuleProblem> problems) {
    for (CatalogRows.Entry<Parameter> e : parameters) {
      Parameter p = e.value();
      add(
          e.origin(),
          p.getId(),
          new RuleLocation(p.getSource(), p.getLocation(), p.getArticle(), p.getDocument()),
          locations,
          problems);
    }
  }

  /** Records where a row is; an id used before is a problem at this row. */
  private static void add(
      Origin origin,
      String id,
      RuleLocation where,
      Map<String, RuleLocation> locations,
      List<RuleProblem> problems) {
    RuleLocation earlier = locations.putIfAbsent(id, where);
    if (earlier != null) {
      problems.add(
          origin.problem(
              WorkbookLayout.ID,
              "编号“" + id + "”已用于 " + earlier.source() + "（" + earlier.location() + "）：编号须全规则集唯一"));
    }
  }

  /** Where each document row is; the document's own 文号 is its document. */
  static void documents(
      List<CatalogRows.Entry<PolicyDocument>> documents,
      Map<String, RuleLocation> locations,
      List<RuleProblem> problems) {
    for (CatalogRows.Entry<PolicyDocument> d : documents) {
      PolicyDocument document = d.value();
      add(
          d.origin(),
          document.getId(),
          new RuleLocation(
              document.getSource(),
              document.getLocation(),
              document.getArticle(),
              document.getNumber()),
          locations,
          problems);
    }
  }

  /** Where each fact row is. */
  static void facts(
      List<CatalogRows.Entry<FactDeclaration>> facts,
      Map<String, RuleLocation> locations,
      List<RuleProblem> problems) {
    for (CatalogRows.Entry<FactDeclaration> f : facts) {
      FactDeclaration fact = f.value();
      add(
          f.origin(),
          fact.id(),
          new RuleLocation(fact.source(), fact.location(), null, null),
          locations,
          problems);
    }
  }
}
