package gov.rizhao.skills.engine.build;

import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The cell styles of a parameter workbook: title, instructions, header, data, numbers and dates.
 */
final class WorkbookStyles {
  final XSSFCellStyle title;
  final XSSFCellStyle note;
  final XSSFCellStyle header;
  final XSSFCellStyle data;
  final XSSFCellStyle date;
  private final XSSFWorkbook wb;
  private final Map<Integer, XSSFCellStyle> numbers = new HashMap<>();

  WorkbookStyles(XSSFWorkbook wb) {
    this.wb = wb;
    Font bold = wb.createFont();
    bold.setBold(true);
    Font big = wb.createFont();
    big.setBold(true);
    big.setFontHeightInPoints((short) 14);
    Font grey = wb.createFont();
    grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
    title = wb.createCellStyle();
    title.setFont(big);
    title.setLocked(true);
    note = wb.createCellStyle();
    note.setFont(grey);
    note.setWrapText(true);
    note.setVerticalAlignment(VerticalAlignment.TOP);
    note.setLocked(true);
    header = wb.createCellStyle();
    header.setFont(bold);
    header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
    header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    header.setBorderBottom(BorderStyle.THIN);
    header.setWrapText(true);
    header.setLocked(true);
    data = wb.createCellStyle();
    data.setWrapText(true);
    data.setVerticalAlignment(VerticalAlignment.TOP);
    data.setLocked(false);
    date = wb.createCellStyle();
    date.cloneStyleFrom(data);
    date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
  }

  /** A number shown with as many decimals as it was written with (0.30 stays 0.30). */
  XSSFCellStyle number(int decimals) {
    return numbers.computeIfAbsent(
        Math.max(0, decimals),
        d -> {
          XSSFCellStyle style = wb.createCellStyle();
          style.cloneStyleFrom(data);
          style.setDataFormat(wb.createDataFormat().getFormat(d == 0 ? "0" : "0." + "0".repeat(d)));
          return style;
        });
  }
}
