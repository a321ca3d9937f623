package gov.rizhao.skills.engine;

import static gov.rizhao.skills.support.Contract.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import gov.rizhao.skills.support.Releases;
import gov.rizhao.skills.support.RuleFiles;
import gov.rizhao.skills.support.Scenarios;
import gov.rizhao.skills.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * For deployments that keep the rules in git: the files on disk become a draft on request (no
 * restart, no rebuild), go into force only once another person approves, and a mistake in them is
 * reported where it is while the version in force keeps serving.
 */
@QuarkusTest
@TestProfile(RulesetReloadTest.EditableRules.class)
class RulesetReloadTest {
  /**
   * A fixed place: Quarkus loads this class twice (test and application), and both must name the
   * same files.
   */
  static final Path RULES =
      RuleFiles.copyOfRulesAt(Path.of("target", "editable-rules", "rules").toAbsolutePath());

  public static class EditableRules implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("skills.rules-dir", RULES.toString());
    }
  }

  /** The award as the real workbook says: what the copy decides before an analyst edits it. */
  static final BigDecimal ORIGINAL_AWARD =
      new BigDecimal(
          RuleFiles.cell(
              Scenarios.rulesDir().resolve("m06-technical-expert.drl.xlsx"), "M06-P07", "取值"));

  static final String EXPERT =
      """
      {"caseId":"R-1","applicationDate":"2019-07-01",
       "person":{"id":"P-9","qualification":"SENIOR_WORKER","frontline":true,"role":"WORKER"},
       "competitionResults":[{"tier":"PROVINCIAL_CLASS_1","rank":4}]}""";

  private String analyst;
  private String original;

  @BeforeEach
  void restoreTheOriginalRules() {
    RuleFiles.copyInto(Scenarios.rulesDir(), RULES);
    analyst = Tokens.withRoles("analyst");
    original = Releases.active();
  }

  @AfterEach
  void putTheOriginalBackInForce() {
    Releases.restore(original);
  }

  private ValidatableResponse reload() {
    return RestAssured.given()
        .auth()
        .oauth2(analyst)
        .contentType("application/json")
        .when()
        .post("/api/v1/rulesets/reload")
        .then();
  }

  private static BigDecimal award(String date) {
    return api()
        .body(EXPERT.replace("2019-07-01", date))
        .when()
        .post("/api/v1/evaluations")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getObject("decisions[0].amount", BigDecimal.class);
  }

  private static BigDecimal award() {
    return award("2019-07-01");
  }

  @Test
  void reloadingUnchangedFilesAnswersTheVersionInForce() {
    reload().statusCode(200).body("version", equalTo(original)).body("status", equalTo("ACTIVE"));
  }

  @Test
  void filesEditedOnDiskBecomeADraftThatIsNotInForce() {
    RuleFiles.changeFrom(
        RULES.resolve("m06-technical-expert.drl.xlsx"),
        "M06-P07",
        "M06-P09",
        LocalDate.of(2031, 1, 1),
        ORIGINAL_AWARD.add(BigDecimal.ONE).toPlainString());
    reload()
        .statusCode(201)
        .body("status", equalTo("DRAFT"))
        .body("parent", equalTo(original))
        .body("version", not(equalTo(original)));
    assertThat(Releases.active()).isEqualTo(original);
    assertThat(award("2031-03-01")).isEqualByComparingTo(ORIGINAL_AWARD);
  }

  @Test
  void aCaseDecidedBeforeAnActivationReplaysUnderTheVersionThatDecidedIt() {
    String submitted =
        EXPERT
            .replace("R-1", "R-" + System.nanoTime())
            .replace("P-9", "P-" + System.nanoTime())
            .replace("2019-07-01", "2031-03-01");
    String caseId =
        api()
            .body(submitted)
            .when()
            .post("/api/v1/cases")
            .then()
            .statusCode(201)
            .body("rulesetVersion", equalTo(original))
            .extract()
            .path("caseId");

    BigDecimal raised = ORIGINAL_AWARD.add(BigDecimal.valueOf(500));
    RuleFiles.changeFrom(
        RULES.resolve("m06-technical-expert.drl.xlsx"),
        "M06-P07",
        "M06-P09",
        LocalDate.of(2031, 1, 1),
        raised.toPlainString());
    String draft = reload().statusCode(201).extract().path("version");
    String approver = Tokens.withRoles("approver");
    Releases.step(approver, draft, "approve", Map.of("reason", "ok")).statusCode(200);
    Releases.step(approver, draft, "activate", Map.of("reason", "ok")).statusCode(200);

    api()
        .when()
        .get("/api/v1/cases/" + caseId + "/replay")
        .then()
        .statusCode(200)
        .body("rulesetVersion", equalTo(original))
        .body("identical", equalTo(true))
        .body("replayed.decisions[0].amount", equalTo(ORIGINAL_AWARD.floatValue()));
    assertThat(award("2031-03-01")).isEqualByComparingTo(raised);
  }

  @Test
  void aBrokenTableIsReportedWithItsRowAndTheOldRulesKeepAnswering() {
    String version = api().when().get("/api/v1/rulesets/current").then().extract().path("version");
    int row =
        RuleFiles.setCell(RULES.resolve("m06-technical-expert.drl.xlsx"), "M06-P07", "取值", "二千元");

    reload()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("problems.file", hasItem("rules/m06-technical-expert.drl.xlsx"))
        .body("problems.sheet", hasItem("参数"))
        .body("problems.row", hasItem(row))
        .body("problems.column", hasItem("D（取值）"));

    api()
        .body(EXPERT)
        .when()
        .post("/api/v1/evaluations")
        .then()
        .statusCode(200)
        .body("rulesetVersion", equalTo(version))
        .body("decisions[0].amount", equalTo(ORIGINAL_AWARD.floatValue()));
    RestAssured.when()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("checks.find { it.name == 'ruleset' }.data.version", equalTo(version));
  }

  @Test
  void aWorkbookThatUnpacksToTooMuchIsRefusedAtOnceAndTheSameFilesAreNotBuiltAgain()
      throws java.io.IOException {
    java.nio.file.Path m06 = RULES.resolve("m06-technical-expert.drl.xlsx");
    java.nio.file.Files.write(m06, RuleFiles.zipBomb(m06, 100L << 20));
    for (int i = 0; i < 2; i++) {
      reload()
          .statusCode(422)
          .contentType("application/problem+json")
          .body("problems.file", hasItem("rules/m06-technical-expert.drl.xlsx"))
          .body("problems.message", hasItem(containsString("解压后过大")));
    }
    assertThat(award()).isEqualByComparingTo(ORIGINAL_AWARD);
  }

  @Test
  void aBrokenDrlFileIsReportedWithItsLine() {
    RuleFiles.replaceInFile(
        RULES.resolve("m06-technical-expert.drl"), "rule \"M06-AWARD\"", "rule \"M06-AWARD\" oops");
    reload()
        .statusCode(422)
        .body("problems.file", hasItem("rules/m06-technical-expert.drl"))
        .body("problems.line", everyItem(notNullValue()))
        .body("problems.location", hasItem(startsWith("第 ")));
    assertThat(award()).isEqualByComparingTo(ORIGINAL_AWARD);
  }
}
