package gov.rizhao.skills.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import gov.rizhao.skills.support.Contract;
import gov.rizhao.skills.support.Releases;
import gov.rizhao.skills.support.Scenarios;
import gov.rizhao.skills.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The served API is the contract in openapi/: the same document, every operation routed, responses
 * checked.
 */
@QuarkusTest
class OpenApiContractTest {

  @Test
  void servesTheContractFileAsItsOpenApiDocument() throws Exception {
    JsonNode file = Scenarios.YAML.readTree(Contract.SPEC.toFile());
    String served =
        RestAssured.given()
            .accept("application/json")
            .when()
            .get("/openapi")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    JsonNode doc = Scenarios.JSON.readTree(served);
    assertThat(doc.path("paths").size()).isEqualTo(file.path("paths").size());
    file.path("paths")
        .fieldNames()
        .forEachRemaining(p -> assertThat(doc.path("paths").has(p)).as(p).isTrue());
    assertThat(doc.path("components").path("schemas").has("Decision")).isTrue();
  }

  /**
   * Every operation reaches its resource method (never the router's 404 or 405, never a 500), and
   * what it answers is an answer the contract describes. Path parameters name real things where the
   * service has them (the version in force, one of its files), else things that do not exist.
   */
  @Test
  void routesEveryOperationTheContractDeclares() throws Exception {
    JsonNode paths = Scenarios.YAML.readTree(Contract.SPEC.toFile()).path("paths");
    OpenApiInteractionValidator validator = Contract.validator();
    String version = Releases.active();
    List<String> undescribed = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> it = paths.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> path = it.next();
      String url =
          path.getKey()
              .replace("/simulations/{id}", "/simulations/NO-SUCH-SIMULATION")
              .replace("{id}", "M01")
              .replace("{caseId}", "NO-SUCH-CASE")
              .replace("{clientId}", "NO-SUCH-CLIENT")
              .replace("{username}", "NO-SUCH-USER")
              .replace("{version}", version)
              .replace("{name}", "m06-technical-expert.drl.xlsx");
      for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
          methods.hasNext(); ) {
        Map.Entry<String, JsonNode> operation = methods.next();
        String method = operation.getKey();
        var request = RestAssured.given().auth().oauth2(Tokens.everything());
        if (operation.getValue().path("requestBody").path("content").has("multipart/form-data")) {
          // An upload with no file: the resource method answers 400, and nothing is stored.
          request.multiPart("reason", "routing");
        } else {
          request.contentType("application/json").body(method.equals("post") ? "{}" : "");
        }
        Response answer = request.request(method.toUpperCase(), url);
        int status = answer.statusCode();
        int unrouted = url.contains("NO-SUCH-") ? 405 : 404;
        assertThat(status).as(method + " " + url).isNotIn(unrouted, 405, 500);
        if (status == 404) {
          // The router's own 404 says only this; a resource's names what it did not find.
          assertThat(answer.jsonPath().getString("detail"))
              .as(method + " " + url)
              .isNotEqualTo("No such resource.");
        }
        ValidationReport report =
            validator.validateResponse(
                path.getKey(),
                Request.Method.valueOf(method.toUpperCase()),
                SimpleResponse.Builder.status(status)
                    .withContentType(answer.contentType())
                    .withBody(answer.asByteArray())
                    .build());
        report.getMessages().stream()
            .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
            .forEach(m -> undescribed.add(method + " " + url + " " + status + ": " + m));
      }
    }
    assertThat(undescribed).as("answers the contract does not describe").isEmpty();
  }

  @Test
  void theTestsStillRefuseAResponseFieldTheContractDoesNotDocument() {
    String withAddition =
        "{\"id\":\"M01\",\"name\":\"x\",\"citation\":{\"document\":\"d\",\"article\":\"a\",\"text\":\"t\"},"
            + "\"asOf\":\"2020-01-01\",\"parameters\":[],\"addedLater\":1}";
    var validator =
        OpenApiInteractionValidator.createForSpecificationUrl(Contract.SPEC.toUri().toString())
            .build();
    assertThat(validate(validator, withAddition).hasErrors()).isTrue();
  }

  /**
   * The published document lets generated clients accept fields added later (response schemas are
   * open), while requests stay strict: an unknown field in a case is refused.
   */
  @Test
  void requestsStayStrictInThePublishedDocument() throws Exception {
    JsonNode schemas =
        Scenarios.YAML.readTree(Contract.SPEC.toFile()).path("components").path("schemas");
    for (String request :
        new String[] {"CaseInput", "Person", "Organization", "Workstation", "Hire", "Nomination"}) {
      assertThat(schemas.path(request).path("additionalProperties").asBoolean(true))
          .as(request)
          .isFalse();
    }
    for (String response : new String[] {"Evaluation", "Decision", "Problem", "Pool", "Ledger"}) {
      assertThat(schemas.path(response).has("additionalProperties")).as(response).isFalse();
    }
  }

  private static ValidationReport validate(OpenApiInteractionValidator validator, String body) {
    return validator.validateResponse(
        "/api/v1/measures/{id}",
        Request.Method.GET,
        SimpleResponse.Builder.ok().withContentType("application/json").withBody(body).build());
  }
}
