package gov.rizhao.skills.identity;

import static gov.rizhao.skills.support.Contract.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import gov.rizhao.skills.support.Ledger;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The service behind a real OpenID Connect provider: Keycloak, started by {@code .ci/keycloak-up}
 * with the realm of {@code .ci/keycloak/skills-realm.json}. Calling systems and people get their
 * tokens from Keycloak, not from the service (whose own issuer answers 404); the service checks
 * them (signature, issuer, audience {@code skills-api}) and enforces the realm roles they carry.
 * Run with {@code -Dgroups=keycloak -Dkeycloak.url=<the realm's issuer>}.
 */
@QuarkusTest
@Tag("keycloak")
@TestProfile(KeycloakTest.Provider.class)
class KeycloakTest {
  /** The realm's issuer, as .ci/keycloak-up prints it. */
  static final String REALM =
      System.getProperty("keycloak.url", "http://127.0.0.1:18180/realms/skills");

  /** Tokens come from the provider: setting its URL is what turns the service's own issuer off. */
  public static class Provider implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("quarkus.oidc.auth-server-url", REALM);
    }
  }

  private static String newCase(String caseId) {
    return """
        {"caseId":"%s","applicationDate":"2020-03-01",
         "person":{"id":"P-KC-1","qualification":"SENIOR_WORKER","frontline":true,"role":"WORKER"}}"""
        .formatted(caseId);
  }

  /** A calling system's token: the client credentials grant (the CI-only secrets of the realm). */
  private static String clientToken(String clientId) {
    return RestAssured.given()
        .contentType(ContentType.URLENC)
        .formParam("grant_type", "client_credentials")
        .formParam("client_id", clientId)
        .formParam("client_secret", clientId + "-secret")
        .when()
        .post(REALM + "/protocol/openid-connect/token")
        .then()
        .statusCode(200)
        .extract()
        .path("access_token");
  }

  /** A person's token: the password grant through the console's client. */
  private static String personToken(String username) {
    return RestAssured.given()
        .contentType(ContentType.URLENC)
        .formParam("grant_type", "password")
        .formParam("client_id", "skills-console")
        .formParam("client_secret", "skills-console-secret")
        .formParam("username", username)
        .formParam("password", username + "-password")
        .when()
        .post(REALM + "/protocol/openid-connect/token")
        .then()
        .statusCode(200)
        .extract()
        .path("access_token");
  }

  private static JsonPath claims(String token) {
    return JsonPath.from(
        new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
  }

  @Test
  void aCallingSystemEvaluatesAndSubmitsWithItsKeycloakToken() {
    String caller = clientToken("ci-caller");
    assertThat(claims(caller).getString("iss")).isEqualTo(REALM);
    String caseId = Ledger.unique("KC");

    api(caller)
        .body(newCase(caseId))
        .when()
        .post("/api/v1/evaluations")
        .then()
        .statusCode(200)
        .body("caseId", equalTo(caseId));
    api(caller)
        .body(newCase(caseId))
        .when()
        .post("/api/v1/cases")
        .then()
        .statusCode(201)
        .body("caseId", equalTo(caseId))
        .body("owner", equalTo("service-account-ci-caller"));
    api(personToken("aud"))
        .when()
        .get("/api/v1/cases/" + caseId)
        .then()
        .statusCode(200)
        .body("owner", equalTo("service-account-ci-caller"));
  }

  @Test
  void anAnalystReadsTheRulesetAndEvaluatesButMayNotSubmit() {
    String analyst = personToken("ana");
    assertThat(claims(analyst).getList("realm_access.roles")).containsExactly("analyst");

    api(analyst).when().get("/api/v1/rulesets/current").then().statusCode(200);
    api(analyst)
        .body(newCase(Ledger.unique("KC")))
        .when()
        .post("/api/v1/evaluations")
        .then()
        .statusCode(200);
    api(analyst)
        .body(newCase(Ledger.unique("KC")))
        .when()
        .post("/api/v1/cases")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("status", equalTo(403));
  }

  @Test
  void anAuditorReadsTheAuditLogButMayNotEvaluate() {
    String auditor = personToken("aud");

    RestAssured.given().auth().oauth2(auditor).when().get("/api/v1/audit").then().statusCode(200);
    RestAssured.given()
        .auth()
        .oauth2(auditor)
        .contentType(ContentType.JSON)
        .body(newCase(Ledger.unique("KC")))
        .when()
        .post("/api/v1/evaluations")
        .then()
        .statusCode(403);
  }

  @Test
  void noTokenIs401() {
    RestAssured.given()
        .contentType(ContentType.JSON)
        .body(newCase(Ledger.unique("KC")))
        .when()
        .post("/api/v1/evaluations")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", startsWith("Bearer"));
  }

  @Test
  void aTokenOfTheRealmNotMeantForTheServiceIs401() {
    // Another application of the realm: a valid token with the role caller, but without the
    // audience skills-api.
    String other = clientToken("other-app");
    assertThat(claims(other).getList("realm_access.roles")).containsExactly("caller");
    Object audience = claims(other).get("aud");
    assertThat(String.valueOf(audience)).doesNotContain("skills-api");

    RestAssured.given()
        .auth()
        .oauth2(other)
        .contentType(ContentType.JSON)
        .body(newCase(Ledger.unique("KC")))
        .when()
        .post("/api/v1/evaluations")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }

  @Test
  void aTokenWhoseClaimsWereEditedIs401() {
    String[] parts = clientToken("ci-caller").split("\\.");
    String payload =
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("\"caller\"", "\"admin\"");
    String forged =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];

    RestAssured.given()
        .auth()
        .oauth2(forged)
        .when()
        .get("/api/v1/admin/clients")
        .then()
        .statusCode(401);
  }

  @Test
  void theServiceIssuesNoTokensOfItsOwn() {
    RestAssured.given()
        .contentType(ContentType.URLENC)
        .formParam("grant_type", "client_credentials")
        .formParam("client_id", "ci-caller")
        .formParam("client_secret", "ci-caller-secret")
        .when()
        .post("/oauth/token")
        .then()
        .statusCode(404)
        .body("error", equalTo("invalid_request"));
  }
}
