package gov.rizhao.skills.engine.build;

import static gov.rizhao.skills.engine.build.WorkbookLayout.ARTICLE;
import static gov.rizhao.skills.engine.build.WorkbookLayout.EFFECTIVE;
import static gov.rizhao.skills.engine.build.WorkbookLayout.EXPIRES;
import static gov.rizhao.skills.engine.build.WorkbookLayout.ID;
import static gov.rizhao.skills.engine.build.WorkbookLayout.LINK;
import static gov.rizhao.skills.engine.build.WorkbookLayout.NUMBER;
import static gov.rizhao.skills.engine.build.WorkbookLayout.TITLE;

import gov.rizhao.skills.engine.RuleProblem;
import gov.rizhao.skills.facts.MeasureInfo;
import gov.rizhao.skills.facts.Parameter;
import gov.rizhao.skills.facts.PolicyDocument;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The policy documents of the 文件 sheets: each row read at its cells, and a 文号 declared twice
 * refused at its second row. A document's dates bound every measure that rests on it.
 */
final class DocumentRows {
  private DocumentRows() {}

  /** The documents the workbook's 文件 sheet declares. */
  static List<CatalogRows.Entry<PolicyDocument>> read(
      WorkbookReader.Read read, List<RuleProblem> problems) {
    List<CatalogRows.Entry<PolicyDocument>> out = new ArrayList<>();
    WorkbookReader.Table table = read.tables().get(WorkbookLayout.DOCUMENTS);
    if (table == null) {
      return out;
    }
    for (WorkbookReader.TableRow row : table.rows()) {
      Origin origin = new Origin(read.file().name(), table, row.row());
      int before = problems.size();
      for (String label : List.of(ID, NUMBER, WorkbookLayout.TITLE, EFFECTIVE)) {
        if (row.text(label) == null) {
          problems.add(origin.problem(label, "文件须填写" + label));
        }
      }
      LocalDate effective = CatalogRows.date(row, origin, EFFECTIVE, problems);
      LocalDate expires = CatalogRows.date(row, origin, EXPIRES, problems);
      if (effective != null && expires != null && expires.isBefore(effective)) {
        problems.add(origin.problem(EXPIRES, "失效日期 " + expires + " 早于施行日期 " + effective));
      }
      if (problems.size() == before) {
        out.add(
            new CatalogRows.Entry<>(
                new PolicyDocument(
                    row.text(ID),
                    row.text(NUMBER),
                    row.text(TITLE),
                    effective,
                    expires,
                    row.text(LINK),
                    row.text(ARTICLE),
                    read.file().name(),
                    origin.location()),
                origin));
      }
    }
    return out;
  }

  /** The documents by 文号; one declared twice is a problem at its second row. */
  static Map<String, PolicyDocument> byNumber(
      List<CatalogRows.Entry<PolicyDocument>> declared, List<RuleProblem> problems) {
    Map<String, CatalogRows.Entry<PolicyDocument>> first = new LinkedHashMap<>();
    Map<String, PolicyDocument> out = new LinkedHashMap<>();
    for (CatalogRows.Entry<PolicyDocument> d : declared) {
      CatalogRows.Entry<PolicyDocument> earlier = first.putIfAbsent(d.value().getNumber(), d);
      if (earlier == null) {
        out.put(d.value().getNumber(), d.value());
      } else {
        problems.add(
            d.origin()
                .problem(
                    NUMBER,
                    "文件 "
                        + d.value().getNumber()
                        + " 已在 "
                        + earlier.value().getSource()
                        + "（"
                        + earlier.value().getLocation()
                        + "）声明，不能重复声明"));
      }
    }
    return out;
  }

  /**
   * When the rules declare documents, every measure and every parameter row names a declared one: a
   * measure at its 文件 cell, a row whose 文件 differs from its measure's at its own.
   */
  static void named(
      List<CatalogRows.Entry<MeasureInfo>> measures,
      List<CatalogRows.Entry<Parameter>> parameters,
      Map<String, MeasureInfo> measuresById,
      Map<String, PolicyDocument> documents,
      List<RuleProblem> problems) {
    if (documents.isEmpty()) {
      return; // rules written before the 文件 sheet: nothing to check against
    }
    for (CatalogRows.Entry<MeasureInfo> m : measures) {
      String number = m.value().getDocument();
      if (number != null && !documents.containsKey(number)) {
        problems.add(m.origin().problem(WorkbookLayout.DOCUMENT, unknown(number, documents)));
      }
    }
    for (CatalogRows.Entry<Parameter> p : parameters) {
      String number = p.value().getDocument();
      MeasureInfo measure = measuresById.get(p.value().getMeasure());
      boolean ownDocument = measure == null || !measure.getDocument().equals(number);
      if (ownDocument && !documents.containsKey(number)) {
        problems.add(
            p.origin()
                .problem(
                    WorkbookLayout.DOCUMENT,
                    number == null ? "须填写文件文号（该参数不属于任何措施）" : unknown(number, documents)));
      }
    }
  }

  private static String unknown(String number, Map<String, PolicyDocument> documents) {
    return "文件“"
        + number
        + "”未在任何“文件”工作表中声明（已声明："
        + String.join("、", documents.keySet())
        + "）"
        + Nearest.suggest(number, documents.keySet());
  }
}
