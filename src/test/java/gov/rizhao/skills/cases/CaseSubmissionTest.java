package gov.rizhao.skills.cases;

import static gov.rizhao.skills.support.Contract.api;
import static gov.rizhao.skills.support.Contract.badRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import gov.rizhao.skills.support.Ledger;
import gov.rizhao.skills.support.Policy;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Submitting cases: recorded once, counted in the ledger, withdrawn and replayed. Runs on H2 and
 * PostgreSQL.
 */
@QuarkusTest
@Tag("persistence")
class CaseSubmissionTest {
  @Inject EntityManager em;

  /** The M08 parameters in force on 1 March of a year: the hires below are dated so. */
  private record M08(BigDecimal share, BigDecimal cap, BigDecimal yearCap) {
    static M08 in(int year) {
      LocalDate date = LocalDate.of(year, 3, 1);
      return new M08(
          Policy.value("M08.salaryShare", date),
          Policy.value("M08.perPersonCap", date),
          Policy.value("M08.enterpriseYearCap", date));
    }

    /** What a hire at this salary gets before the enterprise's yearly cap. */
    BigDecimal award(String salary) {
      return Policy.money(new BigDecimal(salary).multiply(share).min(cap));
    }

    /** A salary whose award reaches the per-person cap. */
    String cappedSalary() {
      return cap.divide(share, 0, RoundingMode.CEILING)
          .multiply(BigDecimal.valueOf(2))
          .toPlainString();
    }

    /** A salary whose award is at most {@code award}. */
    String salaryFor(BigDecimal award) {
      return award.divide(share, 0, RoundingMode.FLOOR).toPlainString();
    }
  }

  @Test
  void recordsANewCaseOnceAndAnswersTheSameCaseAgainWithWhatWasStored() {
    String id = Ledger.unique("SUB");
    String enterprise = Ledger.unique("ORG");
    String body = Ledger.hire(id, enterprise, Ledger.unique("T"), 2031, "250000.00");
    float award = M08.in(2031).award("250000").floatValue();
    String evaluatedAt =
        api()
            .body(body)
            .when()
            .post("/api/v1/cases")
            .then()
            .statusCode(201)
            .header("Location", matchesPattern(".*/api/v1/cases/" + id))
            .body("status", equalTo("DECIDED"))
            .body("decisions[0].outcome", equalTo("ELIGIBLE"))
            .body("decisions[0].amount", equalTo(award))
            .body("input.caseId", equalTo(id))
            .extract()
            .path("evaluatedAt");

    api()
        .body(body.replace("250000.00", "250000.0"))
        .when()
        .post("/api/v1/cases")
        .then()
        .statusCode(200)
        .body("evaluatedAt", equalTo(evaluatedAt))
        .body("decisions[0].amount", equalTo(award));

    api()
        .when()
        .get("/api/v1/ledger?organization=" + enterprise)
        .then()
        .statusCode(200)
        .body("grants", equalTo(1))
        .body("amount", equalTo(award));
  }

  @Test
  void refusesOtherContentUnderAnIdAlreadyUsed() {
    String id = Ledger.unique("SUB");
    String enterprise = Ledger.unique("ORG");
    String talent = Ledger.unique("T");
    api()
        .body(Ledger.hire(id, enterprise, talent, 2031, "200000"))
        .when()
        .post("/api/v1/cases")
        .then()
        .statusCode(201);
    badRequest()
        .contentType("application/json")
        .body(Ledger.hire(id, enterprise, talent, 2031, "300000"))
        .when()
        .post("/api/v1/cases")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("title", equalTo("Case id already used"));
    api()
        .when()
        .get("/api/v1/ledger?organization=" + enterprise)
        .then()
        .body("amount", equalTo(M08.in(2031).award("200000").floatValue()));
  }

  @Test
  void returnsTheStoredCaseWithInputDecisionsTraceAndVersion() {
    String id = Ledger.unique("SUB");
    String version = api().when().get("/api/v1/rulesets/current").then().extract().path("version");
    String answered =
        api()
            .body(Ledger.hire(id, Ledger.unique("ORG"), Ledger.unique("T"), 2031, "100000"))
            .when()
            .post("/api/v1/cases")
            .then()
            .statusCode(201)
            .extract()
            .asString();
    String created =
        api()
            .when()
            .get("/api/v1/cases/" + id)
            .then()
            .statusCode(200)
            .body("caseId", equalTo(id))
            .body("rulesetVersion", equalTo(version))
            .body("status", equalTo("DECIDED"))
            .body("submittedAt", notNullValue())
            .body("input.hires[0].annualSalary", equalTo(100000))
            .body("decisions[0].trace.rule", hasItem("M08-AWARD"))
            .body("decisions[0].citation.article", equalTo("二（二）8"))
            .extract()
            .asString();
    // What the submission answered is what was stored, byte for byte.
    assertThat(created).isEqualTo(answered);
  }

  @Test
  void capsHoldAcrossCasesAndADryRunShowsWhatASubmissionWouldGet() {
    M08 m08 = M08.in(2032);
    String enterprise = Ledger.unique("ORG");
    int full = m08.yearCap().divide(m08.cap(), 0, RoundingMode.CEILING).intValue() - 1;
    for (int i = 0; i < full; i++) {
      api()
          .body(
              Ledger.hire(
                  Ledger.unique("CAP"), enterprise, Ledger.unique("T"), 2032, m08.cappedSalary()))
          .when()
          .post("/api/v1/cases")
          .then()
          .statusCode(201)
          .body("decisions[0].amount", equalTo(m08.cap().floatValue()));
    }
    BigDecimal left = m08.yearCap().subtract(m08.cap().multiply(BigDecimal.valueOf(full)));
    String partialSalary = m08.salaryFor(left.divide(BigDecimal.valueOf(2), 2, RoundingMode.FLOOR));
    BigDecimal partial = m08.award(partialSalary);
    api()
        .body(
            Ledger.hire(Ledger.unique("CAP"), enterprise, Ledger.unique("T"), 2032, partialSalary))
        .when()
        .post("/api/v1/cases")
        .then()
        .statusCode(201)
        .body("decisions[0].amount", equalTo(partial.floatValue()));

    float remaining = left.subtract(partial).floatValue();
    String dryRun =
        Ledger.hire(Ledger.unique("DRY"), enterprise, Ledger.unique("T"), 2032, m08.cappedSalary());
    for (int i = 0; i < 2; i++) {
      api()
          .body(dryRun)
          .when()
          .post("/api/v1/evaluations")
          .then()
          .statusCode(200)
          .body("decisions[0].outcome", equalTo("ELIGIBLE"))
          .body("decisions[0].amount", equalTo(remaining))
          .body("decisions[0].reasons.code", hasItem("ENTERPRISE_CAP_APPLIED"));
    }

    api()
        .body(dryRun.replace("DRY", "REAL"))
        .when()
        .post("/api/v1/cases")
        .then()
        .statusCode(201)
        .body("decisions[0].amount", equalTo(remaining));
    api()
        .body(
            Ledger.hire(
                Ledger.unique("CAP"), enterprise, Ledger.unique("T"), 2032, m08.cappedSalary()))
        .when()
        .post("/api/v1/cases")
        .then()
        .statusCode(201)
        .body("decisions[0].outcome", equalTo("QUOTA_EXHAUSTED"))
        .body("decisions[0].amount", equalTo(0.00f))
        .body("decisions[0].reasons.code", hasItem("ENTERPRISE_CAP_EXHAUSTED"));

    api()
        .when()
        .get("/api/v1/ledger?year=2032&organization=" + enterprise)
        .then()
        .body("grants", equalTo(full + 2))
        .body("amount", equalTo(m08.yearCap().floatValue()))
        .body(
            "pools.find { it.scope == 'M08|enterprise|" + enterprise + "|2032' }.remaining",
            equalTo(0.0f));
  }

  @Test
  void aPersonIsRecognisedAsTechnicalExpertOnlyOnce() {
    String person = Ledger.unique("P");
    String first =
        """
        {"caseId":"%s","applicationDate":"2033-05-01","person":{"id":"%s","qualification":"SENIOR_WORKER"},
         "competitionResults":[{"tier":"PROVINCIAL_CLASS_1","rank":2}]}""";
    api()
        .body(first.formatted(Ledger.unique("EXP"), person))
        .when()
        .post("/api/v1/cases")
        .then()
        .statusCode(201)
        .body("decisions[0].outcome", equalTo("ELIGIBLE"));
    api()
        .body(first.formatted(Ledger.unique("EXP"), person).replace("2033-05-01", "2034-05-01"))
        .when()
        .post("/api/v1/cases")
        .then()
        .statusCode(201)
        .body("decisions[0].outcome", equalTo("INELIGIBLE"))
        .body("decisions[0].reasons.code", hasItem("ALREADY_RECOGNIZED"));
  }

  @Test
  void withdrawingReleasesTheGrantsOnceAndKeepsThemInTheAudit() {
    String enterprise = Ledger.unique("ORG");
    String id = Ledger.unique("WD");
    String talent = Ledger.unique("T");
    M08 m08 = M08.in(2035);
    api()
        .body(Ledger.hire(id, enterprise, talent, 2035, m08.cappedSalary()))
        .when()
        .post("/api/v1/cases")
        .then()
        .statusCode(201);
    api()
        .body(Ledger.hire(Ledger.unique("WD"), enterprise, talent, 2035, m08.cappedSalary()))
        .when()
        .post("/api/v1/cases")
        .then()
        .statusCode(201)
        .body("decisions[0].outcome", equalTo("QUOTA_EXHAUSTED"))
        .body("decisions[0].reasons.code", hasItem("PER_PERSON_CAP_EXHAUSTED"));
    api()
        .when()
        .post("/api/v1/cases/" + id + "/withdraw")
        .then()
        .statusCode(200)
        .body("status", equalTo("WITHDRAWN"))
        .body("withdrawnAt", notNullValue())
        .body("decisions[0].amount", equalTo(m08.cap().floatValue()));
    api()
        .when()
        .post("/api/v1/cases/" + id + "/withdraw")
        .then()
        .statusCode(200)
        .body("status", equalTo("WITHDRAWN"));

    api()
        .when()
        .get("/api/v1/ledger?organization=" + enterprise)
        .then()
        .body("grants", equalTo(0))
        .body(
            "pools.find { it.scope == 'M08|enterprise|" + enterprise + "|2035' }.used",
            equalTo(0.0f))
        .body("pools.find { it.scope == 'M08|talent|" + talent + "' }", notNullValue());
    Number kept =
        (Number)
            QuarkusTransaction.requiringNew()
                .call(
                    () ->
                        em.createNativeQuery(
                                "SELECT COUNT(*) FROM grant_record WHERE case_id = ?1 AND withdrawn = TRUE")
                            .setParameter(1, id)
                            .getSingleResult());
    assertThat(kept.intValue()).isEqualTo(1);
  }

  @Test
  void replayingAStoredCaseGivesTheSameDecisions() {
    String enterprise = Ledger.unique("ORG");
    M08 m08 = M08.in(2036);
    api()
        .body(
            Ledger.hire(
                Ledger.unique("RP"), enterprise, Ledger.unique("T"), 2036, m08.cappedSalary()))
        .when()
        .post("/api/v1/cases")
        .then()
        .statusCode(201);
    String id = Ledger.unique("RP");
    api()
        .body(Ledger.hire(id, enterprise, Ledger.unique("T"), 2036, m08.cappedSalary()))
        .when()
        .post("/api/v1/cases")
        .then()
        .statusCode(201);
    api()
        .when()
        .get("/api/v1/cases/" + id + "/replay")
        .then()
        .statusCode(200)
        .body("identical", equalTo(true))
        .body("differences", hasSize(0))
        .body("replayed.decisions[0].amount", equalTo(m08.cap().floatValue()));
  }

  @Test
  void answersUnknownCasesWith404() {
    badRequest()
        .when()
        .get("/api/v1/cases/NO-SUCH-CASE")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    badRequest().when().post("/api/v1/cases/NO-SUCH-CASE/withdraw").then().statusCode(404);
    badRequest().when().get("/api/v1/cases/NO-SUCH-CASE/replay").then().statusCode(404);
  }

  @Test
  void refusesBadInputBeforeRecordingAnything() {
    String id = Ledger.unique("BAD");
    badRequest()
        .contentType("application/json")
        .body(
            "{\"caseId\":\""
                + id
                + "\",\"applicationDate\":\"2020-01-01\",\"hires\":[{\"title\":\"OTHER\",\"annualSalary\":-1}]}")
        .when()
        .post("/api/v1/cases")
        .then()
        .statusCode(400)
        .body("errors.pointer", hasItem("/hires/0/annualSalary"));
    badRequest().when().get("/api/v1/cases/" + id).then().statusCode(404);
  }
}
