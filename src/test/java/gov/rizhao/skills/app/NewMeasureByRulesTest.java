package gov.rizhao.skills.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import gov.rizhao.skills.api.CaseRequest;
import gov.rizhao.skills.engine.ClaimPool;
import gov.rizhao.skills.engine.EngineResult;
import gov.rizhao.skills.engine.EvaluatedDecision;
import gov.rizhao.skills.engine.RuleEvaluator;
import gov.rizhao.skills.engine.RuleProblem;
import gov.rizhao.skills.engine.Ruleset;
import gov.rizhao.skills.engine.RulesetBuildException;
import gov.rizhao.skills.engine.TraceStep;
import gov.rizhao.skills.engine.build.RulesetCompiler;
import gov.rizhao.skills.evaluation.service.CaseAttributes;
import gov.rizhao.skills.evaluation.service.CaseFactsMapper;
import gov.rizhao.skills.facts.MeasureInfo;
import gov.rizhao.skills.facts.Outcome;
import gov.rizhao.skills.facts.PolicyDocument;
import gov.rizhao.skills.problem.Problem;
import gov.rizhao.skills.support.RuleFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A measure added by rule files alone: the real rules plus the fixture in {@code
 * src/test/resources/fixture-measure} (a measure of another document, with a fact the case did not
 * carry before: the person's birth date). Nothing in Java names it; what it pays and from when is
 * read from its files.
 */
class NewMeasureByRulesTest {
  private static final Path FIXTURE = Path.of("src/test/resources/fixture-measure");
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private final RulesetCompiler compiler = new RulesetCompiler(Optional.empty());

  /** The real rules with the fixture measure added, as an analyst would add its files. */
  private static Path rulesWithFixture() {
    Path rules = RuleFiles.copyOfRules();
    try (Stream<Path> files = Files.walk(FIXTURE)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        Path target = rules.resolve(FIXTURE.relativize(p).toString());
        Files.createDirectories(target.getParent());
        Files.copy(p, target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rules;
  }

  private static String fixtureMeasure() {
    return RuleFiles.measureIdsIn(FIXTURE).get(0);
  }

  private Ruleset build(Path rules) {
    return compiler.build(compiler.read(rules));
  }

  private static CaseRequest request(String json) {
    try {
      return JSON.readValue(json, CaseRequest.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A young skilled worker in a Rizhao enterprise, born {@code birthDate} (not said when null),
   * naming the measures of {@code measures}.
   */
  private static CaseRequest worker(LocalDate applied, LocalDate birthDate, String measures) {
    return request(
        """
        {"caseId":"C-NEW","applicationDate":"%s",%s
         "person":{"id":"P-NEW","qualification":"SENIOR_TECHNICIAN","frontline":true,"role":"WORKER"
                   %s},
         "organization":{"id":"ORG-NEW","kind":"ENTERPRISE","size":"MEDIUM","inRizhao":true}}"""
            .formatted(
                applied,
                measures,
                birthDate == null ? "" : ",\"attributes\":{\"birthDate\":\"" + birthDate + "\"}"));
  }

  private static List<EvaluatedDecision> decide(Ruleset ruleset, CaseRequest request) {
    assertThat(CaseAttributes.check(ruleset, request, "")).isEmpty();
    EngineResult result =
        RuleEvaluator.evaluate(ruleset, CaseFactsMapper.toFacts(request, ruleset), ClaimPool.EMPTY);
    return result.decisions();
  }

  private static List<EvaluatedDecision> of(List<EvaluatedDecision> all, String measure) {
    return all.stream().filter(d -> d.decision().getMeasure().equals(measure)).toList();
  }

  @Test
  void aMeasureOfItsOwnDocumentWithADeclaredFactDecidesWithNoJavaChange() {
    Ruleset ruleset = build(rulesWithFixture());
    String measure = fixtureMeasure();
    List<String> expected = new ArrayList<>(RuleFiles.measureIds());
    expected.add(measure);
    assertThat(ruleset.measures()).extracting(MeasureInfo::getId).hasSameElementsAs(expected);
    assertThat(ruleset.automaticMeasures()).doesNotContain(measure);
    MeasureInfo info = ruleset.measure(measure).orElseThrow();
    PolicyDocument document = ruleset.documentOf(measure).orElseThrow();
    assertThat(document.getNumber()).isEqualTo(info.getDocument());
    assertThat(ruleset.facts()).isNotEmpty();

    LocalDate applied = document.getEffective().plusMonths(3);
    var params = ruleset.parametersOn(applied);
    int maxAge = params.get(measure + ".maxAge").getInteger();
    BigDecimal award = params.get(measure + ".award").getAmount();
    String named = "\"measures\":[\"" + measure + "\"],";

    // Exactly the oldest age the measure allows, on the application date: paid, citing its
    // document.
    EvaluatedDecision young =
        of(decide(ruleset, worker(applied, applied.minusYears(maxAge), named)), measure).get(0);
    assertThat(young.outcome()).isEqualTo(Outcome.ELIGIBLE);
    assertThat(young.decision().getAmount()).isEqualByComparingTo(award);
    List<TraceStep> rows =
        young.trace().stream().filter(t -> t.source().endsWith(".drl.xlsx")).toList();
    assertThat(rows)
        .isNotEmpty()
        .allSatisfy(t -> assertThat(t.document()).isEqualTo(document.getNumber()));

    // A day past that age, and a 50-year-old: refused for age, paid nothing.
    for (LocalDate born :
        List.of(applied.minusYears(maxAge + 1).minusDays(1), applied.minusYears(50))) {
      EvaluatedDecision old = of(decide(ruleset, worker(applied, born, named)), measure).get(0);
      assertThat(old.outcome()).isEqualTo(Outcome.INELIGIBLE);
      assertThat(old.decision().getAmount()).isZero();
      assertThat(old.reasons()).extracting(n -> n.code()).contains("AGE_OVER_LIMIT");
    }

    // Before its document takes effect: refused by the one general rule, naming the document's row.
    EvaluatedDecision early =
        of(
                decide(
                    ruleset,
                    worker(document.getEffective().minusDays(1), applied.minusYears(20), named)),
                measure)
            .get(0);
    assertThat(early.outcome()).isEqualTo(Outcome.INELIGIBLE);
    assertThat(early.reasons()).extracting(n -> n.code()).contains("POLICY_NOT_IN_FORCE");
    assertThat(early.trace())
        .anySatisfy(
            t -> {
              assertThat(t.rule()).isEqualTo(document.getId());
              assertThat(t.document()).isEqualTo(document.getNumber());
            });

    // Not named: not evaluated, and the other decisions are those of the rules without it.
    CaseRequest unnamed = worker(applied, null, "");
    List<EvaluatedDecision> with = decide(ruleset, unnamed);
    assertThat(of(with, measure)).isEmpty();
    List<EvaluatedDecision> without = decide(build(RuleFiles.copyOfRules()), unnamed);
    assertThat(with)
        .extracting(d -> d.decision().getMeasure() + d.outcome() + d.decision().getAmount())
        .isEqualTo(
            without.stream()
                .map(d -> d.decision().getMeasure() + d.outcome() + d.decision().getAmount())
                .toList());
  }

  @Test
  void theFixturesScenariosPassWithTheRealOnes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int code =
        RulesCheck.run(
            List.of(rulesWithFixture().toString()),
            new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String output = bytes.toString(StandardCharsets.UTF_8);
    assertThat(code).as(output).isEqualTo(0);
    assertThat(output)
        .contains("措施 " + (RuleFiles.measureIds().size() + 1) + " 项")
        .contains((scenarioFiles(Path.of("rules")) + scenarioFiles(FIXTURE)) + " 个情景文件")
        .contains("未通过 0 个")
        .contains("结果：通过");
  }

  @Test
  void attributesAreCheckedAgainstTheDeclarationsByPointer() {
    Ruleset ruleset = build(rulesWithFixture());
    String person = "/person/attributes/";
    List<Problem.FieldError> errors =
        CaseAttributes.check(
            ruleset,
            request(
                """
                {"caseId":"C-BAD","applicationDate":"2021-01-01",
                 "attributes":{"birthDate":"1990-01-01"},
                 "person":{"attributes":{"birthDate":"1990-02-30","birthDay":"1990-01-01"}},
                 "organization":{"attributes":{"staff":12}}}"""),
            "");
    assertThat(errors)
        .extracting(Problem.FieldError::pointer)
        .containsExactlyInAnyOrder(
            "/attributes/birthDate",
            person + "birthDate",
            person + "birthDay",
            "/organization/attributes/staff");
    assertThat(errors)
        .filteredOn(e -> e.pointer().equals(person + "birthDay"))
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("birthDate"));
    assertThat(
            CaseAttributes.check(
                ruleset,
                request(
                    """
                    {"caseId":"C-NUM","applicationDate":"2021-01-01",
                     "person":{"attributes":{"birthDate":19900101}}}"""),
                ""))
        .extracting(Problem.FieldError::pointer)
        .containsExactly(person + "birthDate");
    // The rules without the fixture declare no such fact: the same case is refused there.
    assertThat(
            CaseAttributes.check(
                build(RuleFiles.copyOfRules()),
                worker(LocalDate.of(2021, 1, 1), LocalDate.of(1990, 1, 1), ""),
                ""))
        .extracting(Problem.FieldError::pointer)
        .containsExactly(person + "birthDate");
  }

  @Test
  void aRuleReadingAnUndeclaredFactOrWithTheWrongTypeIsRefusedAtItsLine() throws IOException {
    Path rules = rulesWithFixture();
    Path drl = rules.resolve("m11-young-talent.drl");
    RuleFiles.replaceInFile(drl, "!attributes.has(\"birthDate\")", "!attributes.has(\"birthDay\")");
    RuleFiles.replaceInFile(
        drl, "attributes.age(\"birthDate\", $date) >", "attributes.integer(\"birthDate\") >");
    List<RuleProblem> problems = problems(rules);
    assertThat(problems)
        .anySatisfy(
            p -> {
              assertThat(p.file()).endsWith("m11-young-talent.drl");
              assertThat(p.line()).isEqualTo(lineOf(drl, "birthDay"));
              assertThat(p.message()).contains("birthDay").contains("birthDate");
            })
        .anySatisfy(
            p -> {
              assertThat(p.line()).isEqualTo(lineOf(drl, "attributes.integer(\"birthDate\")"));
              assertThat(p.message()).contains("日期").contains("attributes.date");
            });
  }

  @Test
  void aDecisionForAnUndeclaredMeasureIsRefusedAtItsLine() throws IOException {
    Path rules = rulesWithFixture();
    Path drl = rules.resolve("m11-young-talent.drl");
    String declared = fixtureMeasure();
    RuleFiles.replaceInFile(
        drl,
        "insert(new Decision(\"" + declared + "\", \"/person\"));",
        "insert(new Decision(\"M12\", \"/person\"));");
    assertThat(problems(rules))
        .anySatisfy(
            p -> {
              assertThat(p.line()).isEqualTo(lineOf(drl, "new Decision(\"M12\""));
              assertThat(p.message()).contains("M12").contains("未在任何参数表");
            });
  }

  @Test
  void aParameterRowCitingAnUnknownDocumentIsRefusedAtItsCell() {
    Path rules = rulesWithFixture();
    Path workbook = rules.resolve("m11-young-talent.drl.xlsx");
    int row = RuleFiles.setCell(workbook, "M11-P04", "文件", "日人社字〔2099〕1号");
    assertThat(problems(rules))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.sheet()).isEqualTo("参数");
              assertThat(p.row()).isEqualTo(row);
              assertThat(p.column()).contains("文件");
              assertThat(p.message()).contains("日人社字〔2099〕1号").contains("未在任何“文件”工作表中声明");
            });
  }

  private static long scenarioFiles(Path rules) {
    try (Stream<Path> files = Files.list(rules.resolve("tests"))) {
      return files.filter(p -> p.toString().endsWith(".yaml")).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<RuleProblem> problems(Path rules) {
    try {
      build(rules);
    } catch (RulesetBuildException e) {
      return e.getProblems();
    }
    throw new AssertionError("the rules built, but a problem was expected");
  }

  private static int lineOf(Path file, String text) {
    try {
      List<String> lines = Files.readAllLines(file);
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).contains(text)) {
          return i + 1;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new AssertionError(text + " not in " + file);
  }
}
