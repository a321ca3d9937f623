package gov.rizhao.skills.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * Copies of the rule files to edit as an analyst would: change a cell of a table, append a row,
 * edit a DRL.
 */
public final class RuleFiles {
  private RuleFiles() {}

  /**
   * A fresh copy of the real rules directory (with its scenario tests), in a directory named {@code
   * rules}.
   */
  public static Path copyOfRules() {
    try {
      return copyOfRulesAt(Files.createTempDirectory("skills-rules-").resolve("rules"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The rules copied to a fixed place, e.g. one that the application under test and the test both
   * name.
   */
  public static Path copyOfRulesAt(Path dir) {
    copyInto(Scenarios.rulesDir(), dir);
    return dir;
  }

  /** Makes {@code target} hold exactly the rule files of {@code source}. */
  public static void copyInto(Path source, Path target) {
    try {
      Files.createDirectories(target);
      try (Stream<Path> old = Files.list(target)) {
        for (Path p : old.filter(Files::isRegularFile).toList()) {
          Files.delete(p);
        }
      }
      try (Stream<Path> files = Files.list(source)) {
        for (Path p :
            files.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList()) {
          Files.copy(p, target.resolve(p.getFileName()));
        }
      }
      // The scenarios too: the first version a test application records keeps them.
      Path tests = source.resolve("tests");
      if (Files.isDirectory(tests)) {
        Files.createDirectories(target.resolve("tests"));
        try (Stream<Path> files = Files.list(tests)) {
          for (Path p : files.filter(Files::isRegularFile).toList()) {
            Files.copy(
                p,
                target.resolve("tests").resolve(p.getFileName()),
                StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Sets the cell in the row whose 编号 is {@code rowId}, in the column labelled {@code label}.
   * Returns the row (1-based).
   */
  public static int setCell(Path workbook, String rowId, String label, String value) {
    return edit(
        workbook,
        (sheet, row) -> {
          Cell cell =
              row.getCell(column(sheet, row, label), Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
          cell.setCellValue(value);
          return row.getRowNum() + 1;
        },
        rowId);
  }

  /**
   * Appends a copy of the row {@code rowId} under a new id, with one cell changed, after {@code
   * blankRows} empty rows. Returns the new row (1-based).
   */
  public static int appendCopy(
      Path workbook, String rowId, String newId, String label, String value, int blankRows) {
    return edit(
        workbook,
        (sheet, row) -> {
          Row copy = sheet.createRow(sheet.getLastRowNum() + 1 + blankRows);
          for (Cell c : row) {
            Cell n = copy.createCell(c.getColumnIndex());
            n.setCellStyle(c.getCellStyle());
            switch (c.getCellType()) {
              case STRING -> n.setCellValue(c.getStringCellValue());
              case NUMERIC -> n.setCellValue(c.getNumericCellValue());
              case BOOLEAN -> n.setCellValue(c.getBooleanCellValue());
              default -> {}
            }
          }
          copy.getCell(row.getFirstCellNum()).setCellValue(newId);
          copy.getCell(column(sheet, row, label), Row.MissingCellPolicy.CREATE_NULL_AS_BLANK)
              .setCellValue(value);
          return copy.getRowNum() + 1;
        },
        rowId);
  }

  /**
   * Appends a copy of the row {@code rowId} under a new id, with one cell changed. Returns the new
   * row (1-based).
   */
  public static int appendCopy(
      Path workbook, String rowId, String newId, String label, String value) {
    return appendCopy(workbook, rowId, newId, label, value, 0);
  }

  /**
   * The text of a cell in the row {@code rowId}, in the column labelled {@code label}, as the
   * workbook shows it.
   */
  public static String cell(Path workbook, String rowId, String label) {
    return visit(
        workbook,
        rowId,
        false,
        (sheet, row) ->
            new DataFormatter().formatCellValue(row.getCell(column(sheet, row, label))).strip());
  }

  /**
   * Sets the cell in column {@code column} (0-based) of the row {@code rowId}, whatever its header.
   */
  public static int setCellAt(Path workbook, String rowId, int column, String value) {
    return edit(
        workbook,
        (sheet, row) -> {
          row.getCell(column, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setCellValue(value);
          return row.getRowNum() + 1;
        },
        rowId);
  }

  /** The ids the workbooks of the real rules declare on their 措施 sheets, sorted. */
  public static List<String> measureIds() {
    return measureIdsIn(Scenarios.rulesDir());
  }

  /** The ids the workbooks in {@code dir} declare on their 措施 sheets, sorted. */
  public static List<String> measureIdsIn(Path dir) {
    List<String> ids = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".drl.xlsx")).toList()) {
        try (InputStream in = Files.newInputStream(f);
            Workbook wb = WorkbookFactory.create(in)) {
          Sheet sheet = wb.getSheet("措施");
          if (sheet == null) {
            continue;
          }
          boolean below = false;
          for (Row row : sheet) {
            Cell first = row.getCell(0);
            String text = first == null ? "" : new DataFormatter().formatCellValue(first).strip();
            if (below && !text.isEmpty()) {
              ids.add(text);
            }
            below |= text.equals("编号");
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ids.sort(Comparator.naturalOrder());
    return ids;
  }

  /**
   * Changes a parameter the way the rules want it changed: the row {@code rowId} ends the day
   * before {@code from}, and a new row {@code newId} holds {@code value} from then on.
   */
  public static void changeFrom(
      Path workbook, String rowId, String newId, LocalDate from, String value) {
    appendCopy(workbook, rowId, newId, "取值", value);
    setDate(workbook, newId, "生效日期", from);
    setDate(workbook, rowId, "截止日期", from.minusDays(1));
  }

  /**
   * Sets a cell of the row {@code rowId} to a real date, as Excel's autocorrect makes of
   * 2021-12-31.
   */
  public static int setDate(Path workbook, String rowId, String label, LocalDate date) {
    return edit(
        workbook,
        (sheet, row) -> {
          Cell cell =
              row.getCell(column(sheet, row, label), Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
          CellStyle style = sheet.getWorkbook().createCellStyle();
          style.setDataFormat(sheet.getWorkbook().createDataFormat().getFormat("yyyy/m/d"));
          cell.setCellValue(date);
          cell.setCellStyle(style);
          return row.getRowNum() + 1;
        },
        rowId);
  }

  /**
   * Deletes the column labelled {@code label} on the sheet of row {@code rowId}, shifting the rest
   * left.
   */
  public static void deleteColumn(Path workbook, String rowId, String label) {
    edit(
        workbook,
        (sheet, row) -> {
          int c = column(sheet, row, label);
          for (Row r : sheet) {
            Cell cell = r.getCell(c);
            if (cell != null) {
              r.removeCell(cell);
            }
          }
          ((XSSFSheet) sheet).shiftColumns(c + 1, 30, -1);
          return c;
        },
        rowId);
  }

  public static void replaceInFile(Path file, String from, String to) {
    try {
      String text = Files.readString(file);
      if (!text.contains(from)) {
        throw new IllegalArgumentException(from + " not in " + file);
      }
      Files.writeString(file, text.replace(from, to));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private interface RowEdit {
    int apply(Sheet sheet, Row row);
  }

  private static int edit(Path workbook, RowEdit edit, String rowId) {
    return visit(workbook, rowId, true, edit::apply);
  }

  /**
   * Applies {@code work} to the row whose first string cell is {@code rowId}; saves the workbook if
   * asked.
   */
  private static <T> T visit(
      Path workbook, String rowId, boolean save, BiFunction<Sheet, Row, T> work) {
    try (InputStream in = Files.newInputStream(workbook);
        Workbook wb = WorkbookFactory.create(in)) {
      for (Sheet sheet : wb) {
        for (Row row : sheet) {
          for (Cell c : row) {
            if (c.getCellType() == CellType.STRING && c.getStringCellValue().equals(rowId)) {
              T result = work.apply(sheet, row);
              if (save) {
                try (OutputStream out = Files.newOutputStream(workbook)) {
                  wb.write(out);
                }
              }
              return result;
            }
          }
        }
      }
      throw new IllegalArgumentException("no row " + rowId + " in " + workbook);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The column labelled {@code label} in the header nearest above {@code row}: the header of its
   * own table.
   */
  private static int column(Sheet sheet, Row row, String label) {
    for (int r = row.getRowNum() - 1; r >= 0; r--) {
      Row above = sheet.getRow(r);
      if (above == null) {
        continue;
      }
      for (Cell c : above) {
        if (c.getCellType() == CellType.STRING && c.getStringCellValue().equals(label)) {
          return c.getColumnIndex();
        }
      }
    }
    throw new IllegalArgumentException(
        "no column " + label + " above row " + (row.getRowNum() + 1));
  }

  /** The workbook with one of its sheets padded by an XML comment that unpacks to {@code bytes}. */
  public static byte[] zipBomb(Path workbook, long bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipFile in = new ZipFile(workbook.toFile());
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (ZipEntry e : Collections.list(in.entries())) {
        zip.putNextEntry(new ZipEntry(e.getName()));
        byte[] content = in.getInputStream(e).readAllBytes();
        if (e.getName().equals("xl/worksheets/sheet1.xml")) {
          String xml = new String(content, StandardCharsets.UTF_8);
          int at = xml.indexOf("?>") + 2;
          zip.write(xml.substring(0, at).getBytes(StandardCharsets.UTF_8));
          zip.write("<!--".getBytes(StandardCharsets.UTF_8));
          byte[] pad = new byte[1 << 20];
          Arrays.fill(pad, (byte) 'a');
          for (long written = 0; written < bytes; written += pad.length) {
            zip.write(pad);
          }
          zip.write("-->".getBytes(StandardCharsets.UTF_8));
          zip.write(xml.substring(at).getBytes(StandardCharsets.UTF_8));
        } else {
          zip.write(content);
        }
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
