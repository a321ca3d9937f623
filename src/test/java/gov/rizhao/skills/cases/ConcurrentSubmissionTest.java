package gov.rizhao.skills.cases;

import static gov.rizhao.skills.support.Contract.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import gov.rizhao.skills.support.Ledger;
import gov.rizhao.skills.support.Policy;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;

/**
 * Many submissions at once never pass a quota or cap, and every request gets an answer. Each
 * repetition uses its own enterprise and year, so repetitions and reruns on a kept database are
 * independent.
 */
@QuarkusTest
@Tag("persistence")
class ConcurrentSubmissionTest {
  private static final ExecutorService POOL = Executors.newFixedThreadPool(16);
  private static final AtomicInteger YEAR =
      new AtomicInteger(2100 + (int) (System.nanoTime() % 500));

  @AfterAll
  static void stop() {
    POOL.shutdownNow();
  }

  private static List<Response> all(List<Callable<Response>> calls) throws Exception {
    List<Future<Response>> futures = POOL.invokeAll(calls, 120, TimeUnit.SECONDS);
    List<Response> out = new ArrayList<>();
    for (Future<Response> f : futures) {
      out.add(f.get());
    }
    return out;
  }

  @RepeatedTest(3)
  void manyHiresOfOneEnterpriseNeverPassItsYearlyCap() throws Exception {
    String enterprise = Ledger.unique("ORG");
    int year = YEAR.incrementAndGet();
    LocalDate date = LocalDate.of(year, 3, 1);
    BigDecimal share = Policy.value("M08.salaryShare", date);
    BigDecimal cap = Policy.value("M08.perPersonCap", date);
    BigDecimal yearCap = Policy.value("M08.enterpriseYearCap", date);
    String capped =
        cap.divide(share, 0, RoundingMode.CEILING).multiply(BigDecimal.valueOf(2)).toPlainString();
    String threeQuarters =
        cap.multiply(new BigDecimal("0.75")).divide(share, 0, RoundingMode.FLOOR).toPlainString();
    int hires = yearCap.divide(cap, 0, RoundingMode.CEILING).intValue() * 2 + 20;
    List<Callable<Response>> calls = new ArrayList<>();
    for (int i = 0; i < hires; i++) {
      String body =
          Ledger.hire(
              Ledger.unique("PAR"),
              enterprise,
              Ledger.unique("T"),
              year,
              i % 2 == 0 ? capped : threeQuarters);
      calls.add(() -> api().body(body).post("/api/v1/cases").then().extract().response());
    }
    List<Response> answers = all(calls);

    BigDecimal granted = BigDecimal.ZERO;
    int eligible = 0;
    for (Response r : answers) {
      assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
      Map<String, Object> d = r.jsonPath().getMap("decisions[0]");
      BigDecimal amount = new BigDecimal(String.valueOf(d.get("amount")));
      granted = granted.add(amount);
      if ("ELIGIBLE".equals(d.get("outcome"))) {
        eligible++;
      } else {
        assertThat(d.get("outcome")).isEqualTo("QUOTA_EXHAUSTED");
      }
    }
    assertThat(granted).isEqualByComparingTo(yearCap);
    assertThat(eligible)
        .isBetween(
            yearCap.divide(cap, 0, RoundingMode.CEILING).intValue(),
            yearCap.divide(cap.multiply(new BigDecimal("0.75")), 0, RoundingMode.CEILING).intValue()
                + 1);
    api()
        .when()
        .get("/api/v1/ledger?year=" + year + "&organization=" + enterprise)
        .then()
        .body("amount", equalTo(yearCap.floatValue()))
        .body("grants", equalTo(eligible));
  }

  @RepeatedTest(3)
  void tenNominationsMoreThanTheYearlyQuotaSelectTheQuota() throws Exception {
    int year = YEAR.incrementAndGet();
    int quota = Policy.integer("M04.yearlyQuota", LocalDate.of(year, 6, 15));
    List<Callable<Response>> calls = new ArrayList<>();
    for (int i = 0; i < quota + 10; i++) {
      String body = Ledger.chiefTechnician(Ledger.unique("M04"), Ledger.unique("P"), year);
      calls.add(() -> api().body(body).post("/api/v1/cases").then().extract().response());
    }
    List<Response> answers = all(calls);
    long selected =
        answers.stream()
            .filter(
                r -> {
                  assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
                  return "ELIGIBLE".equals(r.jsonPath().getString("decisions[0].outcome"));
                })
            .count();
    long refused =
        answers.stream()
            .filter(r -> "QUOTA_EXHAUSTED".equals(r.jsonPath().getString("decisions[0].outcome")))
            .count();
    assertThat(selected).isEqualTo(quota);
    assertThat(refused).isEqualTo(10);
    api()
        .when()
        .get("/api/v1/ledger?year=" + year + "&measure=M04")
        .then()
        .body("grants", equalTo(quota))
        .body("pools.find { it.scope == 'M04|year|" + year + "' }.used", equalTo(quota));
  }

  @RepeatedTest(3)
  void theSameCaseSentTenTimesAtOnceIsRecordedOnce() throws Exception {
    String enterprise = Ledger.unique("ORG");
    String body =
        Ledger.hire(
            Ledger.unique("DUP"), enterprise, Ledger.unique("T"), YEAR.incrementAndGet(), "300000");
    List<Callable<Response>> calls = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      calls.add(() -> api().body(body).post("/api/v1/cases").then().extract().response());
    }
    List<Response> answers = all(calls);
    assertThat(answers).extracting(Response::statusCode).containsOnly(200, 201);
    assertThat(answers).filteredOn(r -> r.statusCode() == 201).hasSize(1);
    assertThat(answers)
        .extracting(r -> r.jsonPath().getString("evaluatedAt"))
        .containsOnly(answers.get(0).jsonPath().getString("evaluatedAt"));
    api()
        .when()
        .get("/api/v1/ledger?organization=" + enterprise)
        .then()
        .body("grants", equalTo(1))
        .body("amount", equalTo(90000.00f));
  }
}
