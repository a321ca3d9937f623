package gov.rizhao.skills.console;

import static org.assertj.core.api.Assertions.assertThat;

import gov.rizhao.skills.support.Browser;
import gov.rizhao.skills.support.Releases;
import gov.rizhao.skills.support.RuleFiles;
import gov.rizhao.skills.support.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;

/**
 * The console in a real browser (headless Chromium): people sign in with local accounts, see the
 * menu their roles allow, and read the policy's values with their articles; nothing is fetched from
 * another origin and the browser logs no error. Screenshots are written under {@code
 * target/console-screenshots}.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {
  @TestHTTPResource("/")
  URL base;

  private static Browser browser;
  private static final String PASSWORD = "测试密码-" + UUID.randomUUID();
  private static String analyst;
  private static String auditor;
  private static String approver;
  private static String original;
  private static String draft;
  private static final String WORKBOOK = "m06-technical-expert.drl.xlsx";
  private static final LocalDate FROM = LocalDate.of(2031, 1, 1);
  private static final BigDecimal[] AWARD = new BigDecimal[2];

  private Browser browser() {
    if (browser == null) {
      browser = Browser.open(base.toString(), 1280);
      analyst = person("analyst");
      auditor = person("auditor");
      approver = person("approver");
      original = Releases.active();
    }
    return browser;
  }

  /** A local account with one role and a known password, made by an administrator. */
  private static String person(String role) {
    String name = role + "-" + UUID.randomUUID().toString().substring(0, 8);
    RestAssured.given()
        .auth()
        .oauth2(Tokens.admin())
        .contentType("application/json")
        .body(Map.of("username", name, "roles", List.of(role), "password", PASSWORD))
        .post("/api/v1/admin/users")
        .then()
        .statusCode(201);
    return name;
  }

  @AfterAll
  static void quit() {
    if (browser != null) {
      browser.close();
      browser = null;
    }
  }

  /** The workbook of the version in force, as an analyst downloads it, in a fresh folder. */
  private static Path downloaded() throws IOException {
    Path file = Files.createTempDirectory("console-").resolve(WORKBOOK);
    Files.write(
        file,
        RestAssured.given()
            .auth()
            .oauth2(Tokens.withRoles("analyst"))
            .get("/api/v1/rulesets/" + original + "/files/" + WORKBOOK)
            .then()
            .statusCode(200)
            .extract()
            .asByteArray());
    return file;
  }

  /** A technical expert's case (provincial class 1, rank 4) submitted by a calling system. */
  private static String submitExpert(String prefix, LocalDate applied) {
    String caseId = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    RestAssured.given()
        .auth()
        .oauth2(Tokens.caller("console-system"))
        .contentType("application/json")
        .body(
            """
            {"caseId":"%s","applicationDate":"%s",
             "person":{"id":"P-%s","qualification":"SENIOR_WORKER","frontline":true,"role":"WORKER"},
             "competitionResults":[{"tier":"PROVINCIAL_CLASS_1","rank":4}]}"""
                .formatted(caseId, applied, caseId))
        .post("/api/v1/cases")
        .then()
        .statusCode(201);
    return caseId;
  }

  private void upload(Browser b, Path file, String reason) {
    b.go("/console/rulesets");
    b.find(By.id("file")).sendKeys(file.toAbsolutePath().toString());
    b.find(By.id("reason")).sendKeys(reason);
    b.submit(By.id("upload"));
  }

  @Test
  @Order(1)
  void aWrongPasswordIsSaidInChineseAndASessionIsNeededForEveryPage() {
    Browser b = browser();
    b.go("/console/measures");
    assertThat(b.driver().getCurrentUrl()).contains("/console/login");
    b.login(analyst, PASSWORD + "x");
    assertThat(b.find(By.id("login-error")).getText()).contains("用户名或密码错误");
    b.screenshot("01-login-refused");
    b.assertCleanAndLocal();
  }

  @Test
  @Order(2)
  void anAnalystSeesTheMenuOfTheirRoleAndTheVersionInForce() {
    Browser b = browser();
    b.login(analyst, PASSWORD);
    assertThat(b.driver().getCurrentUrl()).endsWith("/console");
    List<String> menu = b.all(By.cssSelector("nav.menu a")).stream().map(e -> e.getText()).toList();
    assertThat(menu).contains("政策措施", "规则版本", "评估试算").doesNotContain("审计", "案件");
    String active =
        RestAssured.given()
            .auth()
            .oauth2(Tokens.withRoles("auditor"))
            .get("/api/v1/rulesets/active")
            .then()
            .extract()
            .path("version");
    assertThat(active).startsWith(b.find(By.id("active-version")).getText());
    b.screenshot("02-home-analyst");
    b.assertCleanAndLocal();
  }

  @Test
  @Order(3)
  void theMeasuresPageShowsEachValueWithItsArticleAndQuoteOnADate() {
    Browser b = browser();
    b.login(analyst, PASSWORD);
    String measure = RuleFiles.measureIds().get(5);
    Map<String, Object> award =
        RestAssured.given()
            .auth()
            .oauth2(Tokens.withRoles("analyst"))
            .get("/api/v1/measures/" + measure + "?date=2021-06-01")
            .then()
            .statusCode(200)
            .extract()
            .path("parameters[0]");
    b.go("/console/measures?date=2021-06-01");
    String section = b.find(By.id(measure)).getText();
    assertThat(section)
        .contains((String) award.get("id"))
        .contains((String) award.get("value"))
        .contains((String) award.get("article"));
    assertThat(b.loadMillis()).isBetween(0L, 1000L);
    b.screenshot("03-measures");
    b.assertCleanAndLocal();
  }

  @Test
  @Order(5)
  void anUploadWithAMistakeNamesItsSheetRowAndColumn() throws IOException {
    Browser b = browser();
    b.login(analyst, PASSWORD);
    Path file = downloaded();
    int row = RuleFiles.setCell(file, "M06-P07", "取值", "两千元");
    upload(b, file, "测试：写错的取值");
    b.find(By.id("upload-failed"));
    String problems = b.find(By.id("problems")).getText();
    assertThat(problems)
        .contains(WORKBOOK)
        .contains("参数")
        .contains("第 " + row + " 行")
        .contains("取值");
    b.screenshot("05-upload-refused");
    b.assertCleanAndLocal();
  }

  @Test
  @Order(6)
  void aCorrectChangeBecomesADraftWhoseDiffShowsOldAndNew() throws IOException {
    Browser b = browser();
    b.login(analyst, PASSWORD);
    Path file = downloaded();
    AWARD[0] = new BigDecimal(RuleFiles.cell(file, "M06-P07", "取值"));
    AWARD[1] = AWARD[0].add(BigDecimal.valueOf(1 + new Random().nextInt(100_000)));
    RuleFiles.changeFrom(file, "M06-P07", "M06-P09", FROM, AWARD[1].toPlainString());
    upload(b, file, "测试：" + FROM + " 起技术能手奖励调整");
    assertThat(b.find(By.id("message")).getText()).contains("草稿已上传");
    draft = b.driver().getCurrentUrl().replaceAll(".*/console/rulesets/([^?]+).*", "$1");
    assertThat(b.find(By.id("status")).getText()).contains("草稿");
    String diff = b.find(By.cssSelector("table.diff")).getText();
    assertThat(diff).contains("M06-P09").contains(AWARD[1].toPlainString()).contains("M06-P07");
    assertThat(b.all(By.cssSelector("table.diff td.new"))).isNotEmpty();
    // The author cannot approve their own draft: the page offers no such step.
    assertThat(b.all(By.id("approve"))).isEmpty();
    b.screenshot("06-draft-diff");
    b.assertCleanAndLocal();
  }

  @Test
  @Order(7)
  void aSimulationShowsItsProgressThenChartsOfWhatTheDraftChanges() {
    String caseId = submitExpert("SIM", FROM.plusMonths(1));
    Browser b = browser();
    b.login(analyst, PASSWORD);
    b.go("/console/rulesets/" + draft);
    b.find(By.id("fromYear")).sendKeys(String.valueOf(FROM.getYear()));
    b.find(By.id("measures")).sendKeys("M06");
    b.submit(By.id("simulate"));
    b.waitForText(By.id("progress"), "模拟完成", java.time.Duration.ofSeconds(30));
    b.find(By.cssSelector("#sim-charts[data-drawn='true'] canvas"));
    String measures = b.find(By.id("measures")).getText();
    assertThat(measures).contains("M06").contains("ELIGIBLE");
    assertThat(b.find(By.id("changed")).getText()).contains(caseId);
    assertThat(b.find(By.id("quotas")).getText()).contains("M06|year|" + FROM.getYear());
    b.screenshot("07-simulation");
    b.assertCleanAndLocal();
  }

  @Test
  @Order(8)
  void anotherPersonApprovesAndActivatesTheDraft() {
    Browser b = browser();
    b.login(approver, PASSWORD);
    b.go("/console/rulesets/" + draft);
    b.find(By.id("approve-reason")).sendKeys("复核无误");
    b.submit(By.id("approve"));
    assertThat(b.find(By.id("message")).getText()).contains("已审批");
    b.find(By.id("activate-reason")).sendKeys("按文件施行");
    b.submit(By.id("activate"));
    assertThat(b.find(By.id("message")).getText()).contains("已生效");
    assertThat(b.find(By.id("status")).getText()).contains("现行");
    assertThat(Releases.active()).isEqualTo(draft);
    b.screenshot("08-activated");
    b.assertCleanAndLocal();
  }

  @Test
  @Order(9)
  void aCaseDecidedAfterwardsShowsTheNewAmountWithItsCellAndArticle() {
    String caseId = submitExpert("CONSOLE", FROM.plusMonths(2));
    Browser b = browser();
    b.login(auditor, PASSWORD);
    b.go("/console/cases");
    b.find(By.id("caseId")).sendKeys(caseId);
    b.submit(By.id("find"));
    String decision = b.find(By.cssSelector("article.decision")).getText();
    assertThat(decision).contains(AWARD[1].toPlainString()).contains("M06-P09").contains("二（二）6");
    String row = b.find(By.xpath("//li[contains(@class,'row-step')][code='M06-P09']")).getText();
    assertThat(row)
        .contains("参数")
        .contains("row")
        .contains(WORKBOOK)
        .contains(AWARD[1].toPlainString());
    b.submit(By.id("replay"));
    assertThat(b.find(By.id("replay-result")).getText()).contains("完全一致");
    b.screenshot("09-case-trace");
    b.assertCleanAndLocal();

    // The ledger: the year's quota of the measure as a bar, and the cases behind it.
    String scope = "M06|year|" + FROM.getYear();
    b.go("/console/ledger?year=" + FROM.getYear());
    assertThat(b.find(By.id("by-measure")).getText()).contains("M06");
    b.submit(By.linkText(scope));
    assertThat(b.find(By.id("grants")).getText()).contains(caseId);
    b.screenshot("09-ledger-pool");
    b.assertCleanAndLocal();
    // An analyst sees the bars, not who was granted: the cases are the auditors'.
    b.login(analyst, PASSWORD);
    b.go("/console/ledger?year=" + FROM.getYear());
    assertThat(b.find(By.id("bars")).getText()).contains(scope);
    assertThat(b.all(By.linkText(scope))).isEmpty();
  }

  @Test
  @Order(10)
  void anAnalystTriesACaseUnderTheDraftOrTheVersionInForce() {
    Browser b = browser();
    b.login(analyst, PASSWORD);
    b.go("/console/try");
    // The common fields: a competition result of a frontline senior worker in a Rizhao enterprise.
    b.find(By.name("applicationDate")).sendKeys("06/01/2021");
    b.find(By.name("personId")).sendKeys("P-FORM");
    new org.openqa.selenium.support.ui.Select(b.find(By.name("qualification")))
        .selectByValue("SENIOR_WORKER");
    b.find(By.name("frontline")).click();
    new org.openqa.selenium.support.ui.Select(b.find(By.name("tier")))
        .selectByValue("PROVINCIAL_CLASS_1");
    b.find(By.name("rank")).sendKeys("4");
    b.submit(By.id("evaluate-fields"));
    assertThat(b.find(By.id("case")).getAttribute("value")).contains("PROVINCIAL_CLASS_1");
    assertThat(b.find(By.cssSelector("article.decision")).getText()).contains("M06");
    b.go("/console/try");
    b.submit(By.id("evaluate"));
    assertThat(b.find(By.id("total")).getText()).contains("元");
    assertThat(b.all(By.cssSelector("article.decision"))).isNotEmpty();
    var box = b.find(By.id("case"));
    box.clear();
    box.sendKeys("{\"caseId\":\"X\",\"applicationDate\":\"2021-02-30\"}");
    b.submit(By.id("evaluate"));
    assertThat(b.find(By.id("try-error")).getText()).contains("JSON");
    b.screenshot("10-try");
    b.assertCleanAndLocal();
  }

  @Test
  @Order(11)
  void theApproverRollsBackToTheEarlierVersion() {
    Browser b = browser();
    b.login(approver, PASSWORD);
    b.go("/console/rulesets/" + original);
    b.find(By.id("activate-reason")).sendKeys("测试结束，回退");
    b.submit(By.id("activate"));
    assertThat(b.find(By.id("message")).getText()).contains("已生效");
    assertThat(Releases.active()).isEqualTo(original);
    b.screenshot("11-rollback");
    b.assertCleanAndLocal();

    // The measure's values across the versions that were in force: the retired draft's new row.
    b.go("/console/measures?date=" + FROM);
    b.submit(By.linkText("M06 参数的历次版本"));
    String history = b.find(By.id("history")).getText();
    assertThat(history).contains("M06-P09").contains(AWARD[1].toPlainString()).contains("M06-P07");
    assertThat(b.all(By.cssSelector("#history td.new"))).isNotEmpty();
    b.screenshot("11-history");
    b.assertCleanAndLocal();
  }

  @Test
  @Order(12)
  void anAuditorFindsTheChangeInTheAuditLogAndTheChainIntact() {
    Browser b = browser();
    b.login(auditor, PASSWORD);
    b.go("/console/audit");
    b.find(By.id("action")).sendKeys("RULESET_ACTIVATED");
    b.find(By.id("target")).sendKeys(draft);
    b.submit(By.id("filter"));
    String entries = b.find(By.id("entries")).getText();
    assertThat(entries).contains(approver).contains("RULESET_ACTIVATED");
    b.go("/console/audit?action=RULESET_DRAFTED&actor=" + analyst);
    assertThat(b.find(By.id("entries")).getText()).contains(analyst).contains("REFUSED");
    b.submit(By.id("verify"));
    assertThat(b.find(By.id("chain")).getText()).contains("审计日志完整");
    b.screenshot("12-audit");
    b.assertCleanAndLocal();
  }

  @Test
  @Order(13)
  void onAPhoneTheMenuWrapsAndNoPageIsWiderThanTheScreen() {
    try (Browser phone = Browser.open(base.toString(), 390)) {
      phone.login(analyst, PASSWORD);
      for (String path :
          List.of("/console", "/console/measures", "/console/rulesets", "/console/try")) {
        phone.go(path);
        phone.find(By.id("main"));
        Number wide =
            (Number)
                ((org.openqa.selenium.JavascriptExecutor) phone.driver())
                    .executeScript("return document.documentElement.scrollWidth;");
        Number window =
            (Number)
                ((org.openqa.selenium.JavascriptExecutor) phone.driver())
                    .executeScript("return window.innerWidth;");
        assertThat(wide.intValue()).as(path).isLessThanOrEqualTo(window.intValue());
        phone.assertCleanAndLocal();
      }
      phone.go("/console/measures");
      phone.screenshot("13-phone-measures");
      // The keyboard: the first Tab reaches the skip link, which leads to the page's content.
      phone.driver().findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.TAB);
      assertThat(phone.driver().switchTo().activeElement().getText()).isEqualTo("跳到正文");
    }
  }

  @Test
  @Order(14)
  void anAdministratorCreatesAPersonWhoSignsInWithTheShownPassword() {
    String admin = person("admin");
    Browser b = browser();
    b.login(admin, PASSWORD);
    b.go("/console/accounts");
    String name = "new-analyst-" + UUID.randomUUID().toString().substring(0, 6);
    b.find(By.id("username")).sendKeys(name);
    b.find(By.cssSelector("input[name=role][value=analyst]")).click();
    b.submit(By.id("create"));
    String password = b.find(By.cssSelector("#password code")).getText();
    assertThat(b.find(By.id("people")).getText()).contains(name);
    b.screenshot("14-accounts");
    b.assertCleanAndLocal();
    b.submit(By.cssSelector("form[action='/console/logout'] button"));
    b.login(name, password);
    assertThat(b.all(By.cssSelector("nav.menu a")).stream().map(e -> e.getText()).toList())
        .contains("规则版本")
        .doesNotContain("账号");
  }

  @Test
  @Order(4)
  void anAuditorSeesTheAuditMenuAndSignsOut() {
    Browser b = browser();
    b.login(auditor, PASSWORD);
    b.find(By.cssSelector("nav.menu a"));
    List<String> menu = b.all(By.cssSelector("nav.menu a")).stream().map(e -> e.getText()).toList();
    assertThat(menu).contains("审计", "案件");
    b.submit(By.cssSelector("form[action='/console/logout'] button"));
    assertThat(b.driver().getCurrentUrl()).contains("/console/login");
    b.go("/console");
    assertThat(b.driver().getCurrentUrl()).contains("/console/login");
  }
}
