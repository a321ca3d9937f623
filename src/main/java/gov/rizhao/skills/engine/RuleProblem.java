package gov.rizhao.skills.engine;

/**
 * Something wrong with a rule file, located so an analyst can open it: the file (e.g. {@code
 * rules/m06-technical-expert.drl.xlsx}), and the DRL line and column, or the workbook's sheet, row
 * and column (a letter with its label, e.g. {@code E（取值）}). The message is Chinese; an engine
 * message follows in full.
 */
public record RuleProblem(
    String file, String sheet, Integer row, String column, Integer line, String message) {

  /** A problem with the file as a whole. */
  public static RuleProblem ofFile(String file, String message) {
    return new RuleProblem(file, null, null, null, null, message);
  }

  /** A problem at a DRL line (and column, when known). */
  public static RuleProblem atLine(String file, int line, Integer column, String message) {
    return new RuleProblem(
        file,
        null,
        null,
        column == null || column < 0 ? null : String.valueOf(column),
        line,
        message);
  }

  /** A problem with a sheet as a whole. */
  public static RuleProblem atSheet(String file, String sheet, String message) {
    return new RuleProblem(file, sheet, null, null, null, message);
  }

  /** A problem in a cell, a row (column null) or a sheet (row and column null). */
  public static RuleProblem atCell(
      String file, String sheet, Integer row, String column, String message) {
    return new RuleProblem(file, sheet, row, column, null, message);
  }

  /**
   * Where, in Chinese: {@code 第 12 行，第 5 列} or {@code 工作表 参数，第 23 行，E 列（取值）}; null for the whole
   * file.
   */
  public String location() {
    StringBuilder b = new StringBuilder();
    if (line != null) {
      b.append("第 ").append(line).append(" 行");
      if (column != null) {
        b.append("，第 ").append(column).append(" 列");
      }
      return b.toString();
    }
    if (sheet != null) {
      b.append("工作表 ").append(sheet);
    }
    if (row != null) {
      b.append(b.length() > 0 ? "，" : "").append("第 ").append(row).append(" 行");
    }
    if (column != null) {
      b.append(b.length() > 0 ? "，" : "").append(column).append(" 列");
    }
    return b.length() == 0 ? null : b.toString();
  }

  @Override
  public String toString() {
    String where = location();
    return file + (where == null ? "" : "（" + where + "）") + "：" + message;
  }
}
