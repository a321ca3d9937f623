package gov.rizhao.skills.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import gov.rizhao.skills.support.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Dry runs count the pools as they were at most skills.dry-run-staleness ago (1 s): a quota another
 * instance filled is seen within the bound, a submission on this instance at once, and a submission
 * always counts the database as it is.
 */
@QuarkusTest
class DryRunLagTest {
  @Inject EntityManager em;

  private String caller;

  @BeforeEach
  void token() {
    caller = Tokens.caller("lag-system");
  }

  private RequestSpecification api() {
    return RestAssured.given().auth().oauth2(caller).contentType("application/json");
  }

  private static String expert(int year) {
    String id = "LAG-" + UUID.randomUUID();
    return """
        {"caseId":"%s","applicationDate":"%d-06-01",
         "person":{"id":"P-%s","qualification":"SENIOR_WORKER","frontline":true,"role":"WORKER"},
         "competitionResults":[{"tier":"PROVINCIAL_CLASS_1","rank":4}]}"""
        .formatted(id, year, id);
  }

  private String dryRun(int year) {
    return api()
        .body(expert(year))
        .post("/api/v1/evaluations")
        .then()
        .statusCode(200)
        .extract()
        .path("decisions[0].outcome");
  }

  /**
   * Fills the year's places of the measure as another instance would: its pool row, at the limit.
   */
  private void fillBehindThisInstance(int year) {
    String scope = "M06|year|" + year;
    BigDecimal limit =
        new BigDecimal(
            RestAssured.given()
                .auth()
                .oauth2(caller)
                .get("/api/v1/measures/M06?date=" + year + "-06-01")
                .then()
                .statusCode(200)
                .extract()
                .path("parameters.find { it.key == 'M06.yearlyQuota' }.value")
                .toString());
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              em.createNativeQuery("DELETE FROM pool_total WHERE scope = ?1")
                  .setParameter(1, scope)
                  .executeUpdate();
              em.createNativeQuery(
                      "INSERT INTO pool_total (scope, unit, used, pool_limit, updated_at)"
                          + " VALUES (?1, 'COUNT', ?2, ?2, ?3)")
                  .setParameter(1, scope)
                  .setParameter(2, limit)
                  .setParameter(3, Instant.now())
                  .executeUpdate();
            });
  }

  private static int freshYear() {
    return 2999 - ThreadLocalRandom.current().nextInt(8);
  }

  @Test
  void aQuotaFilledBehindThisInstanceIsSeenByDryRunsWithinTheBound() throws InterruptedException {
    int year = freshYear();
    assertThat(dryRun(year)).isEqualTo("ELIGIBLE");
    fillBehindThisInstance(year);
    long deadline = System.nanoTime() + 5_000_000_000L; // the bound is 1 s: room to spare
    String seen = dryRun(year);
    while (!seen.equals("QUOTA_EXHAUSTED") && System.nanoTime() < deadline) {
      Thread.sleep(100);
      seen = dryRun(year);
    }
    assertThat(seen).isEqualTo("QUOTA_EXHAUSTED");
  }

  @Test
  void aSubmissionCountsTheDatabaseEvenWhileDryRunsStillRememberAnEarlierTotal() {
    int year = freshYear() - 10;
    assertThat(dryRun(year)).isEqualTo("ELIGIBLE");
    fillBehindThisInstance(year);
    assertThat(
            api()
                .body(expert(year))
                .post("/api/v1/cases")
                .then()
                .statusCode(201)
                .extract()
                .<String>path("decisions[0].outcome"))
        .isEqualTo("QUOTA_EXHAUSTED");
    // The submission was made here: dry runs forget what they remembered, at once.
    assertThat(dryRun(year)).isEqualTo("QUOTA_EXHAUSTED");
  }
}
