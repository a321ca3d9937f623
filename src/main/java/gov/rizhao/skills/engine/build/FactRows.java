package gov.rizhao.skills.engine.build;

import static gov.rizhao.skills.engine.build.WorkbookLayout.CODE_LIST;
import static gov.rizhao.skills.engine.build.WorkbookLayout.DESCRIPTION;
import static gov.rizhao.skills.engine.build.WorkbookLayout.FIELD;
import static gov.rizhao.skills.engine.build.WorkbookLayout.ID;
import static gov.rizhao.skills.engine.build.WorkbookLayout.LABEL;
import static gov.rizhao.skills.engine.build.WorkbookLayout.SUBJECT;
import static gov.rizhao.skills.engine.build.WorkbookLayout.TYPE;
import static gov.rizhao.skills.engine.build.WorkbookLayout.UNIT;

import gov.rizhao.skills.engine.RuleProblem;
import gov.rizhao.skills.facts.AttributeSubject;
import gov.rizhao.skills.facts.AttributeType;
import gov.rizhao.skills.facts.FactDeclaration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The facts of the 事实 sheets: attributes of the person, the organization or the case that callers
 * send and rules read, each with its type. A field declared twice for one subject is refused at its
 * second row.
 */
final class FactRows {
  private static final Pattern KEY = Pattern.compile(FactDeclaration.KEY_PATTERN);
  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,49}");

  /** Most codes one fact may list, and most facts one ruleset may declare. */
  static final int MAX_CODES = 200;

  static final int MAX_FACTS = 200;

  private FactRows() {}

  /** The facts the workbook's 事实 sheet declares. */
  static List<CatalogRows.Entry<FactDeclaration>> read(
      WorkbookReader.Read read, List<RuleProblem> problems) {
    List<CatalogRows.Entry<FactDeclaration>> out = new ArrayList<>();
    WorkbookReader.Table table = read.tables().get(WorkbookLayout.FACTS);
    if (table == null) {
      return out;
    }
    for (WorkbookReader.TableRow row : table.rows()) {
      Origin origin = new Origin(read.file().name(), table, row.row());
      int before = problems.size();
      for (String label : List.of(ID, SUBJECT, FIELD, TYPE, LABEL)) {
        if (row.text(label) == null) {
          problems.add(origin.problem(label, "事实须填写" + label));
        }
      }
      AttributeSubject subject = null;
      if (row.text(SUBJECT) != null) {
        subject = AttributeSubject.ofSymbol(row.text(SUBJECT)).orElse(null);
        if (subject == null) {
          problems.add(origin.problem(SUBJECT, "对象“" + row.text(SUBJECT) + "”无效，可用：人员、单位、案件"));
        }
      }
      String key = row.text(FIELD);
      if (key != null && !KEY.matcher(key).matches()) {
        problems.add(origin.problem(FIELD, "字段名“" + key + "”应为小写字母开头的字母和数字（至多 50 个），如 birthDate"));
      }
      AttributeType type = null;
      if (row.text(TYPE) != null) {
        type = AttributeType.ofSymbol(row.text(TYPE)).orElse(null);
        if (type == null) {
          problems.add(
              origin.problem(
                  TYPE,
                  "类型“"
                      + row.text(TYPE)
                      + "”无效，可用："
                      + String.join(
                          "、",
                          Arrays.stream(AttributeType.values())
                              .map(AttributeType::symbol)
                              .toList())));
        }
      }
      List<String> codes = codes(row.text(CODE_LIST));
      if (type == AttributeType.CODE && codes.isEmpty()) {
        problems.add(origin.problem(CODE_LIST, "类型为“代码”时须列出可选代码，如 FULL_TIME、PART_TIME"));
      } else if (type != null && type != AttributeType.CODE && !codes.isEmpty()) {
        problems.add(origin.problem(CODE_LIST, "只有类型为“代码”的事实才列可选代码"));
      }
      if (codes.size() > MAX_CODES) {
        problems.add(origin.problem(CODE_LIST, "可选代码过多（至多 " + MAX_CODES + " 个）"));
      }
      for (String code : codes) {
        if (!CODE.matcher(code).matches()) {
          problems.add(
              origin.problem(CODE_LIST, "代码“" + code + "”应为大写字母开头的大写字母、数字和下划线，如 FULL_TIME"));
        }
      }
      if (problems.size() == before) {
        out.add(
            new CatalogRows.Entry<>(
                new FactDeclaration(
                    row.text(ID),
                    subject,
                    key,
                    type,
                    codes,
                    row.text(LABEL),
                    row.text(UNIT),
                    row.text(DESCRIPTION),
                    read.file().name(),
                    origin.location()),
                origin));
      }
    }
    return out;
  }

  /**
   * The facts by subject and field ({@code PERSON|birthDate}); one declared twice is a problem at
   * its second row, and so is a fact beyond {@link #MAX_FACTS}.
   */
  static Map<String, FactDeclaration> byField(
      List<CatalogRows.Entry<FactDeclaration>> declared, List<RuleProblem> problems) {
    Map<String, FactDeclaration> out = new LinkedHashMap<>();
    for (CatalogRows.Entry<FactDeclaration> f : declared) {
      FactDeclaration fact = f.value();
      FactDeclaration earlier = out.putIfAbsent(fact.subject() + "|" + fact.key(), fact);
      if (earlier != null) {
        problems.add(
            f.origin()
                .problem(
                    FIELD,
                    fact.subject().symbol()
                        + "的事实“"
                        + fact.key()
                        + "”已在 "
                        + earlier.source()
                        + "（"
                        + earlier.location()
                        + "）声明，不能重复声明"));
      } else if (out.size() > MAX_FACTS) {
        problems.add(f.origin().problem(FIELD, "事实过多（一套规则至多声明 " + MAX_FACTS + " 个）"));
      }
    }
    return out;
  }

  private static List<String> codes(String text) {
    if (text == null) {
      return List.of();
    }
    return Arrays.stream(text.split("[、,，;；\\s]+")).filter(c -> !c.isEmpty()).toList();
  }
}
