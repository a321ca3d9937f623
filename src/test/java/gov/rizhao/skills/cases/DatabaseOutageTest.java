package gov.rizhao.skills.cases;

import static gov.rizhao.skills.support.Contract.api;
import static gov.rizhao.skills.support.Contract.badRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import gov.rizhao.skills.support.Ledger;
import gov.rizhao.skills.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The real PostgreSQL server goes away and comes back: requests answer 503 meanwhile, and nothing
 * acknowledged is lost. Tagged postgres-only: the default run leaves it out, the PostgreSQL suite
 * of .ci/run runs it, as root on a machine whose cluster it may stop.
 */
@QuarkusTest
@Tag("persistence")
@Tag("postgres-only")
class DatabaseOutageTest {

  private static void cluster(String action) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", "15", "main", action)
            .redirectErrorStream(true)
            .start();
    assertThat(p.waitFor())
        .as("pg_ctlcluster " + action + ": " + new String(p.getInputStream().readAllBytes()))
        .isZero();
  }

  @AfterEach
  void restart() throws Exception {
    Process status = new ProcessBuilder("pg_ctlcluster", "15", "main", "status").start();
    if (status.waitFor() != 0) {
      cluster("start");
    }
  }

  @Test
  void answers503WhileTheDatabaseIsDownAndLosesNothingAcknowledged() throws Exception {
    String acknowledged = Ledger.unique("ACK");
    String enterprise = Ledger.unique("ORG");
    api()
        .body(Ledger.hire(acknowledged, enterprise, Ledger.unique("T"), 2040, "300000"))
        .when()
        .post("/api/v1/cases")
        .then()
        .statusCode(201);

    cluster("stop");
    String refused = Ledger.unique("DOWN");
    badRequest()
        .contentType("application/json")
        .body(Ledger.hire(refused, enterprise, Ledger.unique("T"), 2040, "300000"))
        .when()
        .post("/api/v1/cases")
        .then()
        .statusCode(503)
        .contentType("application/problem+json")
        .header("Retry-After", notNullValue())
        .body("title", equalTo("Database unavailable"));
    badRequest().when().get("/api/v1/cases/" + acknowledged).then().statusCode(503);
    RestAssured.given()
        .auth()
        .oauth2(Tokens.everything())
        .when()
        .get("/api/v1/measures/M08")
        .then()
        .statusCode(200);

    cluster("start");
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    int status;
    do {
      status =
          badRequest().when().get("/api/v1/cases/" + acknowledged).then().extract().statusCode();
    } while (status == 503 && Instant.now().isBefore(deadline));
    api()
        .when()
        .get("/api/v1/cases/" + acknowledged)
        .then()
        .statusCode(200)
        .body("decisions[0].amount", equalTo(90000.00f));
    badRequest().when().get("/api/v1/cases/" + refused).then().statusCode(404);
    api()
        .when()
        .get("/api/v1/ledger?organization=" + enterprise)
        .then()
        .body("grants", equalTo(1))
        .body("amount", equalTo(90000.00f));
  }
}
