package gov.rizhao.skills.engine.build;

import gov.rizhao.skills.engine.RuleLocation;
import gov.rizhao.skills.engine.RuleProblem;
import gov.rizhao.skills.facts.MeasureInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The checks on the DRL files against what the workbooks declare: every rule cites its article and
 * has an id of its own, every value it reads is declared, every measure it names is declared. Also
 * records where each rule is.
 */
final class LogicChecks {
  private LogicChecks() {}

  /**
   * Checks one parsed DRL file and adds its rules to {@code locations}.
   *
   * @param declaredKeys the parameter keys the workbooks declare
   */
  static void check(
      DrlFiles.Parsed drl,
      Set<String> declaredKeys,
      Map<String, MeasureInfo> measures,
      Optional<String> defaultDocument,
      Map<String, RuleLocation> locations,
      List<RuleProblem> problems) {
    String file = drl.file().name();
    for (DrlFiles.Declared rule : drl.rules()) {
      if (rule.article() == null) {
        problems.add(
            RuleProblem.atLine(
                file,
                rule.line(),
                null,
                "规则“" + rule.rule() + "”没有注明条款：请在规则名后加 @article(\"二（二）6\")"));
      }
      String document =
          Optional.ofNullable(measures.get(measureOf(rule.rule())))
              .map(MeasureInfo::getDocument)
              .or(() -> defaultDocument)
              .orElse(null);
      RuleLocation where = new RuleLocation(file, "line " + rule.line(), rule.article(), document);
      RuleLocation earlier = locations.putIfAbsent(rule.rule(), where);
      if (earlier != null) {
        problems.add(
            RuleProblem.atLine(
                file,
                rule.line(),
                null,
                "规则编号“"
                    + rule.rule()
                    + "”已用于 "
                    + earlier.source()
                    + "（"
                    + earlier.location()
                    + "）：规则编号须全规则集唯一"));
      }
    }
    for (DrlFiles.Reference ref : drl.parameters()) {
      if (!declaredKeys.contains(ref.name())) {
        problems.add(
            RuleProblem.atLine(
                file,
                ref.line(),
                null,
                "参数“" + ref.name() + "”未在任何参数表中声明" + Nearest.suggest(ref.name(), declaredKeys)));
      }
    }
    for (DrlFiles.Reference ref : drl.measures()) {
      if (!measures.containsKey(ref.name())) {
        problems.add(
            RuleProblem.atLine(
                file,
                ref.line(),
                null,
                "措施“"
                    + ref.name()
                    + "”未在任何参数表的“措施”工作表中声明"
                    + Nearest.suggest(ref.name(), measures.keySet())));
      }
    }
  }

  /** The measure a rule id starts with ({@code M06-AWARD} → {@code M06}). */
  private static String measureOf(String rule) {
    int dash = rule.indexOf('-');
    return dash < 0 ? rule : rule.substring(0, dash);
  }
}
