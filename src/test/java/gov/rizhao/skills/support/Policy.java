package gov.rizhao.skills.support;

import io.restassured.RestAssured;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * The policy's numbers as the service reads them from the rules ({@code GET
 * /api/v1/measures/{id}}): tests compute what they expect from these instead of restating the
 * policy, so a change to the rules is never a change to Java.
 */
public final class Policy {
  private Policy() {}

  /** The value of a single parameter (no member) in force on the date. */
  public static BigDecimal value(String key, LocalDate date) {
    String measure = key.substring(0, key.indexOf('.'));
    String value =
        RestAssured.given()
            .auth()
            .oauth2(Tokens.everything())
            .queryParam("date", date.toString())
            .when()
            .get("/api/v1/measures/" + measure)
            .then()
            .statusCode(200)
            .extract()
            .path("parameters.find { it.key == '" + key + "' && it.item == null }.value");
    if (value == null) {
      throw new IllegalArgumentException("no value of " + key + " on " + date);
    }
    return new BigDecimal(value);
  }

  public static int integer(String key, LocalDate date) {
    return value(key, date).intValueExact();
  }

  /** The ids of the measures the rules declare. */
  public static List<String> measures() {
    return RestAssured.given()
        .auth()
        .oauth2(Tokens.everything())
        .when()
        .get("/api/v1/measures")
        .then()
        .statusCode(200)
        .extract()
        .path("id");
  }

  /** Money as the service answers it: two decimals, half-up. */
  public static BigDecimal money(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_UP);
  }
}
