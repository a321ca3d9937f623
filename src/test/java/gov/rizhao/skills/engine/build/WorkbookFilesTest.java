package gov.rizhao.skills.engine.build;

import static org.assertj.core.api.Assertions.assertThat;

import gov.rizhao.skills.support.Scenarios;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every workbook in rules/ is a table of data an analyst can edit but not break: no cell holds
 * code, the header is locked and the data open, 单位 and 适用对象 are drop-downs, the dates are checked,
 * the header is frozen and a sheet prints one page wide.
 */
class WorkbookFilesTest {
  private static final Pattern CODE =
      Pattern.compile("insert\\(|new [A-Z]\\w*\\(|\\$param|RuleTable|RULEFLOW|^Import$|;\\s*$");

  static Stream<Path> workbooks() throws IOException {
    try (Stream<Path> files = Files.list(Scenarios.rulesDir())) {
      return files.filter(p -> p.toString().endsWith(".drl.xlsx")).sorted().toList().stream();
    }
  }

  private static XSSFWorkbook open(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new XSSFWorkbook(in);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("workbooks")
  void noCellHoldsCode(Path file) throws IOException {
    List<String> code = new ArrayList<>();
    try (XSSFWorkbook wb = open(file)) {
      DataFormatter formatter = new DataFormatter();
      wb.forEach(
          sheet ->
              sheet.forEach(
                  row ->
                      row.forEach(
                          cell -> {
                            String text = formatter.formatCellValue(cell);
                            if (CODE.matcher(text).find()) {
                              code.add(cell.getAddress() + ": " + text);
                            }
                          })));
    }
    assertThat(code).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("workbooks")
  void theHeaderIsLockedTheDataOpenAndTheSheetPrintable(Path file) throws IOException {
    try (XSSFWorkbook wb = open(file)) {
      XSSFSheet params = wb.getSheet(WorkbookLayout.PARAMETERS);
      assertThat(params).isNotNull();
      for (XSSFSheet sheet : sheets(wb)) {
        assertThat(sheet.getProtect()).as(sheet.getSheetName() + " protected").isTrue();
        assertThat(sheet.isDeleteColumnsLocked()).isTrue();
        assertThat(sheet.isInsertColumnsLocked()).isTrue();
        assertThat(sheet.isInsertRowsLocked()).isFalse();
        Row header = sheet.getRow(WorkbookLayout.HEADER_ROW - 1);
        assertThat(new DataFormatter().formatCellValue(header.getCell(0))).isEqualTo("编号");
        header.forEach(c -> assertThat(c.getCellStyle().getLocked()).isTrue());
        header.forEach(
            c -> assertThat(c.getCellComment()).as(c.getAddress().toString()).isNotNull());
        for (int r = WorkbookLayout.HEADER_ROW; r <= sheet.getLastRowNum(); r++) {
          for (Cell c : sheet.getRow(r)) {
            assertThat(c.getCellStyle().getLocked()).as(c.getAddress().toString()).isFalse();
          }
        }
        assertThat(sheet.getPaneInformation().getHorizontalSplitPosition())
            .isEqualTo((short) WorkbookLayout.HEADER_ROW);
        assertThat(sheet.getFitToPage()).isTrue();
        assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("workbooks")
  void unitAndMemberAreDropDownsAndDatesAreChecked(Path file) throws IOException {
    try (XSSFWorkbook wb = open(file)) {
      XSSFSheet params = wb.getSheet(WorkbookLayout.PARAMETERS);
      List<String> labels = new ArrayList<>();
      params
          .getRow(WorkbookLayout.HEADER_ROW - 1)
          .forEach(c -> labels.add(new DataFormatter().formatCellValue(c)));
      List<String> validated = new ArrayList<>();
      for (DataValidation v : params.getDataValidations()) {
        for (CellRangeAddress range : v.getRegions().getCellRangeAddresses()) {
          validated.add(labels.get(range.getFirstColumn()));
          assertThat(range.getFirstRow()).isEqualTo(WorkbookLayout.HEADER_ROW);
        }
      }
      assertThat(validated)
          .containsExactlyInAnyOrder(
              WorkbookLayout.UNIT,
              WorkbookLayout.ITEM,
              WorkbookLayout.VALID_FROM,
              WorkbookLayout.VALID_TO);
      assertThat(wb.isSheetHidden(wb.getSheetIndex(WorkbookLayout.CODES))).isTrue();
    }
  }

  private static List<XSSFSheet> sheets(XSSFWorkbook wb) {
    List<XSSFSheet> out = new ArrayList<>();
    for (String name : List.of(WorkbookLayout.MEASURES, WorkbookLayout.PARAMETERS)) {
      if (wb.getSheet(name) != null) {
        out.add(wb.getSheet(name));
      }
    }
    return out;
  }
}
