package gov.rizhao.skills.engine.build;

import static org.assertj.core.api.Assertions.assertThat;

import gov.rizhao.skills.engine.CaseFacts;
import gov.rizhao.skills.engine.ClaimPool;
import gov.rizhao.skills.engine.RuleEvaluator;
import gov.rizhao.skills.engine.RuleProblem;
import gov.rizhao.skills.engine.Ruleset;
import gov.rizhao.skills.facts.Application;
import gov.rizhao.skills.facts.Organization;
import gov.rizhao.skills.facts.Parameter;
import gov.rizhao.skills.facts.Person;
import gov.rizhao.skills.support.RuleFiles;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What the compiler makes of the rule files, and what it refuses to activate. */
class RulesetCompilerTest {
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

  private static BigDecimal award(Ruleset ruleset, LocalDate date) {
    return ruleset.parametersOn(date).get("M06.award").getAmount();
  }

  @Test
  void everyMeasureAndParameterIsCitedAndEveryParameterBelongsToAMeasure() {
    Ruleset ruleset = build();
    assertThat(ruleset.measures())
        .isNotEmpty()
        .allSatisfy(
            m -> {
              assertThat(m.getArticle()).isNotBlank();
              assertThat(m.getText()).isNotBlank();
              assertThat(m.getDocument()).isNotBlank();
              assertThat(m.getLocation()).isEqualTo("sheet 措施, row 4");
            });
    Set<String> measures =
        ruleset.measures().stream().map(m -> m.getId()).collect(Collectors.toSet());
    assertThat(ruleset.allParameters())
        .isNotEmpty()
        .allSatisfy(
            p -> {
              assertThat(p.getArticle()).isNotBlank();
              assertThat(p.getDocument()).isNotBlank();
              assertThat(p.getLocation()).startsWith("sheet 参数, row ");
              assertThat(measures.contains(p.getMeasure()) || p.getMeasure().equals("POLICY"))
                  .as(p.getKey())
                  .isTrue();
            });
    assertThat(award(ruleset, LocalDate.of(2020, 1, 1)).toPlainString())
        .isEqualTo(RuleFiles.cell(m06, "M06-P07", "取值"));
  }

  @Test
  void versionIsTheHashOfTheFilesAndChangesWithThem() {
    String first = build().version();
    assertThat(build().version()).isEqualTo(first).matches("sha256:[0-9a-f]{64}");
    RuleFiles.setCell(m06, "M06-P07", "取值", "2500");
    assertThat(build().version()).isNotEqualTo(first);
  }

  @Test
  void reportsABadValueWithItsSheetRowAndColumn() {
    int row = RuleFiles.setCell(m06, "M06-P07", "取值", "两千");
    assertThat(problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file()).isEqualTo("rules/m06-technical-expert.drl.xlsx");
              assertThat(p.sheet()).isEqualTo("参数");
              assertThat(p.row()).isEqualTo(row);
              assertThat(p.column()).isEqualTo("D（取值）");
              assertThat(p.message()).contains("两千").contains("元");
              assertThat(p.location()).isEqualTo("工作表 参数，第 " + row + " 行，D（取值） 列");
            });
  }

  @Test
  void aValueIsDataNeverCode() {
    RuleFiles.setCell(m06, "M06-P06", "说明", "\"); System.exit(1); (\"");
    RuleFiles.setCell(m06, "M06-P07", "说明", "2000\")");
    assertThat(build().parameter("M06-P07").orElseThrow().getDescription()).isEqualTo("2000\")");
  }

  @Test
  void reportsAMissingArticleInItsCell() {
    int row =
        RuleFiles.setCell(rules.resolve("m04-chief-technician.drl.xlsx"), "M04-P05", "条款", "");
    assertThat(problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.row()).isEqualTo(row);
              assertThat(p.column()).endsWith("（条款）");
              assertThat(p.message()).contains("条款");
            });
  }

  @Test
  void reportsADrlCompileErrorWithItsLine() throws IOException {
    Path drl = rules.resolve("m04-chief-technician.drl");
    RuleFiles.replaceInFile(drl, "Person(present, !frontline)", "Person(present, !frontlne)");
    int line = RulesCopy.lineOf(drl, "!frontlne");
    assertThat(problems())
        .isNotEmpty()
        .allSatisfy(
            p -> {
              assertThat(p.file()).isEqualTo("rules/m04-chief-technician.drl");
              assertThat(p.line()).isEqualTo(line);
              assertThat(p.message()).contains("frontlne");
            });
  }

  @Test
  void reportsAParameterThatNoTableDeclaresAtItsLineWithTheNearestName() throws IOException {
    Path drl = rules.resolve("m06-technical-expert.drl");
    RuleFiles.replaceInFile(drl, "params.get(\"M06.award\")", "params.get(\"M06.awrd\")");
    int line = RulesCopy.lineOf(drl, "M06.awrd");
    assertThat(problems())
        .anySatisfy(
            p -> {
              assertThat(p.line()).isEqualTo(line);
              assertThat(p.message()).contains("M06.awrd").contains("M06.award");
            });
  }

  @Test
  void refusesADecisionForAnUndeclaredMeasure() throws IOException {
    Path drl = rules.resolve("m06-technical-expert.drl");
    RuleFiles.replaceInFile(
        drl, "insert(new Decision(\"M06\", $r));", "insert(new Decision(\"M60\", $r));");
    int line = RulesCopy.lineOf(drl, "\"M60\"");
    assertThat(problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(line);
              assertThat(p.message()).contains("M60").contains("M06");
            });
  }

  @Test
  void refusesTwoRowsOfOneParameterInForceOnTheSameDay() {
    int row = RuleFiles.appendCopy(m06, "M06-P07", "M06-P99", "取值", "3000");
    assertThat(problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.row()).isEqualTo(row);
              assertThat(p.column()).endsWith("（生效日期）");
              assertThat(p.message()).contains("重叠");
            });
  }

  @Test
  void appliesANewValueFromItsDateAndKeepsTheOldOneBefore() {
    RuleFiles.setCell(m06, "M06-P07", "截止日期", "2021-12-31");
    RuleFiles.appendCopy(m06, "M06-P07", "M06-P09", "取值", "3000");
    RuleFiles.setCell(m06, "M06-P09", "生效日期", "2022-01-01");
    RuleFiles.setCell(m06, "M06-P09", "截止日期", "");
    Ruleset ruleset = build();
    Parameter after = ruleset.parametersOn(LocalDate.of(2022, 1, 1)).get("M06.award");
    assertThat(award(ruleset, LocalDate.of(2021, 12, 31)).toPlainString())
        .isEqualTo(RuleFiles.cell(m06, "M06-P07", "取值"));
    assertThat(after.getAmount()).isEqualByComparingTo("3000");
    assertThat(after.getId()).isEqualTo("M06-P09");
  }

  @Test
  void refusesTheSameRuleIdTwice() throws IOException {
    Path drl = rules.resolve("m09-skill-upgrade-reward.drl");
    RuleFiles.replaceInFile(drl, "rule \"M09-ROUTE\"", "rule \"M09-LEVEL\"");
    assertThat(problems())
        .anySatisfy(p -> assertThat(p.message()).contains("M09-LEVEL").contains("唯一"));
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
              assertThat(p.line()).isEqualTo(RulesCopy.lineOf(drl, "rule \"M09-ROUTE\""));
              assertThat(p.message()).contains("M09-ROUTE").contains("@article");
            });
  }

  @Test
  void aWorkbookEditReusesTheCompiledLogicAndADrlEditCompilesIt() {
    Ruleset first = build();
    RuleFiles.setCell(m06, "M06-P07", "取值", "2500");
    Ruleset tableEdited = build();
    assertThat(tableEdited.kieBase()).isSameAs(first.kieBase());
    assertThat(award(tableEdited, LocalDate.of(2020, 1, 1))).isEqualByComparingTo("2500");

    String measure = first.measures().get(0).getId();
    CaseFacts facts =
        new CaseFacts(
            new Application("C-1", LocalDate.of(2021, 5, 1), Set.of(measure)),
            Person.absent(),
            Organization.absent(),
            List.of());
    assertThat(RuleEvaluator.evaluate(tableEdited, facts, ClaimPool.EMPTY).decisions())
        .extracting(d -> d.decision().getMeasure())
        .containsExactly(measure);

    RuleFiles.replaceInFile(rules.resolve("m06-technical-expert.drl"), "// 解读", "// 解读（改）");
    Ruleset drlEdited = build();
    assertThat(drlEdited.kieBase()).isNotSameAs(tableEdited.kieBase());
  }

  @Test
  void documentationBesideTheRulesIsNotARuleFile() throws IOException {
    Files.writeString(rules.resolve("NOTES.md"), "# 备注");
    Files.writeString(rules.resolve(".~lock.m06-technical-expert.drl.xlsx#"), "lock");
    Files.writeString(rules.resolve("~$m06-technical-expert.drl.xlsx"), "lock");
    assertThat(build().files())
        .noneMatch(f -> f.contains("NOTES") || f.contains("lock") || f.contains("~$"));
  }
}
