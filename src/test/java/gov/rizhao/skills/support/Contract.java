package gov.rizhao.skills.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;

/**
 * REST Assured requests whose exchanges are checked against the contract in {@code
 * openapi/openapi.yaml}: a response the contract does not describe fails the test.
 */
public final class Contract {
  public static final Path SPEC = Path.of("openapi", "openapi.yaml");

  private static final OpenApiValidationFilter STRICT =
      new OpenApiValidationFilter(
          OpenApiInteractionValidator.createForInlineApiSpecification(
                  ContractDocument.forValidator(SPEC))
              .build());

  /** For requests that break the contract on purpose: only the response is checked. */
  private static final OpenApiValidationFilter RESPONSES_ONLY =
      new OpenApiValidationFilter(
          OpenApiInteractionValidator.createForInlineApiSpecification(
                  ContractDocument.forValidator(SPEC))
              .withLevelResolver(
                  LevelResolver.create()
                      .withLevel("validation.request", ValidationReport.Level.IGNORE)
                      .build())
              .build());

  private Contract() {}

  /**
   * A JSON request of a calling system with every business role; both it and its response must
   * follow the contract.
   */
  public static RequestSpecification api() {
    return api(Tokens.everything());
  }

  /**
   * A JSON request with the given bearer token; both it and its response must follow the contract.
   */
  public static RequestSpecification api(String token) {
    return RestAssured.given()
        .auth()
        .oauth2(token)
        .filter(STRICT)
        .contentType(ContentType.JSON)
        .accept(ContentType.JSON);
  }

  /** A request that may break the contract; its response must still follow it. */
  public static RequestSpecification badRequest() {
    // JSON unless the test says otherwise: with no body, REST Assured would otherwise send a form
    // type, which the service refuses for every change.
    return RestAssured.given()
        .auth()
        .oauth2(Tokens.everything())
        .contentType(ContentType.JSON)
        .filter(RESPONSES_ONLY);
  }

  /** The contract as the validator reads it, for checks made without a request. */
  public static OpenApiInteractionValidator validator() {
    return OpenApiInteractionValidator.createForInlineApiSpecification(
            ContractDocument.forValidator(SPEC))
        .build();
  }

  /** The contract as the validator reads it, as JSON. */
  public static com.fasterxml.jackson.databind.JsonNode document() {
    try {
      return Scenarios.JSON.readTree(ContractDocument.forValidator(SPEC));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
