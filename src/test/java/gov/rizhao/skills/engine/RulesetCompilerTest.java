package gov.rizhao.skills.engine;

import static org.assertj.core.api.Assertions.assertThat;

import gov.rizhao.skills.facts.Parameter;
import gov.rizhao.skills.support.RuleFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the compiler tells an analyst about the rule files, and what it refuses to activate. */
class RulesetCompilerTest {
  private final RulesetCompiler compiler = new RulesetCompiler();
  private Path rules;

  @BeforeEach
  void copyRules() {
    rules = RuleFiles.copyOfRules();
  }

  private List<RuleProblem> problems() {
    try {
      compiler.compile(rules);
    } catch (RulesetBuildException e) {
      return e.getProblems();
    }
    throw new AssertionError("the rules built, but a problem was expected");
  }

  @Test
  void buildsAllTenMeasuresWithEveryParameterCited() {
    Ruleset ruleset = compiler.compile(rules);
    assertThat(ruleset.measures())
        .extracting(m -> m.getId())
        .containsExactly("M01", "M02", "M03", "M04", "M05", "M06", "M07", "M08", "M09", "M10");
    assertThat(ruleset.measures())
        .allSatisfy(
            m -> {
              assertThat(m.getArticle()).startsWith("二（");
              assertThat(m.getText()).isNotBlank();
            });
    assertThat(ruleset.allParameters())
        .isNotEmpty()
        .allSatisfy(
            p -> {
              assertThat(p.getArticle()).isNotBlank();
              assertThat(p.problems()).isEmpty();
              assertThat(p.getLocation()).startsWith("sheet 参数, row ");
            });
    assertThat(ruleset.parametersOn(LocalDate.of(2020, 1, 1)).get("M06.award").getAmount())
        .isEqualByComparingTo("2000");
  }

  @Test
  void versionIsTheHashOfTheFilesAndChangesWithThem() {
    String first = compiler.compile(rules).version();
    assertThat(compiler.compile(rules).version()).isEqualTo(first).matches("sha256:[0-9a-f]{64}");
    RuleFiles.setCell(rules.resolve("m06-technical-expert.drl.xlsx"), "M06-P07", "取值", "2500");
    assertThat(compiler.compile(rules).version()).isNotEqualTo(first);
  }

  @Test
  void reportsABadValueInATableWithItsSheetAndRow() {
    int row =
        RuleFiles.setCell(rules.resolve("m06-technical-expert.drl.xlsx"), "M06-P07", "取值", "两千");
    assertThat(problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file()).isEqualTo("rules/m06-technical-expert.drl.xlsx");
              assertThat(p.location()).isEqualTo("sheet 参数, row " + row);
              assertThat(p.message()).contains("两千").contains("元");
            });
  }

  @Test
  void reportsAValueThatBreaksTheGeneratedCodeWithItsRow() {
    int row =
        RuleFiles.setCell(
            rules.resolve("m06-technical-expert.drl.xlsx"), "M06-P07", "取值", "2000\")");
    assertThat(problems())
        .isNotEmpty()
        .allSatisfy(
            p -> {
              assertThat(p.file()).isEqualTo("rules/m06-technical-expert.drl.xlsx");
              assertThat(p.location()).isEqualTo("sheet 参数, row " + row);
            });
  }

  @Test
  void reportsAMissingArticle() {
    int row =
        RuleFiles.setCell(rules.resolve("m04-chief-technician.drl.xlsx"), "M04-P05", "条款", "");
    assertThat(problems())
        .anySatisfy(
            p -> {
              assertThat(p.location()).isEqualTo("sheet 参数, row " + row);
              assertThat(p.message()).contains("缺少条款");
            });
  }

  @Test
  void reportsADrlErrorWithItsLine() throws IOException {
    Path drl = rules.resolve("m04-chief-technician.drl");
    RuleFiles.replaceInFile(drl, "Person(present, !frontline)", "Person(present, !frontlne)");
    int line = lineOf(drl, "!frontlne");
    assertThat(problems())
        .anySatisfy(
            p -> {
              assertThat(p.file()).isEqualTo("rules/m04-chief-technician.drl");
              assertThat(p.location()).startsWith("line " + line);
            });
  }

  @Test
  void reportsAParameterThatNoTableDeclares() throws IOException {
    Path drl = rules.resolve("m06-technical-expert.drl");
    RuleFiles.replaceInFile(drl, "params.get(\"M06.award\")", "params.get(\"M06.awrd\")");
    int line = lineOf(drl, "M06.awrd");
    assertThat(problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.location()).isEqualTo("line " + line);
              assertThat(p.message()).contains("M06.awrd");
            });
  }

  @Test
  void refusesTwoRowsOfOneParameterInForceOnTheSameDay() {
    RuleFiles.appendCopy(
        rules.resolve("m06-technical-expert.drl.xlsx"), "M06-P07", "M06-P99", "取值", "3000");
    assertThat(problems()).anySatisfy(p -> assertThat(p.message()).contains("重叠"));
  }

  @Test
  void appliesANewValueFromItsDateAndKeepsTheOldOneBefore() {
    Path table = rules.resolve("m06-technical-expert.drl.xlsx");
    RuleFiles.setCell(table, "M06-P07", "截止日期", "2021-12-31");
    RuleFiles.appendCopy(table, "M06-P07", "M06-P09", "取值", "3000");
    RuleFiles.setCell(table, "M06-P09", "生效日期", "2022-01-01");
    RuleFiles.setCell(table, "M06-P09", "截止日期", "");
    Ruleset ruleset = compiler.compile(rules);
    Parameter before = ruleset.parametersOn(LocalDate.of(2021, 12, 31)).get("M06.award");
    Parameter after = ruleset.parametersOn(LocalDate.of(2022, 1, 1)).get("M06.award");
    assertThat(before.getAmount()).isEqualByComparingTo("2000");
    assertThat(after.getAmount()).isEqualByComparingTo("3000");
    assertThat(after.getId()).isEqualTo("M06-P09");
  }

  @Test
  void refusesATableNamedSoThatTheEngineWouldSkipIt() throws IOException {
    Files.move(
        rules.resolve("m06-technical-expert.drl.xlsx"), rules.resolve("m06-technical-expert.xlsx"));
    assertThat(problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file()).isEqualTo("rules/m06-technical-expert.xlsx");
              assertThat(p.message()).contains("*.drl.xlsx");
            });
  }

  @Test
  void refusesTheSameRuleIdTwice() throws IOException {
    Path drl = rules.resolve("m09-skill-upgrade-reward.drl");
    RuleFiles.replaceInFile(drl, "rule \"M09-ROUTE\"", "rule \"M09-LEVEL\"");
    assertThat(problems())
        .anySatisfy(p -> assertThat(p.message()).contains("M09-LEVEL").contains("unique"));
  }

  @Test
  void refusesADrlRuleThatDoesNotCiteItsArticle() throws IOException {
    Path drl = rules.resolve("m09-skill-upgrade-reward.drl");
    RuleFiles.replaceInFile(
        drl, "rule \"M09-ROUTE\"\n    @article(\"二（三）9\")", "rule \"M09-ROUTE\"");
    assertThat(problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.location()).startsWith("line ");
              assertThat(p.message()).contains("M09-ROUTE").contains("@article");
            });
  }

  @Test
  void aTableEditReusesTheCompiledLogicAndADrlEditCompilesIt() {
    Ruleset first = compiler.compile(rules);
    RuleFiles.setCell(rules.resolve("m06-technical-expert.drl.xlsx"), "M06-P07", "取值", "2500");
    Ruleset tableEdited = compiler.compile(rules);
    assertThat(tableEdited.kieBase()).isSameAs(first.kieBase());
    assertThat(tableEdited.parametersOn(LocalDate.of(2020, 1, 1)).get("M06.award").getAmount())
        .isEqualByComparingTo("2500");

    // The first version goes; the logic it shared keeps serving the second.
    first.dispose();
    gov.rizhao.skills.facts.Application application =
        new gov.rizhao.skills.facts.Application(
            "C-1", LocalDate.of(2021, 5, 1), java.util.Set.of("M06"));
    CaseFacts facts =
        new CaseFacts(
            application,
            gov.rizhao.skills.facts.Person.absent(),
            gov.rizhao.skills.facts.Organization.absent(),
            List.of());
    assertThat(RuleEvaluator.evaluate(tableEdited, facts, ClaimPool.EMPTY).decisions())
        .extracting(d -> d.decision().getMeasure())
        .containsExactly("M06");

    RuleFiles.replaceInFile(rules.resolve("m06-technical-expert.drl"), "// 解读", "// 解读（改）");
    Ruleset drlEdited = compiler.compile(rules);
    assertThat(drlEdited.kieBase()).isNotSameAs(tableEdited.kieBase());
    tableEdited.dispose();
    drlEdited.dispose();
  }

  @Test
  void refusesDrlInTheTablesPackage() throws IOException {
    RuleFiles.replaceInFile(
        rules.resolve("m09-skill-upgrade-reward.drl"), "package rules;", "package rules.tables;");
    assertThat(problems()).anySatisfy(p -> assertThat(p.message()).contains("agenda group"));
  }

  private static int lineOf(Path file, String text) throws IOException {
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new AssertionError(text + " not in " + file);
  }
}
