package gov.rizhao.skills.releases;

import static gov.rizhao.skills.support.Contract.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;

import gov.rizhao.skills.support.Releases;
import gov.rizhao.skills.support.RuleFiles;
import gov.rizhao.skills.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The whole loop an analyst and two approvers go through: download the real workbook, change a
 * value from a date as the rules want, upload it as a draft, read its scenario results and its
 * differences, try it on a case, have another person approve it, put it in force, and roll back.
 * And each wrong step refused. Runs on H2 and PostgreSQL; the version in force is put back after
 * each test.
 */
@QuarkusTest
@Tag("persistence")
class ReleaseFlowTest {
  private static final String WORKBOOK = "m06-technical-expert.drl.xlsx";
  private static final LocalDate FROM = LocalDate.of(2031, 1, 1);
  private static final java.util.Random RANDOM = new java.util.Random();

  private String author;
  private String approver;
  private String original;

  @BeforeEach
  void remember() {
    author = Tokens.withRoles("analyst", "approver");
    approver = Tokens.withRoles("approver");
    original = Releases.active();
  }

  @AfterEach
  void restore() {
    Releases.restore(original);
  }

  /** The workbook of the version in force, as an analyst downloads it. */
  private byte[] download(String version) {
    return RestAssured.given()
        .auth()
        .oauth2(author)
        .get("/api/v1/rulesets/" + version + "/files/" + WORKBOOK)
        .then()
        .statusCode(200)
        .header("Content-Disposition", containsString(WORKBOOK))
        .extract()
        .asByteArray();
  }

  /**
   * The workbook with the award raised by a random amount from {@link #FROM} (new content each run:
   * the PostgreSQL database keeps the drafts of earlier runs); {@code old} gets the award it had
   * and the new one.
   */
  private byte[] withAwardFrom2031(String version, BigDecimal[] old) throws IOException {
    Path file = Files.createTempDirectory("draft-").resolve(WORKBOOK);
    Files.write(file, download(version));
    old[0] = new BigDecimal(RuleFiles.cell(file, "M06-P07", "取值"));
    old[1] = old[0].add(BigDecimal.valueOf(1 + RANDOM.nextInt(100_000)));
    RuleFiles.changeFrom(file, "M06-P07", "M06-P09", FROM, old[1].toPlainString());
    return Files.readAllBytes(file);
  }

  private static String expert(LocalDate date, String query) {
    return api(Tokens.withRoles(query.isEmpty() ? "caller" : "analyst"))
        .body(
            """
            {"caseId":"REL-1","applicationDate":"%s",
             "person":{"id":"P-REL","qualification":"SENIOR_WORKER","frontline":true,"role":"WORKER"},
             "competitionResults":[{"tier":"PROVINCIAL_CLASS_1","rank":4}]}"""
                .formatted(date))
        .when()
        .post("/api/v1/evaluations" + query)
        .then()
        .statusCode(200)
        .extract()
        .path("decisions[0].amount")
        .toString();
  }

  @Test
  void aChangeGoesFromTheAnalystsWorkbookThroughTwoPeopleIntoForceAndBack() throws IOException {
    BigDecimal[] old = new BigDecimal[2];
    byte[] changed = withAwardFrom2031(original, old);
    String draft =
        Releases.upload(author, original, "2031 年起奖励调整（测试）", WORKBOOK, changed)
            .statusCode(201)
            .body("status", equalTo("DRAFT"))
            .body("parent", equalTo(original))
            .body("scenarios.run", greaterThan(50))
            .body("scenarios.failed", equalTo(0))
            .extract()
            .path("version");
    // The same content again is the same draft.
    Releases.upload(author, original, "again", WORKBOOK, changed)
        .statusCode(200)
        .body("version", equalTo(draft));

    // What changed, as the analyst reads it.
    RestAssured.given()
        .auth()
        .oauth2(approver)
        .get("/api/v1/rulesets/" + draft + "/diff")
        .then()
        .statusCode(200)
        .body("base", equalTo(original))
        .body("parameters.find { it.measure == 'M06' }.added.id", hasItem("M06-P09"))
        .body("parameters.find { it.measure == 'M06' }.changed.id", hasItem("M06-P07"))
        .body("files.file", hasItem(WORKBOOK));

    // Tried on a case before it is in force: only under the draft is the 2031 award different.
    assertThat(new BigDecimal(expert(FROM, ""))).isEqualByComparingTo(old[0]);
    assertThat(new BigDecimal(expert(FROM, "?ruleset=" + draft))).isEqualByComparingTo(old[1]);
    // A calling system's decisions come from the version in force only.
    api(Tokens.withRoles("caller"))
        .body("{\"caseId\":\"REL-2\",\"applicationDate\":\"%s\"}".formatted(FROM))
        .post("/api/v1/evaluations?ruleset=" + draft)
        .then()
        .statusCode(403);

    // Four eyes: not by its author, then by another approver.
    Releases.step(author, draft, "approve", Map.of("reason", "自己批准"))
        .statusCode(403)
        .contentType("application/problem+json");
    Releases.step(approver, draft, "approve", Map.of("reason", "已核对差异与情景"))
        .statusCode(200)
        .body("status", equalTo("APPROVED"))
        .body("decision.by", equalTo("test-approver"));
    Releases.step(approver, draft, "activate", Map.of("reason", "按通知执行"))
        .statusCode(200)
        .body("status", equalTo("ACTIVE"))
        .body("inForce", equalTo(true));
    assertThat(Releases.active()).isEqualTo(draft);
    assertThat(new BigDecimal(expert(FROM, ""))).isEqualByComparingTo(old[1]);
    RestAssured.given()
        .auth()
        .oauth2(approver)
        .get("/api/v1/rulesets/" + original)
        .then()
        .body("status", equalTo("RETIRED"));

    // Rollback: the earlier version in force again, with a reason.
    Releases.step(approver, original, "activate", Map.of("reason", "回退"))
        .statusCode(200)
        .body("status", equalTo("ACTIVE"));
    assertThat(new BigDecimal(expert(FROM, ""))).isEqualByComparingTo(old[0]);

    List<String> actions =
        RestAssured.given()
            .auth()
            .oauth2(Tokens.withRoles("auditor"))
            .get("/api/v1/audit?target=" + draft + "&size=20")
            .then()
            .extract()
            .path("entries.action");
    assertThat(actions)
        .contains("RULESET_DRAFTED", "RULESET_APPROVED", "RULESET_ACTIVATED")
        .contains("RULESET_APPROVED");
  }

  @Test
  void aDraftWhoseScenariosFailCannotBeApprovedAndOneThatDoesNotBuildIsKeptAsFailed()
      throws IOException {
    Path file = Files.createTempDirectory("draft-").resolve(WORKBOOK);
    Files.write(file, download(original));
    String award = RuleFiles.cell(file, "M06-P07", "取值");
    RuleFiles.setCell(
        file,
        "M06-P07",
        "取值",
        new BigDecimal(award).add(BigDecimal.valueOf(1 + RANDOM.nextInt(100_000))).toPlainString());
    String failing =
        Releases.upload(author, original, "改了金额但未改情景", WORKBOOK, Files.readAllBytes(file))
            .statusCode(201)
            .body("scenarios.failed", greaterThan(0))
            .body("scenarios.failures[0]", containsString("m06-technical-expert.yaml"))
            .extract()
            .path("version");
    Releases.step(approver, failing, "approve", Map.of("reason", "x")).statusCode(409);

    int row = RuleFiles.setCell(file, "M06-P07", "取值", "两千元");
    Releases.upload(author, original, "写错了金额", WORKBOOK, Files.readAllBytes(file))
        .statusCode(422)
        .contentType("application/problem+json")
        .body("detail", containsString("FAILED"))
        .body("problems.sheet", hasItem("参数"))
        .body("problems.row", hasItem(row))
        .body("problems.column", hasItem("D（取值）"));
    assertThat(Releases.active()).isEqualTo(original);
    RestAssured.given()
        .auth()
        .oauth2(approver)
        .get("/api/v1/rulesets?status=FAILED")
        .then()
        .statusCode(200)
        .body("total", greaterThan(0));
  }

  @Test
  void aRejectedDraftCannotBeActivatedAndWrongStepsAreRefused() throws IOException {
    BigDecimal[] old = new BigDecimal[2];
    String draft =
        Releases.upload(author, original, "待驳回", WORKBOOK, withAwardFrom2031(original, old))
            .statusCode(anyCreated())
            .extract()
            .path("version");
    Releases.step(approver, draft, "activate", Map.of("reason", "未批准就启用")).statusCode(409);
    Releases.step(approver, draft, "reject", Map.of("reason", "依据不足"))
        .statusCode(200)
        .body("status", equalTo("REJECTED"));
    Releases.step(approver, draft, "approve", Map.of("reason", "x")).statusCode(409);
    Releases.step(approver, draft, "activate", Map.of("reason", "x")).statusCode(409);
    Releases.step(approver, "sha256:" + "0".repeat(64), "approve", Map.of("reason", "x"))
        .statusCode(404);
    Releases.step(approver, draft, "approve", Map.of()).statusCode(400);
    // An analyst may not approve at all; a caller may not upload.
    Releases.step(Tokens.withRoles("analyst"), draft, "approve", Map.of("reason", "x"))
        .statusCode(403);
    Releases.upload(Tokens.withRoles("caller"), original, "x", WORKBOOK, new byte[] {1})
        .statusCode(403);
    assertThat(Releases.active()).isEqualTo(original);
  }

  @Test
  void uploadsThatAreNotRuleFilesOrLeaveTheRulesFolderAreRefused() throws IOException {
    Releases.upload(author, original, "x", "notes.txt", "hello".getBytes())
        .statusCode(400)
        .body("detail", containsString("不是规则文件"));
    Releases.upload(author, original, "x", "rules.zip", zip("../../etc/evil.drl", "rule"))
        .statusCode(400)
        .body("detail", containsString("不可用"));
    Releases.upload(author, original, "x", "rules.zip", "not a zip".getBytes()).statusCode(400);
    RestAssured.given()
        .auth()
        .oauth2(author)
        .multiPart("reason", "no file")
        .post("/api/v1/rulesets")
        .then()
        .statusCode(400);
  }

  @Test
  void aVersionScheduledForATimeComesIntoForceThenOnItsOwn() throws Exception {
    BigDecimal[] old = new BigDecimal[2];
    String draft =
        Releases.upload(author, original, "定时启用", WORKBOOK, withAwardFrom2031(original, old))
            .statusCode(anyCreated())
            .extract()
            .path("version");
    Releases.step(approver, draft, "approve", Map.of("reason", "ok")).statusCode(200);
    Instant at = Instant.now().plusSeconds(2);
    Releases.step(approver, draft, "activate", Map.of("reason", "定时", "at", at.toString()))
        .statusCode(200)
        .body("status", equalTo("APPROVED"))
        .body("activation.scheduled", equalTo(true));
    assertThat(Releases.active()).isEqualTo(original);
    long deadline = System.currentTimeMillis() + 10_000;
    while (!draft.equals(Releases.active()) && System.currentTimeMillis() < deadline) {
      Thread.sleep(200);
    }
    assertThat(Releases.active()).isEqualTo(draft);
    assertThat(new BigDecimal(expert(FROM, ""))).isEqualByComparingTo(old[1]);

    // A rollback may be scheduled too: the retired version comes back at its time.
    Releases.step(
            approver,
            original,
            "activate",
            Map.of("reason", "定时回退", "at", Instant.now().plusSeconds(2).toString()))
        .statusCode(200)
        .body("status", equalTo("RETIRED"))
        .body("activation.scheduled", equalTo(true));
    deadline = System.currentTimeMillis() + 10_000;
    while (!original.equals(Releases.active()) && System.currentTimeMillis() < deadline) {
      Thread.sleep(200);
    }
    assertThat(Releases.active()).isEqualTo(original);
    assertThat(new BigDecimal(expert(FROM, ""))).isEqualByComparingTo(old[0]);
  }

  @Test
  void aSimulationShowsWhatADraftWouldHaveChangedWithoutTouchingTheLedger() throws Exception {
    int year = 2380 + RANDOM.nextInt(15);
    String caller = Tokens.caller(gov.rizhao.skills.support.Ledger.unique("sim-system"));
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String id = gov.rizhao.skills.support.Ledger.unique("SIM");
      ids.add(id);
      api(caller)
          .body(
              """
              {"caseId":"%s","applicationDate":"%d-03-01",
               "person":{"id":"%s","qualification":"SENIOR_WORKER","frontline":true,"role":"WORKER"},
               "competitionResults":[{"tier":"PROVINCIAL_CLASS_1","rank":4}]}"""
                  .formatted(id, year, gov.rizhao.skills.support.Ledger.unique("P-SIM")))
          .when()
          .post("/api/v1/cases")
          .then()
          .statusCode(201);
    }
    String ledgerBefore = api(caller).get("/api/v1/ledger?year=" + year).asString();
    // The year may hold places from earlier runs on the same database: the simulation counts them
    // all.
    int placesTaken =
        io.restassured.path.json.JsonPath.from(ledgerBefore)
            .getInt("pools.find { it.scope == 'M06|year|%d' }.used".formatted(year));
    assertThat(placesTaken).isGreaterThanOrEqualTo(3);
    BigDecimal[] old = new BigDecimal[2];
    String draft =
        Releases.upload(author, original, "模拟", WORKBOOK, withAwardFrom2031(original, old))
            .statusCode(anyCreated())
            .extract()
            .path("version");
    String location =
        RestAssured.given()
            .auth()
            .oauth2(author)
            .contentType("application/json")
            .body(
                Map.of("from", year + "-01-01", "to", year + "-12-31", "measures", List.of("M06")))
            .post("/api/v1/rulesets/" + draft + "/simulations")
            .then()
            .statusCode(202)
            .body("status", org.hamcrest.Matchers.anyOf(equalTo("RUNNING"), equalTo("DONE")))
            .extract()
            .header("Location");
    io.restassured.path.json.JsonPath done = null;
    long deadline = System.currentTimeMillis() + 30_000;
    while (System.currentTimeMillis() < deadline) {
      done =
          RestAssured.given()
              .auth()
              .oauth2(approver)
              .get(location)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      if (!"RUNNING".equals(done.getString("status"))) {
        break;
      }
      Thread.sleep(200);
    }
    assertThat(done.getString("status")).isEqualTo("DONE");
    assertThat(done.getLong("cases")).isGreaterThanOrEqualTo(3);
    assertThat(done.getLong("done")).isEqualTo(done.getLong("cases"));
    BigDecimal difference =
        new BigDecimal(done.getString("result.measures.find { it.measure == 'M06' }.difference"));
    assertThat(difference)
        .isGreaterThanOrEqualTo(old[1].subtract(old[0]).multiply(BigDecimal.valueOf(3)));
    assertThat(done.getLong("result.measures.find { it.measure == 'M06' }.changed"))
        .isGreaterThanOrEqualTo(3);
    assertThat(done.getList("result.firstChanged.caseId", String.class)).containsAnyElementsOf(ids);
    // The year's places: the cases took them when submitted, and take them again simulated.
    Map<String, Object> quota =
        done.getMap(
            "result.quotas.find { it.measure == 'M06' && it.scope.endsWith('|%d') }"
                .formatted(year));
    assertThat(quota)
        .containsEntry("usedBefore", placesTaken)
        .containsEntry("usedAfter", placesTaken);
    assertThat(new BigDecimal(String.valueOf(quota.get("limit")))).isPositive();
    assertThat(api(caller).get("/api/v1/ledger?year=" + year).asString()).isEqualTo(ledgerBefore);

    // The period as years; a period with its end before its start is named.
    RestAssured.given()
        .auth()
        .oauth2(author)
        .contentType("application/json")
        .body(Map.of("fromYear", year))
        .post("/api/v1/rulesets/" + draft + "/simulations")
        .then()
        .statusCode(202)
        .body("request.from", equalTo(year + "-01-01"))
        .body("request.to", equalTo(year + "-12-31"));
    RestAssured.given()
        .auth()
        .oauth2(author)
        .contentType("application/json")
        .body(Map.of("from", year + "-12-31", "to", year + "-01-01"))
        .post("/api/v1/rulesets/" + draft + "/simulations")
        .then()
        .statusCode(400)
        .body("errors[0].pointer", equalTo("/to"));

    RestAssured.given()
        .auth()
        .oauth2(author)
        .contentType("application/json")
        .body(Map.of("from", year + "-01-01", "to", year + "-12-31"))
        .post("/api/v1/rulesets/sha256:" + "0".repeat(64) + "/simulations")
        .then()
        .statusCode(404);
  }

  @Test
  void aVersionIsDownloadedExactlyAsStored() throws IOException {
    byte[] archive =
        RestAssured.given()
            .auth()
            .oauth2(author)
            .get("/api/v1/rulesets/" + original + "/archive")
            .then()
            .statusCode(200)
            .contentType("application/zip")
            .extract()
            .asByteArray();
    List<String> names = new ArrayList<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        names.add(e.getName());
        if (e.getName().equals("rules/" + WORKBOOK)) {
          assertThat(zip.readAllBytes()).isEqualTo(download(original));
        }
      }
    }
    assertThat(names).contains("rules/" + WORKBOOK, "rules/tests/m06-technical-expert.yaml");
  }

  private static org.hamcrest.Matcher<Integer> anyCreated() {
    return org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201));
  }

  private static byte[] zip(String name, String content) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry(name));
      zip.write(content.getBytes());
      zip.closeEntry();
    }
    return out.toByteArray();
  }
}
