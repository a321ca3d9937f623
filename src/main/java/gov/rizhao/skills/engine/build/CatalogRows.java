package gov.rizhao.skills.engine.build;

import static gov.rizhao.skills.engine.build.WorkbookLayout.ARTICLE;
import static gov.rizhao.skills.engine.build.WorkbookLayout.DESCRIPTION;
import static gov.rizhao.skills.engine.build.WorkbookLayout.DOCUMENT;
import static gov.rizhao.skills.engine.build.WorkbookLayout.EVALUATION;
import static gov.rizhao.skills.engine.build.WorkbookLayout.ID;
import static gov.rizhao.skills.engine.build.WorkbookLayout.ITEM;
import static gov.rizhao.skills.engine.build.WorkbookLayout.KEY;
import static gov.rizhao.skills.engine.build.WorkbookLayout.NAME;
import static gov.rizhao.skills.engine.build.WorkbookLayout.QUOTE;
import static gov.rizhao.skills.engine.build.WorkbookLayout.TEXT;
import static gov.rizhao.skills.engine.build.WorkbookLayout.UNIT;
import static gov.rizhao.skills.engine.build.WorkbookLayout.VALID_FROM;
import static gov.rizhao.skills.engine.build.WorkbookLayout.VALID_TO;
import static gov.rizhao.skills.engine.build.WorkbookLayout.VALUE;

import gov.rizhao.skills.engine.RuleProblem;
import gov.rizhao.skills.facts.MeasureInfo;
import gov.rizhao.skills.facts.Parameter;
import gov.rizhao.skills.facts.ParameterUnit;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns the rows of a workbook into measures and typed parameters, each problem at the cell that
 * causes it. A row with a problem is left out (and the build fails): nothing half-read is ever
 * used.
 */
final class CatalogRows {
  static final Pattern MEASURE_ID = Pattern.compile(MeasureInfo.ID_PATTERN);
  static final Pattern PARAMETER_KEY = Pattern.compile("[A-Z][A-Z0-9]*\\.[A-Za-z][A-Za-z0-9]*");
  private static final Pattern ROW_ID = Pattern.compile("\\S+");
  private static final List<String> REQUIRED =
      WorkbookLayout.PARAMETER_COLUMNS.stream()
          .filter(WorkbookLayout.Column::required)
          .map(WorkbookLayout.Column::label)
          .toList();

  /** A value read, and where from. */
  record Entry<T>(T value, Origin origin) {}

  private CatalogRows() {}

  /** The measures the workbook's 措施 sheet declares. */
  static List<Entry<MeasureInfo>> measures(WorkbookReader.Read read, List<RuleProblem> problems) {
    List<Entry<MeasureInfo>> out = new ArrayList<>();
    WorkbookReader.Table table = read.tables().get(WorkbookLayout.MEASURES);
    if (table == null) {
      return out;
    }
    for (WorkbookReader.TableRow row : table.rows()) {
      Origin origin = new Origin(read.file().name(), table, row.row());
      int before = problems.size();
      for (String label : List.of(ID, NAME, DOCUMENT, ARTICLE, TEXT)) {
        if (row.text(label) == null && table.columns().containsKey(label)) {
          problems.add(origin.problem(label, "措施须填写" + label));
        }
      }
      String id = row.text(ID);
      if (id != null && !MEASURE_ID.matcher(id).matches()) {
        problems.add(origin.problem(ID, "措施编号“" + id + "”应为大写字母开头的字母和数字，如 M06"));
      }
      // A sheet written before the column existed evaluated every measure for every case.
      boolean automatic = !table.columns().containsKey(EVALUATION);
      String evaluation = row.text(EVALUATION);
      if (evaluation != null) {
        if (evaluation.equals(WorkbookLayout.AUTOMATIC)) {
          automatic = true;
        } else if (!evaluation.equals(WorkbookLayout.NAMED)) {
          problems.add(
              origin.problem(
                  EVALUATION,
                  "评估方式“"
                      + evaluation
                      + "”无效：写 "
                      + WorkbookLayout.AUTOMATIC
                      + "（凡案件涉及即评估）或 "
                      + WorkbookLayout.NAMED
                      + "（仅在 measures 中点名时评估），留空即 "
                      + WorkbookLayout.NAMED));
        }
      }
      if (problems.size() == before) {
        out.add(
            new Entry<>(
                new MeasureInfo(
                    id,
                    row.text(NAME),
                    row.text(DOCUMENT),
                    row.text(ARTICLE),
                    row.text(TEXT),
                    read.file().name(),
                    origin.location(),
                    automatic),
                origin));
      }
    }
    return out;
  }

  /**
   * The parameter rows of the workbook's 参数 sheet, typed. A row without a 文件 is of its measure's
   * document, or of {@code defaultDocument} when its key belongs to no measure.
   */
  static List<Entry<Parameter>> parameters(
      WorkbookReader.Read read,
      Map<String, MeasureInfo> measures,
      Optional<String> defaultDocument,
      List<RuleProblem> problems) {
    List<Entry<Parameter>> out = new ArrayList<>();
    WorkbookReader.Table table = read.tables().get(WorkbookLayout.PARAMETERS);
    if (table == null) {
      return out;
    }
    if (!table.columns().keySet().containsAll(REQUIRED)) {
      return out; // the missing column is the problem, reported once by the reader
    }
    for (WorkbookReader.TableRow row : table.rows()) {
      Origin origin = new Origin(read.file().name(), table, row.row());
      parameter(row, origin, measures, defaultDocument, problems)
          .ifPresent(p -> out.add(new Entry<>(p, origin)));
    }
    return out;
  }

  private static Optional<Parameter> parameter(
      WorkbookReader.TableRow row,
      Origin origin,
      Map<String, MeasureInfo> measures,
      Optional<String> defaultDocument,
      List<RuleProblem> problems) {
    int before = problems.size();
    String id = required(row, origin, ID, "行须有编号（全规则集唯一）", problems);
    if (id != null && !ROW_ID.matcher(id).matches()) {
      problems.add(origin.problem(ID, "编号“" + id + "”不应含空格"));
    }
    String key = required(row, origin, KEY, "须填写参数名", problems);
    if (key != null && !PARAMETER_KEY.matcher(key).matches()) {
      problems.add(origin.problem(KEY, "参数名“" + key + "”应形如 M04.monthlyAllowance（措施编号、点、名称）"));
    }
    String item = row.text(ITEM);
    if (item != null && !WorkbookLayout.ITEM_CODES.contains(item)) {
      problems.add(
          origin.problem(
              ITEM,
              "适用对象“" + item + "”不是接口约定中的代码" + Nearest.suggest(item, WorkbookLayout.ITEM_CODES)));
    }
    String unitText = required(row, origin, UNIT, "须填写单位", problems);
    ParameterUnit unit = null;
    if (unitText != null) {
      unit = ParameterUnit.ofSymbol(unitText).orElse(null);
      if (unit == null) {
        problems.add(
            origin.problem(
                UNIT,
                "单位“"
                    + unitText
                    + "”无效，可用："
                    + String.join(
                        "、",
                        Arrays.stream(ParameterUnit.values())
                            .map(ParameterUnit::symbol)
                            .toList())));
      }
    }
    String value = required(row, origin, VALUE, "须填写取值", problems);
    LocalDate from = date(row, origin, VALID_FROM, problems);
    LocalDate to = date(row, origin, VALID_TO, problems);
    if (from != null && to != null && to.isBefore(from)) {
      problems.add(origin.problem(VALID_TO, "截止日期 " + to + " 早于生效日期 " + from));
    }
    String article = required(row, origin, ARTICLE, "须填写条款（每个政策数值都须注明所依据的条款）", problems);
    if (problems.size() > before) {
      return Optional.empty();
    }
    String document =
        Optional.ofNullable(row.text(DOCUMENT))
            .or(
                () ->
                    Optional.ofNullable(measures.get(measureOf(key))).map(MeasureInfo::getDocument))
            .or(() -> defaultDocument)
            .orElse(null);
    try {
      return Optional.of(
          new Parameter(
              new Parameter.Row(
                  id,
                  key,
                  item,
                  value,
                  unit,
                  row.text(DESCRIPTION),
                  from,
                  to,
                  row.text(QUOTE),
                  article,
                  document,
                  origin.file(),
                  origin.location())));
    } catch (IllegalArgumentException e) {
      problems.add(origin.problem(VALUE, e.getMessage()));
      return Optional.empty();
    }
  }

  /**
   * Every parameter name written in the workbook's 参数 sheet, whether or not its row was read
   * without a problem.
   */
  static List<String> keysWritten(WorkbookReader.Read read) {
    WorkbookReader.Table table = read.tables().get(WorkbookLayout.PARAMETERS);
    return table == null
        ? List.of()
        : table.rows().stream().map(r -> r.text(KEY)).filter(k -> k != null).toList();
  }

  /** What precedes the first dot of a key: the measure it belongs to. */
  static String measureOf(String key) {
    int dot = key.indexOf('.');
    return dot < 0 ? key : key.substring(0, dot);
  }

  private static String required(
      WorkbookReader.TableRow row,
      Origin origin,
      String label,
      String message,
      List<RuleProblem> problems) {
    String text = row.text(label);
    if (text == null) {
      problems.add(origin.problem(label, message));
    }
    return text;
  }

  /** The date in the row's cell, null when blank; a cell that is not a date is a problem there. */
  static LocalDate date(
      WorkbookReader.TableRow row, Origin origin, String label, List<RuleProblem> problems) {
    String text = row.text(label);
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      problems.add(origin.problem(label, label + "“" + text + "”应为日期，如 2019-04-30"));
      return null;
    }
  }
}
