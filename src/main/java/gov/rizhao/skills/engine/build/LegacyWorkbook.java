package gov.rizhao.skills.engine.build;

import gov.rizhao.skills.engine.RuleFile;
import gov.rizhao.skills.engine.RuleProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * Workbooks of the versions built before the parameter tables became pure data: one 参数 sheet
 * holding a Drools decision table for the measure and one for the parameters, each under technical
 * rows, each ending at its first blank row. Read as data, row for row as those versions read them,
 * so a case decided under such a version replays under exactly its rules. New workbooks are never
 * written this way.
 */
final class LegacyWorkbook {
  private static final String TABLE_MARKER = "RuleTable";

  private LegacyWorkbook() {}

  /** True when the sheet holds decision tables (a {@code RuleTable} cell in its first rows). */
  static boolean isLegacy(Sheet sheet, DataFormatter formatter) {
    for (int r = 0; r <= Math.min(30, sheet.getLastRowNum()); r++) {
      Row row = sheet.getRow(r);
      if (row != null) {
        for (Cell cell : row) {
          String text = formatter.formatCellValue(cell);
          if (text.strip().startsWith(TABLE_MARKER)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * The 措施 and 参数 tables of the sheet: each header (its 编号 cell) and its rows to the first blank
   * one.
   */
  static Map<String, WorkbookReader.Table> tables(
      RuleFile file, Sheet sheet, DataFormatter formatter, List<RuleProblem> problems) {
    Map<String, WorkbookReader.Table> tables = new LinkedHashMap<>();
    for (int r = 0; r <= sheet.getLastRowNum(); r++) {
      Row header = sheet.getRow(r);
      if (header == null) {
        continue;
      }
      Map<Integer, String> labels = WorkbookReader.labels(header, formatter);
      if (!labels.containsValue(WorkbookLayout.ID)) {
        continue;
      }
      int idColumn =
          labels.entrySet().stream()
              .filter(e -> e.getValue().equals(WorkbookLayout.ID))
              .findFirst()
              .orElseThrow()
              .getKey();
      int last = r;
      while (last + 1 <= sheet.getLastRowNum()
          && !blank(sheet.getRow(last + 1), idColumn, formatter)) {
        last++;
      }
      boolean measures = labels.containsValue(WorkbookLayout.NAME);
      tables.put(
          measures ? WorkbookLayout.MEASURES : WorkbookLayout.PARAMETERS,
          WorkbookReader.readTable(
              file,
              sheet,
              header,
              measures ? WorkbookLayout.MEASURE_COLUMNS : WorkbookLayout.PARAMETER_COLUMNS,
              last,
              formatter,
              problems));
      r = last;
    }
    return tables;
  }

  private static boolean blank(Row row, int idColumn, DataFormatter formatter) {
    return row == null
        || row.getCell(idColumn) == null
        || formatter.formatCellValue(row.getCell(idColumn)).isBlank();
  }
}
