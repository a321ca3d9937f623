package gov.rizhao.skills.engine.build;

import gov.rizhao.skills.engine.RuleLocation;
import gov.rizhao.skills.engine.RuleProblem;
import gov.rizhao.skills.facts.AttributeSubject;
import gov.rizhao.skills.facts.AttributeType;
import gov.rizhao.skills.facts.FactDeclaration;
import gov.rizhao.skills.facts.MeasureInfo;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

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
      Map<String, FactDeclaration> facts,
      List<RuleProblem> problems) {
    String file = drl.file().name();
    for (DrlFiles.AttributeRead read : drl.attributes()) {
      attribute(file, read, facts).ifPresent(problems::add);
    }
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

  /**
   * A fact a rule reads must be declared (for the subject the line names, when it names one), and
   * read with the accessor of its type.
   */
  private static Optional<RuleProblem> attribute(
      String file, DrlFiles.AttributeRead read, Map<String, FactDeclaration> facts) {
    AttributeSubject subject =
        read.subject() == null
            ? null
            : switch (read.subject()) {
              case "Person" -> AttributeSubject.PERSON;
              case "Organization" -> AttributeSubject.ORGANIZATION;
              default -> AttributeSubject.CASE;
            };
    List<FactDeclaration> candidates =
        facts.values().stream()
            .filter(f -> f.key().equals(read.key()))
            .filter(f -> subject == null || f.subject() == subject)
            .toList();
    if (candidates.isEmpty()) {
      Set<String> keys = new TreeSet<>();
      facts.values().forEach(f -> keys.add(f.key()));
      return Optional.of(
          RuleProblem.atLine(
              file,
              read.line(),
              null,
              "规则读取的事实“"
                  + read.key()
                  + "”未在任何“事实”工作表中声明"
                  + (subject == null ? "" : "（对象：" + subject.symbol() + "）")
                  + "：请在参数表的“事实”工作表中声明其对象、字段、类型和中文名称"
                  + Nearest.suggest(read.key(), keys)));
    }
    if (read.accessor().equals("has")) {
      return Optional.empty();
    }
    AttributeType wanted =
        read.accessor().equals("age")
            ? AttributeType.DATE
            : Arrays.stream(AttributeType.values())
                .filter(t -> t.accessor().equals(read.accessor()))
                .findFirst()
                .orElseThrow();
    FactDeclaration fact = candidates.get(0);
    if (candidates.stream().noneMatch(f -> f.type() == wanted)) {
      return Optional.of(
          RuleProblem.atLine(
              file,
              read.line(),
              null,
              "事实“"
                  + read.key()
                  + "”声明为“"
                  + fact.type().symbol()
                  + "”，规则却以 attributes."
                  + read.accessor()
                  + "(…) 读取："
                  + (read.accessor().equals("age") ? "age 只用于“日期”类型的事实；" : "")
                  + "请改用 attributes."
                  + fact.type().accessor()
                  + "(\""
                  + read.key()
                  + "\")"));
    }
    return Optional.empty();
  }

  /** The measure a rule id starts with ({@code M06-AWARD} → {@code M06}). */
  private static String measureOf(String rule) {
    int dash = rule.indexOf('-');
    return dash < 0 ? rule : rule.substring(0, dash);
  }
}
