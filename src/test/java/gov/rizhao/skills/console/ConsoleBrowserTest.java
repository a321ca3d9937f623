package gov.rizhao.skills.console;

import static org.assertj.core.api.Assertions.assertThat;

import gov.rizhao.skills.support.Browser;
import gov.rizhao.skills.support.RuleFiles;
import gov.rizhao.skills.support.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URL;
import java.util.List;
import java.util.Map;
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

  private Browser browser() {
    if (browser == null) {
      browser = Browser.open(base.toString(), 1280);
      analyst = person("analyst");
      auditor = person("auditor");
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
  @Order(4)
  void anAuditorSeesTheAuditMenuAndSignsOut() {
    Browser b = browser();
    b.login(auditor, PASSWORD);
    b.find(By.cssSelector("nav.menu a"));
    List<String> menu = b.all(By.cssSelector("nav.menu a")).stream().map(e -> e.getText()).toList();
    assertThat(menu).contains("审计", "案件");
    b.find(By.cssSelector("form[action='/console/logout'] button")).click();
    assertThat(b.driver().getCurrentUrl()).contains("/console/login");
    b.go("/console");
    assertThat(b.driver().getCurrentUrl()).contains("/console/login");
  }
}
