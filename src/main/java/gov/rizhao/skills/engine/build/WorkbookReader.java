package gov.rizhao.skills.engine.build;

import gov.rizhao.skills.engine.RuleFile;
import gov.rizhao.skills.engine.RuleProblem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.NumberToTextConverter;

/**
 * Reads a parameter workbook as data: for each sheet of the {@link WorkbookLayout}, its header
 * (found by its 编号 cell) and every row below it to the end of the sheet, each value with the row
 * and column it came from. Blank rows are skipped, never the end of the table. A date cell reads as
 * its date, a number as the number it shows, a formula as its result. The workbook's size, rows and
 * columns are bounded.
 */
final class WorkbookReader {
  /** Largest workbook read, in bytes. */
  static final int MAX_BYTES = 4 << 20;

  /** Most rows read on one sheet. */
  static final int MAX_ROWS = 5_000;

  static {
    ZipSecureFile.setMaxEntrySize(WorkbookZip.MAX_UNPACKED_BYTES);
    // What a workbook unpacks to is measured before POI reads it (WorkbookZip); how well it packs
    // (an empty sheet packs very well) is then no sign of a bomb.
    ZipSecureFile.setMinInflateRatio(0);
  }

  /** A value as read, and the column letter it is in. */
  record Value(String text, String column) {}

  /** A data row: its number on the sheet (from 1) and its values by column label. */
  record TableRow(int row, Map<String, Value> values) {
    String text(String label) {
      Value v = values.get(label);
      return v == null ? null : v.text();
    }
  }

  /** One sheet: where its header is, which column each label is in, and its data rows. */
  record Table(String sheet, int headerRow, Map<String, String> columns, List<TableRow> rows) {
    /** {@code E（取值）}: the column a label is in, as a problem names it. */
    String column(String label) {
      String letter = columns.get(label);
      return letter == null ? label : letter + "（" + label + "）";
    }
  }

  /** A workbook read: its tables by sheet name, and what kept any of it from being read. */
  record Read(RuleFile file, Map<String, Table> tables, List<RuleProblem> problems) {}

  private WorkbookReader() {}

  static Read read(RuleFile file) {
    List<RuleProblem> problems = new ArrayList<>();
    Map<String, Table> tables = new LinkedHashMap<>();
    if (file.content().length > MAX_BYTES) {
      problems.add(
          RuleProblem.ofFile(
              file.name(),
              "工作簿过大（" + file.content().length + " 字节，至多 " + MAX_BYTES + " 字节）：参数表只应含数据"));
      return new Read(file, tables, problems);
    }
    Optional<String> tooBig = WorkbookZip.tooBig(file.content());
    if (tooBig.isPresent()) {
      problems.add(RuleProblem.ofFile(file.name(), tooBig.get()));
      return new Read(file, tables, problems);
    }
    try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(file.content()))) {
      DataFormatter formatter = new DataFormatter();
      for (Sheet sheet : wb) {
        String name = sheet.getSheetName();
        if (name.equals(WorkbookLayout.CODES)) {
          continue;
        }
        if (WorkbookLayout.columnsOf(name).isEmpty()) {
          problems.add(
              RuleProblem.atSheet(
                  file.name(), name, "工作表“" + name + "”不属于参数表（只应有工作表：措施、参数、文件、事实；代码 为下拉列表所用）"));
          continue;
        }
        if (LegacyWorkbook.isLegacy(sheet, formatter)) {
          tables.putAll(LegacyWorkbook.tables(file, sheet, formatter, problems));
        } else {
          table(file, sheet, formatter, problems).ifPresent(t -> tables.put(name, t));
        }
      }
    } catch (IOException | RuntimeException e) {
      problems.add(
          RuleProblem.ofFile(
              file.name(),
              "无法作为 Excel 工作簿（.xlsx）读取："
                  + DrlFiles.engineText(String.valueOf(e.getMessage()))
                  + "（请用 Excel、WPS 或 LibreOffice 另存为 .xlsx）"));
      return new Read(file, Map.of(), problems);
    }
    if (WorkbookLayout.DATA_SHEETS.stream().noneMatch(tables::containsKey) && problems.isEmpty()) {
      problems.add(RuleProblem.ofFile(file.name(), "缺少工作表“参数”"));
    }
    return new Read(file, tables, problems);
  }

  private static Optional<Table> table(
      RuleFile file, Sheet sheet, DataFormatter formatter, List<RuleProblem> problems) {
    String name = sheet.getSheetName();
    List<WorkbookLayout.Column> layout = WorkbookLayout.columnsOf(name).orElseThrow();
    if (sheet.getLastRowNum() + 1 > MAX_ROWS) {
      problems.add(
          RuleProblem.atSheet(
              file.name(),
              name,
              "行数过多（" + (sheet.getLastRowNum() + 1) + " 行，至多 " + MAX_ROWS + " 行）"));
      return Optional.empty();
    }
    Row header = null;
    for (int r = 0; r <= Math.min(9, sheet.getLastRowNum()) && header == null; r++) {
      Row row = sheet.getRow(r);
      if (row != null && labels(row, formatter).containsValue(WorkbookLayout.ID)) {
        header = row;
      }
    }
    if (header == null) {
      problems.add(RuleProblem.atSheet(file.name(), name, "找不到表头：前 10 行中没有以“编号”开头的列标题行"));
      return Optional.empty();
    }
    return Optional.of(
        readTable(file, sheet, header, layout, sheet.getLastRowNum(), formatter, problems));
  }

  /**
   * The table under {@code header}, to {@code lastRow} (0-based, inclusive): its columns by label,
   * every non-blank row, and a problem for each unknown, repeated or missing column and each cell
   * outside a column.
   */
  static Table readTable(
      RuleFile file,
      Sheet sheet,
      Row header,
      List<WorkbookLayout.Column> layout,
      int lastRow,
      DataFormatter formatter,
      List<RuleProblem> problems) {
    String name = sheet.getSheetName();
    int headerRow = header.getRowNum() + 1;
    Map<String, String> columns = new LinkedHashMap<>();
    Map<Integer, String> labelAt = new LinkedHashMap<>();
    List<String> known = layout.stream().map(WorkbookLayout.Column::label).toList();
    Map<Integer, String> headerLabels = labels(header, formatter);
    headerLabels.forEach(
        (index, label) -> {
          String letter = CellReference.convertNumToColString(index);
          if (!known.contains(label)) {
            problems.add(
                RuleProblem.atCell(
                    file.name(),
                    name,
                    headerRow,
                    letter,
                    "列标题“" + label + "”不是本表的列（本表的列：" + String.join("、", known) + "）"));
          } else if (columns.putIfAbsent(label, letter) != null) {
            problems.add(
                RuleProblem.atCell(file.name(), name, headerRow, letter, "列“" + label + "”出现了两次"));
          } else {
            labelAt.put(index, label);
          }
        });
    for (WorkbookLayout.Column column : layout) {
      if (column.required() && !columns.containsKey(column.label())) {
        problems.add(
            RuleProblem.atCell(
                file.name(),
                name,
                headerRow,
                null,
                "缺少列“" + column.label() + "”：该列不可删除（可从服务下载的原工作簿复制表头）"));
      }
    }
    List<TableRow> rows = new ArrayList<>();
    for (int r = header.getRowNum() + 1; r <= lastRow; r++) {
      Row row = sheet.getRow(r);
      if (row == null) {
        continue;
      }
      Map<String, Value> values = new LinkedHashMap<>();
      for (Cell cell : row) {
        int index = cell.getColumnIndex();
        String letter = CellReference.convertNumToColString(index);
        String text;
        try {
          text = text(cell, formatter);
        } catch (IllegalArgumentException e) {
          problems.add(RuleProblem.atCell(file.name(), name, r + 1, letter, e.getMessage()));
          continue;
        }
        if (text == null) {
          continue;
        }
        String label = labelAt.get(index);
        if (label == null) {
          if (!headerLabels.containsKey(index)) {
            problems.add(
                RuleProblem.atCell(
                    file.name(), name, r + 1, letter, "该列没有列标题，但单元格有内容“" + text + "”：请写在表中已有的列里"));
          }
          continue;
        }
        values.put(label, new Value(text, letter));
      }
      if (!values.isEmpty()) {
        rows.add(new TableRow(r + 1, values));
      }
    }
    return new Table(name, headerRow, columns, rows);
  }

  /** The non-blank labels of a header row, by column index. */
  static Map<Integer, String> labels(Row row, DataFormatter formatter) {
    Map<Integer, String> labels = new LinkedHashMap<>();
    for (Cell cell : row) {
      String text;
      try {
        text = text(cell, formatter);
      } catch (IllegalArgumentException e) {
        continue;
      }
      if (text != null) {
        labels.put(cell.getColumnIndex(), text.replaceAll("\\s+", ""));
      }
    }
    return labels;
  }

  /**
   * A cell as text: trimmed (also of no-break and ideographic spaces), Unicode NFC; a date as
   * 2019-04-30; a number as it is shown when that is a plain number of the same value, else in
   * plain decimals; 是/否 for TRUE/FALSE; null when blank.
   *
   * @throws IllegalArgumentException for an error value
   */
  static String text(Cell cell, DataFormatter formatter) {
    CellType type =
        cell.getCellType() == CellType.FORMULA
            ? cell.getCachedFormulaResultType()
            : cell.getCellType();
    String text =
        switch (type) {
          case STRING -> cell.getStringCellValue();
          case NUMERIC ->
              DateUtil.isCellDateFormatted(cell)
                  ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                  : number(cell, formatter);
          case BOOLEAN -> cell.getBooleanCellValue() ? "是" : "否";
          case ERROR -> throw new IllegalArgumentException("单元格是错误值（如 #VALUE!、#REF!），请改为具体的值");
          default -> null;
        };
    if (text == null) {
      return null;
    }
    String clean =
        Normalizer.normalize(
                text.replace('\u00A0', ' ').replace('\u3000', ' '), Normalizer.Form.NFC)
            .strip();
    return clean.isEmpty() ? null : clean;
  }

  private static String number(Cell cell, DataFormatter formatter) {
    double value = cell.getNumericCellValue();
    BigDecimal exact = new BigDecimal(NumberToTextConverter.toText(value));
    String shown =
        formatter.formatRawCellContents(
            value, cell.getCellStyle().getDataFormat(), cell.getCellStyle().getDataFormatString());
    try {
      if (new BigDecimal(shown.strip()).compareTo(exact) == 0) {
        return shown.strip();
      }
    } catch (NumberFormatException e) {
      // shown with separators, a percent sign or a currency: the value itself is what counts
    }
    return exact.toPlainString();
  }
}
