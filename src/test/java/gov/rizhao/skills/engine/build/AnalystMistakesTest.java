package gov.rizhao.skills.engine.build;

import static org.assertj.core.api.Assertions.assertThat;

import gov.rizhao.skills.engine.RuleProblem;
import gov.rizhao.skills.engine.Ruleset;
import gov.rizhao.skills.support.RuleFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The mistakes analysts made when they edited the workbooks in LibreOffice and reloaded: each is
 * refused with its file, sheet, row and column (or DRL line), or read as the analyst meant it, and
 * never paid as ELIGIBLE with nothing.
 */
class AnalystMistakesTest {
  private final RulesCopy copy = new RulesCopy();
  private final RulesetCompiler compiler = copy.compiler;
  private final Path rules = copy.rules;
  private final Path m06 = copy.m06;

  private Ruleset build() {
    return copy.build();
  }

  private List<RuleProblem> problems() {
    return copy.problems();
  }

  @Test
  void aGapBetweenOneRowsEndAndTheNextRowsStartIsRefusedAtTheLaterRow() {
    RuleFiles.setCell(m06, "M06-P07", "截止日期", "2021-12-31");
    int row = RuleFiles.appendCopy(m06, "M06-P07", "M06-P09", "生效日期", "2022-02-01");
    RuleFiles.setCell(m06, "M06-P09", "截止日期", "");
    assertThat(problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file()).isEqualTo("rules/m06-technical-expert.drl.xlsx");
              assertThat(p.sheet()).isEqualTo("参数");
              assertThat(p.row()).isEqualTo(row);
              assertThat(p.column()).isEqualTo("G（生效日期）");
              assertThat(p.message()).contains("2022-01-01 至 2022-01-31 没有取值");
            });
  }

  @Test
  void aValueThatEndsWithNoSuccessorIsRefused() {
    int row = RuleFiles.setCell(m06, "M06-P07", "截止日期", "2021-12-31");
    assertThat(problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.row()).isEqualTo(row);
              assertThat(p.column()).isEqualTo("H（截止日期）");
              assertThat(p.message()).contains("自 2022-01-01 起没有取值");
            });
  }

  @Test
  void aMisspeltParameterInANewRowIsRefusedWithTheNearestName() {
    RuleFiles.setCell(m06, "M06-P07", "截止日期", "2021-12-31");
    int row = RuleFiles.appendCopy(m06, "M06-P07", "M06-P09", "参数", "M06.awrad");
    RuleFiles.setCell(m06, "M06-P09", "生效日期", "2022-01-01");
    RuleFiles.setCell(m06, "M06-P09", "截止日期", "");
    assertThat(problems())
        .anySatisfy(
            p -> {
              assertThat(p.row()).isEqualTo(row);
              assertThat(p.column()).isEqualTo("B（参数）");
              assertThat(p.message()).contains("M06.awrad").contains("相近的：M06.award");
            });
  }

  @Test
  void aRowAfterABlankLineIsReadNotDropped() {
    RuleFiles.setCell(m06, "M06-P07", "截止日期", "2021-12-31");
    int row = RuleFiles.appendCopy(m06, "M06-P07", "M06-P09", "取值", "2600", 2);
    RuleFiles.setCell(m06, "M06-P09", "生效日期", "2022-01-01");
    RuleFiles.setCell(m06, "M06-P09", "截止日期", "");
    Ruleset ruleset = build();
    assertThat(ruleset.parametersOn(LocalDate.of(2022, 6, 1)).get("M06.award").getAmount())
        .isEqualByComparingTo("2600");
    assertThat(ruleset.parameter("M06-P09").orElseThrow().getLocation())
        .isEqualTo("sheet 参数, row " + row);
  }

  @Test
  void aWorkbookSavedInAnotherFormatBesideTheRulesIsRefusedByName() throws IOException {
    Files.copy(m06, rules.resolve("m06-technical-expert.drl.ods"));
    Files.move(
        rules.resolve("m04-chief-technician.drl.xlsx"), rules.resolve("m04-chief-technician.xlsx"));
    assertThat(problems())
        .extracting(RuleProblem::file)
        .containsExactlyInAnyOrder(
            "rules/m06-technical-expert.drl.ods", "rules/m04-chief-technician.xlsx");
    assertThat(problems()).allSatisfy(p -> assertThat(p.message()).contains(".drl.xlsx"));
  }

  @Test
  void realDateCellsAreReadAsTheDatesTheyShow() {
    RuleFiles.setDate(m06, "M06-P07", "截止日期", LocalDate.of(2021, 12, 31));
    RuleFiles.appendCopy(m06, "M06-P07", "M06-P09", "取值", "3000");
    RuleFiles.setDate(m06, "M06-P09", "生效日期", LocalDate.of(2022, 1, 1));
    RuleFiles.setCell(m06, "M06-P09", "截止日期", "");
    Ruleset ruleset = build();
    assertThat(ruleset.parametersOn(LocalDate.of(2021, 12, 31)).get("M06.award").getId())
        .isEqualTo("M06-P07");
    assertThat(ruleset.parametersOn(LocalDate.of(2022, 1, 1)).get("M06.award").getId())
        .isEqualTo("M06-P09");
  }

  @Test
  void aDrlSyntaxErrorIsReportedInItsOwnFileOnly() throws IOException {
    Path drl = rules.resolve("m04-chief-technician.drl");
    RuleFiles.replaceInFile(drl, "rule \"M04-FRONTLINE\"", "rule \"M04-FRONTLINE\" whn");
    assertThat(problems())
        .isNotEmpty()
        .allSatisfy(
            p -> {
              assertThat(p.file()).isEqualTo("rules/m04-chief-technician.drl");
              assertThat(p.line()).isNotNull();
            });
  }

  @Test
  void aMeasureIdTypoIsReportedOnceAtItsRow() {
    int row = RuleFiles.setCell(m06, "M06", "编号", "M6");
    assertThat(problems())
        .anySatisfy(
            p -> {
              assertThat(p.sheet()).isEqualTo("措施");
              assertThat(p.row()).isEqualTo(row);
              assertThat(p.column()).isEqualTo("A（编号）");
              assertThat(p.message()).contains("M6").contains("M06");
            })
        .noneSatisfy(p -> assertThat(p.sheet()).isEqualTo("参数"));
  }

  @Test
  void aDeletedColumnIsOneProblemNamingTheColumn() {
    RuleFiles.deleteColumn(m06, "M06-P07", "单位");
    assertThat(problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.sheet()).isEqualTo("参数");
              assertThat(p.row()).isEqualTo(3);
              assertThat(p.message()).contains("缺少列“单位”");
            });
  }

  @Test
  void aNoteInAColumnWithoutAHeaderIsRefusedInItsCell() {
    int row = RuleFiles.setCellAt(m06, "M06-P07", 14, "备注：待确认");
    assertThat(problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.row()).isEqualTo(row);
              assertThat(p.column()).isEqualTo("O");
            });
  }

  @Test
  void everyProblemNamesItsPlaceInChinese() throws IOException {
    RuleFiles.setCell(m06, "M06-P06", "单位", "个");
    RuleFiles.setCell(m06, "M06-P02", "适用对象", "PROVINCIAL_CLASS_ONE");
    RuleFiles.replaceInFile(
        rules.resolve("m09-skill-upgrade-reward.drl"),
        "params.get(\"M09.timesPerLevel\")",
        "params.get(\"M09.timesPerLevl\")");
    assertThat(problems())
        .hasSize(3)
        .allSatisfy(
            p -> {
              assertThat(p.location()).isNotNull();
              assertThat(p.message()).containsPattern("[\\u4e00-\\u9fa5]");
            });
    assertThat(RulesCopy.lineOf(rules.resolve("m09-skill-upgrade-reward.drl"), "M09.timesPerLevl"))
        .isPositive();
  }
}
