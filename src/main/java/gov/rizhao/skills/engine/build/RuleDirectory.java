package gov.rizhao.skills.engine.build;

import gov.rizhao.skills.engine.RuleFile;
import gov.rizhao.skills.engine.RuleProblem;
import gov.rizhao.skills.engine.RulesetBuildException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads a rules directory: every {@code *.drl} and {@code *.drl.xlsx} file, sorted. Scenario tests
 * ({@code tests/}), documentation ({@code *.md}) and editors' lock and hidden files are not rules;
 * any other file is a problem, so a workbook saved in another format is never silently ignored.
 */
final class RuleDirectory {
  /** Largest DRL (or other text) file read: the largest today is about 20 KB. */
  static final long MAX_TEXT_BYTES = 1 << 20;

  /** Most rule files read (today 22), and most bytes in all. */
  static final int MAX_FILES = 200;

  static final long MAX_TOTAL_BYTES = 32L << 20;

  /** How deep folders in the rules directory are read. */
  static final int MAX_DEPTH = 4;

  private RuleDirectory() {}

  static List<RuleFile> read(Path rulesDir) {
    if (!Files.isDirectory(rulesDir)) {
      throw new RulesetBuildException(
          List.of(
              RuleProblem.ofFile(
                  rulesDir.toString(), "规则目录不存在（the rules directory does not exist）")));
    }
    String top = rulesDir.toAbsolutePath().normalize().getFileName().toString();
    List<RuleFile> files = new ArrayList<>();
    List<RuleProblem> tooBig = new ArrayList<>();
    long total = 0;
    try (Stream<Path> walk = Files.walk(rulesDir, MAX_DEPTH)) {
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        String relative = rulesDir.relativize(p).toString().replace('\\', '/');
        String fileName = p.getFileName().toString();
        if (relative.startsWith("tests/") || notRules(fileName)) {
          continue;
        }
        long size = Files.size(p);
        long max = fileName.endsWith(".xlsx") ? WorkbookReader.MAX_BYTES : MAX_TEXT_BYTES;
        total += size;
        if (size > max) {
          tooBig.add(
              RuleProblem.ofFile(
                  top + "/" + relative, "文件过大（" + size + " 字节，至多 " + max + " 字节），未读取"));
        } else if (files.size() >= MAX_FILES || total > MAX_TOTAL_BYTES) {
          tooBig.add(
              RuleProblem.ofFile(
                  top + "/" + relative,
                  "规则目录过大（至多 " + MAX_FILES + " 个文件、共 " + (MAX_TOTAL_BYTES >> 20) + " MiB），未读取"));
        } else {
          files.add(new RuleFile(top + "/" + relative, relative, Files.readAllBytes(p)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!tooBig.isEmpty()) {
      throw new RulesetBuildException(tooBig);
    }
    if (files.isEmpty()) {
      throw new RulesetBuildException(
          List.of(RuleProblem.ofFile(rulesDir.toString(), "目录中没有规则文件（*.drl、*.drl.xlsx）")));
    }
    return files;
  }

  /**
   * Documentation, hidden files and the lock files office programs leave beside an open workbook.
   */
  private static boolean notRules(String fileName) {
    return fileName.startsWith(".") || fileName.startsWith("~$") || fileName.endsWith(".md");
  }

  /** Why the service does not read a file given as a rule file, if it does not. */
  static Optional<RuleProblem> unread(RuleFile file) {
    if (file.isDrl() || file.isTable()) {
      return Optional.empty();
    }
    String lower = file.name().toLowerCase();
    return Optional.of(RuleProblem.ofFile(file.name(), reason(lower)));
  }

  private static String reason(String lower) {
    if (lower.endsWith(".xlsx")
        || lower.endsWith(".xls")
        || lower.endsWith(".ods")
        || lower.endsWith(".et")) {
      return "服务不读取此文件：参数表须以 .drl.xlsx 格式保存（在 Excel、WPS 或 LibreOffice 中“另存为” Excel 工作簿 .xlsx，"
          + "文件名以 .drl.xlsx 结尾），并删除此文件";
    }
    return "服务不读取此文件：规则目录中只应有规则文件（.drl、.drl.xlsx）、说明（.md）和 tests/ 中的情景测试";
  }
}
