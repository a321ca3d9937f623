package gov.rizhao.skills.support;

import io.restassured.RestAssured;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.response.ValidatableResponse;
import java.util.Map;

/**
 * Rule releases as the tests drive them: upload a draft, take a four-eyes step, put a version back
 * in force.
 */
public final class Releases {
  private Releases() {}

  /** The version in force. */
  public static String active() {
    return RestAssured.given()
        .auth()
        .oauth2(Tokens.withRoles("auditor"))
        .get("/api/v1/rulesets/active")
        .then()
        .statusCode(200)
        .extract()
        .path("version");
  }

  /** Uploads files (name and bytes, alternately) as a draft on {@code base}, as {@code token}. */
  public static ValidatableResponse upload(
      String token, String base, String reason, Object... nameAndBytes) {
    var request = RestAssured.given().auth().oauth2(token);
    for (int i = 0; i < nameAndBytes.length; i += 2) {
      request.multiPart(
          "file",
          (String) nameAndBytes[i],
          (byte[]) nameAndBytes[i + 1],
          "application/octet-stream");
    }
    if (base != null) {
      request.multiPart("base", base);
    }
    request.multiPart(
        new MultiPartSpecBuilder(reason).controlName("reason").charset("UTF-8").build());
    return request.when().post("/api/v1/rulesets").then();
  }

  /** A four-eyes step ({@code approve}, {@code reject}, {@code activate}) with a reason. */
  public static ValidatableResponse step(
      String token, String version, String step, Map<String, Object> body) {
    return RestAssured.given()
        .auth()
        .oauth2(token)
        .contentType("application/json")
        .body(body)
        .when()
        .post("/api/v1/rulesets/" + version + "/" + step)
        .then();
  }

  /** Puts the version back in force (a rollback by an approver) unless it is. */
  public static void restore(String version) {
    if (!version.equals(active())) {
      step(
              Tokens.withRoles("approver"),
              version,
              "activate",
              Map.of("reason", "测试后恢复（restore after a test）"))
          .statusCode(200);
    }
  }
}
