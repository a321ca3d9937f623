package gov.rizhao.skills.releases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import gov.rizhao.skills.support.Releases;
import gov.rizhao.skills.support.RuleFiles;
import gov.rizhao.skills.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A measure an amending notice adds, released as analysts release any change: its files uploaded on
 * top of the version in force, tried under the draft, approved by another person and activated. Its
 * fact (the person's birth date) is then part of the contract, checked by pointer; callers who do
 * not name it get what they got before.
 */
@QuarkusTest
class NewMeasureReleaseTest {
  private static final Path FIXTURE = Path.of("src/test/resources/fixture-measure");
  private String author;
  private String approver;
  private String caller;

  @BeforeEach
  void tokens() {
    author = Tokens.withRoles("analyst");
    approver = Tokens.withRoles("approver");
    caller = Tokens.caller("new-measure-system");
  }

  private static Object[] fixtureFiles() throws IOException {
    List<Object> parts = new ArrayList<>();
    try (var files = Files.walk(FIXTURE)) {
      for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
        parts.add(FIXTURE.relativize(p).toString());
        parts.add(Files.readAllBytes(p));
      }
    }
    return parts.toArray();
  }

  private static String body(String measures, String birthDate, LocalDate applied) {
    return """
        {"caseId":"NEW-1","applicationDate":"%s",%s
         "person":{"id":"P-NEW-1","qualification":"SENIOR_WORKER","frontline":true,"role":"WORKER",
                   "attributes":{"birthDate":%s}},
         "organization":{"id":"ORG-NEW-1","kind":"ENTERPRISE","size":"MEDIUM","inRizhao":true}}"""
        .formatted(applied, measures, birthDate);
  }

  private static io.restassured.response.Response evaluate(
      String token, String body, String ruleset) {
    var request = RestAssured.given().auth().oauth2(token).contentType("application/json");
    if (ruleset != null) {
      request.queryParam("ruleset", ruleset);
    }
    return request.body(body).when().post("/api/v1/evaluations");
  }

  @Test
  void aMeasureAndItsFactGoLiveByRuleFilesAloneAndAreCheckedByPointer() throws Exception {
    String original = Releases.active();
    String measure = RuleFiles.measureIdsIn(FIXTURE).get(0);
    String draft =
        Releases.upload(author, original, "日人社字〔2020〕8号：新增青年技能人才奖励", fixtureFiles())
            .statusCode(anyOf(equalTo(200), equalTo(201)))
            .body("status", anyOf(equalTo("DRAFT"), equalTo("ACTIVE"), equalTo("RETIRED")))
            .extract()
            .path("version");
    try {
      // Before it is in force, the fact is not part of the contract.
      evaluate(caller, body("", "\"2000-01-01\"", LocalDate.of(2021, 6, 1)), null)
          .then()
          .statusCode(400)
          .body("errors.pointer", hasItem("/person/attributes/birthDate"));

      String named = "\"measures\":[\"" + measure + "\"],";
      JsonPath tried =
          evaluate(author, body(named, "\"1998-05-01\"", LocalDate.of(2021, 6, 1)), draft)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      assertThat(tried.getString("decisions[0].measure")).isEqualTo(measure);
      assertThat(tried.getString("decisions[0].outcome")).isEqualTo("ELIGIBLE");
      String document = tried.getString("decisions[0].citation.document");
      assertThat(tried.getList("decisions[0].trace.document", String.class)).contains(document);

      if (!"ACTIVE".equals(status(draft))) {
        if ("DRAFT".equals(status(draft))) {
          Releases.step(approver, draft, "approve", Map.of("reason", "复核无误")).statusCode(200);
        }
        Releases.step(approver, draft, "activate", Map.of("reason", "施行")).statusCode(200);
      }
      awaitActive(draft);

      RestAssured.given()
          .auth()
          .oauth2(caller)
          .get("/api/v1/facts")
          .then()
          .statusCode(200)
          .body("rulesetVersion", equalTo(draft))
          .body("facts.pointer", hasItem("/person/attributes/birthDate"))
          .body("facts.find { it.key == 'birthDate' }.jsonType", equalTo("string"));
      RestAssured.given()
          .auth()
          .oauth2(caller)
          .get("/api/v1/documents")
          .then()
          .statusCode(200)
          .body("documents.number", hasItem(document));
      RestAssured.given()
          .auth()
          .oauth2(caller)
          .get("/api/v1/measures/" + measure + "?date=2021-06-01")
          .then()
          .statusCode(200)
          .body("evaluation", equalTo("ON_REQUEST"))
          .body("inForce", equalTo(true))
          .body("documents.number", hasItem(document));

      // Over-age, a fact of the wrong type, an impossible date, an undeclared key: each by pointer.
      JsonPath old =
          evaluate(caller, body(named, "\"1970-01-01\"", LocalDate.of(2021, 6, 1)), null)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      assertThat(old.getString("decisions[0].outcome")).isEqualTo("INELIGIBLE");
      assertThat(old.getList("decisions[0].reasons.code", String.class)).contains("AGE_OVER_LIMIT");
      for (String wrong : List.of("19980501", "\"1998-02-30\"", "true")) {
        evaluate(caller, body(named, wrong, LocalDate.of(2021, 6, 1)), null)
            .then()
            .statusCode(400)
            .body("errors.pointer", hasItem("/person/attributes/birthDate"));
      }
      evaluate(
              caller,
              body(named, "\"1998-05-01\", \"nickname\": \"小王\"", LocalDate.of(2021, 6, 1)),
              null)
          .then()
          .statusCode(400)
          .body("errors.pointer", hasItem("/person/attributes/nickname"));

      // Not named: no decision of the new measure for callers who did not ask.
      JsonPath unnamed =
          evaluate(caller, body("", "\"1998-05-01\"", LocalDate.of(2021, 6, 1)), null)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      assertThat(unnamed.getList("decisions.measure", String.class)).doesNotContain(measure);
    } finally {
      Releases.restore(original);
      awaitActive(original);
    }
  }

  private String status(String version) {
    return RestAssured.given()
        .auth()
        .oauth2(author)
        .get("/api/v1/rulesets/" + version)
        .then()
        .statusCode(200)
        .extract()
        .path("status");
  }

  private static void awaitActive(String version) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < deadline) {
      String current =
          RestAssured.given()
              .auth()
              .oauth2(Tokens.withRoles("auditor"))
              .get("/api/v1/rulesets/current")
              .then()
              .extract()
              .path("version");
      if (version.equals(current)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("version " + version + " not in force within 10 s");
  }
}
