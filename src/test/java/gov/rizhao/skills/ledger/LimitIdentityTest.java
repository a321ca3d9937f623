package gov.rizhao.skills.ledger;

import static gov.rizhao.skills.support.Contract.api;
import static gov.rizhao.skills.support.Contract.badRequest;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import gov.rizhao.skills.support.Ledger;
import io.quarkus.test.junit.QuarkusTest;
import java.time.YearMonth;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What each limit is counted against: a running M04 term, the year of the round, the identity of
 * the person, and cases that differ only by an empty list. Runs on H2 and PostgreSQL.
 */
@QuarkusTest
@Tag("persistence")
class LimitIdentityTest {
  /** Years no other run of this test used (the PostgreSQL database outlives a run). */
  private static int freshYear() {
    // Apart from the years ConcurrentSubmissionTest fills (2100 to about 2610).
    return 2650 + ThreadLocalRandom.current().nextInt(340);
  }

  private static String nomination(String caseId, String person, String date, int year) {
    return """
        {"caseId":"%s","applicationDate":"%s",
         "person":{"id":"%s","qualification":"TECHNICIAN","frontline":true,"role":"WORKER"},
         "organization":{"id":"ORG-%s","kind":"ENTERPRISE","size":"LARGE","inRizhao":true},
         "nominations":[{"honor":"CHIEF_TECHNICIAN","year":%d}]}"""
        .formatted(caseId, date, person, person, year);
  }

  @Test
  void aPersonInsideARunningTermIsNotSelectedAgainUntilItEnds() {
    int year = freshYear();
    String person = Ledger.unique("P");
    String first = Ledger.unique("TERM");
    String end =
        api()
            .body(nomination(first, person, year + "-06-15", year))
            .when()
            .post("/api/v1/cases")
            .then()
            .statusCode(201)
            .body("decisions[0].outcome", equalTo("ELIGIBLE"))
            .extract()
            .path("decisions[0].benefits.find { it.kind == 'MONTHLY_ALLOWANCE' }.lastMonth");
    String again = nomination(Ledger.unique("TERM"), person, (year + 2) + "-06-15", year + 2);
    api()
        .body(again)
        .when()
        .post("/api/v1/cases")
        .then()
        .statusCode(201)
        .body("decisions[0].outcome", equalTo("INELIGIBLE"))
        .body("decisions[0].amount", equalTo(0.0f))
        .body("decisions[0].reasons.code", hasItem("TERM_RUNNING"))
        .body("decisions[0].reasons.message", hasItem(containsString(end)));
    api()
        .when()
        .get("/api/v1/ledger?person=" + person)
        .then()
        .body("grants", equalTo(1))
        .body("pools.find { it.scope == 'M04|term|" + person + "' }.until", equalTo(end));

    // Once the first term is withdrawn, nothing runs any more: a new nomination is selected.
    api().when().post("/api/v1/cases/" + first + "/withdraw").then().statusCode(200);
    api()
        .when()
        .get("/api/v1/ledger?person=" + person)
        .then()
        .body("pools.find { it.scope == 'M04|term|" + person + "' }.until", nullValue());
    api()
        .body(nomination(Ledger.unique("TERM"), person, (year + 2) + "-06-15", year + 2))
        .when()
        .post("/api/v1/cases")
        .then()
        .statusCode(201)
        .body("decisions[0].outcome", equalTo("ELIGIBLE"));

    // After the term ends, a new one may start.
    String after = YearMonth.parse(end).plusMonths(1).atDay(1).toString();
    api()
        .body(
            nomination(
                Ledger.unique("TERM"),
                Ledger.unique("P"),
                after,
                YearMonth.parse(after.substring(0, 7)).getYear()))
        .when()
        .post("/api/v1/evaluations")
        .then()
        .body("decisions[0].outcome", equalTo("ELIGIBLE"));
  }

  @Test
  void aNominationForAnotherYearThanTheApplicationsIsNotOfTheRound() {
    int year = freshYear();
    // Another test may have granted in that year (the years are drawn at random): only this case
    // counts.
    int before =
        api()
            .when()
            .get("/api/v1/ledger?measure=M04&year=" + (year - 1))
            .then()
            .extract()
            .path("grants");
    api()
        .body(nomination(Ledger.unique("RND"), Ledger.unique("P"), year + "-11-02", year - 1))
        .when()
        .post("/api/v1/cases")
        .then()
        .statusCode(201)
        .body("decisions[0].outcome", equalTo("INELIGIBLE"))
        .body("decisions[0].reasons.code", hasItem("NOMINATION_NOT_CURRENT_ROUND"));
    api()
        .when()
        .get("/api/v1/ledger?measure=M04&year=" + (year - 1))
        .then()
        .body("grants", equalTo(before));
  }

  @Test
  void peopleWithoutAnIdAreNeitherOneNorCountedAndIdsCompareAfterNormalisation() {
    String expert =
        """
        {"caseId":"%s","applicationDate":"2019-09-01","person":{%s"qualification":"SENIOR_WORKER"},
         "competitionResults":[{"tier":"PROVINCIAL_CLASS_1","rank":2}]}""";
    for (int i = 0; i < 2; i++) {
      api()
          .body(expert.formatted(Ledger.unique("NOID"), ""))
          .when()
          .post("/api/v1/cases")
          .then()
          .statusCode(201)
          .body("decisions[0].outcome", equalTo("INELIGIBLE"))
          .body("decisions[0].reasons.code", hasItem("PERSON_NOT_IDENTIFIED"));
    }
    api()
        .when()
        .get("/api/v1/ledger?measure=M06")
        .then()
        .body("pools.scope", org.hamcrest.Matchers.not(hasItem("M06|person|null")));

    String name = Ledger.unique("P-é");
    api()
        .body(expert.formatted(Ledger.unique("NFC"), "\"id\":\"" + name + "\","))
        .when()
        .post("/api/v1/cases")
        .then()
        .statusCode(201)
        .body("decisions[0].outcome", equalTo("ELIGIBLE"));
    String decomposed = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD);
    api()
        .body(expert.formatted(Ledger.unique("NFD"), "\"id\":\"" + decomposed + "\","))
        .when()
        .post("/api/v1/cases")
        .then()
        .statusCode(201)
        .body("decisions[0].reasons.code", hasItem("ALREADY_RECOGNIZED"));
  }

  @Test
  void anEmptyListIsTheSameCaseAsAnAbsentOne() {
    String id = Ledger.unique("EMPTY");
    String body = Ledger.hire(id, Ledger.unique("ORG"), Ledger.unique("T"), 2031, "100000");
    api().body(body).when().post("/api/v1/cases").then().statusCode(201);
    for (String variant : new String[] {"\"workstations\":[],", "\"workstations\":null,"}) {
      api()
          .body(body.replace("\"organization\"", variant + "\"organization\""))
          .when()
          .post("/api/v1/cases")
          .then()
          .statusCode(200)
          .body("caseId", equalTo(id));
    }
  }

  @Test
  void aLedgerFilterThatIsNotAYearOrAMeasureIdIsABadRequestNamingIt() {
    for (String query : new String[] {"year=twenty", "year=-1", "year=100000"}) {
      badRequest()
          .when()
          .get("/api/v1/ledger?" + query)
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].pointer", equalTo("year"));
    }
    badRequest()
        .when()
        .get("/api/v1/ledger?measure=m6")
        .then()
        .statusCode(400)
        .body("errors[0].pointer", equalTo("measure"))
        .body("errors[0].message", containsString("M06"));
    badRequest()
        .when()
        .get("/api/v1/ledger?measure=M99")
        .then()
        .statusCode(400)
        .body("errors[0].pointer", equalTo("measure"));
  }
}
