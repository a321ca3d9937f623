package gov.rizhao.skills.evaluation;

import static gov.rizhao.skills.support.Contract.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import gov.rizhao.skills.support.Policy;
import gov.rizhao.skills.support.RuleFiles;
import gov.rizhao.skills.support.Scenarios;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The evaluation, batch, catalog and health endpoints as calling systems use them. */
@QuarkusTest
class EvaluationApiTest {
  static final String CHIEF_TECHNICIAN =
      """
      {"caseId":"API-1","applicationDate":"2020-06-15",
       "person":{"id":"P-7","name":"王五","qualification":"SENIOR_TECHNICIAN","frontline":true,"role":"WORKER"},
       "organization":{"id":"ORG-7","kind":"ENTERPRISE","size":"LARGE","inRizhao":true},
       "nominations":[{"honor":"CHIEF_TECHNICIAN","year":2020}]}""";

  private static final LocalDate APPLIED = LocalDate.of(2020, 6, 15);

  /**
   * The whole M04 allowance in force on the case's date: the monthly amount for every month of the
   * term.
   */
  private static BigDecimal allowanceTotal() {
    return Policy.value("M04.monthlyAllowance", APPLIED)
        .multiply(Policy.value("M04.termMonths", APPLIED));
  }

  @Test
  void answersWithDecisionCitationAndTraceToFileAndRow() {
    api()
        .body(CHIEF_TECHNICIAN)
        .when()
        .post("/api/v1/evaluations")
        .then()
        .statusCode(200)
        .body("caseId", equalTo("API-1"))
        .body("rulesetVersion", matchesPattern("sha256:[0-9a-f]{64}"))
        .body("totalAmount", equalTo(allowanceTotal().floatValue()))
        .body("decisions", hasSize(1))
        .body("decisions[0].measureName", equalTo("日照市首席技师选拔"))
        .body("decisions[0].citation.document", equalTo("日人社字〔2019〕46号"))
        .body("decisions[0].citation.article", equalTo("二（二）4"))
        .body("decisions[0].citation.text", startsWith("4. 加强日照市首席技师选拔"))
        .body("decisions[0].trace.rule", hasItem("M04-ALLOWANCE"))
        .body(
            "decisions[0].trace.find { it.rule == 'M04-ALLOWANCE' }.source",
            equalTo("rules/m04-chief-technician.drl"))
        .body(
            "decisions[0].trace.find { it.rule == 'M04-ALLOWANCE' }.location", startsWith("line "))
        .body("decisions[0].trace.article", everyItem(equalTo("二（二）4")))
        .body(
            "decisions[0].trace.find { it.rule == 'M04-P07' }.source",
            equalTo("rules/m04-chief-technician.drl.xlsx"))
        .body(
            "decisions[0].trace.find { it.rule == 'M04-P07' }.location",
            startsWith("sheet 参数, row "));
  }

  @Test
  void writesMoneyWithTwoDecimals() {
    String body =
        api()
            .body(CHIEF_TECHNICIAN)
            .when()
            .post("/api/v1/evaluations")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(body)
        .contains(
            "\"totalAmount\":" + Policy.money(allowanceTotal()).toPlainString(),
            "\"monthlyAmount\":"
                + Policy.money(Policy.value("M04.monthlyAllowance", APPLIED)).toPlainString());
  }

  @Test
  void evaluatesOnlyTheMeasuresAskedFor() {
    String both =
        CHIEF_TECHNICIAN.replace("\"nominations\"", "\"measures\":[\"M05\"],\"nominations\"");
    api()
        .body(both)
        .when()
        .post("/api/v1/evaluations")
        .then()
        .statusCode(200)
        .body("decisions.measure", contains("M05"))
        .body("decisions[0].outcome", equalTo("INELIGIBLE"))
        .body("decisions[0].reasons.code", hasItem("NO_NOMINATION"));
  }

  @Test
  void answersABatchInOrder() {
    String other =
        CHIEF_TECHNICIAN.replace("API-1", "API-2").replace("SENIOR_TECHNICIAN", "SENIOR_WORKER");
    api()
        .body("[" + CHIEF_TECHNICIAN + "," + other + "]")
        .when()
        .post("/api/v1/evaluations/batch")
        .then()
        .statusCode(200)
        .body("caseId", contains("API-1", "API-2"))
        .body("decisions[0][0].outcome", equalTo("ELIGIBLE"))
        .body("decisions[1][0].outcome", equalTo("INELIGIBLE"));
  }

  @Test
  void listsTheMeasuresWithTheirParametersFromTheRules() {
    Path m06 = Scenarios.rulesDir().resolve("m06-technical-expert.drl.xlsx");
    api()
        .when()
        .get("/api/v1/measures")
        .then()
        .statusCode(200)
        .body("id", equalTo(RuleFiles.measureIds()))
        .body("find { it.id == 'M06' }.citation.article", equalTo(RuleFiles.cell(m06, "M06", "条款")))
        .body(
            "find { it.id == 'M06' }.parameters.find { it.key == 'M06.award' }.value",
            equalTo(RuleFiles.cell(m06, "M06-P07", "取值")))
        .body(
            "find { it.id == 'M06' }.parameters.find { it.key == 'M06.award' }.article",
            equalTo(RuleFiles.cell(m06, "M06-P07", "条款")))
        .body(
            "find { it.id == 'M06' }.parameters.find { it.item == 'PROVINCIAL_CLASS_1' }.value",
            equalTo(RuleFiles.cell(m06, "M06-P02", "取值")))
        .body("parameters.flatten().article", everyItem(notNullValue()));
  }

  @Test
  void showsOneMeasure() {
    api()
        .when()
        .get("/api/v1/measures/M08")
        .then()
        .statusCode(200)
        .body("name", equalTo("支持企业引进高技能人才"))
        .body(
            "parameters.find { it.key == 'M08.salaryShare' }.value",
            equalTo(
                RuleFiles.cell(
                    Scenarios.rulesDir().resolve("m08-talent-introduction.drl.xlsx"),
                    "M08-P06",
                    "取值")));
  }

  @Test
  void reportsTheRulesetVersionWhenReady() {
    String version =
        api()
            .when()
            .get("/api/v1/rulesets/current")
            .then()
            .statusCode(200)
            .body("measures", hasSize(RuleFiles.measureIds().size()))
            .body("files", hasItem("rules/m06-technical-expert.drl.xlsx"))
            .body("files", not(hasItem(startsWith("rules/tests/"))))
            .extract()
            .path("version");
    RestAssured.when()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("checks.find { it.name == 'ruleset' }.data.version", equalTo(version));
  }
}
