package gov.rizhao.skills.cases;

import static gov.rizhao.skills.support.Contract.api;
import static gov.rizhao.skills.support.Contract.badRequest;
import static org.hamcrest.Matchers.equalTo;

import gov.rizhao.skills.support.Ledger;
import gov.rizhao.skills.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A case belongs to the calling system that submitted it: two systems may use one application
 * number, neither sees, withdraws or replays the other's case (it is not there for them), and
 * auditors read both. Runs on H2 and PostgreSQL.
 */
@QuarkusTest
@Tag("persistence")
class CaseOwnershipTest {
  @Test
  void twoSystemsUseOneCaseIdEachForItsOwnCase() {
    String first = Ledger.unique("system-a");
    String second = Ledger.unique("system-b");
    String caseId = Ledger.unique("SHARED");
    String a = Tokens.caller(first);
    String b = Tokens.caller(second);
    api(a)
        .body(Ledger.hire(caseId, Ledger.unique("ORG"), Ledger.unique("T"), 2034, "100000"))
        .when()
        .post("/api/v1/cases")
        .then()
        .statusCode(201)
        .body("owner", equalTo(first));

    // The other system does not see it, cannot withdraw or replay it: for it there is no such case.
    api(b).when().get("/api/v1/cases/" + caseId).then().statusCode(404);
    api(b).when().post("/api/v1/cases/" + caseId + "/withdraw").then().statusCode(404);
    api(b).when().get("/api/v1/cases/" + caseId + "/replay").then().statusCode(404);

    // Its own case under the same id, with other content, is a new case (not a conflict).
    api(b)
        .body(Ledger.hire(caseId, Ledger.unique("ORG"), Ledger.unique("T"), 2034, "200000"))
        .when()
        .post("/api/v1/cases")
        .then()
        .statusCode(201)
        .body("owner", equalTo(second));
    api(b).when().post("/api/v1/cases/" + caseId + "/withdraw").then().statusCode(200);
    api(a)
        .when()
        .get("/api/v1/cases/" + caseId)
        .then()
        .statusCode(200)
        .body("status", equalTo("DECIDED"));

    // An auditor reads both, naming the owner when the id is ambiguous.
    String auditor = Tokens.withRoles("auditor");
    badRequest()
        .auth()
        .oauth2(auditor)
        .when()
        .get("/api/v1/cases/" + caseId)
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    api(auditor)
        .when()
        .get("/api/v1/cases/" + caseId + "?owner=" + second)
        .then()
        .statusCode(200)
        .body("status", equalTo("WITHDRAWN"));
    api(auditor)
        .when()
        .get("/api/v1/cases/" + caseId + "/replay?owner=" + first)
        .then()
        .statusCode(200)
        .body("identical", equalTo(true));
    // An auditor changes nothing.
    api(auditor).when().post("/api/v1/cases/" + caseId + "/withdraw").then().statusCode(403);
  }
}
