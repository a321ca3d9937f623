package gov.rizhao.skills.engine.build;

import static org.assertj.core.api.Assertions.assertThat;

import gov.rizhao.skills.engine.RuleProblem;
import gov.rizhao.skills.support.RuleFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rule files that would cost the service more than a build should: each is refused with a problem
 * naming the file, before it is parsed (a probe's 2 MiB workbook unpacking to 94 MiB took 150 s and
 * 9.5 GiB).
 */
class HostileRuleFilesTest {
  private final RulesCopy copy = new RulesCopy();

  @Test
  void aWorkbookThatUnpacksToFarMoreThanItWeighsIsRefusedUnparsed() throws IOException {
    byte[] bomb = RuleFiles.zipBomb(copy.m06, 4 * WorkbookZip.MAX_UNPACKED_BYTES);
    assertThat((long) bomb.length).isLessThan(WorkbookReader.MAX_BYTES);
    Files.write(copy.m06, bomb);
    // The rules that read the workbook's parameters are refused too: only the workbook is named.
    List<RuleProblem> problems = copy.problems();
    assertThat(problems)
        .filteredOn(p -> p.file().endsWith(".xlsx"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file()).isEqualTo("rules/m06-technical-expert.drl.xlsx");
              assertThat(p.message()).contains("解压后过大");
            });
  }

  @Test
  void aWorkbookJustUnderTheLimitStillBuilds() throws IOException {
    // The padding is a comment: within the limit the workbook is read as before.
    Files.write(copy.m06, RuleFiles.zipBomb(copy.m06, WorkbookZip.MAX_UNPACKED_BYTES / 4));
    assertThat(copy.build().measures()).isNotEmpty();
  }

  @Test
  void aDrlFileLargerThanTheLimitIsNotRead() throws IOException {
    Path drl = copy.rules.resolve("m06-technical-expert.drl");
    String text = Files.readString(drl);
    StringBuilder big = new StringBuilder(text);
    while (big.length() <= RuleDirectory.MAX_TEXT_BYTES) {
      big.append("\n// ").append("填充".repeat(1000));
    }
    Files.writeString(drl, big);
    assertThat(copy.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file()).isEqualTo("rules/m06-technical-expert.drl");
              assertThat(p.message()).contains("文件过大");
            });
  }

  @Test
  void moreFilesThanTheLimitAreRefused() throws IOException {
    Path extra = Files.createDirectories(copy.rules.resolve("extra"));
    for (int i = 0; i <= RuleDirectory.MAX_FILES; i++) {
      Files.writeString(extra.resolve("r" + i + ".drl"), "package rules;\n");
    }
    assertThat(copy.problems())
        .isNotEmpty()
        .allSatisfy(p -> assertThat(p.message()).contains("规则目录过大"));
  }
}
