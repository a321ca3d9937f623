package gov.rizhao.skills.cases;

import static gov.rizhao.skills.support.Contract.api;
import static gov.rizhao.skills.support.Contract.badRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import gov.rizhao.skills.support.Ledger;
import gov.rizhao.skills.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Input a probe sent to submit a case: each is refused with 400 naming the field (never 500, on H2
 * as on PostgreSQL) before anything is written, so the case is not there afterwards.
 */
@QuarkusTest
@Tag("persistence")
class HostileInputTest {
  /** A case whose field {@code at} is replaced: {@code %1$s} the case id, the rest as given. */
  private static final String CASE =
      """
      {"caseId":"%s","applicationDate":"%s",
       "person":{"id":"P-HOSTILE","name":"%s","qualification":"SENIOR_WORKER","frontline":true,
                 "role":"WORKER"},
       "organization":{"id":"ORG-HOSTILE","name":"%s","kind":"ENTERPRISE","size":"LARGE",
                       "inRizhao":true},
       "competitionResults":[{"tier":"PROVINCIAL_CLASS_1","rank":4}]}""";

  private static void refusedAndNotStored(String caseId, String body, String pointer) {
    badRequest()
        .body(body)
        .when()
        .post("/api/v1/cases")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.pointer", hasItem(pointer));
    notStored(caseId);
  }

  private static void notStored(String caseId) {
    if (caseId.matches("[A-Za-z0-9-]+")) {
      badRequest().when().get("/api/v1/cases/" + caseId).then().statusCode(404);
    }
  }

  @ParameterizedTest(name = "person.name {0}")
  @ValueSource(
      strings = {
        "NUL \\u0000",
        "line\\nbreak",
        "escape \\u001b[31m",
        "lone high \\ud800 surrogate",
        "lone low \\udc00 surrogate",
        "delete \\u007f"
      })
  void textWithControlsOrHalfSurrogatesIsRefused(String name) {
    String id = Ledger.unique("HOSTILE");
    refusedAndNotStored(id, CASE.formatted(id, "2020-03-01", name, "ok"), "/person/name");
  }

  @Test
  void aBidirectionalOverrideInANameIsRefused() {
    String id = Ledger.unique("HOSTILE");
    refusedAndNotStored(
        id, CASE.formatted(id, "2020-03-01", "ok", "evil\\u202Egnp.exe"), "/organization/name");
  }

  @ParameterizedTest(name = "caseId {0}")
  @ValueSource(
      strings = {
        "A;B",
        "A B",
        " A",
        "A/B",
        "A?B",
        "A#B",
        "A%2FB",
        "-A",
        "",
        "A\\u0000",
        "A\\u200b",
        "A\\ud800"
      })
  void caseIdsOutsideTheSafeSetAreRefused(String caseId) {
    refusedAndNotStored(caseId, CASE.formatted(caseId, "2020-03-01", "ok", "ok"), "/caseId");
  }

  @Test
  void aCaseIdOfMoreThan100CharactersIsRefused() {
    String id = "A".repeat(101);
    refusedAndNotStored(id, CASE.formatted(id, "2020-03-01", "ok", "ok"), "/caseId");
  }

  @ParameterizedTest(name = "applicationDate {0}")
  @ValueSource(
      strings = {
        "0000-01-01",
        "+999999999-01-01",
        "-0001-01-01",
        " 2020-01-01",
        "2020-01-01 ",
        "2020-01-01T00:00:00",
        "2020-1-1",
        "2019-02-29",
        "1948-12-31",
        "3000-01-01",
        "20200101"
      })
  void datesOutsideTheContractAreRefused(String date) {
    String id = Ledger.unique("HOSTILE");
    refusedAndNotStored(id, CASE.formatted(id, date, "ok", "ok"), "/applicationDate");
  }

  @Test
  void aDateAsANumberIsRefused() {
    String id = Ledger.unique("HOSTILE");
    String body = CASE.formatted(id, "X", "ok", "ok").replace("\"X\"", "20200101");
    refusedAndNotStored(id, body, "/applicationDate");
  }

  @Test
  void aDateDeepInTheCaseIsCheckedToo() {
    String id = Ledger.unique("HOSTILE");
    String body =
        CASE.formatted(id, "2020-03-01", "ok", "ok")
            .replace(
                "\"competitionResults\"",
                "\"certificates\":[{\"level\":\"TECHNICIAN\",\"route\":\"OTHER\","
                    + "\"obtainedOn\":\"99999-01-01\"}],\"competitionResults\"");
    refusedAndNotStored(id, body, "/certificates/0/obtainedOn");
  }

  @Test
  void overlongUtf8IsRefusedBeforeItIsRead() {
    String id = Ledger.unique("HOSTILE");
    byte[] body = CASE.formatted(id, "2020-03-01", "SLASH", "ok").getBytes(StandardCharsets.UTF_8);
    String text = new String(body, StandardCharsets.ISO_8859_1);
    int at = text.indexOf("SLASH");
    // "/" written in two bytes (C0 AF), which a lenient decoder reads as "/".
    body[at] = (byte) 0xC0;
    body[at + 1] = (byte) 0xAF;
    badRequest()
        .body(body)
        .when()
        .post("/api/v1/cases")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", org.hamcrest.Matchers.endsWith("malformed-text"));
    notStored(id);
  }

  @Test
  void aBodyWithoutAContentTypeOrOfAnotherTypeIsRefusedWith415() throws Exception {
    String id = Ledger.unique("HOSTILE");
    byte[] body = CASE.formatted(id, "2020-03-01", "ok", "ok").getBytes(StandardCharsets.UTF_8);
    for (String type :
        new String[] {
          null, "application/octet-stream", "text/plain", "application/x-www-form-urlencoded"
        }) {
      HttpResponse<String> answer = send(type, body);
      assertThat(answer.statusCode()).as(String.valueOf(type)).isEqualTo(415);
      assertThat(answer.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
    }
    notStored(id);
  }

  /** A submission sent as is: java.net.http adds no Content-Type of its own. */
  private static HttpResponse<String> send(String type, byte[] body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/cases"))
            .header("Authorization", "Bearer " + Tokens.everything())
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (type != null) {
      request.header("Content-Type", type);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void idsAreTakenInNfcSoADecomposedIdIsTheSameCase() {
    String composed = Ledger.unique("申请-é");
    String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);
    api()
        .body(CASE.formatted(composed, "2020-03-01", "张三", "日照某公司"))
        .when()
        .post("/api/v1/cases")
        .then()
        .statusCode(201)
        .body("caseId", equalTo(composed));
    api()
        .body(CASE.formatted(decomposed, "2020-03-01", "张三", "日照某公司"))
        .when()
        .post("/api/v1/cases")
        .then()
        .statusCode(200)
        .body("caseId", equalTo(composed));
    api().when().get("/api/v1/cases/" + decomposed).then().statusCode(200);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "person null         | \"person\":null",
        "name null           | \"person\":{\"id\":\"P-N\",\"name\":null}",
        "organization fields | \"organization\":{\"id\":null,\"kind\":null,\"inRizhao\":null}",
        "lists null          | \"hires\":null,\"measures\":null"
      })
  void nullForAnOptionalFieldIsTheFieldAbsent(String what, String fields) {
    api()
        .body(
            "{\"caseId\":\""
                + Ledger.unique("NULLS")
                + "\",\"applicationDate\":\"2020-03-01\","
                + fields
                + "}")
        .when()
        .post("/api/v1/evaluations")
        .then()
        .statusCode(200);
  }
}
