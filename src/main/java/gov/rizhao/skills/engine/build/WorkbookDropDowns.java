package gov.rizhao.skills.engine.build;

import gov.rizhao.skills.facts.ParameterUnit;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * The checks a workbook written by {@link WorkbookTemplate} makes as an analyst types: drop-downs
 * of units, codes and fixed choices, and dates in the date columns; a wrong entry is stopped with a
 * Chinese message.
 */
final class WorkbookDropDowns {
  private WorkbookDropDowns() {}

  static void parameters(XSSFSheet params) {
    DataValidationHelper helper = params.getDataValidationHelper();
    List<String> labels =
        WorkbookLayout.PARAMETER_COLUMNS.stream().map(WorkbookLayout.Column::label).toList();
    int first = WorkbookLayout.HEADER_ROW;
    int last = WorkbookLayout.HEADER_ROW + WorkbookTemplate.PREPARED_ROWS;
    String[] units =
        Arrays.stream(ParameterUnit.values()).map(ParameterUnit::symbol).toArray(String[]::new);
    validate(
        params,
        helper.createExplicitListConstraint(units),
        new CellRangeAddressList(
            first, last, labels.indexOf(WorkbookLayout.UNIT), labels.indexOf(WorkbookLayout.UNIT)),
        "单位须从列表中选择");
    String codes = "'" + WorkbookLayout.CODES + "'!$A$1:$A$" + WorkbookLayout.ITEM_CODES.size();
    validate(
        params,
        helper.createFormulaListConstraint(codes),
        new CellRangeAddressList(
            first, last, labels.indexOf(WorkbookLayout.ITEM), labels.indexOf(WorkbookLayout.ITEM)),
        "适用对象须是接口约定中的代码（从列表中选择），单一数值留空");
  }

  /** A drop-down of fixed choices on one column of a sheet. */
  static void list(
      XSSFSheet sheet,
      List<WorkbookLayout.Column> columns,
      String label,
      String[] choices,
      String error) {
    int c = columns.stream().map(WorkbookLayout.Column::label).toList().indexOf(label);
    validate(
        sheet,
        sheet.getDataValidationHelper().createExplicitListConstraint(choices),
        new CellRangeAddressList(
            WorkbookLayout.HEADER_ROW,
            WorkbookLayout.HEADER_ROW + WorkbookTemplate.PREPARED_ROWS,
            c,
            c),
        error);
  }

  /** A date check on every date column of a sheet. */
  static void dates(XSSFSheet sheet, List<WorkbookLayout.Column> columns) {
    List<String> labels = columns.stream().map(WorkbookLayout.Column::label).toList();
    for (String label : labels) {
      if (!WorkbookTemplate.isDate(label)) {
        continue;
      }
      int c = labels.indexOf(label);
      validate(
          sheet,
          sheet
              .getDataValidationHelper()
              .createDateConstraint(
                  DataValidationConstraint.OperatorType.BETWEEN,
                  "1900-01-01",
                  "9999-12-31",
                  "yyyy-MM-dd"),
          new CellRangeAddressList(
              WorkbookLayout.HEADER_ROW,
              WorkbookLayout.HEADER_ROW + WorkbookTemplate.PREPARED_ROWS,
              c,
              c),
          label + "须是日期，如 2019-04-30");
    }
  }

  private static void validate(
      XSSFSheet sheet,
      DataValidationConstraint constraint,
      CellRangeAddressList range,
      String error) {
    DataValidation validation = sheet.getDataValidationHelper().createValidation(constraint, range);
    validation.setShowErrorBox(true);
    validation.setEmptyCellAllowed(true);
    validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
    validation.createErrorBox("取值无效", error);
    sheet.addValidationData(validation);
  }
}
