package gov.rizhao.skills.app;

import static org.assertj.core.api.Assertions.assertThat;

import gov.rizhao.skills.support.RuleFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** The analysts' check command: what it prints and the exit code it gives. */
class RulesCheckTest {
  private record Run(int code, String output) {}

  private static Run check(String... args) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int code = RulesCheck.run(List.of(args), new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return new Run(code, bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void theRulesAsTheyAreBuildAndPassEveryScenario() {
    Run run = check(RuleFiles.copyOfRules().toString());

    assertThat(run.code()).isZero();
    assertThat(run.output()).contains("构建通过", "未通过 0 个", "结果：通过");
  }

  @Test
  void aChangedAmountFailsTheScenariosThatExpectTheOldOne() {
    Path rules = RuleFiles.copyOfRules();
    RuleFiles.setCell(rules.resolve("m06-technical-expert.drl.xlsx"), "M06-P07", "取值", "2001");

    Run run = check(rules.toString());

    assertThat(run.code()).isEqualTo(RulesCheck.FAILED);
    assertThat(run.output()).contains("构建通过", "M06", "结果：不通过").doesNotContain("未通过 0 个");
  }

  @Test
  void aBrokenCellIsNamedByFileSheetRowAndColumn() {
    Path rules = RuleFiles.copyOfRules();
    int row =
        RuleFiles.setCell(rules.resolve("m06-technical-expert.drl.xlsx"), "M06-P07", "取值", "两千");

    Run run = check(rules.toString());

    assertThat(run.code()).isEqualTo(RulesCheck.FAILED);
    assertThat(run.output())
        .contains("构建失败", "m06-technical-expert.drl.xlsx", "第 " + row + " 行", "取值")
        .doesNotContain("情景：");
  }

  @Test
  void aZipOfTheRulesFolderIsCheckedLikeTheFolder() throws IOException {
    Path rules = RuleFiles.copyOfRules();
    Path zip = rules.resolveSibling("rules.zip");
    try (OutputStream file = Files.newOutputStream(zip);
        ZipOutputStream out = new ZipOutputStream(file);
        Stream<Path> all = Files.walk(rules)) {
      for (Path p : all.filter(Files::isRegularFile).sorted().toList()) {
        String name = rules.getParent().relativize(p).toString().replace('\\', '/');
        if (name.endsWith(".md")) {
          continue;
        }
        out.putNextEntry(new ZipEntry(name));
        out.write(Files.readAllBytes(p));
        out.closeEntry();
      }
    }

    Run fromZip = check(zip.toString());
    Run fromFolder = check(rules.toString());

    assertThat(fromZip.code()).isZero();
    assertThat(version(fromZip.output())).isEqualTo(version(fromFolder.output()));
  }

  @Test
  void aPathThatCannotBeReadIsAUsageError() throws IOException {
    Path notAZip = Files.createTempFile("not-a-zip", ".zip");
    Files.writeString(notAZip, "hello");

    assertThat(check("/no/such/rules").code()).isEqualTo(RulesCheck.UNREADABLE);
    assertThat(check(notAZip.toString()))
        .satisfies(r -> assertThat(r.code()).isEqualTo(RulesCheck.UNREADABLE))
        .satisfies(r -> assertThat(r.output()).contains("无法读取"));
    assertThat(check().code()).isEqualTo(RulesCheck.UNREADABLE);
  }

  private static String version(String output) {
    return output.lines().filter(l -> l.startsWith("构建通过")).findFirst().orElseThrow();
  }
}
