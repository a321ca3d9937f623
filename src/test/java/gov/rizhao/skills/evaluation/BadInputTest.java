package gov.rizhao.skills.evaluation;

import static gov.rizhao.skills.support.Contract.badRequest;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input gets a clear 4xx problem document naming the field, never a 500. */
@QuarkusTest
class BadInputTest {
  private static final String OK = "\"caseId\":\"B-1\",\"applicationDate\":\"2020-01-01\"";

  private static ValidatableResponse post(String body) {
    return badRequest()
        .contentType("application/json")
        .body(body)
        .when()
        .post("/api/v1/evaluations")
        .then();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "unknown field           | {"
            + OK
            + ",\"colour\":\"red\"}                                      | /colour",
        "unknown nested field    | {"
            + OK
            + ",\"person\":{\"age\":3}}                                  | /person/age",
        "unknown enum value      | {"
            + OK
            + ",\"person\":{\"qualification\":\"WIZARD\"}}               | /person/qualification",
        "enum in lower case      | {"
            + OK
            + ",\"organization\":{\"kind\":\"enterprise\"}}              | /organization/kind",
        "enum as a number        | {"
            + OK
            + ",\"organization\":{\"kind\":0}}                           | /organization/kind",
        "number as a string      | {"
            + OK
            + ",\"deliveries\":[{\"program\":\"GRADUATE_PLACEMENT\",\"year\":\"2019\",\"count\":5}]} | /deliveries/0/year",
        "fraction for a count    | {"
            + OK
            + ",\"deliveries\":[{\"program\":\"GRADUATE_PLACEMENT\",\"year\":2019,\"count\":5.5}]} | /deliveries/0/count",
        "negative count          | {"
            + OK
            + ",\"deliveries\":[{\"program\":\"GRADUATE_PLACEMENT\",\"year\":2019,\"count\":-1}]}  | /deliveries/0/count",
        "negative salary         | {"
            + OK
            + ",\"hires\":[{\"title\":\"OTHER\",\"annualSalary\":-5}]}   | /hires/0/annualSalary",
        "salary with 3 decimals  | {"
            + OK
            + ",\"hires\":[{\"title\":\"OTHER\",\"annualSalary\":1.005}]} | /hires/0/annualSalary",
        "salary as a string      | {"
            + OK
            + ",\"hires\":[{\"title\":\"OTHER\",\"annualSalary\":\"9\"}]} | /hires/0/annualSalary",
        "string for a boolean    | {"
            + OK
            + ",\"person\":{\"frontline\":\"yes\"}}                      | /person/frontline",
        "number for a string     | {\"caseId\":12,\"applicationDate\":\"2020-01-01\"}                  | /caseId",
        "impossible date         | {\"caseId\":\"B\",\"applicationDate\":\"2020-02-30\"}                | /applicationDate",
        "date in another format  | {\"caseId\":\"B\",\"applicationDate\":\"01/06/2019\"}                | /applicationDate",
        "missing case id         | {\"applicationDate\":\"2020-01-01\"}                                 | /caseId",
        "blank case id           | {\"caseId\":\" \",\"applicationDate\":\"2020-01-01\"}                | /caseId",
        "missing date            | {\"caseId\":\"B\"}                                                   | /applicationDate",
        "null list element       | {"
            + OK
            + ",\"hires\":[null]}                                        | /hires/0",
        "missing required in item| {"
            + OK
            + ",\"nominations\":[{\"year\":2020}]}                       | /nominations/0/honor",
        "rank zero               | {"
            + OK
            + ",\"competitionResults\":[{\"tier\":\"NATIONAL\",\"rank\":0}]} | /competitionResults/0/rank",
        "unknown measure id      | {"
            + OK
            + ",\"measures\":[\"M04\",\"NOSUCHMEASURE\"]}                | /measures/1",
        "undeclared case fact    | {"
            + OK
            + ",\"attributes\":{\"birthDate\":\"1990-01-01\"}}          | /attributes/birthDate",
        "attributes as a list    | {"
            + OK
            + ",\"attributes\":[1]}                                     | /attributes",
        "list given as object    | {"
            + OK
            + ",\"hires\":{\"title\":\"OTHER\"}}                         | /hires",
      })
  void namesTheOffendingField(String what, String body, String pointer) {
    post(body)
        .statusCode(400)
        .contentType("application/problem+json")
        .body("status", equalTo(400))
        .body("title", equalTo("Invalid input"))
        .body("errors.pointer", hasItem(pointer));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "truncated JSON     | {\"caseId\":\"B\",",
        "not JSON at all    | caseId=B",
        "duplicate key      | {\"caseId\":\"A\",\"caseId\":\"B\",\"applicationDate\":\"2020-01-01\"}",
        "trailing garbage   | {\"caseId\":\"A\",\"applicationDate\":\"2020-01-01\"} x",
      })
  void refusesMalformedJson(String what, String body) {
    post(body)
        .statusCode(400)
        .contentType("application/problem+json")
        .body("title", equalTo("Malformed JSON"))
        .body("detail", startsWith("The body is not valid JSON"));
  }

  @Test
  void refusesAnEmptyBody() {
    post("")
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.pointer", hasItem(""));
  }

  @Test
  void refusesAnArrayWhereACaseIsExpected() {
    post("[]")
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.pointer", hasItem(""));
  }

  @Test
  void refusesTheWrongContentType() {
    badRequest()
        .contentType("text/plain")
        .body("{}")
        .when()
        .post("/api/v1/evaluations")
        .then()
        .statusCode(415)
        .contentType("application/problem+json")
        .body("status", equalTo(415));
  }

  @Test
  void refusesABodyOverTheConfiguredSize() {
    String padding = " ".repeat(1_100_000);
    post("{" + OK + "}" + padding)
        .statusCode(413)
        .contentType("application/problem+json")
        .body("detail", containsString("skills.max-body-bytes"));
  }

  @Test
  void listsEveryInvalidFieldAtOnce() {
    post("{\"caseId\":\"\",\"applicationDate\":\"2020-01-01\",\"hires\":[{\"annualSalary\":-1}]}")
        .statusCode(400)
        .body("errors.pointer", hasItem("/caseId"))
        .body("errors.pointer", hasItem("/hires/0/title"))
        .body("errors.pointer", hasItem("/hires/0/annualSalary"));
  }

  @Test
  void pointsIntoTheBatchArray() {
    badRequest()
        .contentType("application/json")
        .body(
            "[{"
                + OK
                + "},{\"caseId\":\"B-2\",\"applicationDate\":\"2020-01-01\",\"person\":{\"role\":\"BOSS\"}}]")
        .when()
        .post("/api/v1/evaluations/batch")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.pointer", hasItem("/1/person/role"));
  }

  @Test
  void pointsAtABatchElementThatBreaksValidation() {
    badRequest()
        .contentType("application/json")
        .body(
            "[{"
                + OK
                + "},{\"caseId\":\"B-2\",\"applicationDate\":\"2020-01-01\",\"measures\":[\"X\"]}]")
        .when()
        .post("/api/v1/evaluations/batch")
        .then()
        .statusCode(400)
        .body("errors.pointer", hasItem("/1/measures/0"));
  }

  @Test
  void answersUnknownPathsAndMethodsWithProblems() {
    badRequest()
        .when()
        .get("/api/v1/nothing-here")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    badRequest()
        .when()
        .delete("/api/v1/evaluations")
        .then()
        .statusCode(405)
        .contentType("application/problem+json");
  }

  @Test
  void answersAnUnknownMeasureWith404() {
    badRequest()
        .when()
        .get("/api/v1/measures/M99")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void refusesABadDateForTheCatalog() {
    badRequest()
        .when()
        .get("/api/v1/measures?date=yesterday")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.pointer", hasItem("date"));
  }
}
