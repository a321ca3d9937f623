package gov.rizhao.skills.identity;

import static gov.rizhao.skills.support.Contract.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import gov.rizhao.skills.support.Contract;
import gov.rizhao.skills.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Who may do what: every operation of the contract needs a token, and each role reaches exactly the
 * operations it is meant for (403 otherwise). The matrix here is the specification of the roles the
 * issue gives; the service's annotations must agree with it.
 */
@QuarkusTest
class AccessTest {
  private static final String CASE =
      """
      {"caseId":"ACCESS-1","applicationDate":"2020-03-01",
       "person":{"id":"P-ACCESS","qualification":"SENIOR_WORKER","frontline":true,"role":"WORKER"}}""";

  /** An operation and the roles that may call it. */
  record Operation(String method, String path, String body, Set<String> roles) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  private static final List<Operation> OPERATIONS =
      List.of(
          new Operation(
              "POST", "/api/v1/evaluations", CASE, Set.of("caller", "analyst", "approver")),
          new Operation(
              "POST",
              "/api/v1/evaluations/batch",
              "[" + CASE + "]",
              Set.of("caller", "analyst", "approver")),
          new Operation("POST", "/api/v1/cases", CASE, Set.of("caller")),
          new Operation("GET", "/api/v1/cases/NO-SUCH-CASE", null, Set.of("caller", "auditor")),
          new Operation("POST", "/api/v1/cases/NO-SUCH-CASE/withdraw", null, Set.of("caller")),
          new Operation(
              "GET", "/api/v1/cases/NO-SUCH-CASE/replay", null, Set.of("caller", "auditor")),
          new Operation(
              "GET", "/api/v1/ledger", null, Set.of("caller", "analyst", "approver", "auditor")),
          new Operation(
              "GET", "/api/v1/measures", null, Set.of("caller", "analyst", "approver", "auditor")),
          new Operation(
              "GET",
              "/api/v1/measures/M01",
              null,
              Set.of("caller", "analyst", "approver", "auditor")),
          new Operation(
              "GET", "/api/v1/rulesets/current", null, Set.of("analyst", "approver", "auditor")),
          new Operation("POST", "/api/v1/rulesets/reload", null, Set.of("analyst")),
          new Operation("GET", "/api/v1/rulesets", null, Set.of("analyst", "approver", "auditor")),
          new Operation(
              "GET",
              "/api/v1/rulesets/active",
              null,
              Set.of("caller", "analyst", "approver", "auditor")),
          new Operation(
              "GET",
              "/api/v1/rulesets/sha256:0000000000000000000000000000000000000000000000000000000000000000/diff",
              null,
              Set.of("analyst", "approver", "auditor")),
          new Operation(
              "POST",
              "/api/v1/rulesets/sha256:0000000000000000000000000000000000000000000000000000000000000000/approve",
              "{\"reason\":\"x\"}",
              Set.of("approver")),
          new Operation(
              "POST",
              "/api/v1/rulesets/sha256:0000000000000000000000000000000000000000000000000000000000000000/activate",
              "{\"reason\":\"x\"}",
              Set.of("approver")),
          new Operation("GET", "/api/v1/admin/clients", null, Set.of("admin")),
          new Operation("GET", "/api/v1/admin/users", null, Set.of("admin")),
          new Operation(
              "POST", "/api/v1/admin/clients/NO-SUCH-CLIENT/secret", null, Set.of("admin")),
          new Operation("DELETE", "/api/v1/admin/users/NO-SUCH-USER", null, Set.of("admin")),
          new Operation("GET", "/api/v1/audit", null, Set.of("auditor")),
          new Operation("GET", "/api/v1/audit/verify", null, Set.of("auditor")));

  private static Response call(Operation op, String token) {
    var request = RestAssured.given().contentType("application/json");
    if (token != null) {
      request.auth().oauth2(token);
    }
    if (op.body() != null) {
      request.body(op.body());
    }
    return request.request(op.method(), op.path());
  }

  private static String tokenOf(String role) {
    return role.equals("admin") ? Tokens.admin() : Tokens.withRoles(role);
  }

  @Test
  void eachRoleReachesExactlyTheOperationsMeantForIt() {
    for (Operation op : OPERATIONS) {
      for (String role : List.of("caller", "analyst", "approver", "auditor", "admin")) {
        int status = call(op, tokenOf(role)).statusCode();
        if (op.roles().contains(role)) {
          assertThat(status).as(role + " on " + op).isNotIn(401, 403, 500);
        } else {
          assertThat(status).as(role + " on " + op).isEqualTo(403);
        }
      }
    }
  }

  @Test
  void everyOperationOfTheContractNeedsAToken() throws Exception {
    var paths = gov.rizhao.skills.support.Scenarios.YAML.readTree(Contract.SPEC.toFile());
    List<String> secured = new java.util.ArrayList<>();
    Set<String> multipart = new java.util.HashSet<>();
    paths
        .path("paths")
        .fields()
        .forEachRemaining(
            p -> {
              p.getValue()
                  .fields()
                  .forEachRemaining(
                      m -> {
                        boolean open =
                            m.getValue().has("security") && m.getValue().path("security").isEmpty();
                        String op = m.getKey().toUpperCase() + " " + p.getKey();
                        if (!open) {
                          secured.add(op);
                        }
                        if (m.getValue()
                            .path("requestBody")
                            .path("content")
                            .has("multipart/form-data")) {
                          multipart.add(op);
                        }
                      });
            });
    assertThat(secured).hasSizeGreaterThan(15);
    for (String op : secured) {
      String method = op.substring(0, op.indexOf(' '));
      String path =
          op.substring(op.indexOf(' ') + 1)
              .replaceAll("\\{id}", "M01")
              .replaceAll("\\{[A-Za-z]+}", "SOMETHING");
      // Each operation is sent the media type the contract gives it (an upload a multipart form),
      // so that what answers is the token check, not the media type.
      var request = RestAssured.given();
      if (multipart.contains(op)) {
        request.multiPart("reason", "x");
      } else {
        request
            .contentType("application/json")
            .body(method.equals("GET") || method.equals("DELETE") ? "" : "{}");
      }
      Response r = request.request(method, path);
      assertThat(r.statusCode()).as(op).isEqualTo(401);
      assertThat(r.contentType()).as(op).startsWith("application/problem+json");
      assertThat(r.header("WWW-Authenticate")).as(op).startsWith("Bearer");
    }
  }

  @Test
  void aMissingOrBadTokenIs401AndAWrongRole403BothAsProblems() {
    api("not-a-token")
        .body(CASE)
        .when()
        .post("/api/v1/evaluations")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", startsWith("Bearer"))
        .body("status", equalTo(401));
    api(Tokens.withRoles("auditor"))
        .body(CASE)
        .when()
        .post("/api/v1/cases")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("status", equalTo(403));
  }

  @Test
  void healthIsOpenTheDocumentIsOpenMetricsAreForAuditorsAndAdministrators() {
    RestAssured.given().when().get("/q/health/ready").then().statusCode(200);
    RestAssured.given().when().get("/openapi").then().statusCode(200);
    RestAssured.given().when().get("/q/metrics").then().statusCode(401);
    RestAssured.given()
        .auth()
        .oauth2(Tokens.withRoles("caller"))
        .when()
        .get("/q/metrics")
        .then()
        .statusCode(403);
    RestAssured.given()
        .auth()
        .oauth2(Tokens.withRoles("auditor"))
        .when()
        .get("/q/metrics")
        .then()
        .statusCode(200);
    RestAssured.given()
        .auth()
        .oauth2(Tokens.admin())
        .when()
        .get("/q/metrics")
        .then()
        .statusCode(200);
  }

  @Test
  void browsersGetSecurityHeadersNoCorsAndLocationsThatIgnoreTheHostHeader() {
    String system = gov.rizhao.skills.support.Ledger.unique("plain-system");
    String caseId = gov.rizhao.skills.support.Ledger.unique("HOST");
    api(Tokens.caller(system))
        .header("Host", "evil.example")
        .header("X-Forwarded-For", "203.0.113.9")
        .header("X-Forwarded-Host", "evil.example")
        .body(
            gov.rizhao.skills.support.Ledger.hire(
                caseId,
                gov.rizhao.skills.support.Ledger.unique("ORG"),
                gov.rizhao.skills.support.Ledger.unique("T"),
                2031,
                "100000"))
        .when()
        .post("/api/v1/cases")
        .then()
        .statusCode(201)
        .header("Location", "/api/v1/cases/" + caseId)
        .header("X-Content-Type-Options", "nosniff")
        .header("X-Frame-Options", "DENY")
        .header(
            "Content-Security-Policy",
            org.hamcrest.Matchers.containsString("frame-ancestors 'none'"));
    // Forwarded headers are not trusted unless configured: the audit has the connection's address.
    String source =
        api(Tokens.withRoles("auditor"))
            .when()
            .get("/api/v1/audit?actor=" + system)
            .then()
            .statusCode(200)
            .extract()
            .path("entries[0].source");
    assertThat(source).isNotEqualTo("203.0.113.9");
    RestAssured.given()
        .header("Origin", "https://evil.example")
        .header("Access-Control-Request-Method", "POST")
        .when()
        .options("/api/v1/evaluations")
        .then()
        .header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
  }
}
