package gov.rizhao.skills.evaluation;

import static gov.rizhao.skills.support.Contract.api;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
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
        .body("totalAmount", equalTo(48000.00f))
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
    org.assertj.core.api.Assertions.assertThat(body)
        .contains("\"totalAmount\":48000.00", "\"monthlyAmount\":1000.00");
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
  void listsTheTenMeasuresWithTheirParametersFromTheRules() {
    api()
        .when()
        .get("/api/v1/measures")
        .then()
        .statusCode(200)
        .body("id", contains("M01", "M02", "M03", "M04", "M05", "M06", "M07", "M08", "M09", "M10"))
        .body("find { it.id == 'M06' }.citation.article", equalTo("二（二）6"))
        .body(
            "find { it.id == 'M06' }.parameters.find { it.key == 'M06.award' }.value",
            equalTo("2000"))
        .body(
            "find { it.id == 'M06' }.parameters.find { it.key == 'M06.award' }.article",
            equalTo("二（二）6"))
        .body(
            "find { it.id == 'M06' }.parameters.find { it.item == 'PROVINCIAL_CLASS_1' }.value",
            equalTo("6"))
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
        .body("parameters.find { it.key == 'M08.salaryShare' }.value", equalTo("0.30"));
  }

  @Test
  void reportsTheRulesetVersionWhenReady() {
    String version =
        api()
            .when()
            .get("/api/v1/rulesets/current")
            .then()
            .statusCode(200)
            .body("measures", hasSize(10))
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
