package gov.rizhao.skills.engine.build;

import gov.rizhao.skills.engine.RuleProblem;
import gov.rizhao.skills.facts.MeasureInfo;
import gov.rizhao.skills.facts.Parameter;
import gov.rizhao.skills.facts.ParameterView;
import gov.rizhao.skills.facts.PolicyDocument;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The checks across rows and files: measures declared once, every parameter row belonging to a
 * measure and read by a rule, every value a rule reads declared, and each value's rows a step
 * function in time (one value on every day, no overlap, no gap, from the policy's start on).
 */
final class CatalogChecks {
  /** The prefix of values that belong to the whole policy document rather than to one measure. */
  static final String DOCUMENT_WIDE = "POLICY";

  /**
   * The document-wide value that said from when the policy is in force, in rules written before the
   * 文件 sheet.
   */
  static final String EFFECTIVE_DATE = DOCUMENT_WIDE + ".effectiveDate";

  private CatalogChecks() {}

  /** The measures by id; a second declaration of an id is a problem at its row. */
  static Map<String, MeasureInfo> measures(
      List<CatalogRows.Entry<MeasureInfo>> declared, List<RuleProblem> problems) {
    Map<String, CatalogRows.Entry<MeasureInfo>> byId = new LinkedHashMap<>();
    for (CatalogRows.Entry<MeasureInfo> m : declared) {
      CatalogRows.Entry<MeasureInfo> first = byId.putIfAbsent(m.value().getId(), m);
      if (first != null) {
        problems.add(
            m.origin()
                .problem(
                    WorkbookLayout.ID,
                    "措施 " + m.value().getId() + " 已在 " + first.value().getSource() + " 声明，不能重复声明"));
      }
    }
    Map<String, MeasureInfo> out = new LinkedHashMap<>();
    byId.values().stream()
        .sorted(Comparator.comparing(e -> e.value().getId()))
        .forEach(e -> out.put(e.value().getId(), e.value()));
    return out;
  }

  /**
   * Every parameter row belongs to a declared measure (or is document-wide). When a workbook's
   * measure id and the prefix of all its parameters differ, the typo is reported once, at the
   * measure's row.
   */
  static void owners(
      List<CatalogRows.Entry<MeasureInfo>> declared,
      List<CatalogRows.Entry<Parameter>> parameters,
      Map<String, MeasureInfo> measures,
      List<RuleProblem> problems) {
    Set<String> excused = new HashSet<>();
    for (CatalogRows.Entry<MeasureInfo> m : declared) {
      String file = m.value().getSource();
      Set<String> prefixes =
          parameters.stream()
              .filter(p -> p.origin().file().equals(file))
              .map(p -> p.value().getMeasure())
              .filter(prefix -> !prefix.equals(DOCUMENT_WIDE))
              .collect(Collectors.toSet());
      if (prefixes.size() == 1 && !prefixes.contains(m.value().getId())) {
        String prefix = prefixes.iterator().next();
        if (!measures.containsKey(prefix)) {
          problems.add(
              m.origin()
                  .problem(
                      WorkbookLayout.ID,
                      "措施编号“"
                          + m.value().getId()
                          + "”与本表参数名的前缀“"
                          + prefix
                          + "”不一致（应为 "
                          + prefix
                          + "？）"));
          excused.add(file + "|" + prefix);
        }
      }
    }
    for (CatalogRows.Entry<Parameter> p : parameters) {
      String owner = p.value().getMeasure();
      if (!owner.equals(DOCUMENT_WIDE)
          && !measures.containsKey(owner)
          && !excused.contains(p.origin().file() + "|" + owner)) {
        problems.add(
            p.origin()
                .problem(
                    WorkbookLayout.KEY,
                    "参数 "
                        + p.value().getKey()
                        + " 不属于任何已声明的措施（参数名应以措施编号开头，如 M04.）"
                        + Nearest.suggest(owner, measures.keySet())));
      }
    }
  }

  /**
   * Every row is read by a rule; a row no rule reads is most likely a misspelt name. When a rule
   * reads a name no row declares, the row nearest to it is that mistake's other side, reported
   * there already.
   */
  static void read(
      List<CatalogRows.Entry<Parameter>> parameters,
      Set<String> readByRules,
      Set<String> declared,
      List<RuleProblem> problems) {
    Set<String> excused = new HashSet<>();
    for (String name : readByRules) {
      if (!declared.contains(name)) {
        excused.addAll(Nearest.names(name, declared, 1));
      }
    }
    for (CatalogRows.Entry<Parameter> p : parameters) {
      String key = p.value().getKey();
      if (!readByRules.contains(key) && !excused.contains(key)) {
        problems.add(
            p.origin()
                .problem(
                    WorkbookLayout.KEY,
                    "没有规则读取参数“" + key + "”" + Nearest.suggest(key, readByRules)));
      }
    }
  }

  /**
   * The rows of each value (a key, or a key and member) in order of validity: they must not
   * overlap, and one must follow the other without a gap. A single value (no member) must also have
   * a row from the policy's start and an open-ended last row, so that a rule finds it on every day.
   */
  static Map<String, List<Parameter>> validity(
      List<CatalogRows.Entry<Parameter>> parameters,
      Map<String, PolicyDocument> documents,
      List<RuleProblem> problems) {
    Map<String, List<CatalogRows.Entry<Parameter>>> byLookup = new LinkedHashMap<>();
    for (CatalogRows.Entry<Parameter> p : parameters) {
      byLookup.computeIfAbsent(ParameterView.lookupKey(p.value()), k -> new ArrayList<>()).add(p);
    }
    LocalDate oldPolicyStart = policyStart(parameters);
    Map<String, List<Parameter>> out = new LinkedHashMap<>();
    byLookup.forEach(
        (lookup, rows) -> {
          rows.sort(Comparator.comparing(e -> from(e.value())));
          for (int i = 1; i < rows.size(); i++) {
            step(rows.get(i - 1), rows.get(i), problems);
          }
          Parameter first = rows.get(0).value();
          CatalogRows.Entry<Parameter> last = rows.get(rows.size() - 1);
          // A value must be there from the day its document takes effect (older rules: the
          // policy's effective date).
          PolicyDocument document = documents.get(first.getDocument());
          LocalDate policyStart = document == null ? oldPolicyStart : document.getEffective();
          if (first.getItem() == null) {
            if (policyStart != null
                && first.getValidFrom() != null
                && first.getValidFrom().isAfter(policyStart)) {
              problems.add(
                  rows.get(0)
                      .origin()
                      .problem(
                          WorkbookLayout.VALID_FROM,
                          "参数 "
                              + first.getKey()
                              + " 在 "
                              + policyStart
                              + " 至 "
                              + first.getValidFrom().minusDays(1)
                              + " 没有取值：最早的一行应自文件施行（"
                              + policyStart
                              + "）起适用，生效日期可留空"));
            }
            if (last.value().getValidTo() != null) {
              problems.add(
                  last.origin()
                      .problem(
                          WorkbookLayout.VALID_TO,
                          "参数 "
                              + first.getKey()
                              + " 自 "
                              + last.value().getValidTo().plusDays(1)
                              + " 起没有取值：请在其后新增一行写明新值（生效日期为次日），或清空本行的截止日期"));
            }
          }
          out.put(lookup, rows.stream().map(CatalogRows.Entry::value).toList());
        });
    return out;
  }

  private static void step(
      CatalogRows.Entry<Parameter> earlier,
      CatalogRows.Entry<Parameter> later,
      List<RuleProblem> problems) {
    Parameter a = earlier.value();
    Parameter b = later.value();
    String name = a.getKey() + (a.getItem() == null ? "" : "（" + a.getItem() + "）");
    if (a.getValidTo() == null || !from(b).isAfter(a.getValidTo())) {
      problems.add(
          later
              .origin()
              .problem(
                  WorkbookLayout.VALID_FROM,
                  "参数 "
                      + name
                      + " 的有效期与第 "
                      + earlier.origin().row()
                      + " 行重叠：同一参数同一天只能有一个取值"
                      + "（请给第 "
                      + earlier.origin().row()
                      + " 行填写截止日期）"));
    } else if (b.getValidFrom().isAfter(a.getValidTo().plusDays(1))) {
      problems.add(
          later
              .origin()
              .problem(
                  WorkbookLayout.VALID_FROM,
                  "参数 "
                      + name
                      + " 在 "
                      + a.getValidTo().plusDays(1)
                      + " 至 "
                      + b.getValidFrom().minusDays(1)
                      + " 没有取值：第 "
                      + earlier.origin().row()
                      + " 行截止于 "
                      + a.getValidTo()
                      + "，本行应自 "
                      + a.getValidTo().plusDays(1)
                      + " 起生效"));
    }
  }

  private static LocalDate from(Parameter p) {
    return p.getValidFrom() == null ? LocalDate.MIN : p.getValidFrom();
  }

  /** The policy's effective date: the earliest value of its document-wide row, if declared. */
  private static LocalDate policyStart(List<CatalogRows.Entry<Parameter>> parameters) {
    return parameters.stream()
        .map(CatalogRows.Entry::value)
        .filter(p -> p.getKey().equals(EFFECTIVE_DATE))
        .map(Parameter::getDate)
        .min(Comparator.naturalOrder())
        .orElse(null);
  }
}
