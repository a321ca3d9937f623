package gov.rizhao.skills.engine.build;

import gov.rizhao.skills.facts.AttributeSubject;
import gov.rizhao.skills.facts.AttributeType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes a parameter workbook in the {@link WorkbookLayout}: a protected header with a comment on
 * every column (no password: a lock against accidents, not a secret), data cells open to edit and
 * rows free to add, drop-downs for 单位 and 适用对象, date checks on the validity columns, the header
 * frozen and each sheet printed one page wide.
 */
public final class WorkbookTemplate {
  /**
   * Rows prepared for entry (drop-downs, formats) below the header: room for years of dated rows.
   */
  static final int PREPARED_ROWS = 500;

  private static final String INSTRUCTIONS =
      "修改“取值”等白色单元格，或在表末新增一行（用新编号，写明生效日期）；表头受保护，不能删改列。"
          + "保存为 .xlsx 后上传（或重新加载）即可生效；有误时系统逐条指出工作表、行和列，原规则继续服务。";

  private WorkbookTemplate() {}

  /**
   * A workbook with a 措施 sheet (when {@code measures} is not empty) and a 参数 sheet. Each row maps
   * column labels to values: text, numbers (written as numbers) or dates.
   */
  public static byte[] write(
      String title, List<Map<String, Object>> measures, List<Map<String, Object>> parameters) {
    return write(title, measures, List.of(), List.of(), parameters);
  }

  /**
   * A workbook with, in this order, a 措施, a 文件 and a 事实 sheet (each when it has rows) and a 参数
   * sheet. Each row maps column labels to values: text, numbers (written as numbers) or dates.
   */
  public static byte[] write(
      String title,
      List<Map<String, Object>> measures,
      List<Map<String, Object>> documents,
      List<Map<String, Object>> facts,
      List<Map<String, Object>> parameters) {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      WorkbookStyles styles = new WorkbookStyles(wb);
      if (!measures.isEmpty()) {
        XSSFSheet sheet =
            sheet(
                wb,
                styles,
                WorkbookLayout.MEASURES,
                title + " — 措施",
                WorkbookLayout.MEASURE_COLUMNS,
                measures);
        WorkbookDropDowns.list(
            sheet,
            WorkbookLayout.MEASURE_COLUMNS,
            WorkbookLayout.EVALUATION,
            new String[] {WorkbookLayout.AUTOMATIC, WorkbookLayout.NAMED},
            "评估方式须为 自动 或 点名");
      }
      if (!documents.isEmpty()) {
        XSSFSheet sheet =
            sheet(
                wb,
                styles,
                WorkbookLayout.DOCUMENTS,
                title + " — 政策文件",
                WorkbookLayout.DOCUMENT_COLUMNS,
                documents);
        WorkbookDropDowns.dates(sheet, WorkbookLayout.DOCUMENT_COLUMNS);
      }
      if (!facts.isEmpty()) {
        XSSFSheet sheet =
            sheet(
                wb,
                styles,
                WorkbookLayout.FACTS,
                title + " — 事实",
                WorkbookLayout.FACT_COLUMNS,
                facts);
        WorkbookDropDowns.list(
            sheet,
            WorkbookLayout.FACT_COLUMNS,
            WorkbookLayout.SUBJECT,
            Arrays.stream(AttributeSubject.values())
                .map(AttributeSubject::symbol)
                .toArray(String[]::new),
            "对象须为 人员、单位 或 案件");
        WorkbookDropDowns.list(
            sheet,
            WorkbookLayout.FACT_COLUMNS,
            WorkbookLayout.TYPE,
            Arrays.stream(AttributeType.values()).map(AttributeType::symbol).toArray(String[]::new),
            "类型须从列表中选择");
      }
      XSSFSheet params =
          sheet(
              wb,
              styles,
              WorkbookLayout.PARAMETERS,
              title + " — 参数表",
              WorkbookLayout.PARAMETER_COLUMNS,
              parameters);
      codes(wb, styles);
      WorkbookDropDowns.parameters(params);
      WorkbookDropDowns.dates(params, WorkbookLayout.PARAMETER_COLUMNS);
      wb.setActiveSheet(wb.getSheetIndex(params));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static XSSFSheet sheet(
      XSSFWorkbook wb,
      WorkbookStyles styles,
      String name,
      String title,
      List<WorkbookLayout.Column> columns,
      List<Map<String, Object>> rows) {
    XSSFSheet sheet = wb.createSheet(name);
    int last = columns.size() - 1;
    Row titleRow = sheet.createRow(0);
    titleRow.setHeightInPoints(22);
    cell(titleRow, 0, title, styles.title);
    sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, last));
    Row note = sheet.createRow(1);
    note.setHeightInPoints(32);
    cell(note, 0, INSTRUCTIONS, styles.note);
    sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, last));
    Row header = sheet.createRow(WorkbookLayout.HEADER_ROW - 1);
    Drawing<?> drawing = sheet.createDrawingPatriarch();
    for (int c = 0; c < columns.size(); c++) {
      WorkbookLayout.Column column = columns.get(c);
      Cell cell = cell(header, c, column.label(), styles.header);
      ClientAnchor anchor = wb.getCreationHelper().createClientAnchor();
      anchor.setCol1(c);
      anchor.setCol2(c + 3);
      anchor.setRow1(WorkbookLayout.HEADER_ROW - 1);
      anchor.setRow2(WorkbookLayout.HEADER_ROW + 4);
      Comment comment = drawing.createCellComment(anchor);
      comment.setString(wb.getCreationHelper().createRichTextString(column.help()));
      cell.setCellComment(comment);
      sheet.setColumnWidth(c, width(column.label()) * 256);
      sheet.setDefaultColumnStyle(c, isDate(column.label()) ? styles.date : styles.data);
    }
    for (int r = 0; r < rows.size(); r++) {
      Row row = sheet.createRow(WorkbookLayout.HEADER_ROW + r);
      for (int c = 0; c < columns.size(); c++) {
        Object value = rows.get(r).get(columns.get(c).label());
        Cell cell = row.createCell(c);
        if (value instanceof LocalDate d) {
          cell.setCellValue(d);
          cell.setCellStyle(styles.date);
        } else if (value instanceof Number n) {
          BigDecimal decimal = new BigDecimal(n.toString());
          cell.setCellValue(decimal.doubleValue());
          cell.setCellStyle(styles.number(decimal.scale()));
        } else {
          if (value != null) {
            cell.setCellValue(value.toString());
          }
          cell.setCellStyle(isDate(columns.get(c).label()) ? styles.date : styles.data);
        }
      }
    }
    sheet.createFreezePane(0, WorkbookLayout.HEADER_ROW);
    sheet.setFitToPage(true);
    sheet.getPrintSetup().setFitWidth((short) 1);
    sheet.getPrintSetup().setFitHeight((short) 0);
    sheet.getPrintSetup().setLandscape(true);
    sheet.setRepeatingRows(new CellRangeAddress(0, WorkbookLayout.HEADER_ROW - 1, 0, last));
    protect(sheet);
    return sheet;
  }

  /** The codes the 适用对象 drop-down offers, on a hidden sheet. */
  private static void codes(XSSFWorkbook wb, WorkbookStyles styles) {
    XSSFSheet codes = wb.createSheet(WorkbookLayout.CODES);
    List<String> all = WorkbookLayout.ITEM_CODES;
    for (int i = 0; i < all.size(); i++) {
      cell(codes.createRow(i), 0, all.get(i), styles.data);
    }
    protect(codes);
    wb.setSheetHidden(wb.getSheetIndex(codes), true);
  }

  /**
   * Header and titles locked, data cells open; rows may be added, columns neither added nor
   * deleted.
   */
  private static void protect(XSSFSheet sheet) {
    sheet.lockInsertRows(false);
    sheet.lockDeleteRows(false);
    sheet.lockFormatCells(false);
    sheet.lockFormatColumns(false);
    sheet.lockFormatRows(false);
    sheet.lockSort(false);
    sheet.lockAutoFilter(false);
    sheet.lockSelectLockedCells(false);
    sheet.lockSelectUnlockedCells(false);
    sheet.lockInsertColumns(true);
    sheet.lockDeleteColumns(true);
    sheet.lockInsertHyperlinks(true);
    sheet.enableLocking();
  }

  private static Cell cell(Row row, int column, String value, XSSFCellStyle style) {
    Cell cell = row.createCell(column);
    cell.setCellValue(value);
    cell.setCellStyle(style);
    return cell;
  }

  static boolean isDate(String label) {
    return label.equals(WorkbookLayout.VALID_FROM)
        || label.equals(WorkbookLayout.VALID_TO)
        || label.equals(WorkbookLayout.EFFECTIVE)
        || label.equals(WorkbookLayout.EXPIRES);
  }

  private static int width(String label) {
    return switch (label) {
      case WorkbookLayout.KEY -> 28;
      case WorkbookLayout.ITEM -> 30;
      case WorkbookLayout.DESCRIPTION, WorkbookLayout.NAME, WorkbookLayout.TITLE -> 34;
      case WorkbookLayout.LINK, WorkbookLayout.CODE_LIST -> 30;
      case WorkbookLayout.FIELD, WorkbookLayout.LABEL, WorkbookLayout.NUMBER -> 22;
      case WorkbookLayout.QUOTE -> 42;
      case WorkbookLayout.TEXT -> 90;
      case WorkbookLayout.DOCUMENT -> 22;
      case WorkbookLayout.UNIT -> 8;
      default -> 13;
    };
  }
}
