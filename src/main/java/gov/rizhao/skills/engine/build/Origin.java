package gov.rizhao.skills.engine.build;

import gov.rizhao.skills.engine.RuleProblem;

/**
 * The workbook row a measure or parameter was read from, to name it in a problem with the column at
 * fault.
 */
record Origin(String file, WorkbookReader.Table table, int row) {

  /** A problem in this row, in the column labelled {@code label}. */
  RuleProblem problem(String label, String message) {
    return RuleProblem.atCell(file, table.sheet(), row, table.column(label), message);
  }

  /** Where, as a trace names it: {@code sheet 参数, row 12}. */
  String location() {
    return "sheet " + table.sheet() + ", row " + row;
  }
}
